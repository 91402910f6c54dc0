import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

export interface OutboxMessage {
  id: string;
  organizationId: string | null;
  to: string;
  subject: string;
  body: string;
  createdAt: string;
  sentAt: string | null;
}

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

/** Newest first; `to` narrows to one address (tests read their magic links this way). */
export async function listOutbox(
  db: Kysely<Database>,
  args: { organizationId?: string; to?: string; unsentOnly?: boolean; limit?: number } = {},
): Promise<OutboxMessage[]> {
  let query = db
    .selectFrom('outbox')
    .select(['id', 'organization_id', 'to_address', 'subject', 'body', 'created_at', 'sent_at']);
  if (args.organizationId !== undefined) query = query.where('organization_id', '=', args.organizationId);
  if (args.to !== undefined) query = query.where('to_address', '=', args.to);
  if (args.unsentOnly) query = query.where('sent_at', 'is', null);
  const rows = await query
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(args.limit ?? 100)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    organizationId: r.organization_id,
    to: r.to_address,
    subject: r.subject,
    body: r.body,
    createdAt: r.created_at,
    sentAt: r.sent_at,
  }));
}

export async function markSent(db: Kysely<Database>, args: { id: string; now: string }): Promise<void> {
  await db.updateTable('outbox').set({ sent_at: args.now }).where('id', '=', args.id).execute();
}
