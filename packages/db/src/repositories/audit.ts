import type { AuditAction, AuditDetails } from '@facets/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { decodePageCursor, encodePageCursor, parseJson } from './rows.ts';

/**
 * The audit log: who did which sensitive action, when, to what. Events are written by the action's own transaction
 * (pass the transaction as `db`), so an action that fails or is refused leaves no event, and an event never exists
 * without its action. Events are never updated nor deleted by the product.
 */

export interface AuditEvent {
  id: string;
  at: string;
  action: AuditAction;
  /** The staff member who acted, with their name and e-mail as they are now; null for the system. */
  actor: { memberId: string; name: string; email: string } | null;
  target: string | null;
  details: AuditDetails;
}

export async function recordAuditEvent(
  db: Kysely<Database>,
  event: {
    organizationId: string;
    actorMemberId: string | null;
    action: AuditAction;
    target: string | null;
    details: AuditDetails;
    now: string;
    newId: () => string;
  },
): Promise<{ id: string }> {
  const id = event.newId();
  await db
    .insertInto('audit_event')
    .values({
      id,
      organization_id: event.organizationId,
      at: event.now,
      actor_member_id: event.actorMemberId,
      action: event.action,
      target: event.target,
      details: JSON.stringify(event.details),
    })
    .execute();
  return { id };
}

const AUDIT_PAGE_MAX = 100;

/** One page of an organisation's events, newest first, optionally of one action; `nextCursor` reads on. */
export async function listAuditEvents(
  db: Kysely<Database>,
  args: { organizationId: string; action?: AuditAction; cursor?: string; limit?: number },
): Promise<{ events: AuditEvent[]; nextCursor: string | null }> {
  const limit = Math.min(Math.max(args.limit ?? 50, 1), AUDIT_PAGE_MAX);
  let query = db
    .selectFrom('audit_event as e')
    .leftJoin('member as m', (join) =>
      join.onRef('m.id', '=', 'e.actor_member_id').onRef('m.organization_id', '=', 'e.organization_id'),
    )
    .leftJoin('auth_user as u', 'u.id', 'm.user_id')
    .select([
      'e.id',
      'e.at',
      'e.action',
      'e.actor_member_id',
      'e.target',
      'e.details',
      'u.name as actor_name',
      'u.email as actor_email',
    ])
    .where('e.organization_id', '=', args.organizationId);
  if (args.action !== undefined) query = query.where('e.action', '=', args.action);
  if (args.cursor !== undefined) {
    const after = decodePageCursor(args.cursor, 'log');
    query = query.where((eb) =>
      eb.or([eb('e.at', '<', after.at), eb.and([eb('e.at', '=', after.at), eb('e.id', '<', after.id)])]),
    );
  }
  const rows = await query
    .orderBy('e.at', 'desc')
    .orderBy('e.id', 'desc')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const events = page.map(
    (r): AuditEvent => ({
      id: r.id,
      at: r.at,
      action: r.action as AuditAction,
      actor:
        r.actor_member_id === null
          ? null
          : { memberId: r.actor_member_id, name: r.actor_name ?? '', email: r.actor_email ?? '' },
      target: r.target,
      details: parseJson<AuditDetails>(r.details, {}),
    }),
  );
  const last = page.at(-1);
  return { events, nextCursor: rows.length > limit && last ? encodePageCursor(last) : null };
}
