import { COMPANY_COUNTED, COMPANY_KEY, type Database, listSegmentAttributes, teamAttribute } from '@facets/db';
import type { Kysely } from 'kysely';
import { loadPopulation, type Selection } from './population.ts';
import { requireReadableGroup, type Scope, selectionOf } from './scope.ts';

/**
 * `insights.segments`: what a group can be cut by and when — its segment keys with their labelled values, and the
 * published waves (oldest first). Configuration only, no figure: the console fills its pickers with it. A group
 * counted in companies is never cut by company (one company is never shown), so that key is not offered. Managers'
 * teams come last, as the `team` key, for staff who read the whole group.
 */
export async function segmentsView(db: Kysely<Database>, scope: Scope, input: { groupId: string } & Selection) {
  const group = await requireReadableGroup(db, scope, input.groupId);
  const [attributes, teams, population] = await Promise.all([
    listSegmentAttributes(db, { organizationId: scope.organizationId, groupId: group.id }),
    // Managers' teams are offered to those who read the whole group; a manager reads their own only.
    scope.own ? null : teamAttribute(db, { organizationId: scope.organizationId, groupId: group.id }),
    loadPopulation(db, scope, { group, segment: null, selection: selectionOf(input) }),
  ]);
  const waves = population.waves.map((w) => w.wave);
  const byCompany = COMPANY_COUNTED.includes(group.kind);
  return {
    groupId: group.id,
    programme: population.programme,
    programmes: population.programmes,
    waves,
    segments: [...attributes.filter((a) => !(byCompany && a.key === COMPANY_KEY)), ...(teams ? [teams] : [])],
  };
}
