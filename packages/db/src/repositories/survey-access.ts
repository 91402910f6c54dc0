import { DomainError, type GroupKind } from '@facets/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

/** What the survey builder, the waves and the invitations need to know of a survey before they touch it. */
export interface SurveyHead {
  id: string;
  groupId: string;
  groupCode: string;
  groupKind: GroupKind;
  anonymous: boolean;
  status: string;
}

/**
 * A survey of the organisation; not found otherwise (another organisation's id included). With `groupKinds`, a survey
 * of another kind of group is refused (a manager works on employee surveys only).
 */
export async function requireSurvey(
  db: Kysely<Database>,
  args: { organizationId: string; surveyId: string; groupKinds?: readonly GroupKind[] },
): Promise<SurveyHead> {
  const row = await db
    .selectFrom('survey as s')
    .innerJoin('stakeholder_group as g', 'g.id', 's.group_id')
    .select(['s.id', 's.group_id', 's.anonymous', 's.status', 'g.code', 'g.kind'])
    .where('s.organization_id', '=', args.organizationId)
    .where('g.organization_id', '=', args.organizationId)
    .where('s.id', '=', args.surveyId)
    .executeTakeFirst();
  if (!row) throw new DomainError('not_found', 'surveyId: no such survey', 'surveyId');
  const head = {
    id: row.id,
    groupId: row.group_id,
    groupCode: row.code,
    groupKind: row.kind as GroupKind,
    anonymous: row.anonymous === 1,
    status: row.status,
  };
  assertKind(head, args.groupKinds);
  return head;
}

/** The survey a wave belongs to, and the wave's own state columns. */
export async function requireWave(
  db: Kysely<Database>,
  args: { organizationId: string; waveId: string; groupKinds?: readonly GroupKind[] },
): Promise<{
  survey: SurveyHead;
  wave: { id: string; label: string; sequence: number; status: string; opensAt: string; closesAt: string | null };
}> {
  const row = await db
    .selectFrom('wave')
    .select(['id', 'survey_id', 'label', 'sequence', 'status', 'opens_at', 'closes_at'])
    .where('organization_id', '=', args.organizationId)
    .where('id', '=', args.waveId)
    .executeTakeFirst();
  if (!row) throw new DomainError('not_found', 'waveId: no such wave', 'waveId');
  const survey = await requireSurvey(db, {
    organizationId: args.organizationId,
    surveyId: row.survey_id,
    ...(args.groupKinds ? { groupKinds: args.groupKinds } : {}),
  });
  return {
    survey,
    wave: {
      id: row.id,
      label: row.label,
      sequence: row.sequence,
      status: row.status,
      opensAt: row.opens_at,
      closesAt: row.closes_at,
    },
  };
}

function assertKind(head: SurveyHead, kinds: readonly GroupKind[] | undefined): void {
  if (kinds && !kinds.includes(head.groupKind)) {
    throw new DomainError(
      'forbidden',
      'surveyId: surveys of this stakeholder group are outside your scope',
      'surveyId',
    );
  }
}

/**
 * Whether any wave of the survey holds a response, read from the respondent counts the submission keeps (never from
 * raw answers). Once it does, the questions are frozen: the answers given would lose their meaning.
 */
export async function surveyHasResponses(
  db: Kysely<Database>,
  args: { organizationId: string; surveyId: string },
): Promise<boolean> {
  const row = await db
    .selectFrom('aggregate_respondents as r')
    .innerJoin('wave as w', 'w.id', 'r.wave_id')
    .select('r.wave_id')
    .where('r.organization_id', '=', args.organizationId)
    .where('w.organization_id', '=', args.organizationId)
    .where('w.survey_id', '=', args.surveyId)
    .where('r.segment_key', '=', '')
    .where('r.segment_value', '=', '')
    .where('r.n', '>', 0)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Whether any wave of the survey was ever launched (scheduled, open or closed): invitations may have gone out. */
export async function surveyLaunched(
  db: Kysely<Database>,
  args: { organizationId: string; surveyId: string },
): Promise<boolean> {
  const row = await db
    .selectFrom('wave')
    .select('id')
    .where('organization_id', '=', args.organizationId)
    .where('survey_id', '=', args.surveyId)
    .where('status', '!=', 'draft')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
