import { DomainError, invalid, type WrittenText } from '@facets/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import type { IntendedExperience } from './groups.ts';
import { localizedJson, requireGroupDimension } from './plan-checks.ts';
import { localized } from './rows.ts';

/** The intended facet: per group × dimension, what leadership wants the group to live, set and cleared here. */

const MAX_INTENDED_STATEMENT = 500;

export interface SetIntendedInput {
  organizationId: string;
  groupId: string;
  dimensionId: string;
  statement: WrittenText;
  /** 0–100 index, whole points. */
  target: number;
  /** 1 (highest) to 3. */
  priority: number;
  /** Who set it, for the record. */
  memberId: string;
  now: string;
  newId: () => string;
}

/** Sets (or replaces) the intended experience of a group on a dimension; one row per pair, in one statement. */
export async function setIntendedExperience(
  db: Kysely<Database>,
  input: SetIntendedInput,
): Promise<IntendedExperience> {
  if (!Number.isInteger(input.target) || input.target < 0 || input.target > 100) {
    throw invalid('target', 'must be a whole number between 0 and 100', {
      reason: 'out_of_range',
      minimum: 0,
      maximum: 100,
    });
  }
  if (!Number.isInteger(input.priority) || input.priority < 1 || input.priority > 3) {
    throw invalid('priority', 'must be 1, 2 or 3', { reason: 'out_of_range', minimum: 1, maximum: 3 });
  }
  const statement = await localizedJson(db, input.organizationId, 'statement', input.statement, MAX_INTENDED_STATEMENT);
  await requireGroupDimension(db, input.organizationId, input);
  const values = {
    statement,
    target: input.target,
    priority: input.priority,
    updated_at: input.now,
    updated_by: input.memberId,
  };
  await db
    .insertInto('intended_experience')
    .values({
      id: input.newId(),
      organization_id: input.organizationId,
      group_id: input.groupId,
      dimension_id: input.dimensionId,
      ...values,
    })
    .onConflict((oc) => oc.columns(['organization_id', 'group_id', 'dimension_id']).doUpdateSet(values))
    .execute();
  const row = await db
    .selectFrom('intended_experience')
    .select(['id', 'group_id', 'dimension_id', 'statement', 'target', 'priority', 'updated_at'])
    .where('organization_id', '=', input.organizationId)
    .where('group_id', '=', input.groupId)
    .where('dimension_id', '=', input.dimensionId)
    .executeTakeFirstOrThrow();
  return {
    id: row.id,
    groupId: row.group_id,
    dimensionId: row.dimension_id,
    statement: localized(row.statement),
    target: row.target,
    priority: row.priority,
    updatedAt: row.updated_at,
  };
}

/** Removes the intended experience of a group on a dimension (the cell becomes "not set"). */
export async function clearIntendedExperience(
  db: Kysely<Database>,
  args: { organizationId: string; groupId: string; dimensionId: string },
): Promise<{ groupId: string; dimensionId: string }> {
  const result = await db
    .deleteFrom('intended_experience')
    .where('organization_id', '=', args.organizationId)
    .where('group_id', '=', args.groupId)
    .where('dimension_id', '=', args.dimensionId)
    .executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) {
    throw new DomainError(
      'not_found',
      'dimensionId: no intended experience is set for this group and dimension',
      'dimensionId',
    );
  }
  return { groupId: args.groupId, dimensionId: args.dimensionId };
}
