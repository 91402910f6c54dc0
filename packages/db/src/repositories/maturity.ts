import { DomainError, type MaturityStage } from '@facets/domain';
import type { Kysely } from 'kysely';
import { newId as defaultNewId } from '../ids.ts';
import type { Database } from '../schema.ts';
import { parseJson } from './rows.ts';

/** Leadership's self-assessments of the organisation's maturity stage, kept beside the evidence. */

export interface MaturityAssessmentRecord {
  id: string;
  memberId: string;
  stage: MaturityStage;
  answers: Record<string, unknown>;
  createdAt: string;
}

/**
 * Records a self-assessment. The stage must be a whole number from 1 to 5 and the member one of the organisation's;
 * answers are kept as JSON. Who may assess is the API's decision.
 */
export async function saveMaturityAssessment(
  db: Kysely<Database>,
  args: {
    organizationId: string;
    memberId: string;
    stage: number;
    answers: Readonly<Record<string, unknown>>;
    now: string;
    newId?: () => string;
  },
): Promise<{ id: string }> {
  if (!Number.isInteger(args.stage) || args.stage < 1 || args.stage > 5) {
    throw new DomainError('invalid', 'stage: must be a whole number from 1 to 5', 'stage', {
      reason: 'out_of_range',
      minimum: 1,
      maximum: 5,
    });
  }
  const member = await db
    .selectFrom('member')
    .select('id')
    .where('organization_id', '=', args.organizationId)
    .where('id', '=', args.memberId)
    .executeTakeFirst();
  if (!member) throw new DomainError('not_found', 'memberId: no such member in this organisation', 'memberId');
  const id = (args.newId ?? defaultNewId)();
  await db
    .insertInto('maturity_assessment')
    .values({
      id,
      organization_id: args.organizationId,
      member_id: args.memberId,
      stage: args.stage,
      answers: JSON.stringify(args.answers),
      created_at: args.now,
    })
    .execute();
  return { id };
}

/** The organisation's most recent self-assessment, or null when leadership never recorded one. */
export async function latestMaturityAssessment(
  db: Kysely<Database>,
  args: { organizationId: string },
): Promise<MaturityAssessmentRecord | null> {
  const row = await db
    .selectFrom('maturity_assessment')
    .select(['id', 'member_id', 'stage', 'answers', 'created_at'])
    .where('organization_id', '=', args.organizationId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    memberId: row.member_id,
    stage: row.stage as MaturityStage,
    answers: parseJson<Record<string, unknown>>(row.answers, {}),
    createdAt: row.created_at,
  };
}
