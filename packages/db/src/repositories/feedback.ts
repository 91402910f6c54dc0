import { createHash, randomBytes } from 'node:crypto';
import { DomainError, FeedbackCategory, FeedbackStatus, invalid, lengthDetail } from '@facets/domain';
import type { Kysely } from 'kysely';
import { newId as defaultNewId } from '../ids.ts';
import { notifyFeedbackArrived, notifyFeedbackChange } from '../notifications/send.ts';
import type { Database } from '../schema.ts';
import { emitWebhookEvent } from '../webhooks/events.ts';
import type { DimensionRef } from './groups.ts';
import { inTransaction, isUniqueViolation, localized } from './rows.ts';

const MAX_FEEDBACK_BODY = 5000;
const MAX_FEEDBACK_REFERENCE = 100;

export interface FeedbackReply {
  id: string;
  authorKind: 'staff' | 'stakeholder';
  body: string;
  createdAt: string;
}

export interface PortalFeedback {
  id: string;
  category: FeedbackCategory;
  dimension: DimensionRef | null;
  body: string;
  reference: string | null;
  status: FeedbackStatus;
  createdAt: string;
  /** Given without a name; its author follows it with the key kept on their device. */
  anonymous: boolean;
  replies: FeedbackReply[];
}

export interface CreateFeedbackInput {
  organizationId: string;
  groupId: string;
  /** Null for anonymous feedback. */
  stakeholderId: string | null;
  /**
   * For anonymous feedback: a random key the author's device keeps (only its hash is stored), with which they read
   * the replies and answer back without their name ever being attached.
   */
  followKey?: string | null;
  idempotencyKey: string;
  category: string;
  dimensionId?: string | null;
  /** Where the e-mails it causes link to; without it, none is written (notifications/send.ts). */
  notify?: { baseUrl: string };
  body: string;
  reference?: string | null;
  now: string;
  newId: () => string;
}

export type ReplyAuthor =
  | { kind: 'staff'; memberId: string }
  | { kind: 'stakeholder'; stakeholderId: string }
  /** The author of anonymous feedback, known only by the key their device keeps. */
  | { kind: 'anonymous'; followKey: string };

/** SHA-256 of a follow key: what the database keeps of it. */
export const hashFollowKey = (key: string) => createHash('sha256').update(key, 'utf8').digest('hex');

/** Ids of anonymous feedback carry no time: a hash of the organisation and the client's random submission key. */
const anonymousFeedbackId = (organizationId: string, idempotencyKey: string) =>
  createHash('sha256').update(`feedback\u0000${organizationId}\u0000${idempotencyKey}`).digest('hex').slice(0, 32);

/**
 * The time kept on anonymous feedback and everything done to it (its replies, its last activity): the day only, so
 * that no moment can be matched with its author's sessions, reading or typing.
 */
export const anonymousDay = (now: string) => `${now.slice(0, 10)}T00:00:00.000Z`;

/** The moment to record on a feedback row or its reply: the day when the feedback is anonymous. */
const momentFor = (feedback: { stakeholder_id: string | null }, now: string) =>
  feedback.stakeholder_id === null ? anonymousDay(now) : now;

/**
 * The id of a reply to anonymous feedback: its position among the feedback's replies (so replies of one day still
 * list in the order they were written) and random digits, no time.
 */
const anonymousReplyId = (position: number) =>
  `r${String(position).padStart(5, '0')}-${randomBytes(12).toString('hex')}`;

/** Records a stakeholder's feedback; a retry with the same idempotency key returns the first id. */
export async function createFeedback(
  db: Kysely<Database>,
  input: CreateFeedbackInput,
): Promise<{ id: string; duplicate: boolean }> {
  try {
    return await inTransaction(db, async (trx) => {
      const replay = await feedbackReplay(trx, input);
      if (replay) return replay;
      const row = await checkedFeedback(trx, input);
      await trx.insertInto('feedback').values(row).execute();
      // Anonymous feedback keeps only its day: no event marks its moment (as no e-mail does).
      if (row.stakeholder_id !== null) {
        await emitWebhookEvent(trx, {
          organizationId: input.organizationId,
          event: 'feedback.received',
          data: { feedbackId: row.id, groupId: row.group_id, category: row.category, dimensionId: row.dimension_id },
          now: input.now,
          newId: input.newId,
        });
      }
      if (input.notify) {
        const at = { organizationId: input.organizationId, now: input.now, newId: input.newId };
        await notifyFeedbackArrived(trx, { ...at, ...input.notify, feedbackId: row.id });
      }
      return { id: row.id, duplicate: false };
    });
  } catch (error) {
    if (!isUniqueViolation(error) || db.isTransaction) throw error;
    const replay = await feedbackReplay(db, input); // a concurrent retry committed first
    if (replay) return replay;
    throw error;
  }
}

async function checkedFeedback(db: Kysely<Database>, input: CreateFeedbackInput) {
  const category = FeedbackCategory.safeParse(input.category);
  if (!category.success)
    throw invalid('category', `must be one of ${FeedbackCategory.options.join(', ')}`, 'invalid_value');
  const body = input.body.trim();
  if (body.length < 1 || body.length > MAX_FEEDBACK_BODY) {
    throw invalid(
      'body',
      `must be between 1 and ${MAX_FEEDBACK_BODY} characters`,
      lengthDetail(body.length, MAX_FEEDBACK_BODY),
    );
  }
  const reference = input.reference?.trim() || null;
  if (reference !== null && reference.length > MAX_FEEDBACK_REFERENCE) {
    throw invalid('reference', `must be at most ${MAX_FEEDBACK_REFERENCE} characters`, {
      reason: 'too_long',
      maximum: MAX_FEEDBACK_REFERENCE,
    });
  }
  const anonymous = input.stakeholderId === null;
  if (anonymous) await requireAnonymousFeedbackAllowed(db, input.organizationId);
  const followKey = input.followKey ?? null;
  if (anonymous && followKey !== null && followKey.length < 32) {
    throw invalid('followKey', 'must be at least 32 characters', { reason: 'too_short', minimum: 32 });
  }
  const dimensionId = input.dimensionId ?? null;
  if (dimensionId !== null) {
    const link = await db
      .selectFrom('dimension_group')
      .select('dimension_id')
      .where('organization_id', '=', input.organizationId)
      .where('group_id', '=', input.groupId)
      .where('dimension_id', '=', dimensionId)
      .executeTakeFirst();
    if (!link) throw invalid('dimensionId', 'is not a dimension of your group', 'invalid_value');
  }
  // Anonymous feedback keeps the day it was given, not the moment, so it cannot be matched with a session.
  const createdAt = anonymous ? anonymousDay(input.now) : input.now;
  return {
    id: anonymous ? anonymousFeedbackId(input.organizationId, input.idempotencyKey) : input.newId(),
    organization_id: input.organizationId,
    group_id: input.groupId,
    stakeholder_id: input.stakeholderId,
    follow_key_hash: anonymous && followKey !== null ? hashFollowKey(followKey) : null,
    idempotency_key: input.idempotencyKey,
    category: category.data,
    dimension_id: dimensionId,
    body,
    reference,
    status: 'received' satisfies FeedbackStatus,
    assignee_member_id: null,
    created_at: createdAt,
    updated_at: createdAt,
  };
}

async function requireAnonymousFeedbackAllowed(db: Kysely<Database>, organizationId: string): Promise<void> {
  const org = await db
    .selectFrom('organization')
    .select('allow_anonymous_feedback')
    .where('id', '=', organizationId)
    .executeTakeFirst();
  if (org?.allow_anonymous_feedback !== 1) {
    throw invalid('anonymous', 'this organisation does not accept anonymous feedback', 'not_allowed');
  }
}

async function feedbackReplay(db: Kysely<Database>, input: CreateFeedbackInput) {
  const existing = await db
    .selectFrom('feedback')
    .select(['id', 'group_id', 'stakeholder_id', 'follow_key_hash'])
    .where('organization_id', '=', input.organizationId)
    .where('idempotency_key', '=', input.idempotencyKey)
    .executeTakeFirst();
  if (!existing) return undefined;
  const followKeyHash = input.stakeholderId === null && input.followKey ? hashFollowKey(input.followKey) : null;
  if (
    existing.group_id !== input.groupId ||
    existing.stakeholder_id !== input.stakeholderId ||
    existing.follow_key_hash !== followKeyHash
  ) {
    throw new DomainError(
      'conflict',
      'idempotencyKey: already used for another submission',
      'idempotencyKey',
      'already_used',
    );
  }
  return { id: existing.id, duplicate: true };
}

/**
 * A stakeholder's own feedback, newest first, with the replies in order: what they gave under their name, and the
 * anonymous feedback of their group whose follow keys their device holds.
 */
export async function listFeedbackForStakeholder(
  db: Kysely<Database>,
  args: { organizationId: string; stakeholderId: string; groupId?: string; followKeys?: readonly string[] },
): Promise<PortalFeedback[]> {
  const hashes = (args.followKeys ?? []).map(hashFollowKey);
  const rows = await feedbackQuery(db, args.organizationId)
    .where((eb) =>
      hashes.length > 0 && args.groupId !== undefined
        ? eb.or([
            eb('f.stakeholder_id', '=', args.stakeholderId),
            eb.and([eb('f.group_id', '=', args.groupId), eb('f.follow_key_hash', 'in', hashes)]),
          ])
        : eb('f.stakeholder_id', '=', args.stakeholderId),
    )
    .execute();
  const replies = await repliesOf(db, args.organizationId, rows);
  return rows.map((r) => toPortalFeedback(r, replies.get(r.id) ?? []));
}

/** Feedback with its group, dimension and sender, newest first; the inbox (feedback-inbox.ts) builds on it. */
export function feedbackQuery(db: Kysely<Database>, organizationId: string) {
  return db
    .selectFrom('feedback as f')
    .innerJoin('stakeholder_group as g', 'g.id', 'f.group_id')
    .leftJoin('dimension as d', 'd.id', 'f.dimension_id')
    .leftJoin('stakeholder as s', 's.id', 'f.stakeholder_id')
    .select([
      'f.id',
      'f.category',
      'f.body',
      'f.reference',
      'f.status',
      'f.created_at',
      'f.group_id',
      'f.stakeholder_id',
      'g.code as group_code',
      'g.label as group_label',
      'd.id as dimension_id',
      'd.code as dimension_code',
      'd.label as dimension_label',
      's.display_name as from_name',
    ])
    .where('f.organization_id', '=', organizationId)
    .orderBy('f.created_at', 'desc')
    .orderBy('f.id', 'desc');
}

type FeedbackRow = Awaited<ReturnType<ReturnType<typeof feedbackQuery>['execute']>>[number];

export function toPortalFeedback(r: FeedbackRow, replies: FeedbackReply[]): PortalFeedback {
  return {
    id: r.id,
    category: r.category as FeedbackCategory,
    dimension:
      r.dimension_id === null
        ? null
        : { id: r.dimension_id, code: r.dimension_code!, label: localized(r.dimension_label!) },
    body: r.body,
    reference: r.reference,
    status: r.status as FeedbackStatus,
    createdAt: r.created_at,
    anonymous: r.stakeholder_id === null,
    replies,
  };
}

async function repliesOf(
  db: Kysely<Database>,
  organizationId: string,
  feedback: { id: string }[],
): Promise<Map<string, FeedbackReply[]>> {
  const byFeedback = new Map<string, FeedbackReply[]>();
  for (let i = 0; i < feedback.length; i += 500) {
    const ids = feedback.slice(i, i + 500).map((f) => f.id);
    const rows = await db
      .selectFrom('feedback_reply')
      .select(['id', 'feedback_id', 'author_kind', 'body', 'created_at'])
      .where('organization_id', '=', organizationId)
      .where('feedback_id', 'in', ids)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    for (const r of rows) {
      const reply = {
        id: r.id,
        authorKind: r.author_kind as FeedbackReply['authorKind'],
        body: r.body,
        createdAt: r.created_at,
      };
      byFeedback.set(r.feedback_id, [...(byFeedback.get(r.feedback_id) ?? []), reply]);
    }
  }
  return byFeedback;
}

/**
 * Adds a reply. A stakeholder may reply only to their own feedback; a staff reply acknowledges feedback still
 * marked received. Staff authorisation (role) is the caller's.
 */
export async function addReply(
  db: Kysely<Database>,
  input: {
    organizationId: string;
    feedbackId: string;
    author: ReplyAuthor;
    body: string;
    now: string;
    newId: () => string;
    /** Where the e-mail to the author links to; without it, none is written. */
    notify?: { baseUrl: string };
  },
): Promise<{ id: string }> {
  const body = input.body.trim();
  if (body.length < 1 || body.length > MAX_FEEDBACK_BODY) {
    throw invalid(
      'body',
      `must be between 1 and ${MAX_FEEDBACK_BODY} characters`,
      lengthDetail(body.length, MAX_FEEDBACK_BODY),
    );
  }
  return inTransaction(db, async (trx) => {
    const feedback = await findFeedback(trx, input.organizationId, input.feedbackId);
    const author = input.author;
    const own =
      author.kind === 'staff' ||
      (author.kind === 'stakeholder' && feedback.stakeholder_id === author.stakeholderId) ||
      (author.kind === 'anonymous' &&
        feedback.follow_key_hash !== null &&
        feedback.follow_key_hash === hashFollowKey(author.followKey));
    if (!own) throw new DomainError('forbidden', 'You can only reply to your own feedback.');
    const now = momentFor(feedback, input.now);
    const id =
      feedback.stakeholder_id === null
        ? anonymousReplyId(await countReplies(trx, input.organizationId, feedback.id))
        : input.newId();
    await trx
      .insertInto('feedback_reply')
      .values({
        id,
        organization_id: input.organizationId,
        feedback_id: feedback.id,
        author_kind: author.kind === 'staff' ? 'staff' : 'stakeholder',
        author_member_id: author.kind === 'staff' ? author.memberId : null,
        body,
        created_at: now,
      })
      .execute();
    const status = author.kind === 'staff' && feedback.status === 'received' ? 'acknowledged' : feedback.status;
    await trx
      .updateTable('feedback')
      .set({ status, updated_at: now })
      .where('organization_id', '=', input.organizationId)
      .where('id', '=', feedback.id)
      .execute();
    // Named feedback only: everything done to anonymous feedback keeps only its day, and a moment sent to a receiver
    // (a staff reply minutes after the author's) would narrow the author's.
    if (feedback.stakeholder_id !== null) {
      await emitWebhookEvent(trx, {
        organizationId: input.organizationId,
        event: 'feedback.changed',
        data: { feedbackId: feedback.id, change: 'reply', by: author.kind, status },
        now: input.now,
        newId: input.newId,
      });
    }
    if (input.notify && author.kind === 'staff') {
      const at = { organizationId: input.organizationId, now: input.now, newId: input.newId };
      await notifyFeedbackChange(trx, { ...at, ...input.notify, feedbackId: feedback.id, change: { kind: 'reply' } });
    }
    return { id };
  });
}

export async function setFeedbackStatus(
  db: Kysely<Database>,
  input: {
    organizationId: string;
    feedbackId: string;
    status: string;
    now: string;
    /** Where the e-mail to the author links to, and its ids; without it, none is written. */
    notify?: { baseUrl: string; newId: () => string };
    /** Ids of what the change writes (webhook deliveries); `notify.newId`, else db `newId`, when not given. */
    newId?: () => string;
  },
): Promise<{ id: string; status: FeedbackStatus }> {
  const status = FeedbackStatus.safeParse(input.status);
  if (!status.success) throw invalid('status', `must be one of ${FeedbackStatus.options.join(', ')}`, 'invalid_value');
  return inTransaction(db, async (trx) => {
    const feedback = await findFeedback(trx, input.organizationId, input.feedbackId);
    await trx
      .updateTable('feedback')
      .set({ status: status.data, updated_at: momentFor(feedback, input.now) })
      .where('organization_id', '=', input.organizationId)
      .where('id', '=', feedback.id)
      .execute();
    if (feedback.status !== status.data && feedback.stakeholder_id !== null) {
      await emitWebhookEvent(trx, {
        organizationId: input.organizationId,
        event: 'feedback.changed',
        data: { feedbackId: feedback.id, change: 'status', by: 'staff', status: status.data },
        now: input.now,
        newId: input.newId ?? input.notify?.newId ?? defaultNewId,
      });
    }
    if (input.notify && feedback.status !== status.data) {
      await notifyFeedbackChange(trx, {
        organizationId: input.organizationId,
        now: input.now,
        ...input.notify,
        feedbackId: feedback.id,
        change: { kind: 'status', status: status.data },
      });
    }
    return { id: feedback.id, status: status.data };
  });
}

async function countReplies(db: Kysely<Database>, organizationId: string, feedbackId: string): Promise<number> {
  const row = await db
    .selectFrom('feedback_reply')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organization_id', '=', organizationId)
    .where('feedback_id', '=', feedbackId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function findFeedback(db: Kysely<Database>, organizationId: string, feedbackId: string) {
  const feedback = await db
    .selectFrom('feedback')
    .select(['id', 'stakeholder_id', 'follow_key_hash', 'status'])
    .where('organization_id', '=', organizationId)
    .where('id', '=', feedbackId)
    .executeTakeFirst();
  if (!feedback) throw new DomainError('not_found', 'feedbackId: no such feedback', 'feedbackId');
  return feedback;
}
