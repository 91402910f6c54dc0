import {
  DomainError,
  type LocalizedText,
  MODEL_DESCRIPTION_MAX,
  MODEL_LABEL_MAX,
  type ModelLabel,
  type RemovalOutcome,
  type SurveyStatus,
  type WrittenText,
  waveState,
} from '@facets/domain';
import type { Kysely } from 'kysely';
import { listGroups } from '../repositories/groups.ts';
import { writtenIn } from '../repositories/organizations.ts';
import { inTransaction, isUniqueViolation, localized, localizedOrNull } from '../repositories/rows.ts';
import type { Database } from '../schema.ts';
import { labelDetail, type ModelChange } from './change.ts';
import { dimensionInUse, surveysAsking } from './usage.ts';

type Tenant = { organizationId: string };

interface DimensionFields {
  label: ModelLabel;
  description: WrittenText | null;
  /** The groups it belongs to; more than one makes it shared. */
  groupIds: string[];
}

/** A new dimension of one group, or shared by several; its code is unique in the organisation and never changes. */
export function createDimension(
  db: Kysely<Database>,
  args: Tenant & DimensionFields & { code: string; now: string; newId: () => string },
): Promise<ModelChange<{ id: string }>> {
  return inTransaction(db, async (trx) => {
    const label = await writtenIn(trx, args.organizationId, 'label', args.label, MODEL_LABEL_MAX);
    const description =
      args.description === null
        ? null
        : await writtenIn(trx, args.organizationId, 'description', args.description, MODEL_DESCRIPTION_MAX);
    const groups = await checkGroups(trx, args.organizationId, args.groupIds, []);
    const taken = await trx
      .selectFrom('dimension')
      .select('id')
      .where('organization_id', '=', args.organizationId)
      .where('code', '=', args.code)
      .executeTakeFirst();
    if (taken) throw duplicateCode();
    const id = args.newId();
    try {
      await trx
        .insertInto('dimension')
        .values({
          id,
          organization_id: args.organizationId,
          code: args.code,
          label: JSON.stringify(label),
          description: description === null ? null : JSON.stringify(description),
          created_at: args.now,
        })
        .execute();
    } catch (error) {
      throw isUniqueViolation(error) ? duplicateCode() : error;
    }
    await linkGroups(trx, args.organizationId, id, args.groupIds);
    return {
      change: 'create',
      item: 'dimension',
      target: id,
      details: { code: args.code, label: labelDetail(label), groups: groups.map((g) => g.code).sort() },
      result: { id },
    };
  });
}

const duplicateCode = () =>
  new DomainError('conflict', 'code: another dimension of the organisation has this code', 'code', 'duplicate');

/**
 * A dimension's labels, description and groups. A group whose surveys ask the dimension, or whose intended experience
 * names it, cannot be dropped: refused naming the survey. A group added must be an active group of the organisation.
 */
export function updateDimension(
  db: Kysely<Database>,
  args: Tenant & DimensionFields & { dimensionId: string },
): Promise<ModelChange<{ id: string }>> {
  return inTransaction(db, async (trx) => {
    const label = await writtenIn(trx, args.organizationId, 'label', args.label, MODEL_LABEL_MAX);
    const description =
      args.description === null
        ? null
        : await writtenIn(trx, args.organizationId, 'description', args.description, MODEL_DESCRIPTION_MAX);
    const before = await requireDimension(trx, args);
    const dropped = before.groupIds.filter((g) => !args.groupIds.includes(g));
    const groups = await checkGroups(trx, args.organizationId, args.groupIds, before.groupIds);
    if (dropped.length > 0) {
      const asking = (await surveysAsking(trx, args)).find((s) => dropped.includes(s.groupId));
      if (asking) {
        throw new DomainError(
          'conflict',
          `groupIds: the survey “${localized(asking.title).en}” of that group asks this dimension`,
          'groupIds',
          'in_use',
        );
      }
      const intended = await trx
        .selectFrom('intended_experience')
        .select('group_id')
        .where('organization_id', '=', args.organizationId)
        .where('dimension_id', '=', before.id)
        .where('group_id', 'in', dropped)
        .executeTakeFirst();
      if (intended) {
        throw new DomainError(
          'conflict',
          'groupIds: the intended experience of that group names this dimension',
          'groupIds',
          'in_use',
        );
      }
      await trx
        .deleteFrom('dimension_group')
        .where('organization_id', '=', args.organizationId)
        .where('dimension_id', '=', before.id)
        .where('group_id', 'in', dropped)
        .execute();
    }
    await linkGroups(
      trx,
      args.organizationId,
      before.id,
      args.groupIds.filter((g) => !before.groupIds.includes(g)),
    );
    await trx
      .updateTable('dimension')
      .set({
        label: JSON.stringify(label),
        description: description === null ? null : JSON.stringify(description),
      })
      .where('organization_id', '=', args.organizationId)
      .where('id', '=', before.id)
      .execute();
    const codeOf = new Map((await listGroups(trx, args.organizationId)).map((g) => [g.id, g.code]));
    const groupCodes = (ids: string[]) => ids.map((id) => codeOf.get(id) ?? id).sort();
    const changes: ModelChange['details'] = {};
    if (labelDetail(before.label) !== labelDetail(label)) {
      changes.label = { from: labelDetail(before.label), to: labelDetail(label) };
    }
    const [from, to] = [
      groupCodes(before.groupIds).join(', '),
      groups
        .map((g) => g.code)
        .sort()
        .join(', '),
    ];
    if (from !== to) changes.groups = { from, to };
    if (JSON.stringify(before.description) !== JSON.stringify(description)) changes.description = true;
    return {
      change: 'update',
      item: 'dimension',
      target: before.id,
      details: { code: before.code, ...changes },
      result: { id: before.id },
    };
  });
}

/**
 * Removes a dimension: refused while an open wave asks it (naming the survey); archived when any question, intended
 * experience or plan row uses it — kept for the reports, offered to no new survey — else deleted.
 */
export function removeDimension(
  db: Kysely<Database>,
  args: Tenant & { dimensionId: string; now: string },
): Promise<ModelChange<{ outcome: RemovalOutcome }>> {
  return inTransaction(db, async (trx) => {
    const dimension = await requireDimension(trx, args);
    const open = await openSurveyAsking(trx, { ...args, dimensionId: dimension.id });
    if (open) {
      throw new DomainError(
        'conflict',
        `dimensionId: the open survey “${open.en}” asks this dimension; close its wave first`,
        'dimensionId',
        'in_use',
      );
    }
    const details = { code: dimension.code, label: labelDetail(dimension.label) };
    if (await dimensionInUse(trx, { organizationId: args.organizationId, dimensionId: dimension.id })) {
      await trx
        .updateTable('dimension')
        .set({ archived_at: args.now })
        .where('organization_id', '=', args.organizationId)
        .where('id', '=', dimension.id)
        .where('archived_at', 'is', null)
        .execute();
      return { change: 'archive', item: 'dimension', target: dimension.id, details, result: { outcome: 'archived' } };
    }
    await trx
      .deleteFrom('dimension_group')
      .where('organization_id', '=', args.organizationId)
      .where('dimension_id', '=', dimension.id)
      .execute();
    await trx
      .deleteFrom('dimension')
      .where('organization_id', '=', args.organizationId)
      .where('id', '=', dimension.id)
      .execute();
    return { change: 'delete', item: 'dimension', target: dimension.id, details, result: { outcome: 'deleted' } };
  });
}

/** The title of a survey asking the dimension that has a wave taking answers now, if any. */
export async function openSurveyAsking(
  db: Kysely<Database>,
  args: Tenant & { dimensionId: string; now: string },
): Promise<LocalizedText | null> {
  const surveys = await surveysAsking(db, args);
  if (surveys.length === 0) return null;
  const waves = await db
    .selectFrom('wave')
    .select(['survey_id', 'status', 'opens_at', 'closes_at'])
    .where('organization_id', '=', args.organizationId)
    .where(
      'survey_id',
      'in',
      surveys.map((s) => s.surveyId),
    )
    .execute();
  const open = waves.find(
    (w) =>
      waveState({ status: w.status as SurveyStatus, opensAt: w.opens_at, closesAt: w.closes_at }, args.now) === 'open',
  );
  const survey = open && surveys.find((s) => s.surveyId === open.survey_id);
  return survey ? localized(survey.title) : null;
}

async function requireDimension(db: Kysely<Database>, args: Tenant & { dimensionId: string }) {
  const row = await db
    .selectFrom('dimension')
    .select(['id', 'code', 'label', 'description'])
    .where('organization_id', '=', args.organizationId)
    .where('id', '=', args.dimensionId)
    .executeTakeFirst();
  if (!row) throw new DomainError('not_found', 'dimensionId: no such dimension', 'dimensionId');
  const links = await db
    .selectFrom('dimension_group')
    .select('group_id')
    .where('organization_id', '=', args.organizationId)
    .where('dimension_id', '=', row.id)
    .execute();
  return {
    id: row.id,
    code: row.code,
    label: localized(row.label),
    description: localizedOrNull(row.description),
    groupIds: links.map((l) => l.group_id),
  };
}

/** The groups given, each the organisation's and, unless it already had the dimension, not archived. */
async function checkGroups(db: Kysely<Database>, organizationId: string, groupIds: string[], had: string[]) {
  const rows = await db
    .selectFrom('stakeholder_group')
    .select(['id', 'code', 'archived_at'])
    .where('organization_id', '=', organizationId)
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return groupIds.map((id, i) => {
    const group = byId.get(id);
    if (!group) throw new DomainError('not_found', `groupIds.${i}: no such stakeholder group`, `groupIds.${i}`);
    if (group.archived_at !== null && !had.includes(id)) {
      throw new DomainError('conflict', `groupIds.${i}: this group is archived`, `groupIds.${i}`, 'archived');
    }
    return group;
  });
}

async function linkGroups(db: Kysely<Database>, organizationId: string, dimensionId: string, groupIds: string[]) {
  if (groupIds.length === 0) return;
  await db
    .insertInto('dimension_group')
    .values(groupIds.map((group_id) => ({ organization_id: organizationId, dimension_id: dimensionId, group_id })))
    .execute();
}
