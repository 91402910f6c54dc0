import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

/** What keeps a part of the model from being deleted: the tables whose rows carry it. */

type Tenant = { organizationId: string };

/** Tables holding a group's data (its aggregates and publications exist only with its surveys and responses). */
const GROUP_DATA = [
  'survey',
  'stakeholder',
  'response',
  'feedback',
  'intended_experience',
  'initiative_target',
  'promise',
  'focus_area',
] as const;

/** Tables naming a dimension: questions and the intended experience first, then the plan's and feedback's links. */
const DIMENSION_USES = [
  'question',
  'intended_experience',
  'initiative_target',
  'promise',
  'feedback',
  'focus_area',
] as const;

export async function groupHasData(db: Kysely<Database>, args: Tenant & { groupId: string }): Promise<boolean> {
  for (const table of GROUP_DATA) {
    const row = await db
      .selectFrom(table)
      .select('organization_id')
      .where('organization_id', '=', args.organizationId)
      .where('group_id', '=', args.groupId)
      .limit(1)
      .executeTakeFirst();
    if (row) return true;
  }
  return false;
}

export async function dimensionInUse(db: Kysely<Database>, args: Tenant & { dimensionId: string }): Promise<boolean> {
  for (const table of DIMENSION_USES) {
    const row = await db
      .selectFrom(table)
      .select('organization_id')
      .where('organization_id', '=', args.organizationId)
      .where('dimension_id', '=', args.dimensionId)
      .limit(1)
      .executeTakeFirst();
    if (row) return true;
  }
  return false;
}

/** The surveys asking the dimension, with their group: who may not be dropped from it, and what an open wave holds. */
export async function surveysAsking(
  db: Kysely<Database>,
  args: Tenant & { dimensionId?: string },
): Promise<{ dimensionId: string; surveyId: string; groupId: string; title: string }[]> {
  let query = db
    .selectFrom('question')
    .innerJoin('survey', (j) =>
      j.onRef('survey.id', '=', 'question.survey_id').onRef('survey.organization_id', '=', 'question.organization_id'),
    )
    .select(['question.dimension_id', 'survey.id', 'survey.group_id', 'survey.title'])
    .distinct()
    .where('question.organization_id', '=', args.organizationId)
    .where('question.dimension_id', 'is not', null);
  if (args.dimensionId !== undefined) query = query.where('question.dimension_id', '=', args.dimensionId);
  const rows = await query.execute();
  return rows.map((r) => ({
    dimensionId: r.dimension_id as string,
    surveyId: r.id,
    groupId: r.group_id,
    title: r.title,
  }));
}

/** The distinct segment snapshots of a group's stakeholders and responses (JSON text, parsed by the caller). */
export async function segmentSnapshots(
  db: Kysely<Database>,
  args: Tenant & { groupId: string },
): Promise<Record<string, string>[]> {
  const [people, responses] = await Promise.all([
    db
      .selectFrom('stakeholder')
      .select('segments')
      .distinct()
      .where('organization_id', '=', args.organizationId)
      .where('group_id', '=', args.groupId)
      .execute(),
    db
      .selectFrom('response')
      .select('segments')
      .distinct()
      .where('organization_id', '=', args.organizationId)
      .where('group_id', '=', args.groupId)
      .execute(),
  ]);
  return [...people, ...responses].map((r) => JSON.parse(r.segments) as Record<string, string>);
}
