import { DomainError, type FeedbackCategory, FeedbackStatus, type LocalizedText, type StaffRole } from '@facets/domain';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';
import { anonymousDay, type FeedbackReply, feedbackQuery, type PortalFeedback, toPortalFeedback } from './feedback.ts';
import { containsPattern, inTransaction, localized } from './rows.ts';

/** The staff side of feedback: the inbox as a helpdesk list, its counts, and who handles each message. */

export interface InboxReply extends FeedbackReply {
  /** The staff member who wrote it (null for the stakeholder's own messages). */
  authorName: string | null;
}

export interface InboxFeedback extends PortalFeedback {
  group: { id: string; code: string; label: LocalizedText };
  /** The stakeholder's display name; null when the feedback was given anonymously. */
  from: string | null;
  /** The company of a supplier, customer or shareholder contact. */
  company: string | null;
  assignee: { memberId: string; name: string } | null;
  /** Last activity: a reply, a status change, an assignment. */
  updatedAt: string;
  /** Nobody answered yet, or the stakeholder wrote last: the next move is the staff's. */
  awaitingReply: boolean;
  replies: InboxReply[];
}

export type InboxSort = 'activity' | 'newest' | 'oldest';

export interface InboxFilter {
  status?: FeedbackStatus;
  groupId?: string;
  category?: FeedbackCategory;
  dimensionId?: string;
  /** A member id, or 'unassigned'. */
  assignee?: string;
  /** Words found in the message, its reference or the sender's name (case-insensitive). */
  search?: string;
  sort?: InboxSort;
  limit?: number;
  offset?: number;
}

const UNASSIGNED = 'unassigned';

/** The stakeholder side's query, with what a helpdesk list adds: the company, the assignee, the last activity. */
function inboxQuery(db: Kysely<Database>, organizationId: string) {
  return feedbackQuery(db, organizationId)
    .clearOrderBy()
    .leftJoin('member as am', 'am.id', 'f.assignee_member_id')
    .leftJoin('auth_user as au', 'au.id', 'am.user_id')
    .select(['f.updated_at', 'f.assignee_member_id', 's.company', 'au.name as assignee_name']);
}

/** The inbox, filtered and sorted (by last activity unless said otherwise), with every conversation in order. */
export async function listInbox(
  db: Kysely<Database>,
  args: { organizationId: string } & InboxFilter,
): Promise<InboxFeedback[]> {
  let query = inboxQuery(db, args.organizationId);
  if (args.status !== undefined) query = query.where('f.status', '=', args.status);
  if (args.groupId !== undefined) query = query.where('f.group_id', '=', args.groupId);
  if (args.category !== undefined) query = query.where('f.category', '=', args.category);
  if (args.dimensionId !== undefined) query = query.where('f.dimension_id', '=', args.dimensionId);
  if (args.assignee === UNASSIGNED) query = query.where('f.assignee_member_id', 'is', null);
  else if (args.assignee !== undefined) query = query.where('f.assignee_member_id', '=', args.assignee);
  const search = args.search?.trim();
  if (search) {
    const pattern = containsPattern(search);
    const like = (column: 'f.body' | 'f.reference' | 's.display_name' | 's.company') =>
      sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
    query = query.where((eb) =>
      eb.or([like('f.body'), like('f.reference'), like('s.display_name'), like('s.company')]),
    );
  }
  const sort = args.sort ?? 'activity';
  query =
    sort === 'oldest'
      ? query.orderBy('f.created_at', 'asc').orderBy('f.id', 'asc')
      : query
          .orderBy(sort === 'newest' ? 'f.created_at' : 'f.updated_at', 'desc')
          .orderBy('f.created_at', 'desc')
          .orderBy('f.id', 'desc');
  const rows = await query
    .limit(args.limit ?? 500)
    .offset(args.offset ?? 0)
    .execute();
  const replies = await repliesOf(db, args.organizationId, rows);
  return rows.map((r) => {
    const thread = replies.get(r.id) ?? [];
    const last = thread.at(-1);
    return {
      ...toPortalFeedback(r, thread),
      updatedAt: r.updated_at,
      group: { id: r.group_id, code: r.group_code, label: localized(r.group_label) },
      from: r.from_name,
      company: r.company,
      assignee: r.assignee_member_id === null ? null : { memberId: r.assignee_member_id, name: r.assignee_name ?? '' },
      awaitingReply: r.status !== 'resolved' && (last === undefined || last.authorKind === 'stakeholder'),
      replies: thread,
    };
  });
}

async function repliesOf(
  db: Kysely<Database>,
  organizationId: string,
  feedback: { id: string }[],
): Promise<Map<string, InboxReply[]>> {
  const byFeedback = new Map<string, InboxReply[]>();
  for (let i = 0; i < feedback.length; i += 500) {
    const ids = feedback.slice(i, i + 500).map((f) => f.id);
    const rows = await db
      .selectFrom('feedback_reply as r')
      .leftJoin('member as m', 'm.id', 'r.author_member_id')
      .leftJoin('auth_user as u', 'u.id', 'm.user_id')
      .select(['r.id', 'r.feedback_id', 'r.author_kind', 'r.body', 'r.created_at', 'u.name as author_name'])
      .where('r.organization_id', '=', organizationId)
      .where('r.feedback_id', 'in', ids)
      .orderBy('r.created_at')
      .orderBy('r.id')
      .execute();
    for (const r of rows) {
      const reply: InboxReply = {
        id: r.id,
        authorKind: r.author_kind as FeedbackReply['authorKind'],
        authorName: r.author_kind === 'staff' ? r.author_name : null,
        body: r.body,
        createdAt: r.created_at,
      };
      byFeedback.set(r.feedback_id, [...(byFeedback.get(r.feedback_id) ?? []), reply]);
    }
  }
  return byFeedback;
}

export interface InboxSummary {
  /** Messages per status, every status present. */
  byStatus: Record<FeedbackStatus, number>;
  /** Open (not resolved) messages nobody handles. */
  unassigned: number;
  /** Open messages the caller handles. */
  mine: number;
}

/** The inbox's counts for its tabs and badges, in two grouped reads. */
export async function inboxSummary(
  db: Kysely<Database>,
  args: { organizationId: string; memberId: string },
): Promise<InboxSummary> {
  const [statuses, open] = await Promise.all([
    db
      .selectFrom('feedback')
      .select((eb) => ['status', eb.fn.countAll<number>().as('n')])
      .where('organization_id', '=', args.organizationId)
      .groupBy('status')
      .execute(),
    db
      .selectFrom('feedback')
      .select((eb) => [
        eb.fn.count<number>(eb.case().when('assignee_member_id', 'is', null).then(1).end()).as('unassigned'),
        eb.fn.count<number>(eb.case().when('assignee_member_id', '=', args.memberId).then(1).end()).as('mine'),
      ])
      .where('organization_id', '=', args.organizationId)
      .where('status', '<>', 'resolved')
      .executeTakeFirstOrThrow(),
  ]);
  const byStatus = Object.fromEntries(FeedbackStatus.options.map((s) => [s, 0])) as Record<FeedbackStatus, number>;
  for (const row of statuses) {
    const status = FeedbackStatus.safeParse(row.status);
    if (status.success) byStatus[status.data] = Number(row.n);
  }
  return { byStatus, unassigned: Number(open.unassigned), mine: Number(open.mine) };
}

/**
 * Hands a feedback to a staff member (or back to the queue with null). The assignee must be a current member whose
 * role may act on feedback (`roles`, the API's rule), so that nothing is assigned to someone who cannot answer it.
 */
export async function assignFeedback(
  db: Kysely<Database>,
  args: {
    organizationId: string;
    feedbackId: string;
    assigneeMemberId: string | null;
    roles: readonly StaffRole[];
    now: string;
  },
): Promise<{ id: string; assignee: { memberId: string; name: string } | null }> {
  return inTransaction(db, async (trx) => {
    const feedback = await trx
      .selectFrom('feedback')
      .select(['id', 'stakeholder_id'])
      .where('organization_id', '=', args.organizationId)
      .where('id', '=', args.feedbackId)
      .executeTakeFirst();
    if (!feedback) throw new DomainError('not_found', 'feedbackId: no such feedback', 'feedbackId');
    let assignee: { memberId: string; name: string } | null = null;
    if (args.assigneeMemberId !== null) {
      const member = await trx
        .selectFrom('member as m')
        .innerJoin('auth_user as u', 'u.id', 'm.user_id')
        .select(['m.id', 'm.role', 'u.name'])
        .where('m.organization_id', '=', args.organizationId)
        .where('m.id', '=', args.assigneeMemberId)
        .where('m.removed_at', 'is', null)
        .executeTakeFirst();
      if (!member || !(args.roles as readonly string[]).includes(member.role)) {
        throw new DomainError(
          'invalid',
          'assigneeMemberId: must be a staff member who can reply to feedback',
          'assigneeMemberId',
        );
      }
      assignee = { memberId: member.id, name: member.name };
    }
    await trx
      .updateTable('feedback')
      // Anonymous feedback keeps only days, its last activity too (feedback.ts).
      .set({
        assignee_member_id: assignee?.memberId ?? null,
        updated_at: feedback.stakeholder_id === null ? anonymousDay(args.now) : args.now,
      })
      .where('organization_id', '=', args.organizationId)
      .where('id', '=', feedback.id)
      .execute();
    return { id: feedback.id, assignee };
  });
}
