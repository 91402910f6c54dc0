import type { OverviewGroup } from '@facets/db';
import { mean, type Moments } from '@facets/domain';

/** A facet score as the console sees it: the mean 0–100 index, hidden when too few answered (design.md §2). */
export interface Cell {
  n: number;
  score: number | null;
  hidden: null | 'below_k';
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Mean index of a cell, or null when it is empty or below the anonymity threshold k. */
function visibleMean(m: Moments, k: number): number | null {
  return m.n < k ? null : mean(m);
}

export function cellOf(m: Moments, k: number): Cell {
  const score = visibleMean(m, k);
  return { n: m.n, score: score === null ? null : round1(score), hidden: m.n > 0 && m.n < k ? 'below_k' : null };
}

/** a − b in index points, 1 decimal; null when either side is missing or hidden. */
export function gapOf(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : round1(a - b);
}

/** The overview with anonymity applied: no figure from a cell below k leaves the server, not even through a gap. */
export function overviewView(data: { kThreshold: number; groups: OverviewGroup[] }) {
  const k = data.kThreshold;
  return {
    kThreshold: k,
    groups: data.groups.map((g) => ({
      id: g.id,
      code: g.code,
      kind: g.kind,
      label: g.label,
      wave: g.wave,
      dimensions: g.dimensions.map((d) => {
        const expected = visibleMean(d.expected, k);
        const lived = visibleMean(d.lived, k);
        return {
          id: d.id,
          code: d.code,
          label: d.label,
          shared: d.shared,
          intended: d.intended,
          expected: cellOf(d.expected, k),
          lived: cellOf(d.lived, k),
          expectationGap: gapOf(lived, expected),
          targetGap: gapOf(lived, d.intended?.target ?? null),
        };
      }),
    })),
  };
}
