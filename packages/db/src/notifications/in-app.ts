import { DomainError, NotificationParams } from '@facets/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import type { Recipient } from './preferences.ts';

/**
 * The in-app notifications of one person (member or stakeholder): what the bell of the console and of every portal
 * lists. Each is written by `notify` in the transaction of its e-mail; its recipient alone reads it and marks it read.
 */

export interface InAppNotification {
  id: string;
  params: NotificationParams;
  /** A path inside the app, from the server's root (`/console/inbox`, `/supplier/feedback`). */
  link: string;
  createdAt: string;
  readAt: string | null;
}

export const MAX_NOTIFICATIONS_PAGE = 50;

const mine = (db: Kysely<Database>, args: { organizationId: string; recipient: Recipient }) =>
  db
    .selectFrom('notification')
    .where('organization_id', '=', args.organizationId)
    .where('recipient_kind', '=', args.recipient.kind)
    .where('recipient_id', '=', args.recipient.id);

/**
 * A page of a person's notifications, newest first (ties by id), after the cursor of the previous page; and how many
 * they have not read. A row whose parameters no longer parse (a kind retired) is left out of the page, not shown raw.
 */
export async function listNotifications(
  db: Kysely<Database>,
  args: { organizationId: string; recipient: Recipient; limit: number; cursor?: string | null },
): Promise<{ items: InAppNotification[]; unread: number; nextCursor: string | null }> {
  let query = mine(db, args).select(['id', 'params', 'link', 'created_at', 'read_at']);
  if (args.cursor) {
    const [at, id] = decodeCursor(args.cursor);
    query = query.where((eb) =>
      eb.or([eb('created_at', '<', at), eb.and([eb('created_at', '=', at), eb('id', '<', id)])]),
    );
  }
  const rows = await query
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(args.limit + 1)
    .execute();
  const page = rows.slice(0, args.limit);
  const unread = await mine(db, args)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  const last = page.at(-1);
  return {
    items: page.flatMap((r) => {
      const params = NotificationParams.safeParse(JSON.parse(r.params));
      return params.success
        ? [{ id: r.id, params: params.data, link: r.link, createdAt: r.created_at, readAt: r.read_at }]
        : [];
    }),
    unread: Number(unread.n),
    nextCursor: rows.length > args.limit && last ? encodeCursor(last.created_at, last.id) : null,
  };
}

/** Marks one of a person's notifications read, or all of them; someone else's id is not found. */
export async function markNotificationsRead(
  db: Kysely<Database>,
  args: { organizationId: string; recipient: Recipient; which: { id: string } | { all: true }; now: string },
): Promise<{ marked: number }> {
  let query = db
    .updateTable('notification')
    .set({ read_at: args.now })
    .where('organization_id', '=', args.organizationId)
    .where('recipient_kind', '=', args.recipient.kind)
    .where('recipient_id', '=', args.recipient.id)
    .where('read_at', 'is', null);
  if ('id' in args.which) {
    const exists = await mine(db, args).select('id').where('id', '=', args.which.id).executeTakeFirst();
    if (!exists) throw new DomainError('not_found', 'id: no such notification', 'id');
    query = query.where('id', '=', args.which.id);
  }
  const result = await query.executeTakeFirst();
  return { marked: Number(result.numUpdatedRows) };
}

const encodeCursor = (at: string, id: string) => Buffer.from(JSON.stringify([at, id])).toString('base64url');

function decodeCursor(cursor: string): [string, string] {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && parsed.every((p) => typeof p === 'string')) {
      return parsed as [string, string];
    }
  } catch {
    // refused below
  }
  throw new DomainError('invalid', 'cursor: not a cursor of this list', 'cursor', 'invalid_value');
}
