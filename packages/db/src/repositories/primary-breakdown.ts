import { DomainError } from '@facets/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { listSegmentAttributes, type SegmentAttribute } from './groups.ts';
import { COMPANY_KEY } from './respondents.ts';

/**
 * A survey's primary breakdown: the segment key whose values its publication tries first, so that they are shown
 * exactly as far as the rule allows (docs/architecture.md, "The disclosure guarantee", point 2). Null: `department`,
 * if the group has it (domain `primaryKeyOf`). It is fixed once any wave of the survey is published: a publication
 * never changes its populations, and a later wave published in another order would be reported beside it.
 */

/** The attributes a survey of the group may be published by first: all of its segment attributes but the company. */
export function breakdownChoices<A extends Pick<SegmentAttribute, 'key'>>(attributes: readonly A[]): A[] {
  return attributes.filter((a) => a.key !== COMPANY_KEY);
}

/** Whether any wave of the survey has a publication. */
async function surveyPublished(
  db: Kysely<Database>,
  args: { organizationId: string; surveyId: string },
): Promise<boolean> {
  const row = await db
    .selectFrom('wave_publication as p')
    .innerJoin('wave as w', 'w.id', 'p.wave_id')
    .select('p.wave_id')
    .where('p.organization_id', '=', args.organizationId)
    .where('w.organization_id', '=', args.organizationId)
    .where('w.survey_id', '=', args.surveyId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** The primary breakdown the survey names (null: none, the default applies). */
export async function namedPrimaryBreakdown(
  db: Kysely<Database>,
  args: { organizationId: string; surveyId: string },
): Promise<string | null> {
  const row = await db
    .selectFrom('survey')
    .select('primary_segment_key')
    .where('organization_id', '=', args.organizationId)
    .where('id', '=', args.surveyId)
    .executeTakeFirst();
  return row?.primary_segment_key ?? null;
}

/**
 * Names the survey's primary breakdown: a segment attribute of its group, never the company (a single company is
 * never a population), or null for the default. Setting the one it has changes nothing; another is refused once a
 * wave is published. Returns the change, old → new.
 */
export async function setPrimaryBreakdown(
  db: Kysely<Database>,
  args: { organizationId: string; surveyId: string; groupId: string; primarySegmentKey: string | null },
): Promise<{ from: string | null; to: string | null }> {
  const from = await namedPrimaryBreakdown(db, args);
  const to = args.primarySegmentKey;
  if (from === to) return { from, to };
  if (to === COMPANY_KEY) {
    throw new DomainError(
      'invalid',
      'primarySegmentKey: a company is never a population, so it cannot be the primary breakdown',
      'primarySegmentKey',
      'not_allowed',
    );
  }
  if (to !== null) {
    const attributes = await listSegmentAttributes(db, { organizationId: args.organizationId, groupId: args.groupId });
    if (!breakdownChoices(attributes).some((a) => a.key === to)) {
      throw new DomainError(
        'invalid',
        `primarySegmentKey: "${to}" is not a segment attribute of this survey's group`,
        'primarySegmentKey',
        'invalid_value',
      );
    }
  }
  if (await surveyPublished(db, args)) {
    throw new DomainError(
      'conflict',
      'primarySegmentKey: a wave of this survey is published, and a published wave never changes its populations; duplicate the survey to publish its next waves in another order',
      'primarySegmentKey',
      'wrong_state',
    );
  }
  await db
    .updateTable('survey')
    .set({ primary_segment_key: to })
    .where('organization_id', '=', args.organizationId)
    .where('id', '=', args.surveyId)
    .execute();
  return { from, to };
}
