import { MAX_REPORTING_DEPTH, TEAM_KEY, teamPath } from '@facets/domain';
import { type Kysely, sql } from 'kysely';
import type { SegmentAttribute } from '../repositories/groups.ts';
import type { Database } from '../schema.ts';

/**
 * The managers above a person in the reporting line (`stakeholder.manager_id`), nearest first, at most
 * `MAX_REPORTING_DEPTH` (a sync refuses deeper lines; this bound holds for any data). One recursive query, the same
 * SQL on SQLite and PostgreSQL. A line that would come back on itself stops where it does.
 */
export async function managersAbove(
  db: Kysely<Database>,
  args: { organizationId: string; stakeholderId: string },
): Promise<string[]> {
  const { rows } = await sql<{ id: string; depth: number }>`
    with recursive chain (id, manager_id, depth) as (
      select id, manager_id, 0 from stakeholder
      where organization_id = ${args.organizationId} and id = ${args.stakeholderId}
      union all
      select s.id, s.manager_id, c.depth + 1 from stakeholder s
      inner join chain c on s.id = c.manager_id
      where s.organization_id = ${args.organizationId} and c.depth < ${MAX_REPORTING_DEPTH}
    )
    select id, depth from chain where depth > 0 order by depth`.execute(db);
  const managers: string[] = [];
  for (const r of rows) {
    if (r.id === args.stakeholderId || managers.includes(r.id)) break;
    managers.push(r.id);
  }
  return managers;
}

/**
 * A respondent's segment snapshot with their team as it is now (docs/architecture.md, "Teams"): the `team` segment
 * lists the managers above them, so the response counts in each one's team; without a manager it has no `team`.
 */
export async function withTeam(
  db: Kysely<Database>,
  args: { organizationId: string; stakeholderId: string; segments: Readonly<Record<string, string>> },
): Promise<Record<string, string>> {
  const { [TEAM_KEY]: _ignored, ...segments } = args.segments;
  const managers = await managersAbove(db, args);
  return managers.length === 0 ? segments : { ...segments, [TEAM_KEY]: teamPath(managers) };
}

/**
 * The teams of a group as a segment attribute for staff who read the whole group: `team`, one value per person
 * someone reports to (their id, labelled with their name), by name. Null when nobody of the group has a manager.
 */
export async function teamAttribute(
  db: Kysely<Database>,
  args: { organizationId: string; groupId: string },
): Promise<SegmentAttribute | null> {
  const managers = await db
    .selectFrom('stakeholder as m')
    .select(['m.id', 'm.display_name'])
    .where('m.organization_id', '=', args.organizationId)
    .where('m.group_id', '=', args.groupId)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('stakeholder as s')
          .select('s.id')
          .where('s.organization_id', '=', args.organizationId)
          .whereRef('s.manager_id', '=', 'm.id'),
      ),
    )
    .orderBy('m.display_name')
    .orderBy('m.id')
    .execute();
  if (managers.length === 0) return null;
  return {
    key: TEAM_KEY,
    label: { fr: 'Équipe du manager', en: 'Manager’s team' },
    values: managers.map((m) => ({ value: m.id, label: { fr: m.display_name, en: m.display_name }, archived: false })),
    archived: false,
  };
}
