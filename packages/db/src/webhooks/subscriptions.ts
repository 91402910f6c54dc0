import { randomBytes } from 'node:crypto';
import {
  checkWebhookUrl,
  DomainError,
  invalid,
  MAX_WEBHOOKS,
  type WebhookEvent,
  WebhookFields,
  type WebhookState,
} from '@facets/domain';
import type { Kysely, Selectable } from 'kysely';
import { parseJson } from '../repositories/rows.ts';
import type { Database, WebhookSubscriptionTable } from '../schema.ts';
import type { SecretBox } from '../secret-box.ts';

/**
 * An organisation's webhook subscriptions. The signing secret is made here, returned once (on creation and on
 * rotation) and stored sealed with the server's key; no other answer carries it.
 */

export interface Webhook {
  id: string;
  url: string;
  description: string;
  events: WebhookEvent[];
  state: WebhookState;
  /** Since when every attempt has failed, null while deliveries succeed. */
  failingSince: string | null;
  pausedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface WebhookSettings {
  secrets: SecretBox;
  /** Whether subscriptions may use http to a loopback host (tests, a receiver on the same machine). */
  allowHttpLoopback: boolean;
}

const COLUMNS = [
  'id',
  'url',
  'description',
  'events',
  'state',
  'failing_since',
  'paused_at',
  'created_at',
  'updated_at',
] as const;

function toWebhook(r: Pick<Selectable<WebhookSubscriptionTable>, (typeof COLUMNS)[number]>): Webhook {
  return {
    id: r.id,
    url: r.url,
    description: r.description,
    events: parseJson<WebhookEvent[]>(r.events, []),
    state: r.state,
    failingSince: r.failing_since,
    pausedAt: r.paused_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** A fresh signing secret: 32 random bytes, `whsec_` and base64url. */
export const newWebhookSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;

/** What the secret is sealed against: it opens only for this organisation's row. */
export const secretContext = (organizationId: string, id: string) => `webhook\u0000${organizationId}\u0000${id}`;

function checkedFields(input: unknown, settings: Pick<WebhookSettings, 'allowHttpLoopback'>): WebhookFields {
  const parsed = WebhookFields.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalid(issue?.path.join('.') || 'webhook', issue?.message ?? 'is not valid', 'invalid_value');
  }
  const fields = parsed.data;
  const url = checkWebhookUrl(fields.url, settings);
  return { ...fields, url: url.url };
}

export async function listWebhooks(db: Kysely<Database>, args: { organizationId: string }): Promise<Webhook[]> {
  const rows = await db
    .selectFrom('webhook_subscription')
    .select(COLUMNS)
    .where('organization_id', '=', args.organizationId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toWebhook);
}

export async function getWebhook(
  db: Kysely<Database>,
  args: { organizationId: string; webhookId: string },
): Promise<Webhook> {
  const row = await db
    .selectFrom('webhook_subscription')
    .select(COLUMNS)
    .where('organization_id', '=', args.organizationId)
    .where('id', '=', args.webhookId)
    .executeTakeFirst();
  if (!row) throw new DomainError('not_found', 'webhookId: no such webhook', 'webhookId');
  return toWebhook(row);
}

export async function createWebhook(
  db: Kysely<Database>,
  args: { organizationId: string; fields: unknown; settings: WebhookSettings; now: string; newId: () => string },
): Promise<{ webhook: Webhook; secret: string }> {
  const fields = checkedFields(args.fields, args.settings);
  const existing = await db
    .selectFrom('webhook_subscription')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organization_id', '=', args.organizationId)
    .executeTakeFirstOrThrow();
  if (Number(existing.n) >= MAX_WEBHOOKS)
    throw new DomainError('conflict', `at most ${MAX_WEBHOOKS} webhooks`, undefined, {
      reason: 'too_many',
      maximum: MAX_WEBHOOKS,
    });
  const id = args.newId();
  const secret = newWebhookSecret();
  await db
    .insertInto('webhook_subscription')
    .values({
      id,
      organization_id: args.organizationId,
      url: fields.url,
      description: fields.description,
      events: JSON.stringify(fields.events),
      state: 'active',
      secret_sealed: args.settings.secrets.seal(secret, secretContext(args.organizationId, id)),
      failing_since: null,
      paused_at: null,
      created_at: args.now,
      updated_at: args.now,
    })
    .execute();
  return { webhook: await getWebhook(db, { organizationId: args.organizationId, webhookId: id }), secret };
}

/**
 * Changes a subscription's URL, events, description or state. Resuming a paused one clears its failures, so that it
 * has a new day before it is paused again.
 */
export async function updateWebhook(
  db: Kysely<Database>,
  args: {
    organizationId: string;
    webhookId: string;
    fields: unknown;
    state: WebhookState;
    settings: Pick<WebhookSettings, 'allowHttpLoopback'>;
    now: string;
  },
): Promise<Webhook> {
  const before = await getWebhook(db, args);
  const fields = checkedFields(args.fields, args.settings);
  const resumed = before.state === 'paused' && args.state === 'active';
  await db
    .updateTable('webhook_subscription')
    .set({
      url: fields.url,
      description: fields.description,
      events: JSON.stringify(fields.events),
      state: args.state,
      paused_at: args.state === 'paused' ? (before.pausedAt ?? args.now) : null,
      ...(resumed ? { failing_since: null } : {}),
      updated_at: args.now,
    })
    .where('organization_id', '=', args.organizationId)
    .where('id', '=', args.webhookId)
    .execute();
  return getWebhook(db, args);
}

/** Deletes a subscription with its deliveries and their attempts. */
export async function deleteWebhook(
  db: Kysely<Database>,
  args: { organizationId: string; webhookId: string },
): Promise<Webhook> {
  const webhook = await getWebhook(db, args);
  const deliveries = db
    .selectFrom('webhook_delivery')
    .select('id')
    .where('organization_id', '=', args.organizationId)
    .where('subscription_id', '=', args.webhookId);
  await db
    .deleteFrom('webhook_attempt')
    .where('organization_id', '=', args.organizationId)
    .where('delivery_id', 'in', deliveries)
    .execute();
  await db
    .deleteFrom('webhook_delivery')
    .where('organization_id', '=', args.organizationId)
    .where('subscription_id', '=', args.webhookId)
    .execute();
  await db
    .deleteFrom('webhook_subscription')
    .where('organization_id', '=', args.organizationId)
    .where('id', '=', args.webhookId)
    .execute();
  return webhook;
}

/** A new signing secret, returned once; the old one stops signing at once. */
export async function rotateWebhookSecret(
  db: Kysely<Database>,
  args: { organizationId: string; webhookId: string; settings: Pick<WebhookSettings, 'secrets'>; now: string },
): Promise<{ webhook: Webhook; secret: string }> {
  await getWebhook(db, args);
  const secret = newWebhookSecret();
  await db
    .updateTable('webhook_subscription')
    .set({
      secret_sealed: args.settings.secrets.seal(secret, secretContext(args.organizationId, args.webhookId)),
      updated_at: args.now,
    })
    .where('organization_id', '=', args.organizationId)
    .where('id', '=', args.webhookId)
    .execute();
  return { webhook: await getWebhook(db, args), secret };
}
