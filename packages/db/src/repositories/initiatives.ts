import { DomainError, InitiativeStatus, invalid, type WrittenText } from '@facets/domain';
import type { Kysely } from 'kysely';
import { requireListEntry } from '../model/lists.ts';
import type { Database } from '../schema.ts';
import { calendarDate, localizedJson, optionalLocalizedJson, requireGroupDimension } from './plan-checks.ts';
import { type Initiative, listInitiatives } from './plans.ts';
import { inTransaction } from './rows.ts';

/** The proposed facet's writes: initiatives, their group × dimension targets, their status and publication. */

const MAX_INITIATIVE_TITLE = 200;
const MAX_INITIATIVE_DESCRIPTION = 2000;
const MAX_INITIATIVE_TARGETS = 50;

export interface InitiativeFields {
  title: WrittenText;
  description: WrittenText | null;
  /** An entry of the organisation's initiative kinds, and of its departments (db model/lists.ts). */
  kind: string;
  ownerDepartment: string;
  status: string;
  startDate: string | null;
  endDate: string | null;
  targets: { groupId: string; dimensionId: string }[];
}

const noSuchInitiative = () => new DomainError('not_found', 'initiativeId: no such initiative', 'initiativeId');

function enumValue<T extends string>(field: string, schema: { options: readonly T[] }, value: string): T {
  if (!(schema.options as readonly string[]).includes(value)) {
    throw invalid(field, `must be one of ${schema.options.join(', ')}`, 'invalid_value');
  }
  return value as T;
}

/**
 * Validates every field (each target and the kind and department against the organisation) before anything is
 * written; an initiative keeps the kind and department it has though their entries were archived since.
 */
async function checkedFields(
  db: Kysely<Database>,
  organizationId: string,
  fields: InitiativeFields,
  current?: { kind: string; ownerDepartment: string },
) {
  const title = await localizedJson(db, organizationId, 'title', fields.title, MAX_INITIATIVE_TITLE);
  const description = await optionalLocalizedJson(
    db,
    organizationId,
    'description',
    fields.description,
    MAX_INITIATIVE_DESCRIPTION,
  );
  const kind = await requireListEntry(db, {
    organizationId,
    list: 'initiative_kind',
    code: fields.kind,
    current: current?.kind,
  });
  const ownerDepartment = await requireListEntry(db, {
    organizationId,
    list: 'department',
    code: fields.ownerDepartment,
    current: current?.ownerDepartment,
  });
  const status = enumValue('status', InitiativeStatus, fields.status);
  const startDate = fields.startDate === null ? null : calendarDate('startDate', fields.startDate);
  const endDate = fields.endDate === null ? null : calendarDate('endDate', fields.endDate);
  if (startDate !== null && endDate !== null && endDate < startDate) {
    throw invalid('endDate', 'must be on or after the start date', 'before_start');
  }
  if (fields.targets.length > MAX_INITIATIVE_TARGETS) {
    throw invalid('targets', `at most ${MAX_INITIATIVE_TARGETS} group × dimension pairs`, {
      reason: 'too_many',
      maximum: MAX_INITIATIVE_TARGETS,
    });
  }
  const unique = new Map(fields.targets.map((t) => [`${t.groupId}\u0000${t.dimensionId}`, t]));
  let i = 0;
  for (const target of fields.targets) {
    await requireGroupDimension(db, organizationId, target, {
      group: `targets.${i}.groupId`,
      dimension: `targets.${i}.dimensionId`,
    });
    i += 1;
  }
  return { title, description, kind, ownerDepartment, status, startDate, endDate, targets: [...unique.values()] };
}

async function writeTargets(
  trx: Kysely<Database>,
  organizationId: string,
  initiativeId: string,
  targets: { groupId: string; dimensionId: string }[],
): Promise<void> {
  await trx
    .deleteFrom('initiative_target')
    .where('organization_id', '=', organizationId)
    .where('initiative_id', '=', initiativeId)
    .execute();
  if (targets.length === 0) return;
  await trx
    .insertInto('initiative_target')
    .values(
      targets.map((t) => ({
        organization_id: organizationId,
        initiative_id: initiativeId,
        group_id: t.groupId,
        dimension_id: t.dimensionId,
      })),
    )
    .execute();
}

async function getInitiative(
  db: Kysely<Database>,
  args: { organizationId: string; initiativeId: string },
): Promise<Initiative> {
  const found = (await listInitiatives(db, { organizationId: args.organizationId, ids: [args.initiativeId] }))[0];
  if (!found) throw noSuchInitiative();
  return found;
}

/** A new initiative, unpublished, with its targets; all or nothing. */
export async function createInitiative(
  db: Kysely<Database>,
  input: InitiativeFields & { organizationId: string; now: string; newId: () => string },
): Promise<Initiative> {
  return inTransaction(db, async (trx) => {
    const f = await checkedFields(trx, input.organizationId, input);
    const id = input.newId();
    await trx
      .insertInto('initiative')
      .values({
        id,
        organization_id: input.organizationId,
        title: f.title,
        description: f.description,
        kind: f.kind,
        owner_department: f.ownerDepartment,
        status: f.status,
        start_date: f.startDate,
        end_date: f.endDate,
        published: 0,
        created_at: input.now,
        updated_at: input.now,
      })
      .execute();
    await writeTargets(trx, input.organizationId, id, f.targets);
    return getInitiative(trx, { organizationId: input.organizationId, initiativeId: id });
  });
}

/**
 * Replaces an initiative's fields and targets. A published initiative keeps at least one group to be shown to and
 * cannot be cancelled while published (unpublish it first, or set the status, which unpublishes it).
 */
export async function updateInitiative(
  db: Kysely<Database>,
  input: InitiativeFields & { organizationId: string; initiativeId: string; now: string },
): Promise<Initiative> {
  return inTransaction(db, async (trx) => {
    const current = await getInitiative(trx, input);
    const f = await checkedFields(trx, input.organizationId, input, current);
    if (current.published && f.targets.length === 0) {
      throw invalid('targets', 'a published initiative needs at least one group to be shown to', {
        reason: 'too_few',
        minimum: 1,
      });
    }
    if (current.published && f.status === 'cancelled') {
      throw invalid('status', 'unpublish the initiative before cancelling it', 'wrong_state');
    }
    await trx
      .updateTable('initiative')
      .set({
        title: f.title,
        description: f.description,
        kind: f.kind,
        owner_department: f.ownerDepartment,
        status: f.status,
        start_date: f.startDate,
        end_date: f.endDate,
        updated_at: input.now,
      })
      .where('organization_id', '=', input.organizationId)
      .where('id', '=', current.id)
      .execute();
    await writeTargets(trx, input.organizationId, current.id, f.targets);
    return getInitiative(trx, input);
  });
}

/** Moves an initiative on the board. Cancelling also unpublishes it: "we did" must not show what was dropped. */
export async function setInitiativeStatus(
  db: Kysely<Database>,
  input: { organizationId: string; initiativeId: string; status: string; now: string },
): Promise<Initiative> {
  const status = enumValue('status', InitiativeStatus, input.status);
  return inTransaction(db, async (trx) => {
    const current = await getInitiative(trx, input);
    await trx
      .updateTable('initiative')
      .set({ status, updated_at: input.now, ...(status === 'cancelled' ? { published: 0 } : {}) })
      .where('organization_id', '=', input.organizationId)
      .where('id', '=', current.id)
      .execute();
    return getInitiative(trx, input);
  });
}

/** Shows (or stops showing) an initiative in its groups' "you said, we did". */
export async function setInitiativePublished(
  db: Kysely<Database>,
  input: { organizationId: string; initiativeId: string; published: boolean; now: string },
): Promise<Initiative> {
  return inTransaction(db, async (trx) => {
    const current = await getInitiative(trx, input);
    if (input.published && current.targets.length === 0) {
      throw invalid('published', 'link the initiative to at least one group before publishing it', 'wrong_state');
    }
    if (input.published && current.status === 'cancelled') {
      throw invalid('published', 'a cancelled initiative cannot be published', 'wrong_state');
    }
    await trx
      .updateTable('initiative')
      .set({ published: input.published ? 1 : 0, updated_at: input.now })
      .where('organization_id', '=', input.organizationId)
      .where('id', '=', current.id)
      .execute();
    return getInitiative(trx, input);
  });
}

/** Removes an initiative entered by mistake, with its targets (cancelling keeps the record of what was dropped). */
export async function deleteInitiative(
  db: Kysely<Database>,
  input: { organizationId: string; initiativeId: string },
): Promise<{ id: string }> {
  return inTransaction(db, async (trx) => {
    const current = await getInitiative(trx, input);
    await trx
      .deleteFrom('initiative_target')
      .where('organization_id', '=', input.organizationId)
      .where('initiative_id', '=', current.id)
      .execute();
    await trx
      .deleteFrom('initiative')
      .where('organization_id', '=', input.organizationId)
      .where('id', '=', current.id)
      .execute();
    return { id: current.id };
  });
}
