import {
  createWebhook,
  deleteWebhook,
  getWebhook,
  inTransaction,
  listDeliveries,
  listWebhooks,
  redeliver,
  rotateWebhookSecret,
  updateWebhook,
  type Webhook,
  type WebhookSettings,
} from '@facets/db';
import { ADMINS, changesOf, DomainError, WebhookFields, WebhookState } from '@facets/domain';
import { z } from 'zod';
import { audit, type Ctx } from '../audit.ts';
import type { Context } from '../context.ts';
import { router, staffProcedure } from '../trpc.ts';

/**
 * Webhooks (README "Integrations" → "Webhooks"): admins alone list, create, change, pause and delete them, read their
 * deliveries and send one again; every change is audited with the URL, never the secret. The signing secret is in
 * the answers of `create` and `rotateSecret` only.
 */
const admins = staffProcedure(...ADMINS);

const Id = z.string().min(1).max(100);
export const WebhookIdInput = z.strictObject({ webhookId: Id });
export const CreateWebhookInput = WebhookFields.strict();
export const UpdateWebhookInput = WebhookFields.extend({ webhookId: Id, state: WebhookState }).strict();
export const DeliveriesInput = z.strictObject({ webhookId: Id, limit: z.number().int().min(1).max(200).default(50) });
export const RedeliverInput = z.strictObject({ deliveryId: Id });

function settingsOf(ctx: Pick<Context, 'webhooks'>): WebhookSettings {
  if (!ctx.webhooks)
    throw new DomainError('conflict', 'webhooks are not configured on this server', undefined, 'not_allowed');
  return ctx.webhooks;
}

const details = (w: Webhook) => ({ url: w.url, events: w.events, state: w.state });
const fields = (w: Webhook) => ({
  url: w.url,
  description: w.description,
  events: w.events.join(', '),
  state: w.state,
});

function create(ctx: Ctx & Pick<Context, 'webhooks'>, input: z.infer<typeof CreateWebhookInput>) {
  const settings = settingsOf(ctx);
  return inTransaction(ctx.db, async (trx) => {
    const created = await createWebhook(trx, {
      ...ctx.tenant,
      fields: input,
      settings,
      now: ctx.now,
      newId: ctx.newId,
    });
    await audit(ctx, trx, { action: 'webhooks.create', target: created.webhook.id, details: details(created.webhook) });
    return created;
  });
}

function update(ctx: Ctx & Pick<Context, 'webhooks'>, input: z.infer<typeof UpdateWebhookInput>) {
  const settings = settingsOf(ctx);
  const { webhookId, state, ...rest } = input;
  const { organizationId } = ctx.tenant;
  return inTransaction(ctx.db, async (trx) => {
    const before = await getWebhook(trx, { organizationId, webhookId });
    const after = await updateWebhook(trx, {
      organizationId,
      webhookId,
      fields: rest,
      state,
      settings,
      now: ctx.now,
    });
    const changes = changesOf(fields(before), fields(after));
    if (Object.keys(changes).length > 0)
      await audit(ctx, trx, { action: 'webhooks.update', target: webhookId, details: { url: after.url, ...changes } });
    return after;
  });
}

function remove(ctx: Ctx, input: z.infer<typeof WebhookIdInput>) {
  return inTransaction(ctx.db, async (trx) => {
    const removed = await deleteWebhook(trx, { ...ctx.tenant, ...input });
    await audit(ctx, trx, { action: 'webhooks.delete', target: removed.id, details: details(removed) });
    return { removed: true as const };
  });
}

function rotate(ctx: Ctx & Pick<Context, 'webhooks'>, input: z.infer<typeof WebhookIdInput>) {
  const settings = settingsOf(ctx);
  return inTransaction(ctx.db, async (trx) => {
    const rotated = await rotateWebhookSecret(trx, {
      ...ctx.tenant,
      ...input,
      settings,
      now: ctx.now,
    });
    await audit(ctx, trx, {
      action: 'webhooks.rotate_secret',
      target: rotated.webhook.id,
      details: { url: rotated.webhook.url },
    });
    return rotated;
  });
}

function resend(ctx: Ctx, input: z.infer<typeof RedeliverInput>) {
  const { organizationId } = ctx.tenant;
  return inTransaction(ctx.db, async (trx) => {
    const delivery = await redeliver(trx, { organizationId, ...input, now: ctx.now });
    const webhook = await getWebhook(trx, { organizationId, webhookId: delivery.webhookId });
    await audit(ctx, trx, { action: 'webhooks.redeliver', target: delivery.id, details: { url: webhook.url } });
    return { id: delivery.id, state: 'pending' as const };
  });
}

export const webhooksRouter = router({
  list: admins.query(({ ctx }) => listWebhooks(ctx.db, ctx.tenant)),
  create: admins.input(CreateWebhookInput).mutation(({ ctx, input }) => create(ctx, input)),
  update: admins.input(UpdateWebhookInput).mutation(({ ctx, input }) => update(ctx, input)),
  delete: admins.input(WebhookIdInput).mutation(({ ctx, input }) => remove(ctx, input)),
  rotateSecret: admins.input(WebhookIdInput).mutation(({ ctx, input }) => rotate(ctx, input)),
  deliveries: admins
    .input(DeliveriesInput)
    .query(({ ctx, input }) => listDeliveries(ctx.db, { ...ctx.tenant, ...input })),
  redeliver: admins.input(RedeliverInput).mutation(({ ctx, input }) => resend(ctx, input)),
});
