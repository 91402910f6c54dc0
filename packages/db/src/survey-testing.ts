import type { Kysely } from 'kysely';
import { newId } from './ids.ts';
import type { Database } from './schema.ts';

/** Test support for the survey builder's tests (db and API): segment attributes and dimensions of a group. */

export async function addSegmentAttributeValues(
  db: Kysely<Database>,
  args: {
    organizationId: string;
    groupId: string;
    key: string;
    label: { fr: string; en: string };
    values: [value: string, fr: string, en: string][];
  },
): Promise<void> {
  await db
    .insertInto('segment_attribute')
    .values({
      id: newId(),
      organization_id: args.organizationId,
      group_id: args.groupId,
      key: args.key,
      label: JSON.stringify(args.label),
      values: JSON.stringify(args.values.map(([value, fr, en]) => ({ value, label: { fr, en } }))),
    })
    .execute();
}

export async function addDimension(
  db: Kysely<Database>,
  args: { organizationId: string; code: string; groupIds: string[]; now: string },
): Promise<string> {
  const id = newId();
  await db
    .insertInto('dimension')
    .values({
      id,
      organization_id: args.organizationId,
      code: args.code,
      label: JSON.stringify({ fr: `${args.code} (fr)`, en: args.code }),
      description: null,
      created_at: args.now,
    })
    .execute();
  await db
    .insertInto('dimension_group')
    .values(args.groupIds.map((group_id) => ({ organization_id: args.organizationId, dimension_id: id, group_id })))
    .execute();
  return id;
}
