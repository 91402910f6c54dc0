/**
 * Importance–performance analysis (Martilla & James, 1977). The caller says what importance is (api: derived from
 * the key drivers, else leadership's stated priority; never the expected level).
 */
export type Quadrant = 'concentrate_here' | 'keep_up' | 'low_priority' | 'possible_overkill';

export interface IpaPoint {
  id: string;
  importance: number;
  performance: number;
}

// The mean of equal values can differ from them in the last bit; such a value must still count as at the mean.
const AT_MEAN = 1e-9;

export function quadrantOf(importanceHigh: boolean, performanceHigh: boolean): Quadrant {
  if (importanceHigh) return performanceHigh ? 'keep_up' : 'concentrate_here';
  return performanceHigh ? 'possible_overkill' : 'low_priority';
}

/**
 * importance as given, performance = lived score; the grid is split at the means of the given points
 * (a value equal to the mean counts as high). High importance with low performance → concentrate_here;
 * high & high → keep_up; low & low → low_priority; low importance with high performance → possible_overkill.
 */
export function importancePerformance(points: readonly IpaPoint[]): {
  meanImportance: number | null;
  meanPerformance: number | null;
  points: (IpaPoint & { quadrant: Quadrant })[];
} {
  if (points.length === 0) return { meanImportance: null, meanPerformance: null, points: [] };
  const meanImportance = points.reduce((s, p) => s + p.importance, 0) / points.length;
  const meanPerformance = points.reduce((s, p) => s + p.performance, 0) / points.length;
  const high = (x: number, mean: number) => x >= mean - AT_MEAN * Math.max(1, Math.abs(mean));
  return {
    meanImportance,
    meanPerformance,
    points: points.map((p) => ({
      id: p.id,
      importance: p.importance,
      performance: p.performance,
      quadrant: quadrantOf(high(p.importance, meanImportance), high(p.performance, meanPerformance)),
    })),
  };
}
