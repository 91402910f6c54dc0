import { invalid, type WrittenText } from '@facets/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { requireGroup } from './groups.ts';
import { writtenJson } from './organizations.ts';

/** Checks the plan's writes share: texts in the organisation's languages, calendar dates, a group and one of its dimensions. */

/** A text in the organisation's languages (each required), trimmed, 1 to `max` characters; stored as JSON text. */
export function localizedJson(
  db: Kysely<Database>,
  organizationId: string,
  field: string,
  text: WrittenText,
  max: number,
): Promise<string> {
  return writtenJson(db, organizationId, field, text, max);
}

export async function optionalLocalizedJson(
  db: Kysely<Database>,
  organizationId: string,
  field: string,
  text: WrittenText | null | undefined,
  max: number,
): Promise<string | null> {
  return text ? localizedJson(db, organizationId, field, text, max) : null;
}

/** A real calendar day as YYYY-MM-DD (2026-02-30 is refused). */
export function calendarDate(field: string, value: string): string {
  const date = new Date(`${value}T00:00:00.000Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw invalid(field, 'must be a date written YYYY-MM-DD', 'invalid_format');
  }
  return value;
}

/** The group exists in the organisation and the dimension is one of its own (or shared with it). */
export async function requireGroupDimension(
  db: Kysely<Database>,
  organizationId: string,
  target: { groupId: string; dimensionId: string },
  fields: { group: string; dimension: string } = { group: 'groupId', dimension: 'dimensionId' },
): Promise<void> {
  await requireGroup(db, { organizationId, groupId: target.groupId }, fields.group);
  const link = await db
    .selectFrom('dimension_group')
    .select('dimension_id')
    .where('organization_id', '=', organizationId)
    .where('group_id', '=', target.groupId)
    .where('dimension_id', '=', target.dimensionId)
    .executeTakeFirst();
  if (!link) throw invalid(fields.dimension, 'is not a dimension of this group', 'invalid_value');
}
