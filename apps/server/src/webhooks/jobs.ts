import {
  type Database,
  deliveryToSend,
  inTransaction,
  type JobRunner,
  listPendingDeliveries,
  markDeliveryQueued,
  recordAttempt,
  type SecretBox,
} from '@facets/db';
import { WEBHOOK_RETRY } from '@facets/domain';
import type { Kysely } from 'kysely';
import type { JobLog } from '../jobs/log.ts';
import type { WebhookSender } from './send.ts';

/**
 * The jobs of webhooks (docs/architecture.md "Jobs"). Deliveries are written with the change they tell of (db
 * `webhooks/`); every few seconds `webhooks.dispatch` gives each pending one its own `webhooks.deliver` job, in the
 * transaction that marks it queued, so each is enqueued once across servers. A failed attempt throws, and the runner
 * tries again after a wait that doubles (domain WEBHOOK_RETRY); each attempt is recorded.
 */

export const WEBHOOK_JOBS = { dispatch: 'webhooks.dispatch', deliver: 'webhooks.deliver' } as const;
export const WEBHOOK_DISPATCH_EVERY_SECONDS = 5;

export function registerWebhookJobs(
  runner: JobRunner,
  args: {
    db: Kysely<Database>;
    newId: () => string;
    baseUrl: string;
    secrets: SecretBox;
    send: WebhookSender;
    log?: JobLog;
    dispatchEverySeconds?: number;
  },
): void {
  runner.register(WEBHOOK_JOBS.dispatch, async (_, job) => {
    const now = job.now.toISOString();
    for (const d of await listPendingDeliveries(args.db, { limit: 200 })) {
      await inTransaction(args.db, async (trx) => {
        if (await markDeliveryQueued(trx, { organizationId: d.organizationId, deliveryId: d.id, now }))
          await runner.enqueue(trx, WEBHOOK_JOBS.deliver, { organizationId: d.organizationId, deliveryId: d.id });
      });
    }
  });
  runner.register<{ organizationId: string; deliveryId: string }>(
    WEBHOOK_JOBS.deliver,
    async ({ organizationId, deliveryId }, job) => {
      const now = job.now.toISOString();
      const delivery = await deliveryToSend(args.db, { organizationId, deliveryId, secrets: args.secrets, now });
      if (!delivery) return;
      const result = await args.send({
        url: delivery.url,
        id: delivery.id,
        secret: delivery.secret,
        body: delivery.body,
        now: job.now,
      });
      const final = job.attempt > WEBHOOK_RETRY.retryLimit;
      const { paused } = await recordAttempt(args.db, {
        organizationId,
        deliveryId,
        webhookId: delivery.webhookId,
        ...result,
        final,
        now,
        newId: args.newId,
        baseUrl: args.baseUrl,
      });
      if (paused)
        args.log?.info({ organizationId, webhookId: delivery.webhookId }, 'paused a webhook failing for a day');
      if (!result.ok && !paused) throw new Error(`webhook delivery failed: ${result.error}`);
    },
    { retry: WEBHOOK_RETRY, timeoutSeconds: 60 },
  );
  runner.schedule(WEBHOOK_JOBS.dispatch, { everySeconds: args.dispatchEverySeconds ?? WEBHOOK_DISPATCH_EVERY_SECONDS });
}
