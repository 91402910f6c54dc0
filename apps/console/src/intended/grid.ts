import type { IntendedCell, PlanDimension, PlanGroup } from '../forms/types.ts';

/** The intended-experience grid: one row per dimension, one column per group, a cell where the pair exists. */
export interface GridRow {
  dimension: PlanDimension;
  cells: { group: PlanGroup; applies: boolean; intended: IntendedCell | null }[];
}

export function intendedGrid(
  groups: readonly PlanGroup[],
  dimensions: readonly PlanDimension[],
  intended: readonly IntendedCell[],
  labelOf: (d: PlanDimension) => string,
): GridRow[] {
  const byPair = new Map(intended.map((c) => [`${c.groupId}|${c.dimensionId}`, c]));
  const shown = new Set(groups.map((g) => g.id));
  return dimensions
    .filter((d) => d.groupIds.some((id) => shown.has(id)))
    .sort((a, b) => Number(b.shared) - Number(a.shared) || labelOf(a).localeCompare(labelOf(b)))
    .map((dimension) => ({
      dimension,
      cells: groups.map((group) => ({
        group,
        applies: dimension.groupIds.includes(group.id),
        intended: byPair.get(`${group.id}|${dimension.id}`) ?? null,
      })),
    }));
}

/** How many group × dimension pairs exist and how many have an intended experience. */
export function coverage(rows: readonly GridRow[]): { pairs: number; set: number } {
  let pairs = 0;
  let set = 0;
  for (const row of rows) {
    for (const cell of row.cells) {
      if (!cell.applies) continue;
      pairs += 1;
      if (cell.intended) set += 1;
    }
  }
  return { pairs, set };
}

/** A whole number between 0 and 100, as the API accepts a target; null otherwise. */
export function parseTarget(text: string): number | null {
  if (!/^\s*\d{1,3}\s*$/.test(text)) return null;
  const value = Number(text);
  return value >= 0 && value <= 100 ? value : null;
}
