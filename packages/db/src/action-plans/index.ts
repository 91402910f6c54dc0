import {
  ActionStatus,
  DomainError,
  invalid,
  lengthDetail,
  MAX_ACTION_OWNER,
  MAX_ACTION_TITLE,
  MAX_ACTIONS_PER_FOCUS,
  MAX_FOCUS_AREAS,
  MAX_PLAN_NOTE,
  type PlanScope,
} from '@facets/domain';
import type { Kysely } from 'kysely';
import { listSegmentAttributes } from '../repositories/groups.ts';
import { calendarDate, requireGroupDimension } from '../repositories/plan-checks.ts';
import { bool, inTransaction, isUniqueViolation } from '../repositories/rows.ts';
import type { Database } from '../schema.ts';

/**
 * Action plans (focus areas, their actions and the progress recorded on them), one entry point for the tables
 * focus_area, plan_action and plan_action_update. Who may write which scope is the API's rule; what is written is
 * checked here, whole, before anything is stored.
 */

export interface ActionUpdate {
  id: string;
  status: ActionStatus;
  note: string | null;
  authorName: string | null;
  createdAt: string;
}

export interface PlanAction {
  id: string;
  focusAreaId: string;
  initiativeId: string | null;
  title: string;
  owner: string;
  dueDate: string | null;
  status: ActionStatus;
  published: boolean;
  createdAt: string;
  updatedAt: string;
  /** Oldest first; the first is the action's creation. */
  updates: ActionUpdate[];
}

export interface FocusArea {
  id: string;
  groupId: string;
  waveId: string;
  scope: PlanScope | null;
  dimensionId: string;
  note: string | null;
  createdAt: string;
  /** Oldest first. */
  actions: PlanAction[];
}

const WHOLE = '';
const scopeColumns = (scope: PlanScope | null) => ({
  scope_key: scope?.key ?? WHOLE,
  scope_value: scope?.value ?? WHOLE,
});
const scopeOfRow = (r: { scope_key: string; scope_value: string }): PlanScope | null =>
  r.scope_key === WHOLE ? null : { key: r.scope_key, value: r.scope_value };

const noSuchFocusArea = () => new DomainError('not_found', 'focusAreaId: no such focus area', 'focusAreaId');
const noSuchAction = () => new DomainError('not_found', 'actionId: no such action', 'actionId');

function boundedText(field: string, value: string, max: number): string {
  const text = value.trim();
  if (text.length < 1 || text.length > max)
    throw invalid(field, `must be between 1 and ${max} characters`, lengthDetail(text.length, max));
  return text;
}

function optionalNote(field: string, value: string | null | undefined): string | null {
  const text = value?.trim() ?? '';
  if (text.length > MAX_PLAN_NOTE)
    throw invalid(field, `must be at most ${MAX_PLAN_NOTE} characters`, {
      reason: 'too_long',
      maximum: MAX_PLAN_NOTE,
    });
  return text === '' ? null : text;
}

function statusOf(field: string, value: string): ActionStatus {
  const parsed = ActionStatus.safeParse(value);
  if (!parsed.success) throw invalid(field, `must be one of ${ActionStatus.options.join(', ')}`, 'invalid_value');
  return parsed.data;
}

/** Focus areas of a group (one scope's, or every scope's when `scope` is undefined), newest wave first, with actions. */
export async function listFocusAreas(
  db: Kysely<Database>,
  args: { organizationId: string; groupId: string; scope?: PlanScope | null; waveIds?: readonly string[] },
): Promise<FocusArea[]> {
  if (args.waveIds?.length === 0) return [];
  const scope = args.scope;
  const areas = await db
    .selectFrom('focus_area')
    .select(['id', 'group_id', 'wave_id', 'scope_key', 'scope_value', 'dimension_id', 'note', 'created_at'])
    .where('organization_id', '=', args.organizationId)
    .where('group_id', '=', args.groupId)
    .$if(scope !== undefined, (q) =>
      q
        .where('scope_key', '=', scopeColumns(scope ?? null).scope_key)
        .where('scope_value', '=', scopeColumns(scope ?? null).scope_value),
    )
    .$if(args.waveIds !== undefined, (q) => q.where('wave_id', 'in', args.waveIds ?? []))
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const actions = await actionsOf(
    db,
    args.organizationId,
    areas.map((a) => a.id),
  );
  return areas.map((a) => ({
    id: a.id,
    groupId: a.group_id,
    waveId: a.wave_id,
    scope: scopeOfRow(a),
    dimensionId: a.dimension_id,
    note: a.note,
    createdAt: a.created_at,
    actions: actions.filter((x) => x.focusAreaId === a.id),
  }));
}

async function actionsOf(db: Kysely<Database>, organizationId: string, focusAreaIds: readonly string[]) {
  if (focusAreaIds.length === 0) return [];
  const rows = await db
    .selectFrom('plan_action')
    .select([
      'id',
      'focus_area_id',
      'initiative_id',
      'title',
      'owner',
      'due_date',
      'status',
      'published',
      'created_at',
      'updated_at',
    ])
    .where('organization_id', '=', organizationId)
    .where('focus_area_id', 'in', focusAreaIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const updates =
    rows.length === 0
      ? []
      : await db
          .selectFrom('plan_action_update as u')
          .leftJoin('member as m', 'm.id', 'u.author_member_id')
          .leftJoin('auth_user as a', 'a.id', 'm.user_id')
          .select(['u.id', 'u.action_id', 'u.status', 'u.note', 'u.created_at', 'a.name'])
          .where('u.organization_id', '=', organizationId)
          .where(
            'u.action_id',
            'in',
            rows.map((r) => r.id),
          )
          .orderBy('u.created_at')
          .orderBy('u.id')
          .execute();
  return rows.map(
    (r): PlanAction => ({
      id: r.id,
      focusAreaId: r.focus_area_id,
      initiativeId: r.initiative_id,
      title: r.title,
      owner: r.owner,
      dueDate: r.due_date,
      status: r.status as ActionStatus,
      published: bool(r.published),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      updates: updates
        .filter((u) => u.action_id === r.id)
        .map((u) => ({
          id: u.id,
          status: u.status as ActionStatus,
          note: u.note,
          authorName: u.name ?? null,
          createdAt: u.created_at,
        })),
    }),
  );
}

/** A focus area of the organisation, without its actions. */
export async function getFocusArea(
  db: Kysely<Database>,
  args: { organizationId: string; focusAreaId: string },
): Promise<Omit<FocusArea, 'actions'>> {
  const a = await db
    .selectFrom('focus_area')
    .select(['id', 'group_id', 'wave_id', 'scope_key', 'scope_value', 'dimension_id', 'note', 'created_at'])
    .where('organization_id', '=', args.organizationId)
    .where('id', '=', args.focusAreaId)
    .executeTakeFirst();
  if (!a) throw noSuchFocusArea();
  return {
    id: a.id,
    groupId: a.group_id,
    waveId: a.wave_id,
    scope: scopeOfRow(a),
    dimensionId: a.dimension_id,
    note: a.note,
    createdAt: a.created_at,
  };
}

/** An action with the focus area it belongs to (the API checks the caller's scope against it). */
export async function getPlanAction(
  db: Kysely<Database>,
  args: { organizationId: string; actionId: string },
): Promise<{ action: PlanAction; focusArea: Omit<FocusArea, 'actions'> }> {
  const row = await db
    .selectFrom('plan_action')
    .select('focus_area_id')
    .where('organization_id', '=', args.organizationId)
    .where('id', '=', args.actionId)
    .executeTakeFirst();
  if (!row) throw noSuchAction();
  const focusArea = await getFocusArea(db, { organizationId: args.organizationId, focusAreaId: row.focus_area_id });
  const action = (await actionsOf(db, args.organizationId, [focusArea.id])).find((a) => a.id === args.actionId);
  if (!action) throw noSuchAction();
  return { action, focusArea };
}

/** The scope names an attribute of the group and one of its values (the whole group, null, always does). */
async function requireScope(db: Kysely<Database>, organizationId: string, groupId: string, scope: PlanScope | null) {
  if (scope === null) return;
  const attributes = await listSegmentAttributes(db, { organizationId, groupId });
  const attribute = attributes.find((a) => a.key === scope.key);
  if (!attribute) throw invalid('scope.key', 'is not a segment attribute of this group', 'invalid_value');
  if (!attribute.values.some((v) => v.value === scope.value))
    throw invalid('scope.value', 'is not a value of this attribute', 'invalid_value');
}

async function requireWaveOfGroup(db: Kysely<Database>, organizationId: string, groupId: string, waveId: string) {
  const wave = await db
    .selectFrom('wave as w')
    .innerJoin('survey as s', 's.id', 'w.survey_id')
    .select('w.id')
    .where('w.organization_id', '=', organizationId)
    .where('w.id', '=', waveId)
    .where('s.group_id', '=', groupId)
    .executeTakeFirst();
  if (!wave) throw new DomainError('not_found', 'waveId: no such wave in this group', 'waveId');
}

/**
 * Picks a dimension as one of a scope's focus areas for a wave's results. The API calls it only for a wave whose
 * results the scope may be shown (there is nothing to plan from otherwise); at most MAX_FOCUS_AREAS per scope and
 * wave, each dimension once.
 */
export async function addFocusArea(
  db: Kysely<Database>,
  input: {
    organizationId: string;
    groupId: string;
    waveId: string;
    scope: PlanScope | null;
    dimensionId: string;
    note?: string | null;
    memberId: string | null;
    now: string;
    newId: () => string;
  },
): Promise<Omit<FocusArea, 'actions'>> {
  const note = optionalNote('note', input.note);
  const { organizationId, groupId } = input;
  return inTransaction(db, async (trx) => {
    await requireGroupDimension(trx, organizationId, { groupId, dimensionId: input.dimensionId });
    await requireWaveOfGroup(trx, organizationId, groupId, input.waveId);
    await requireScope(trx, organizationId, groupId, input.scope);
    const existing = await trx
      .selectFrom('focus_area')
      .select(['id', 'dimension_id'])
      .where('organization_id', '=', organizationId)
      .where('wave_id', '=', input.waveId)
      .where('scope_key', '=', scopeColumns(input.scope).scope_key)
      .where('scope_value', '=', scopeColumns(input.scope).scope_value)
      .execute();
    const already = () =>
      new DomainError('conflict', 'dimensionId: already a focus area of this plan', 'dimensionId', 'duplicate');
    if (existing.some((e) => e.dimension_id === input.dimensionId)) throw already();
    if (existing.length >= MAX_FOCUS_AREAS) {
      throw invalid('dimensionId', `a plan has at most ${MAX_FOCUS_AREAS} focus areas: act on a few things well`, {
        reason: 'too_many',
        maximum: MAX_FOCUS_AREAS,
      });
    }
    const id = input.newId();
    try {
      await trx
        .insertInto('focus_area')
        .values({
          id,
          organization_id: organizationId,
          group_id: groupId,
          wave_id: input.waveId,
          ...scopeColumns(input.scope),
          dimension_id: input.dimensionId,
          note,
          created_by: input.memberId,
          created_at: input.now,
        })
        .execute();
    } catch (error) {
      // Two people picking the same dimension at once: the second is told, as if they had come second.
      if (isUniqueViolation(error)) throw already();
      throw error;
    }
    return getFocusArea(trx, { organizationId, focusAreaId: id });
  });
}

/** Drops a focus area and its actions (the console asks first). */
export async function removeFocusArea(
  db: Kysely<Database>,
  input: { organizationId: string; focusAreaId: string },
): Promise<{ id: string }> {
  return inTransaction(db, async (trx) => {
    const area = await getFocusArea(trx, input);
    const actions = trx
      .selectFrom('plan_action')
      .select('id')
      .where('organization_id', '=', input.organizationId)
      .where('focus_area_id', '=', area.id);
    await trx
      .deleteFrom('plan_action_update')
      .where('organization_id', '=', input.organizationId)
      .where('action_id', 'in', actions)
      .execute();
    await trx
      .deleteFrom('plan_action')
      .where('organization_id', '=', input.organizationId)
      .where('focus_area_id', '=', area.id)
      .execute();
    await trx
      .deleteFrom('focus_area')
      .where('organization_id', '=', input.organizationId)
      .where('id', '=', area.id)
      .execute();
    return { id: area.id };
  });
}

export interface ActionFields {
  title: string;
  owner: string;
  dueDate: string | null;
  initiativeId: string | null;
}

async function checkedActionFields(db: Kysely<Database>, organizationId: string, fields: ActionFields) {
  const title = boundedText('title', fields.title, MAX_ACTION_TITLE);
  const owner = boundedText('owner', fields.owner, MAX_ACTION_OWNER);
  const dueDate = fields.dueDate === null ? null : calendarDate('dueDate', fields.dueDate);
  if (fields.initiativeId !== null) {
    const initiative = await db
      .selectFrom('initiative')
      .select('id')
      .where('organization_id', '=', organizationId)
      .where('id', '=', fields.initiativeId)
      .executeTakeFirst();
    if (!initiative) throw new DomainError('not_found', 'initiativeId: no such initiative', 'initiativeId');
  }
  return { title, owner, due_date: dueDate, initiative_id: fields.initiativeId };
}

/** A new action of a focus area, planned and unpublished; its history starts with its creation. */
export async function createPlanAction(
  db: Kysely<Database>,
  input: ActionFields & {
    organizationId: string;
    focusAreaId: string;
    memberId: string | null;
    now: string;
    newId: () => string;
  },
): Promise<PlanAction> {
  return inTransaction(db, async (trx) => {
    const area = await getFocusArea(trx, input);
    const f = await checkedActionFields(trx, input.organizationId, input);
    const count = await trx
      .selectFrom('plan_action')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('organization_id', '=', input.organizationId)
      .where('focus_area_id', '=', area.id)
      .executeTakeFirstOrThrow();
    if (Number(count.n) >= MAX_ACTIONS_PER_FOCUS) {
      throw invalid('focusAreaId', `a focus area has at most ${MAX_ACTIONS_PER_FOCUS} actions`, {
        reason: 'too_many',
        maximum: MAX_ACTIONS_PER_FOCUS,
      });
    }
    const id = input.newId();
    await trx
      .insertInto('plan_action')
      .values({
        id,
        organization_id: input.organizationId,
        focus_area_id: area.id,
        ...f,
        status: 'planned',
        published: 0,
        created_by: input.memberId,
        created_at: input.now,
        updated_at: input.now,
      })
      .execute();
    await insertUpdate(trx, { ...input, actionId: id, status: 'planned', note: null });
    return (await getPlanAction(trx, { organizationId: input.organizationId, actionId: id })).action;
  });
}

function insertUpdate(
  trx: Kysely<Database>,
  u: {
    organizationId: string;
    actionId: string;
    status: ActionStatus;
    note: string | null;
    memberId: string | null;
    now: string;
    newId: () => string;
  },
) {
  return trx
    .insertInto('plan_action_update')
    .values({
      id: u.newId(),
      organization_id: u.organizationId,
      action_id: u.actionId,
      status: u.status,
      note: u.note,
      author_member_id: u.memberId,
      created_at: u.now,
    })
    .execute();
}

/** Rewrites an action's title, owner, due date and initiative (its status moves through `recordActionProgress`). */
export async function updatePlanAction(
  db: Kysely<Database>,
  input: ActionFields & { organizationId: string; actionId: string; now: string },
): Promise<PlanAction> {
  return inTransaction(db, async (trx) => {
    const { action } = await getPlanAction(trx, input);
    const f = await checkedActionFields(trx, input.organizationId, input);
    await trx
      .updateTable('plan_action')
      .set({ ...f, updated_at: input.now })
      .where('organization_id', '=', input.organizationId)
      .where('id', '=', action.id)
      .execute();
    return (await getPlanAction(trx, input)).action;
  });
}

/**
 * Records progress: a new status, a note on what was done, or both. Cancelling also unpublishes the action: "we
 * did" must not show what was dropped.
 */
export async function recordActionProgress(
  db: Kysely<Database>,
  input: {
    organizationId: string;
    actionId: string;
    status: string;
    note?: string | null;
    memberId: string | null;
    now: string;
    newId: () => string;
  },
): Promise<PlanAction> {
  const status = statusOf('status', input.status);
  const note = optionalNote('note', input.note);
  return inTransaction(db, async (trx) => {
    const { action } = await getPlanAction(trx, input);
    if (status === action.status && note === null)
      throw invalid('note', 'say what was done, or change the status', 'required');
    await trx
      .updateTable('plan_action')
      .set({ status, updated_at: input.now, ...(status === 'cancelled' ? { published: 0 } : {}) })
      .where('organization_id', '=', input.organizationId)
      .where('id', '=', action.id)
      .execute();
    await insertUpdate(trx, { ...input, status, note });
    return (await getPlanAction(trx, input)).action;
  });
}

/** Shows (or stops showing) an action to its scope's stakeholders in "you said, we did". */
export async function setPlanActionPublished(
  db: Kysely<Database>,
  input: { organizationId: string; actionId: string; published: boolean; now: string },
): Promise<PlanAction> {
  return inTransaction(db, async (trx) => {
    const { action } = await getPlanAction(trx, input);
    if (input.published && action.status === 'cancelled') {
      throw invalid('published', 'a cancelled action cannot be published', 'wrong_state');
    }
    await trx
      .updateTable('plan_action')
      .set({ published: input.published ? 1 : 0, updated_at: input.now })
      .where('organization_id', '=', input.organizationId)
      .where('id', '=', action.id)
      .execute();
    return (await getPlanAction(trx, input)).action;
  });
}

/** Removes an action written by mistake, with its history (cancelling keeps the record of what was dropped). */
export async function deletePlanAction(
  db: Kysely<Database>,
  input: { organizationId: string; actionId: string },
): Promise<{ id: string }> {
  return inTransaction(db, async (trx) => {
    const { action } = await getPlanAction(trx, input);
    await trx
      .deleteFrom('plan_action_update')
      .where('organization_id', '=', input.organizationId)
      .where('action_id', '=', action.id)
      .execute();
    await trx
      .deleteFrom('plan_action')
      .where('organization_id', '=', input.organizationId)
      .where('id', '=', action.id)
      .execute();
    return { id: action.id };
  });
}

/** A published action as a stakeholder of its scope sees it. */
export interface PublishedAction {
  id: string;
  title: string;
  owner: string;
  dueDate: string | null;
  status: ActionStatus;
  updatedAt: string;
  dimensionId: string;
  /** Null: an action for the whole group; else the segment (their team) it was written for. */
  scope: PlanScope | null;
}

/**
 * The published, not cancelled actions a stakeholder with these segment values is shown: the whole group's and those
 * of each segment they belong to, most recently updated first.
 */
export async function publishedActionsFor(
  db: Kysely<Database>,
  args: { organizationId: string; groupId: string; segments: Readonly<Record<string, string>> },
): Promise<PublishedAction[]> {
  const own = Object.entries(args.segments).filter(([, v]) => typeof v === 'string' && v !== '');
  const rows = await db
    .selectFrom('plan_action as a')
    .innerJoin('focus_area as f', 'f.id', 'a.focus_area_id')
    .select([
      'a.id',
      'a.title',
      'a.owner',
      'a.due_date',
      'a.status',
      'a.updated_at',
      'f.dimension_id',
      'f.scope_key',
      'f.scope_value',
    ])
    .where('a.organization_id', '=', args.organizationId)
    .where('f.group_id', '=', args.groupId)
    .where('a.published', '=', 1)
    .where('a.status', '<>', 'cancelled')
    .where((eb) =>
      eb.or([
        eb('f.scope_key', '=', WHOLE),
        ...own.map(([key, value]) => eb.and([eb('f.scope_key', '=', key), eb('f.scope_value', '=', value)])),
      ]),
    )
    .orderBy('a.updated_at', 'desc')
    .orderBy('a.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    owner: r.owner,
    dueDate: r.due_date,
    status: r.status as ActionStatus,
    updatedAt: r.updated_at,
    dimensionId: r.dimension_id,
    scope: scopeOfRow(r),
  }));
}

/** Per value of one segment key, how many focus areas and actions (done ones too) its plans hold for a wave. */
export async function planCountsByValue(
  db: Kysely<Database>,
  args: { organizationId: string; groupId: string; waveId: string; scopeKey: string },
): Promise<Map<string, { focusAreas: number; actions: number; done: number }>> {
  const areas = await listFocusAreas(db, {
    organizationId: args.organizationId,
    groupId: args.groupId,
    waveIds: [args.waveId],
  });
  const counts = new Map<string, { focusAreas: number; actions: number; done: number }>();
  for (const area of areas) {
    if (area.scope?.key !== args.scopeKey) continue;
    const c = counts.get(area.scope.value) ?? { focusAreas: 0, actions: 0, done: 0 };
    c.focusAreas += 1;
    c.actions += area.actions.filter((a) => a.status !== 'cancelled').length;
    c.done += area.actions.filter((a) => a.status === 'done').length;
    counts.set(area.scope.value, c);
  }
  return counts;
}
