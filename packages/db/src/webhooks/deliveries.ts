import { DomainError, shouldPauseWebhook, type WebhookDeliveryState, type WebhookEvent } from '@facets/domain';
import type { Kysely } from 'kysely';
import { notifyWebhookPaused } from '../notifications/send.ts';
import { inTransaction } from '../repositories/rows.ts';
import type { Database } from '../schema.ts';
import type { SecretBox } from '../secret-box.ts';
import { getWebhook, secretContext } from './subscriptions.ts';

/**
 * The path of a delivery: written `pending` with its event (events.ts); `queued` once the dispatcher has enqueued its
 * job, in the same transaction; each attempt of the job recorded with its status code, error and duration; then
 * `delivered`, or `failed` when the job gave up or its subscription was paused. A subscription whose attempts have
 * all failed for 24 hours is paused and its admins told, in the transaction of that attempt.
 */

export interface WebhookAttempt {
  attemptedAt: string;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

export interface WebhookDelivery {
  id: string;
  webhookId: string;
  event: WebhookEvent;
  state: WebhookDeliveryState;
  attempts: WebhookAttempt[];
  createdAt: string;
  updatedAt: string;
}

/** The deliveries waiting for a job, oldest first, across organisations. */
export async function listPendingDeliveries(
  db: Kysely<Database>,
  args: { limit: number },
): Promise<{ id: string; organizationId: string }[]> {
  const rows = await db
    .selectFrom('webhook_delivery')
    .select(['id', 'organization_id'])
    .where('state', '=', 'pending')
    .orderBy('created_at')
    .orderBy('id')
    .limit(args.limit)
    .execute();
  return rows.map((r) => ({ id: r.id, organizationId: r.organization_id }));
}

/**
 * Marks a pending delivery queued, in the transaction that enqueues its job; false when another server did it first.
 */
export async function markDeliveryQueued(
  trx: Kysely<Database>,
  args: { organizationId: string; deliveryId: string; now: string },
): Promise<boolean> {
  const result = await trx
    .updateTable('webhook_delivery')
    .set({ state: 'queued', updated_at: args.now })
    .where('organization_id', '=', args.organizationId)
    .where('id', '=', args.deliveryId)
    .where('state', '=', 'pending')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** What a delivery job sends: null when there is nothing to send (delivered, deleted, or its webhook paused). */
export interface DeliveryToSend {
  id: string;
  organizationId: string;
  webhookId: string;
  url: string;
  secret: string;
  body: string;
}

export async function deliveryToSend(
  db: Kysely<Database>,
  args: { organizationId: string; deliveryId: string; secrets: SecretBox; now: string },
): Promise<DeliveryToSend | null> {
  const row = await db
    .selectFrom('webhook_delivery as d')
    .innerJoin('webhook_subscription as s', (j) =>
      j.onRef('s.id', '=', 'd.subscription_id').onRef('s.organization_id', '=', 'd.organization_id'),
    )
    .select(['d.id', 'd.state', 'd.body', 's.id as webhook_id', 's.url', 's.state as webhook_state', 's.secret_sealed'])
    .where('d.organization_id', '=', args.organizationId)
    .where('d.id', '=', args.deliveryId)
    .executeTakeFirst();
  if (!row || row.state === 'delivered' || row.state === 'failed') return null;
  if (row.webhook_state === 'paused') {
    await finishDelivery(db, { ...args, state: 'failed', error: 'webhook paused' });
    return null;
  }
  return {
    id: row.id,
    organizationId: args.organizationId,
    webhookId: row.webhook_id,
    url: row.url,
    secret: args.secrets.open(row.secret_sealed, secretContext(args.organizationId, row.webhook_id)),
    body: row.body,
  };
}

async function finishDelivery(
  db: Kysely<Database>,
  args: { organizationId: string; deliveryId: string; state: 'delivered' | 'failed'; error?: string; now: string },
) {
  await db
    .updateTable('webhook_delivery')
    .set({ state: args.state, updated_at: args.now, ...(args.error ? { last_error: args.error } : {}) })
    .where('organization_id', '=', args.organizationId)
    .where('id', '=', args.deliveryId)
    .execute();
}

/**
 * Records one attempt. A success delivers the delivery and clears its webhook's failures; a failure starts or
 * continues them, and after 24 hours of them pauses the webhook and tells its admins. `final`: the job will not try
 * again. Returns whether the webhook was paused by this attempt.
 */
export async function recordAttempt(
  db: Kysely<Database>,
  args: {
    organizationId: string;
    deliveryId: string;
    webhookId: string;
    ok: boolean;
    statusCode: number | null;
    error: string | null;
    durationMs: number;
    final: boolean;
    now: string;
    newId: () => string;
    baseUrl: string;
  },
): Promise<{ paused: boolean }> {
  const at = { organizationId: args.organizationId };
  return inTransaction(db, async (trx) => {
    await trx
      .insertInto('webhook_attempt')
      .values({
        id: args.newId(),
        organization_id: args.organizationId,
        delivery_id: args.deliveryId,
        attempted_at: args.now,
        status_code: args.statusCode,
        error: args.error?.slice(0, 500) ?? null,
        duration_ms: Math.max(0, Math.round(args.durationMs)),
      })
      .execute();
    await trx
      .updateTable('webhook_delivery')
      .set((eb) => ({
        attempts: eb('attempts', '+', 1),
        last_status: args.statusCode,
        last_error: args.error?.slice(0, 500) ?? null,
        updated_at: args.now,
        ...(args.ok ? { state: 'delivered' as const } : args.final ? { state: 'failed' as const } : {}),
      }))
      .where('organization_id', '=', args.organizationId)
      .where('id', '=', args.deliveryId)
      .execute();
    const webhook = await getWebhook(trx, { ...at, webhookId: args.webhookId });
    if (args.ok) {
      if (webhook.failingSince !== null)
        await trx
          .updateTable('webhook_subscription')
          .set({ failing_since: null })
          .where('organization_id', '=', args.organizationId)
          .where('id', '=', args.webhookId)
          .execute();
      return { paused: false };
    }
    const failingSince = webhook.failingSince ?? args.now;
    const pause = webhook.state === 'active' && shouldPauseWebhook(failingSince, args.now);
    await trx
      .updateTable('webhook_subscription')
      .set({
        failing_since: failingSince,
        ...(pause ? { state: 'paused' as const, paused_at: args.now, updated_at: args.now } : {}),
      })
      .where('organization_id', '=', args.organizationId)
      .where('id', '=', args.webhookId)
      .execute();
    if (pause) {
      // Its other deliveries stop too: none is tried again until an admin resumes it and redelivers.
      await trx
        .updateTable('webhook_delivery')
        .set({ state: 'failed', last_error: 'webhook paused', updated_at: args.now })
        .where('organization_id', '=', args.organizationId)
        .where('subscription_id', '=', args.webhookId)
        .where('state', 'in', ['pending', 'queued'])
        .execute();
      await notifyWebhookPaused(trx, {
        ...at,
        now: args.now,
        newId: args.newId,
        baseUrl: args.baseUrl,
        url: webhook.url,
      });
    }
    return { paused: pause };
  });
}

/** A webhook's latest deliveries with their attempts, newest first. */
export async function listDeliveries(
  db: Kysely<Database>,
  args: { organizationId: string; webhookId: string; limit: number },
): Promise<WebhookDelivery[]> {
  await getWebhook(db, args);
  const rows = await db
    .selectFrom('webhook_delivery')
    .select(['id', 'subscription_id', 'event', 'state', 'created_at', 'updated_at'])
    .where('organization_id', '=', args.organizationId)
    .where('subscription_id', '=', args.webhookId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(args.limit)
    .execute();
  const attempts =
    rows.length === 0
      ? []
      : await db
          .selectFrom('webhook_attempt')
          .select(['delivery_id', 'attempted_at', 'status_code', 'error', 'duration_ms'])
          .where('organization_id', '=', args.organizationId)
          .where(
            'delivery_id',
            'in',
            rows.map((r) => r.id),
          )
          .orderBy('attempted_at')
          .orderBy('id')
          .execute();
  return rows.map((r) => ({
    id: r.id,
    webhookId: r.subscription_id,
    event: r.event as WebhookEvent,
    state: r.state,
    attempts: attempts
      .filter((a) => a.delivery_id === r.id)
      .map((a) => ({
        attemptedAt: a.attempted_at,
        statusCode: a.status_code,
        error: a.error,
        durationMs: a.duration_ms,
      })),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

/**
 * Sends a delivery again, with the same body (and event id, so a receiver that had it can tell): back to pending, its
 * attempts kept. Refused while it waits or is being tried, and while its webhook is paused.
 */
export async function redeliver(
  db: Kysely<Database>,
  args: { organizationId: string; deliveryId: string; now: string },
): Promise<{ id: string; webhookId: string }> {
  return inTransaction(db, async (trx) => {
    const row = await trx
      .selectFrom('webhook_delivery')
      .select(['id', 'state', 'subscription_id'])
      .where('organization_id', '=', args.organizationId)
      .where('id', '=', args.deliveryId)
      .executeTakeFirst();
    if (!row) throw new DomainError('not_found', 'deliveryId: no such delivery', 'deliveryId');
    if (row.state === 'pending' || row.state === 'queued')
      throw new DomainError('conflict', 'deliveryId: this delivery is still being tried', 'deliveryId', 'wrong_state');
    const webhook = await getWebhook(trx, { organizationId: args.organizationId, webhookId: row.subscription_id });
    if (webhook.state === 'paused')
      throw new DomainError('conflict', 'deliveryId: resume the webhook first', 'deliveryId', 'wrong_state');
    await trx
      .updateTable('webhook_delivery')
      .set({ state: 'pending', updated_at: args.now })
      .where('organization_id', '=', args.organizationId)
      .where('id', '=', args.deliveryId)
      .execute();
    return { id: row.id, webhookId: row.subscription_id };
  });
}
