import {
  DomainError,
  type LocalizedText,
  MODEL_LABEL_MAX,
  type ModelLabel,
  RESERVED_SEGMENT_KEYS,
  type RemovalOutcome,
  SEGMENT_ATTRIBUTES_MAX,
  SEGMENT_VALUES_MAX,
  type SegmentValueInput,
  type WrittenText,
  writtenText,
} from '@facets/domain';
import type { Kysely } from 'kysely';
import { parseSegmentValues, requireGroup } from '../repositories/groups.ts';
import { type GroupRef, organizationLanguages, writtenIn } from '../repositories/organizations.ts';
import { inTransaction, isUniqueViolation, localized } from '../repositories/rows.ts';
import type { Database } from '../schema.ts';
import { labelDetail, type ModelChange } from './change.ts';
import { segmentSnapshots } from './usage.ts';

/**
 * A group's segment attributes (department, site…) and their values: a key unique in the group, values with a code
 * and a bilingual label. Keys and value codes are what stakeholders' and responses' segments hold, so they never
 * change; one that any stakeholder or response carries is archived when removed, else deleted.
 */

type Tenant = { organizationId: string };
type AttributeRef = Tenant & { groupId: string; key: string };
type StoredValue = { value: string; label: WrittenText; archived: boolean };

export function createAttribute(
  db: Kysely<Database>,
  args: Tenant & { groupId: string; key: string; label: ModelLabel; values: SegmentValueInput[]; newId: () => string },
): Promise<ModelChange<{ key: string }>> {
  return inTransaction(db, async (trx) => {
    const label = await writtenIn(trx, args.organizationId, 'label', args.label, MODEL_LABEL_MAX);
    const group = await requireGroup(trx, args);
    if (RESERVED_SEGMENT_KEYS.includes(args.key)) {
      const owner = args.key === 'company' ? 'the company record' : 'the reporting line';
      throw new DomainError('invalid', `key: is reserved for ${owner}`, 'key', 'reserved');
    }
    const existing = await trx
      .selectFrom('segment_attribute')
      .select('key')
      .where('organization_id', '=', args.organizationId)
      .where('group_id', '=', group.id)
      .execute();
    if (existing.some((a) => a.key === args.key)) throw duplicateKey();
    if (existing.length >= SEGMENT_ATTRIBUTES_MAX) {
      throw new DomainError('conflict', `key: a group holds at most ${SEGMENT_ATTRIBUTES_MAX} attributes`, 'key', {
        reason: 'too_many',
        maximum: SEGMENT_ATTRIBUTES_MAX,
      });
    }
    const languages = await organizationLanguages(trx, args.organizationId);
    const values = args.values.map((v, i) => ({
      value: v.value,
      label: writtenText(`values.${i}.label`, v.label, languages, MODEL_LABEL_MAX),
    }));
    args.values.forEach((v, i) => {
      if (args.values.findIndex((w) => w.value === v.value) !== i) {
        throw new DomainError('invalid', `values.${i}.value: appears twice`, `values.${i}.value`, 'duplicate');
      }
    });
    try {
      await trx
        .insertInto('segment_attribute')
        .values({
          id: args.newId(),
          organization_id: args.organizationId,
          group_id: group.id,
          key: args.key,
          label: JSON.stringify(label),
          values: JSON.stringify(values),
        })
        .execute();
    } catch (error) {
      throw isUniqueViolation(error) ? duplicateKey() : error;
    }
    return {
      change: 'create',
      item: 'attribute',
      target: group.id,
      details: {
        group: group.code,
        key: args.key,
        label: labelDetail(label),
        values: args.values.map((v) => v.value),
      },
      result: { key: args.key },
    };
  });
}

const duplicateKey = () =>
  new DomainError('conflict', 'key: this group already has an attribute with this key', 'key', 'duplicate');

export function renameAttribute(
  db: Kysely<Database>,
  args: AttributeRef & { label: ModelLabel },
): Promise<ModelChange<{ key: string }>> {
  return inTransaction(db, async (trx) => {
    const label = await writtenIn(trx, args.organizationId, 'label', args.label, MODEL_LABEL_MAX);
    const { group, attribute } = await requireAttribute(trx, args);
    await trx
      .updateTable('segment_attribute')
      .set({ label: JSON.stringify(label) })
      .where('organization_id', '=', args.organizationId)
      .where('id', '=', attribute.id)
      .execute();
    return {
      change: 'update',
      item: 'attribute',
      target: group.id,
      details: {
        group: group.code,
        key: attribute.key,
        label: { from: labelDetail(attribute.label), to: labelDetail(label) },
      },
      result: { key: attribute.key },
    };
  });
}

/** Removes an attribute: archived when any stakeholder or response of the group carries it, else deleted. */
export function removeAttribute(
  db: Kysely<Database>,
  args: AttributeRef & { now: string },
): Promise<ModelChange<{ outcome: RemovalOutcome }>> {
  return inTransaction(db, async (trx) => {
    const { group, attribute } = await requireAttribute(trx, args);
    const carried = (await segmentSnapshots(trx, { organizationId: args.organizationId, groupId: group.id })).some(
      (s) => s[attribute.key] !== undefined,
    );
    const details = { group: group.code, key: attribute.key, label: labelDetail(attribute.label) };
    const where = trx
      .updateTable('segment_attribute')
      .where('organization_id', '=', args.organizationId)
      .where('id', '=', attribute.id);
    if (carried) {
      await where.set({ archived_at: args.now }).where('archived_at', 'is', null).execute();
      return { change: 'archive', item: 'attribute', target: group.id, details, result: { outcome: 'archived' } };
    }
    await trx
      .deleteFrom('segment_attribute')
      .where('organization_id', '=', args.organizationId)
      .where('id', '=', attribute.id)
      .execute();
    return { change: 'delete', item: 'attribute', target: group.id, details, result: { outcome: 'deleted' } };
  });
}

export function addSegmentValue(
  db: Kysely<Database>,
  args: AttributeRef & SegmentValueInput,
): Promise<ModelChange<{ value: string }>> {
  return inTransaction(db, async (trx) => {
    const label = await writtenIn(trx, args.organizationId, 'label', args.label, MODEL_LABEL_MAX);
    const { group, attribute } = await requireAttribute(trx, args);
    if (attribute.values.some((v) => v.value === args.value)) {
      throw new DomainError('conflict', 'value: this attribute already has this value', 'value', 'duplicate');
    }
    if (attribute.values.length >= SEGMENT_VALUES_MAX) {
      throw new DomainError('conflict', `value: an attribute holds at most ${SEGMENT_VALUES_MAX} values`, 'value', {
        reason: 'too_many',
        maximum: SEGMENT_VALUES_MAX,
      });
    }
    await writeValues(trx, attribute.id, args.organizationId, [
      ...attribute.values,
      { value: args.value, label: label, archived: false },
    ]);
    return {
      change: 'create',
      item: 'value',
      target: group.id,
      details: { group: group.code, key: attribute.key, value: args.value, label: labelDetail(label) },
      result: { value: args.value },
    };
  });
}

export function renameSegmentValue(
  db: Kysely<Database>,
  args: AttributeRef & SegmentValueInput,
): Promise<ModelChange<{ value: string }>> {
  return inTransaction(db, async (trx) => {
    const label = await writtenIn(trx, args.organizationId, 'label', args.label, MODEL_LABEL_MAX);
    const { group, attribute } = await requireAttribute(trx, args);
    const value = requireValue(attribute.values, args.value);
    await writeValues(
      trx,
      attribute.id,
      args.organizationId,
      attribute.values.map((v) => (v.value === value.value ? { ...v, label: label } : v)),
    );
    return {
      change: 'update',
      item: 'value',
      target: group.id,
      details: {
        group: group.code,
        key: attribute.key,
        value: value.value,
        label: { from: labelDetail(value.label), to: labelDetail(label) },
      },
      result: { value: value.value },
    };
  });
}

/** Removes a value: archived when any stakeholder or response of the group carries it, else deleted. */
export function removeSegmentValue(
  db: Kysely<Database>,
  args: AttributeRef & { value: string },
): Promise<ModelChange<{ outcome: RemovalOutcome }>> {
  return inTransaction(db, async (trx) => {
    const { group, attribute } = await requireAttribute(trx, args);
    const value = requireValue(attribute.values, args.value);
    const carried = (await segmentSnapshots(trx, { organizationId: args.organizationId, groupId: group.id })).some(
      (s) => s[attribute.key] === value.value,
    );
    const rest = carried
      ? attribute.values.map((v) => (v.value === value.value ? { ...v, archived: true } : v))
      : attribute.values.filter((v) => v.value !== value.value);
    await writeValues(trx, attribute.id, args.organizationId, rest);
    return {
      change: carried ? 'archive' : 'delete',
      item: 'value',
      target: group.id,
      details: { group: group.code, key: attribute.key, value: value.value, label: labelDetail(value.label) },
      result: { outcome: carried ? 'archived' : 'deleted' },
    };
  });
}

async function requireAttribute(
  db: Kysely<Database>,
  args: AttributeRef,
): Promise<{
  group: GroupRef;
  attribute: { id: string; key: string; label: LocalizedText; values: StoredValue[] };
}> {
  const group = await requireGroup(db, args);
  const row = await db
    .selectFrom('segment_attribute')
    .select(['id', 'key', 'label', 'values'])
    .where('organization_id', '=', args.organizationId)
    .where('group_id', '=', group.id)
    .where('key', '=', args.key)
    .executeTakeFirst();
  if (!row) throw new DomainError('not_found', 'key: this group has no such attribute', 'key');
  return {
    group,
    attribute: { id: row.id, key: row.key, label: localized(row.label), values: parseSegmentValues(row.values) },
  };
}

function requireValue(values: StoredValue[], value: string): StoredValue {
  const found = values.find((v) => v.value === value);
  if (!found) throw new DomainError('not_found', 'value: this attribute has no such value', 'value');
  return found;
}

function writeValues(db: Kysely<Database>, id: string, organizationId: string, values: StoredValue[]) {
  return db
    .updateTable('segment_attribute')
    .set({
      values: JSON.stringify(
        values.map((v) =>
          v.archived ? { value: v.value, label: v.label, archived: true } : { value: v.value, label: v.label },
        ),
      ),
    })
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .execute();
}
