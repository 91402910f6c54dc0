import {
  DEFAULT_LIST_ENTRIES,
  DomainError,
  invalid,
  LIST_ENTRIES_MAX,
  LIST_FIELDS,
  type LocalizedText,
  MODEL_LABEL_MAX,
  ORGANISATION_LISTS,
  type OrganisationList,
  type RemovalOutcome,
  type WrittenText,
} from '@facets/domain';
import type { Kysely } from 'kysely';
import { writtenJson } from '../repositories/organizations.ts';
import { inTransaction, isUniqueViolation, localized } from '../repositories/rows.ts';
import type { Database } from '../schema.ts';
import { labelDetail, type ModelChange } from './change.ts';

/*
 * The organisation's lists (domain organisation-lists.ts): owner departments, initiative kinds, promise channels.
 * An entry a row names is archived, never deleted: the row keeps its label, no new one may choose it.
 */

type Tenant = { organizationId: string };

export interface ListEntry {
  code: string;
  label: LocalizedText;
  archived: boolean;
  /** Whether an initiative or a promise names it: removing it archives it. */
  inUse: boolean;
}

export type OrganisationLists = Record<OrganisationList, ListEntry[]>;

/** Where each list's codes are stored. */
const USES = {
  department: { table: 'initiative', column: 'owner_department' },
  initiative_kind: { table: 'initiative', column: 'kind' },
  promise_channel: { table: 'promise', column: 'channel' },
} as const satisfies Record<OrganisationList, { table: 'initiative' | 'promise'; column: string }>;

/** Every list of the organisation, in the order offered, archived entries marked. */
export async function readLists(db: Kysely<Database>, args: Tenant): Promise<OrganisationLists> {
  const rows = await db
    .selectFrom('organization_list_entry')
    .select(['list', 'code', 'label', 'archived_at'])
    .where('organization_id', '=', args.organizationId)
    .orderBy('list')
    .orderBy('position')
    .orderBy('code')
    .execute();
  const lists = Object.fromEntries(ORGANISATION_LISTS.map((l) => [l, [] as ListEntry[]])) as OrganisationLists;
  for (const list of ORGANISATION_LISTS) {
    const used = new Set(await usedCodes(db, args.organizationId, list));
    for (const r of rows.filter((r) => r.list === list)) {
      lists[list].push({
        code: r.code,
        label: localized(r.label),
        archived: r.archived_at !== null,
        inUse: used.has(r.code),
      });
    }
  }
  return lists;
}

async function usedCodes(db: Kysely<Database>, organizationId: string, list: OrganisationList): Promise<string[]> {
  const use = USES[list];
  const rows =
    use.table === 'initiative'
      ? await db
          .selectFrom('initiative')
          .select(use.column === 'kind' ? 'kind as code' : 'owner_department as code')
          .distinct()
          .where('organization_id', '=', organizationId)
          .execute()
      : await db
          .selectFrom('promise')
          .select('channel as code')
          .distinct()
          .where('organization_id', '=', organizationId)
          .execute();
  return rows.map((r) => r.code);
}

/**
 * Refuses a code that is not an active entry of the list, naming the input field (`ownerDepartment`); the code a
 * row already holds (`current`) stays allowed when its entry was archived since.
 */
export async function requireListEntry(
  db: Kysely<Database>,
  args: Tenant & { list: OrganisationList; code: string; current?: string | undefined },
): Promise<string> {
  const field = LIST_FIELDS[args.list];
  const entry = await db
    .selectFrom('organization_list_entry')
    .select(['archived_at'])
    .where('organization_id', '=', args.organizationId)
    .where('list', '=', args.list)
    .where('code', '=', args.code)
    .executeTakeFirst();
  if (!entry) throw invalid(field, `is not an entry of the organisation's ${LIST_NAMES[args.list]}`, 'invalid_value');
  if (entry.archived_at !== null && args.code !== args.current) {
    throw invalid(field, `is archived: choose another of the organisation's ${LIST_NAMES[args.list]}`, 'archived');
  }
  return args.code;
}

const LIST_NAMES: Record<OrganisationList, string> = {
  department: 'departments',
  initiative_kind: 'initiative kinds',
  promise_channel: 'promise channels',
};

async function findEntry(db: Kysely<Database>, args: Tenant & { list: OrganisationList; code: string }) {
  const row = await db
    .selectFrom('organization_list_entry')
    .select(['code', 'label', 'archived_at'])
    .where('organization_id', '=', args.organizationId)
    .where('list', '=', args.list)
    .where('code', '=', args.code)
    .executeTakeFirst();
  if (!row) throw new DomainError('not_found', `code: no such entry in the ${LIST_NAMES[args.list]}`, 'code');
  return { code: row.code, label: localized(row.label), archived: row.archived_at !== null };
}

const duplicateCode = (list: OrganisationList) =>
  new DomainError('conflict', `code: another entry of the ${LIST_NAMES[list]} has this code`, 'code', 'duplicate');

/** A new entry at the end of its list; its code is unique in the list and never changes. */
export function createListEntry(
  db: Kysely<Database>,
  args: Tenant & { list: OrganisationList; code: string; label: WrittenText; now: string },
): Promise<ModelChange<{ code: string }>> {
  return inTransaction(db, async (trx) => {
    const label = await writtenJson(trx, args.organizationId, 'label', args.label, MODEL_LABEL_MAX);
    const entries = await trx
      .selectFrom('organization_list_entry')
      .select(['code', 'position'])
      .where('organization_id', '=', args.organizationId)
      .where('list', '=', args.list)
      .execute();
    if (entries.some((e) => e.code === args.code)) throw duplicateCode(args.list);
    if (entries.length >= LIST_ENTRIES_MAX) {
      throw new DomainError('invalid', `code: a list holds at most ${LIST_ENTRIES_MAX} entries`, 'code', {
        reason: 'too_many',
        maximum: LIST_ENTRIES_MAX,
      });
    }
    try {
      await trx
        .insertInto('organization_list_entry')
        .values({
          organization_id: args.organizationId,
          list: args.list,
          code: args.code,
          label,
          position: Math.max(-1, ...entries.map((e) => e.position)) + 1,
          archived_at: null,
          created_at: args.now,
        })
        .execute();
    } catch (error) {
      throw isUniqueViolation(error) ? duplicateCode(args.list) : error;
    }
    return {
      change: 'create',
      item: args.list,
      target: args.code,
      details: { code: args.code, label: labelDetail(JSON.parse(label)) },
      result: { code: args.code },
    };
  });
}

/** An entry's label; its code stays (the initiatives and promises store it). */
export function renameListEntry(
  db: Kysely<Database>,
  args: Tenant & { list: OrganisationList; code: string; label: WrittenText },
): Promise<ModelChange<{ code: string }>> {
  return inTransaction(db, async (trx) => {
    const entry = await findEntry(trx, args);
    const label = await writtenJson(trx, args.organizationId, 'label', args.label, MODEL_LABEL_MAX);
    await trx
      .updateTable('organization_list_entry')
      .set({ label })
      .where('organization_id', '=', args.organizationId)
      .where('list', '=', args.list)
      .where('code', '=', args.code)
      .execute();
    return {
      change: 'update',
      item: args.list,
      target: entry.code,
      details: { code: entry.code, label: { from: labelDetail(entry.label), to: labelDetail(JSON.parse(label)) } },
      result: { code: entry.code },
    };
  });
}

/** Removes an entry: archived when an initiative or a promise names it (it keeps its label there), else deleted. */
export function removeListEntry(
  db: Kysely<Database>,
  args: Tenant & { list: OrganisationList; code: string; now: string },
): Promise<ModelChange<{ outcome: RemovalOutcome }>> {
  return inTransaction(db, async (trx) => {
    const entry = await findEntry(trx, args);
    const where = trx
      .updateTable('organization_list_entry')
      .where('organization_id', '=', args.organizationId)
      .where('list', '=', args.list)
      .where('code', '=', args.code);
    const details = { code: entry.code, label: labelDetail(entry.label) };
    if ((await usedCodes(trx, args.organizationId, args.list)).includes(entry.code)) {
      await where.set({ archived_at: args.now }).where('archived_at', 'is', null).execute();
      return { change: 'archive', item: args.list, target: entry.code, details, result: { outcome: 'archived' } };
    }
    await trx
      .deleteFrom('organization_list_entry')
      .where('organization_id', '=', args.organizationId)
      .where('list', '=', args.list)
      .where('code', '=', args.code)
      .execute();
    return { change: 'delete', item: args.list, target: entry.code, details, result: { outcome: 'deleted' } };
  });
}

/** Brings an archived entry back into the choices. */
export function restoreListEntry(
  db: Kysely<Database>,
  args: Tenant & { list: OrganisationList; code: string },
): Promise<ModelChange<{ code: string }>> {
  return inTransaction(db, async (trx) => {
    const entry = await findEntry(trx, args);
    await trx
      .updateTable('organization_list_entry')
      .set({ archived_at: null })
      .where('organization_id', '=', args.organizationId)
      .where('list', '=', args.list)
      .where('code', '=', args.code)
      .execute();
    return {
      change: 'update',
      item: args.list,
      target: entry.code,
      details: { code: entry.code, archived: { from: entry.archived, to: false } },
      result: { code: entry.code },
    };
  });
}

/** The built-in entries, written for a new organisation (createOrganization). */
export async function seedListEntries(db: Kysely<Database>, args: Tenant & { now: string }): Promise<void> {
  const rows = ORGANISATION_LISTS.flatMap((list) =>
    DEFAULT_LIST_ENTRIES[list].map((e, position) => ({
      organization_id: args.organizationId,
      list,
      code: e.code,
      label: JSON.stringify(e.label),
      position,
      archived_at: null,
      created_at: args.now,
    })),
  );
  await db.insertInto('organization_list_entry').values(rows).execute();
}
