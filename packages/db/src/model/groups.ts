import {
  DomainError,
  type GroupKind,
  groupCodeRefusal,
  MODEL_LABEL_MAX,
  type ModelLabel,
  type RemovalOutcome,
} from '@facets/domain';
import type { Kysely } from 'kysely';
import { requireGroup } from '../repositories/groups.ts';
import { writtenIn } from '../repositories/organizations.ts';
import { inTransaction, isUniqueViolation } from '../repositories/rows.ts';
import type { Database } from '../schema.ts';
import { labelDetail, type ModelChange } from './change.ts';
import { dimensionInUse, groupHasData } from './usage.ts';

type Tenant = { organizationId: string };

/**
 * A new stakeholder group: its code is unique in the organisation, never changes, and is the path of its portal, so
 * none of the server's own paths (domain `groupCodeRefusal`).
 */
export function createGroup(
  db: Kysely<Database>,
  args: Tenant & { kind: GroupKind; code: string; label: ModelLabel; now: string; newId: () => string },
): Promise<ModelChange<{ id: string }>> {
  return inTransaction(db, async (trx) => {
    const reserved = groupCodeRefusal(args.kind, args.code);
    if (reserved) throw new DomainError('invalid', `code: ${reserved}, choose another`, 'code', 'reserved');
    const label = await writtenIn(trx, args.organizationId, 'label', args.label, MODEL_LABEL_MAX);
    const taken = await trx
      .selectFrom('stakeholder_group')
      .select('id')
      .where('organization_id', '=', args.organizationId)
      .where('code', '=', args.code)
      .executeTakeFirst();
    if (taken) throw duplicateCode();
    const id = args.newId();
    try {
      await trx
        .insertInto('stakeholder_group')
        .values({
          id,
          organization_id: args.organizationId,
          kind: args.kind,
          code: args.code,
          label: JSON.stringify(label),
          created_at: args.now,
        })
        .execute();
    } catch (error) {
      throw isUniqueViolation(error) ? duplicateCode() : error;
    }
    return {
      change: 'create',
      item: 'group',
      target: id,
      details: { code: args.code, kind: args.kind, label: labelDetail(label) },
      result: { id },
    };
  });
}

const duplicateCode = () =>
  new DomainError('conflict', 'code: another group of the organisation has this code', 'code', 'duplicate');

/** A group's label; its code stays (surveys, templates and files know it by it). */
export function renameGroup(
  db: Kysely<Database>,
  args: Tenant & { groupId: string; label: ModelLabel },
): Promise<ModelChange<{ id: string }>> {
  return inTransaction(db, async (trx) => {
    const label = await writtenIn(trx, args.organizationId, 'label', args.label, MODEL_LABEL_MAX);
    const group = await requireGroup(trx, args);
    await trx
      .updateTable('stakeholder_group')
      .set({ label: JSON.stringify(label) })
      .where('organization_id', '=', args.organizationId)
      .where('id', '=', args.groupId)
      .execute();
    return {
      change: 'update',
      item: 'group',
      target: group.id,
      details: { code: group.code, label: { from: labelDetail(group.label), to: labelDetail(label) } },
      result: { id: group.id },
    };
  });
}

/**
 * Removes a group: archived when it has any data (surveys, stakeholders, responses, feedback, the plan's rows) — no
 * new survey, offered in no picker, its results still reported — else deleted with its attributes and the dimensions
 * that were its alone.
 */
export function removeGroup(
  db: Kysely<Database>,
  args: Tenant & { groupId: string; now: string },
): Promise<ModelChange<{ outcome: RemovalOutcome }>> {
  return inTransaction(db, async (trx) => {
    const group = await requireGroup(trx, args);
    const where = { organizationId: args.organizationId, groupId: group.id };
    const details = { code: group.code, label: labelDetail(group.label) };
    if (await groupHasData(trx, where)) {
      await trx
        .updateTable('stakeholder_group')
        .set({ archived_at: args.now })
        .where('organization_id', '=', args.organizationId)
        .where('id', '=', group.id)
        .where('archived_at', 'is', null)
        .execute();
      return { change: 'archive', item: 'group', target: group.id, details, result: { outcome: 'archived' } };
    }
    const links = await trx
      .selectFrom('dimension_group')
      .select('dimension_id')
      .where('organization_id', '=', args.organizationId)
      .where('group_id', '=', group.id)
      .execute();
    await trx
      .deleteFrom('dimension_group')
      .where('organization_id', '=', args.organizationId)
      .where('group_id', '=', group.id)
      .execute();
    const deletedDimensions: string[] = [];
    for (const { dimension_id } of links) {
      const other = await trx
        .selectFrom('dimension_group')
        .select('group_id')
        .where('organization_id', '=', args.organizationId)
        .where('dimension_id', '=', dimension_id)
        .limit(1)
        .executeTakeFirst();
      if (other || (await dimensionInUse(trx, { organizationId: args.organizationId, dimensionId: dimension_id }))) {
        continue;
      }
      const row = await trx
        .selectFrom('dimension')
        .select('code')
        .where('organization_id', '=', args.organizationId)
        .where('id', '=', dimension_id)
        .executeTakeFirstOrThrow();
      await trx
        .deleteFrom('dimension')
        .where('organization_id', '=', args.organizationId)
        .where('id', '=', dimension_id)
        .execute();
      deletedDimensions.push(row.code);
    }
    await trx
      .deleteFrom('segment_attribute')
      .where('organization_id', '=', args.organizationId)
      .where('group_id', '=', group.id)
      .execute();
    await trx
      .deleteFrom('stakeholder_group')
      .where('organization_id', '=', args.organizationId)
      .where('id', '=', group.id)
      .execute();
    return {
      change: 'delete',
      item: 'group',
      target: group.id,
      details: { ...details, dimensions: deletedDimensions.sort() },
      result: { outcome: 'deleted' },
    };
  });
}
