import { DomainError, type GroupKind, type LocalizedText } from '@facets/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import type { GroupRef } from './organizations.ts';
import { localized, localizedOrNull, parseJson } from './rows.ts';

export interface DimensionRef {
  id: string;
  code: string;
  label: LocalizedText;
}

export interface Dimension extends DimensionRef {
  description: LocalizedText | null;
  /** Every group the dimension belongs to; more than one makes it shared. */
  groupIds: string[];
  shared: boolean;
}

/** An attribute a group's stakeholders are segmented by, with its values in their defined order. */
export interface SegmentAttribute {
  key: string;
  label: LocalizedText;
  values: { value: string; label: LocalizedText }[];
}

export interface IntendedExperience {
  id: string;
  groupId: string;
  dimensionId: string;
  statement: LocalizedText;
  target: number;
  priority: number;
  updatedAt: string;
}

export async function listGroups(db: Kysely<Database>, organizationId: string): Promise<GroupRef[]> {
  const rows = await db
    .selectFrom('stakeholder_group')
    .select(['id', 'code', 'kind', 'label'])
    .where('organization_id', '=', organizationId)
    .orderBy('created_at')
    .orderBy('code')
    .execute();
  return rows.map((r) => ({ id: r.id, code: r.code, kind: r.kind as GroupKind, label: localized(r.label) }));
}

export async function getGroup(
  db: Kysely<Database>,
  args: { organizationId: string; groupId: string },
): Promise<GroupRef | undefined> {
  const r = await db
    .selectFrom('stakeholder_group')
    .select(['id', 'code', 'kind', 'label'])
    .where('organization_id', '=', args.organizationId)
    .where('id', '=', args.groupId)
    .executeTakeFirst();
  return r && { id: r.id, code: r.code, kind: r.kind as GroupKind, label: localized(r.label) };
}

/** The organisation's group, or not_found naming `field` whoever owns the id ("groupId: no such group"). */
export async function requireGroup(
  db: Kysely<Database>,
  args: { organizationId: string; groupId: string },
  field = 'groupId',
  why = 'no such group',
): Promise<GroupRef> {
  const group = await getGroup(db, args);
  if (!group) throw new DomainError('not_found', `${field}: ${why}`, field);
  return group;
}

/** The organisation's dimensions, or those of one group, each with all the groups that share it. */
export async function listDimensions(
  db: Kysely<Database>,
  args: { organizationId: string; groupId?: string },
): Promise<Dimension[]> {
  const [dimensions, links] = await Promise.all([
    db
      .selectFrom('dimension')
      .select(['id', 'code', 'label', 'description'])
      .where('organization_id', '=', args.organizationId)
      .orderBy('code')
      .execute(),
    db
      .selectFrom('dimension_group')
      .select(['dimension_id', 'group_id'])
      .where('organization_id', '=', args.organizationId)
      .orderBy('group_id')
      .execute(),
  ]);
  const groupsOf = new Map<string, string[]>();
  for (const l of links) groupsOf.set(l.dimension_id, [...(groupsOf.get(l.dimension_id) ?? []), l.group_id]);
  return dimensions
    .map((d) => {
      const groupIds = groupsOf.get(d.id) ?? [];
      return {
        id: d.id,
        code: d.code,
        label: localized(d.label),
        description: localizedOrNull(d.description),
        groupIds,
        shared: groupIds.length > 1,
      };
    })
    .filter((d) => args.groupId === undefined || d.groupIds.includes(args.groupId));
}

export async function listIntendedExperience(
  db: Kysely<Database>,
  args: { organizationId: string; groupId?: string },
): Promise<IntendedExperience[]> {
  let query = db
    .selectFrom('intended_experience')
    .select(['id', 'group_id', 'dimension_id', 'statement', 'target', 'priority', 'updated_at'])
    .where('organization_id', '=', args.organizationId);
  if (args.groupId !== undefined) query = query.where('group_id', '=', args.groupId);
  const rows = await query.orderBy('group_id').orderBy('priority').orderBy('dimension_id').execute();
  return rows.map((r) => ({
    id: r.id,
    groupId: r.group_id,
    dimensionId: r.dimension_id,
    statement: localized(r.statement),
    target: r.target,
    priority: r.priority,
    updatedAt: r.updated_at,
  }));
}

/** The segment attributes of a group (department, site, supplier category…), by key. */
export async function listSegmentAttributes(
  db: Kysely<Database>,
  args: { organizationId: string; groupId: string },
): Promise<SegmentAttribute[]> {
  const rows = await db
    .selectFrom('segment_attribute')
    .select(['key', 'label', 'values'])
    .where('organization_id', '=', args.organizationId)
    .where('group_id', '=', args.groupId)
    .execute();
  return rows
    .map((r) => ({
      key: r.key,
      label: localized(r.label),
      values: parseJson<{ value: string; label: LocalizedText }[]>(r.values, []).map((v) => ({
        value: v.value,
        label: v.label,
      })),
    }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
