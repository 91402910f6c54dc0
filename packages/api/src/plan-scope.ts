import type {
  CommunicatedPromise,
  Database,
  GroupRef,
  Initiative,
  IntendedExperience,
  MemberContext,
} from '@facets/db';
import type { Kysely } from 'kysely';
import { scopeGroups, scopeOf } from './insights/scope.ts';

/**
 * The part of the plan a staff member reads: the whole organisation's, or for a manager what concerns employee
 * groups only (their targets, initiatives and promises), as the insights scope decides for results.
 */
export interface PlanScope {
  groups: GroupRef[];
  /** Null when every group is visible. */
  only: Set<string> | null;
}

export async function planScope(db: Kysely<Database>, member: MemberContext): Promise<PlanScope> {
  // Groups only: no wave is read, so the time does not matter.
  const scope = scopeOf(member, '');
  const groups = await scopeGroups(db, scope);
  return { groups, only: scope.own ? new Set(groups.map((g) => g.id)) : null };
}

export const sees = (scope: PlanScope, groupId: string) => scope.only === null || scope.only.has(groupId);

export const visibleIntended = (scope: PlanScope, cells: IntendedExperience[]) =>
  cells.filter((c) => sees(scope, c.groupId));

export const visiblePromises = (scope: PlanScope, promises: CommunicatedPromise[]) =>
  promises.filter((p) => sees(scope, p.groupId));

/** Initiatives aimed at a visible group, showing only their visible targets. */
export function visibleInitiatives(scope: PlanScope, initiatives: Initiative[]): Initiative[] {
  if (scope.only === null) return initiatives;
  return initiatives
    .map((i) => ({ ...i, targets: i.targets.filter((t) => sees(scope, t.groupId)) }))
    .filter((i) => i.targets.length > 0);
}
