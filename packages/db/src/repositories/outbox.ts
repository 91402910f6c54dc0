import type { Kysely, Selectable } from 'kysely';
import type { Database, OutboxTable } from '../schema.ts';

export interface OutboxMessage {
  id: string;
  organizationId: string | null;
  to: string;
  subject: string;
  body: string;
  createdAt: string;
  sentAt: string | null;
  /** Delivery attempts so far, and why the last one failed. */
  attempts: number;
  lastError: string | null;
}

/** After this many failed attempts a message stays in the outbox for an admin to read, and is not tried again. */
export const MAX_DELIVERY_ATTEMPTS = 5;

export async function enqueueMessage(
  db: Kysely<Database>,
  input: {
    organizationId: string | null;
    to: string;
    subject: string;
    body: string;
    now: string;
    newId: () => string;
  },
): Promise<{ id: string }> {
  const id = input.newId();
  await db
    .insertInto('outbox')
    .values({
      id,
      organization_id: input.organizationId,
      to_address: input.to,
      subject: input.subject,
      body: input.body,
      created_at: input.now,
      sent_at: null,
    })
    .execute();
  return { id };
}

const COLUMNS = [
  'id',
  'organization_id',
  'to_address',
  'subject',
  'body',
  'created_at',
  'sent_at',
  'attempts',
  'last_error',
] as const;

function toMessage(r: Pick<Selectable<OutboxTable>, (typeof COLUMNS)[number]>): OutboxMessage {
  return {
    id: r.id,
    organizationId: r.organization_id,
    to: r.to_address,
    subject: r.subject,
    body: r.body,
    createdAt: r.created_at,
    sentAt: r.sent_at,
    attempts: r.attempts,
    lastError: r.last_error,
  };
}

/** Newest first; `to` narrows to one address (tests read their magic links this way). */
export async function listOutbox(
  db: Kysely<Database>,
  args: { organizationId?: string; to?: string; unsentOnly?: boolean; limit?: number } = {},
): Promise<OutboxMessage[]> {
  let query = db.selectFrom('outbox').select(COLUMNS);
  if (args.organizationId !== undefined) query = query.where('organization_id', '=', args.organizationId);
  if (args.to !== undefined) query = query.where('to_address', '=', args.to);
  if (args.unsentOnly) query = query.where('sent_at', 'is', null);
  const rows = await query
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(args.limit ?? 100)
    .execute();
  return rows.map(toMessage);
}

/** Unsent messages still worth trying, oldest first: what a mail sender works through. */
export async function listDeliverable(db: Kysely<Database>, args: { limit: number }): Promise<OutboxMessage[]> {
  const rows = await db
    .selectFrom('outbox')
    .select(COLUMNS)
    .where('sent_at', 'is', null)
    .where('attempts', '<', MAX_DELIVERY_ATTEMPTS)
    .orderBy('created_at')
    .orderBy('id')
    .limit(args.limit)
    .execute();
  return rows.map(toMessage);
}

/**
 * Takes a message for one delivery attempt: true for the one sender whose claim counted the attempt (several
 * servers may share one database), false when another sender took it first or it was sent meanwhile.
 */
export async function claimDelivery(db: Kysely<Database>, message: { id: string; attempts: number }): Promise<boolean> {
  const result = await db
    .updateTable('outbox')
    .set({ attempts: message.attempts + 1 })
    .where('id', '=', message.id)
    .where('attempts', '=', message.attempts)
    .where('sent_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function markFailed(db: Kysely<Database>, args: { id: string; error: string }): Promise<void> {
  await db
    .updateTable('outbox')
    .set({ last_error: args.error.slice(0, 500) })
    .where('id', '=', args.id)
    .execute();
}

export async function markSent(db: Kysely<Database>, args: { id: string; now: string }): Promise<void> {
  await db.updateTable('outbox').set({ sent_at: args.now, last_error: null }).where('id', '=', args.id).execute();
}
