import {
  COMPANY_COUNTED,
  COMPANY_KEY,
  type Database,
  type FocusArea,
  type GroupRef,
  getFocusArea,
  getPlanAction,
  listDimensions,
  listFocusAreas,
  listInitiatives,
  listIntendedExperience,
  listSegmentAttributes,
  listStaffMembers,
  MANAGER_SEGMENT_KEY,
  planCountsByValue,
} from '@facets/db';
import { DomainError, type HiddenReason, managerPlanStates, type PlanScope } from '@facets/domain';
import type { Kysely } from 'kysely';
import { cellIn, facetKey, rowOf, type Segment } from '../insights/cells.ts';
import { favourabilityFigure, gapsFrom, scoreFigure } from '../insights/figures.ts';
import { loadPopulation, type Selection } from '../insights/population.ts';
import { departmentOf, populationOf, requireReadableGroup, type Scope, selectionOf } from '../insights/scope.ts';

/**
 * Action plans as the console shows them. A plan belongs to a scope: the whole group, or one segment of it (a
 * manager's is always their department, as for every figure they read). Its focus areas are chosen from the results
 * of one published wave in which the scope is shown; the figures beside them are that publication's, as in every
 * other view, so a plan shows nothing a reader could not see on the dimension page.
 */

/**
 * The scope a reader plans for (a manager: their department, which their employees' portal shows the plan to; anyone
 * else: the segment asked for, or the group).
 */
function planScopeOf(scope: Scope, group: GroupRef, segment: Segment | undefined): PlanScope | null {
  const department = departmentOf(scope);
  if (department && segment && !sameScope(segment, department)) {
    throw new DomainError('forbidden', 'segment: managers plan for their own department only', 'segment');
  }
  const population = department ?? populationOf(scope, segment);
  if (population?.key === COMPANY_KEY && COMPANY_COUNTED.includes(group.kind)) {
    throw new DomainError('invalid', 'segment: suppliers are never planned for by company', 'segment', 'not_allowed');
  }
  return population;
}

const sameScope = (a: PlanScope | null, b: PlanScope | null) => a?.key === b?.key && a?.value === b?.value;

/**
 * The focus area a reader may change: of a group they may read, and for a manager of their own department only.
 * Checked on every write by id, so that an id from someone else's plan gets the reader nowhere.
 */
export async function requireOwnFocusArea(db: Kysely<Database>, scope: Scope, focusAreaId: string) {
  const area = await getFocusArea(db, { organizationId: scope.organizationId, focusAreaId });
  await requireReadableGroup(db, scope, area.groupId, 'focusAreaId');
  if (scope.own && !sameScope(area.scope, departmentOf(scope))) {
    throw new DomainError('forbidden', 'focusAreaId: managers plan for their own department only', 'focusAreaId');
  }
  return area;
}

export async function requireOwnAction(db: Kysely<Database>, scope: Scope, actionId: string) {
  const { focusArea } = await getPlanAction(db, { organizationId: scope.organizationId, actionId });
  await requireOwnFocusArea(db, scope, focusArea.id);
}

/**
 * A scope's plan for a programme: the chosen wave's results for the scope (each dimension's lived and expected
 * score, favourability and gap to target, with their n), the focus areas chosen from this and earlier waves of the
 * programme (newest first) with their actions, and the initiatives of the group that actions may contribute to.
 */
export async function actionPlanView(
  db: Kysely<Database>,
  scope: Scope,
  input: { groupId: string; segment?: Segment } & Selection,
) {
  const group = await requireReadableGroup(db, scope, input.groupId);
  const planScope = planScopeOf(scope, group, input.segment);
  const population = await loadPopulation(db, scope, { group, segment: planScope, selection: selectionOf(input) });
  const current = population.waves.at(-1) ?? null;
  const row = current?.row ?? null;
  const programme = population.programmes.find((p) => p.surveyId === population.programme?.surveyId);
  const programmeWaves = programme?.waves ?? [];
  const [dimensions, intended, initiatives, areas] = await Promise.all([
    listDimensions(db, { organizationId: scope.organizationId, groupId: group.id }),
    listIntendedExperience(db, { organizationId: scope.organizationId }),
    listInitiatives(db, { organizationId: scope.organizationId }),
    listFocusAreas(db, {
      organizationId: scope.organizationId,
      groupId: group.id,
      scope: planScope,
      waveIds: programmeWaves.map((w) => w.id),
    }),
  ]);
  const labelOf = new Map(dimensions.map((d) => [d.id, d.label]));
  const waveOf = new Map(programmeWaves.map((w) => [w.id, w]));
  const groupInitiatives = initiatives.filter(
    (i) => i.status !== 'cancelled' && i.targets.some((t) => t.groupId === group.id),
  );
  const titleOf = new Map(initiatives.map((i) => [i.id, i.title]));
  const newestFirst = (a: FocusArea, b: FocusArea) =>
    (waveOf.get(b.waveId)?.sequence ?? 0) - (waveOf.get(a.waveId)?.sequence ?? 0) ||
    a.createdAt.localeCompare(b.createdAt) ||
    a.id.localeCompare(b.id);
  return {
    group: { id: group.id, code: group.code, kind: group.kind, label: group.label },
    scope: planScope,
    programme: population.programme,
    programmes: population.programmes,
    kThreshold: scope.policy.k,
    /** The wave the results below come from (the latest in which the scope is shown, unless one is chosen). */
    wave: current ? { id: current.wave.id, label: current.wave.label } : null,
    respondents: row ? row.respondents : { n: 0, hidden: 'no_data' as HiddenReason },
    /** Published waves of the programme in which this scope is withheld, with the reason. */
    withheldWaves: population.withheld,
    dimensions: dimensions.map((d) => {
      const lived = cellIn(row, facetKey(d.id, 'lived'));
      const expected = cellIn(row, facetKey(d.id, 'expected'));
      const target = intended.find((i) => i.groupId === group.id && i.dimensionId === d.id)?.target ?? null;
      return {
        id: d.id,
        code: d.code,
        label: d.label,
        lived: scoreFigure(lived),
        expected: scoreFigure(expected),
        favourability: favourabilityFigure(lived),
        target,
        targetGap: gapsFrom({ target, expected, lived }).targetGap,
      };
    }),
    focusAreas: [...areas].sort(newestFirst).map((a) => ({
      id: a.id,
      wave: { id: a.waveId, label: waveOf.get(a.waveId)?.label ?? '' },
      dimension: { id: a.dimensionId, label: labelOf.get(a.dimensionId) ?? null },
      note: a.note,
      createdAt: a.createdAt,
      actions: a.actions.map((x) => ({
        ...x,
        initiative: x.initiativeId ? { id: x.initiativeId, title: titleOf.get(x.initiativeId) ?? null } : null,
      })),
    })),
    initiatives: groupInitiatives.map((i) => ({ id: i.id, title: i.title, status: i.status })),
  };
}

/**
 * Whether a wave's results can be planned from by this scope: the wave is published and the scope is shown in it.
 * Focus areas are chosen from results, never from a wave whose figures the scope may not see.
 */
export async function requirePlannableWave(
  db: Kysely<Database>,
  scope: Scope,
  input: { groupId: string; segment?: Segment; waveId: string },
) {
  const group = await requireReadableGroup(db, scope, input.groupId);
  const planScope = planScopeOf(scope, group, input.segment);
  const { waves } = await loadPopulation(db, scope, { group, segment: planScope, selection: { waveId: input.waveId } });
  const chosen = waves.at(-1);
  const hidden = chosen ? chosen.row.respondents.hidden : 'no_data';
  if (hidden !== null) {
    throw new DomainError('invalid', 'waveId: this scope’s results are withheld in this wave', 'waveId', 'withheld');
  }
  return { group, planScope };
}

/**
 * For HR: each manager of an employee group and their plan for a wave of the programme (the latest published one
 * by default) — those whose department has results and no focus area yet first. Whether a department is shown is
 * the publication's answer, as on the breakdown; no count below k appears.
 */
export async function planCoverageView(db: Kysely<Database>, scope: Scope, input: { groupId: string } & Selection) {
  const group = await requireReadableGroup(db, scope, input.groupId);
  const population = await loadPopulation(db, scope, { group, segment: null, selection: selectionOf(input) });
  const current = population.waves.at(-1) ?? null;
  const base = {
    group: { id: group.id, label: group.label },
    programme: population.programme,
    programmes: population.programmes,
    wave: current ? { id: current.wave.id, label: current.wave.label } : null,
  };
  if (group.kind !== 'employee' || !current) return { ...base, managers: [] };
  const managers = (await listStaffMembers(db, { organizationId: scope.organizationId })).flatMap((m) =>
    m.role === 'manager' && m.department ? [{ memberId: m.memberId, name: m.name, department: m.department }] : [],
  );
  const counts = await planCountsByValue(db, {
    organizationId: scope.organizationId,
    groupId: group.id,
    waveId: current.wave.id,
    scopeKey: MANAGER_SEGMENT_KEY,
  });
  const departments = new Map(
    [...new Set(managers.map((m) => m.department))].map((value) => {
      const hidden = rowOf(current.published, { key: MANAGER_SEGMENT_KEY, value }).respondents.hidden;
      const c = counts.get(value) ?? { focusAreas: 0, actions: 0, done: 0 };
      return [value, { hidden, ...c }] as const;
    }),
  );
  const attributes = await listSegmentAttributes(db, { organizationId: scope.organizationId, groupId: group.id });
  const labels = new Map(
    (attributes.find((a) => a.key === MANAGER_SEGMENT_KEY)?.values ?? []).map((v) => [v.value, v.label]),
  );
  return {
    ...base,
    managers: managerPlanStates(managers, departments).map((m) => ({
      ...m,
      departmentLabel: labels.get(m.department) ?? null,
    })),
  };
}
