import { INITIATIVE_STATUSES } from '@facets/domain';
import type { InitiativeItem } from '../forms/types.ts';

/** The board's columns, in the order work moves through them. */
export const STATUSES = INITIATIVE_STATUSES;

export interface BoardFilter {
  /** An owner department, or '' for all. */
  department: string;
  /** A group the initiative aims at, or '' for all. */
  groupId: string;
}

export function filterInitiatives(list: readonly InitiativeItem[], filter: BoardFilter): InitiativeItem[] {
  return list.filter(
    (i) =>
      (!filter.department || i.ownerDepartment === filter.department) &&
      (!filter.groupId || i.targets.some((t) => t.groupId === filter.groupId)),
  );
}

/** The initiatives of each status, most recently changed first. */
export function boardColumns(list: readonly InitiativeItem[]) {
  return STATUSES.map((status) => ({
    status,
    items: list.filter((i) => i.status === status).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)),
  }));
}

/** Why an initiative cannot be published now, or null when it can. */
export function publishBlocker(initiative: InitiativeItem): 'noGroup' | 'cancelled' | null {
  if (initiative.status === 'cancelled') return 'cancelled';
  if (initiative.targets.length === 0) return 'noGroup';
  return null;
}
