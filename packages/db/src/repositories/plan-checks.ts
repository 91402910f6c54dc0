import { invalid, type LocalizedText, lengthDetail } from '@facets/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { requireGroup } from './groups.ts';

/** Checks the plan's writes share: texts in both languages, calendar dates, a group and one of its dimensions. */

/** Both languages, trimmed, each between 1 and `max` characters; stored as JSON text. */
export function localizedJson(field: string, text: LocalizedText, max: number): string {
  const fr = text.fr.trim();
  const en = text.en.trim();
  for (const [lang, value] of [
    ['fr', fr],
    ['en', en],
  ] as const) {
    if (value.length < 1 || value.length > max)
      throw invalid(`${field}.${lang}`, `must be between 1 and ${max} characters`, lengthDetail(value.length, max));
  }
  return JSON.stringify({ fr, en });
}

export function optionalLocalizedJson(field: string, text: LocalizedText | null | undefined, max: number) {
  return text ? localizedJson(field, text, max) : null;
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
