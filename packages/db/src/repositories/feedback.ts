import { DomainError, FeedbackCategory, FeedbackStatus } from '@facets/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import type { DimensionRef } from './groups.ts';
import { inTransaction, isUniqueViolation, localized } from './rows.ts';

export const MAX_FEEDBACK_BODY = 5000;
export const MAX_FEEDBACK_REFERENCE = 100;

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
  replies: FeedbackReply[];
}

export interface CreateFeedbackInput {
  organizationId: string;
  groupId: string;
  /** Null for anonymous feedback. */
  stakeholderId: string | null;
  idempotencyKey: string;
  category: string;
  dimensionId?: string | null;
  body: string;
  reference?: string | null;
  now: string;
  newId: () => string;
}

export type ReplyAuthor = { kind: 'staff'; memberId: string } | { kind: 'stakeholder'; stakeholderId: string };

const invalid = (field: string, message: string) => new DomainError('invalid', `${field}: ${message}`, field);

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
  if (!category.success) throw invalid('category', `must be one of ${FeedbackCategory.options.join(', ')}`);
  const body = input.body.trim();
  if (body.length < 1 || body.length > MAX_FEEDBACK_BODY) {
    throw invalid('body', `must be between 1 and ${MAX_FEEDBACK_BODY} characters`);
  }
  const reference = input.reference?.trim() || null;
  if (reference !== null && reference.length > MAX_FEEDBACK_REFERENCE) {
    throw invalid('reference', `must be at most ${MAX_FEEDBACK_REFERENCE} characters`);
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
    if (!link) throw invalid('dimensionId', 'is not a dimension of your group');
  }
  return {
    id: input.newId(),
    organization_id: input.organizationId,
    group_id: input.groupId,
    stakeholder_id: input.stakeholderId,
    idempotency_key: input.idempotencyKey,
    category: category.data,
    dimension_id: dimensionId,
    body,
    reference,
    status: 'received' satisfies FeedbackStatus,
    assignee_member_id: null,
    created_at: input.now,
    updated_at: input.now,
  };
}

async function feedbackReplay(db: Kysely<Database>, input: CreateFeedbackInput) {
  const existing = await db
    .selectFrom('feedback')
    .select(['id', 'group_id', 'stakeholder_id'])
    .where('organization_id', '=', input.organizationId)
    .where('idempotency_key', '=', input.idempotencyKey)
    .executeTakeFirst();
  if (!existing) return undefined;
  if (existing.group_id !== input.groupId || existing.stakeholder_id !== input.stakeholderId) {
    throw new DomainError('conflict', 'idempotencyKey: already used for another submission', 'idempotencyKey');
  }
  return { id: existing.id, duplicate: true };
}

/** A stakeholder's own feedback, newest first, with the replies in order. */
export async function listFeedbackForStakeholder(
  db: Kysely<Database>,
  args: { organizationId: string; stakeholderId: string },
): Promise<PortalFeedback[]> {
  const rows = await feedbackQuery(db, args.organizationId)
    .where('f.stakeholder_id', '=', args.stakeholderId)
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
  },
): Promise<{ id: string }> {
  const body = input.body.trim();
  if (body.length < 1 || body.length > MAX_FEEDBACK_BODY) {
    throw invalid('body', `must be between 1 and ${MAX_FEEDBACK_BODY} characters`);
  }
  return inTransaction(db, async (trx) => {
    const feedback = await findFeedback(trx, input.organizationId, input.feedbackId);
    if (input.author.kind === 'stakeholder' && feedback.stakeholder_id !== input.author.stakeholderId) {
      throw new DomainError('forbidden', 'You can only reply to your own feedback.');
    }
    const id = input.newId();
    await trx
      .insertInto('feedback_reply')
      .values({
        id,
        organization_id: input.organizationId,
        feedback_id: feedback.id,
        author_kind: input.author.kind,
        author_member_id: input.author.kind === 'staff' ? input.author.memberId : null,
        body,
        created_at: input.now,
      })
      .execute();
    const status = input.author.kind === 'staff' && feedback.status === 'received' ? 'acknowledged' : feedback.status;
    await trx
      .updateTable('feedback')
      .set({ status, updated_at: input.now })
      .where('organization_id', '=', input.organizationId)
      .where('id', '=', feedback.id)
      .execute();
    return { id };
  });
}

export async function setFeedbackStatus(
  db: Kysely<Database>,
  input: { organizationId: string; feedbackId: string; status: string; now: string },
): Promise<{ id: string; status: FeedbackStatus }> {
  const status = FeedbackStatus.safeParse(input.status);
  if (!status.success) throw invalid('status', `must be one of ${FeedbackStatus.options.join(', ')}`);
  return inTransaction(db, async (trx) => {
    const feedback = await findFeedback(trx, input.organizationId, input.feedbackId);
    await trx
      .updateTable('feedback')
      .set({ status: status.data, updated_at: input.now })
      .where('organization_id', '=', input.organizationId)
      .where('id', '=', feedback.id)
      .execute();
    return { id: feedback.id, status: status.data };
  });
}

async function findFeedback(db: Kysely<Database>, organizationId: string, feedbackId: string) {
  const feedback = await db
    .selectFrom('feedback')
    .select(['id', 'stakeholder_id', 'status'])
    .where('organization_id', '=', organizationId)
    .where('id', '=', feedbackId)
    .executeTakeFirst();
  if (!feedback) throw new DomainError('not_found', 'feedbackId: no such feedback', 'feedbackId');
  return feedback;
}
