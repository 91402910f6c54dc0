import { DomainError, type GroupKind, type LocalizedText, textIn } from '@facets/domain';
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
  /** Kept for the reports, offered to no new survey or template (migration 2026_12_03_1300). */
  archived: boolean;
}

/** An attribute a group's stakeholders are segmented by, with its values in their defined order. */
export interface SegmentAttribute {
  key: string;
  label: LocalizedText;
  values: { value: string; label: LocalizedText; archived: boolean }[];
  archived: boolean;
}

/**
 * What the readers below return: by default everything, archived or not, as the reports need; `active` keeps only
 * what new work may use (survey builder pickers, templates, invitation files): archived groups, dimensions,
 * attributes and values are left out.
 */
export interface ReadOptions {
  active?: boolean;
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

export async function listGroups(
  db: Kysely<Database>,
  organizationId: string,
  options: ReadOptions = {},
): Promise<GroupRef[]> {
  let query = db
    .selectFrom('stakeholder_group')
    .select(['id', 'code', 'kind', 'label'])
    .where('organization_id', '=', organizationId);
  if (options.active) query = query.where('archived_at', 'is', null);
  const rows = await query.orderBy('created_at').orderBy('code').execute();
  return rows.map((r) => ({ id: r.id, code: r.code, kind: r.kind as GroupKind, label: localized(r.label) }));
}

/**
 * The kinds of the groups, of any organisation on this server, archived or not, whose code is `code`: which portal
 * app serves `/<code>/` (domain `servingKind`). Server-wide on purpose: a page address names no organisation.
 */
export async function groupKindsWithCode(db: Kysely<Database>, code: string): Promise<GroupKind[]> {
  const rows = await db.selectFrom('stakeholder_group').select('kind').distinct().where('code', '=', code).execute();
  return rows.map((r) => r.kind as GroupKind);
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

/** The organisation's group if new work may use it: not_found as `requireGroup`, `archived` when it is archived. */
export async function requireActiveGroup(
  db: Kysely<Database>,
  args: { organizationId: string; groupId: string },
  field = 'groupId',
): Promise<GroupRef> {
  const group = await requireGroup(db, args, field, 'no such stakeholder group');
  const row = await db
    .selectFrom('stakeholder_group')
    .select('archived_at')
    .where('organization_id', '=', args.organizationId)
    .where('id', '=', args.groupId)
    .executeTakeFirstOrThrow();
  if (row.archived_at !== null) {
    throw new DomainError('conflict', `${field}: this group is archived and takes no new surveys`, field, 'archived');
  }
  return group;
}

/** The organisation's dimensions, or those of one group, each with all the groups that share it. */
export async function listDimensions(
  db: Kysely<Database>,
  args: { organizationId: string; groupId?: string } & ReadOptions,
): Promise<Dimension[]> {
  let dimensionQuery = db
    .selectFrom('dimension')
    .select(['id', 'code', 'label', 'description', 'archived_at'])
    .where('organization_id', '=', args.organizationId);
  if (args.active) dimensionQuery = dimensionQuery.where('archived_at', 'is', null);
  const [dimensions, links] = await Promise.all([
    dimensionQuery.orderBy('code').execute(),
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
        archived: d.archived_at !== null,
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
  args: { organizationId: string; groupId: string } & ReadOptions,
): Promise<SegmentAttribute[]> {
  let query = db
    .selectFrom('segment_attribute')
    .select(['key', 'label', 'values', 'archived_at'])
    .where('organization_id', '=', args.organizationId)
    .where('group_id', '=', args.groupId);
  if (args.active) query = query.where('archived_at', 'is', null);
  const rows = await query.execute();
  return rows
    .map((r) => ({
      key: r.key,
      label: localized(r.label),
      values: parseSegmentValues(r.values)
        .filter((v) => !(args.active && v.archived))
        .map((v) => ({ value: v.value, label: v.label, archived: v.archived })),
      archived: r.archived_at !== null,
    }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** An attribute's `values` column: `archived` is stored only when true. */
export function parseSegmentValues(json: string): { value: string; label: LocalizedText; archived: boolean }[] {
  return parseJson<{ value: string; label: LocalizedText; archived?: boolean }[]>(json, []).map((v) => ({
    value: v.value,
    label: textIn(v.label),
    archived: v.archived === true,
  }));
}
