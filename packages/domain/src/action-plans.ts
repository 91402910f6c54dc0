import { z } from 'zod';
import type { HiddenReason } from './anonymity.ts';

/**
 * Action plans: after a wave's results, a scope (a whole group, or a segment of it such as a manager's department)
 * picks a few focus areas (dimensions) and writes actions for each, with an owner, a due date and a status; published
 * actions are shown to the scope's stakeholders in "you said, we did".
 */

export const ACTION_STATUSES = ['planned', 'in_progress', 'done', 'cancelled'] as const;
export const ActionStatus = z.enum(ACTION_STATUSES);
export type ActionStatus = z.infer<typeof ActionStatus>;

export const MAX_FOCUS_AREAS = 5;
export const MAX_ACTIONS_PER_FOCUS = 10;
export const MAX_ACTION_TITLE = 300;
export const MAX_ACTION_OWNER = 120;
export const MAX_PLAN_NOTE = 2000;

/** Who a plan is for: the whole group (null) or the stakeholders of one segment value. */
export interface PlanScope {
  key: string;
  value: string;
}

/** Whether a stakeholder with these segment values belongs to the scope (everyone belongs to the whole group's). */
export function inPlanScope(scope: PlanScope | null, segments: Readonly<Record<string, string>>): boolean {
  return scope === null || segments[scope.key] === scope.value;
}

export interface ManagerPlanState {
  memberId: string;
  name: string;
  department: string;
  /** Null when the department's results of the wave may be shown; else why not. */
  hidden: HiddenReason | null;
  focusAreas: number;
  actions: number;
  actionsDone: number;
  /**
   * `planned`: results and at least one focus area; `no_plan`: results shown but nothing chosen yet (what HR follows
   * up); `no_results`: the department's results are withheld, there is nothing to plan from.
   */
  state: 'planned' | 'no_plan' | 'no_results';
}

/** Each manager's plan for one wave, the managers without a plan first. */
export function managerPlanStates(
  managers: readonly { memberId: string; name: string; department: string }[],
  departments: ReadonlyMap<string, { hidden: HiddenReason | null; focusAreas: number; actions: number; done: number }>,
): ManagerPlanState[] {
  const rank = { no_plan: 0, planned: 1, no_results: 2 } as const;
  return managers
    .map((m) => {
      const d = departments.get(m.department) ?? { hidden: 'no_data' as const, focusAreas: 0, actions: 0, done: 0 };
      const state: ManagerPlanState['state'] =
        d.hidden !== null ? 'no_results' : d.focusAreas > 0 ? 'planned' : 'no_plan';
      return {
        memberId: m.memberId,
        name: m.name,
        department: m.department,
        hidden: d.hidden,
        focusAreas: d.focusAreas,
        actions: d.actions,
        actionsDone: d.done,
        state,
      };
    })
    .sort(
      (a, b) => rank[a.state] - rank[b.state] || a.name.localeCompare(b.name) || a.memberId.localeCompare(b.memberId),
    );
}
