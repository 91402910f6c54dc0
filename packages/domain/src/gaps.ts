import type { InitiativeStatus } from './model.ts';
import { compareIds } from './order.ts';

/** The three facet scores of one group × dimension on the 0–100 index; null when unknown or hidden. */
export interface FacetScores {
  intendedTarget: number | null;
  expected: number | null;
  lived: number | null;
}

/** In index points; negative means a shortfall. */
export interface Gaps {
  /** lived − expected (SERVQUAL's customer gap). */
  expectationGap: number | null;
  /** lived − intended target. */
  targetGap: number | null;
  /** expected − intended target: positive means expectations above what we intend (over-promise risk). */
  calibrationGap: number | null;
}

const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);

/** Unrounded: rounding belongs to presentation, and rounded gaps would not add up. */
export function gapsOf(s: FacetScores): Gaps {
  return {
    expectationGap: diff(s.lived, s.expected),
    targetGap: diff(s.lived, s.intendedTarget),
    calibrationGap: diff(s.expected, s.intendedTarget),
  };
}

export interface GroupDimension {
  groupId: string;
  dimensionId: string;
}

export interface CoverageInput {
  intended: readonly GroupDimension[];
  initiatives: readonly { id: string; status: InitiativeStatus; targets: readonly GroupDimension[] }[];
}

// Ids never contain a newline, so this key cannot collide.
const cellKey = (c: GroupDimension) => `${c.groupId}\n${c.dimensionId}`;
const byCell = (a: GroupDimension, b: GroupDimension) =>
  compareIds(a.groupId, b.groupId) || compareIds(a.dimensionId, b.dimensionId);

/**
 * uncovered: intended cells with no active or delivered initiative targeting them (strategy not operationalised);
 * unaligned: targets of initiatives in any status but cancelled, on a group × dimension with no intended experience
 * (effort that serves no stated intent). Each listed once, sorted by ids.
 */
export function coverage(input: CoverageInput): {
  uncovered: GroupDimension[];
  unaligned: { initiativeId: string; groupId: string; dimensionId: string }[];
} {
  const intended = new Map(input.intended.map((c) => [cellKey(c), { groupId: c.groupId, dimensionId: c.dimensionId }]));
  const backed = new Set<string>();
  const unaligned = new Map<string, { initiativeId: string; groupId: string; dimensionId: string }>();
  for (const initiative of input.initiatives) {
    if (initiative.status === 'cancelled') continue;
    for (const t of initiative.targets) {
      const key = cellKey(t);
      if (initiative.status === 'active' || initiative.status === 'delivered') backed.add(key);
      if (!intended.has(key)) {
        unaligned.set(`${initiative.id}\n${key}`, {
          initiativeId: initiative.id,
          groupId: t.groupId,
          dimensionId: t.dimensionId,
        });
      }
    }
  }
  return {
    uncovered: [...intended]
      .filter(([key]) => !backed.has(key))
      .map(([, c]) => c)
      .sort(byCell),
    unaligned: [...unaligned.values()].sort((a, b) => compareIds(a.initiativeId, b.initiativeId) || byCell(a, b)),
  };
}

/** The expected and lived scores of one group × dimension in one wave. */
export interface WavePoint {
  sequence: number;
  expected: number | null;
  lived: number | null;
}

export const PROMISE_DRIFT_THRESHOLD = 5;

/**
 * Promise drift: expectations rising faster than the lived experience, the seed of disappointment. Over the waves
 * where both facets are known (at least two, in sequence order):
 * drift = (expected_last − expected_first) − (lived_last − lived_first).
 * alert when drift >= threshold and expectations rose (a lived score falling on its own is not a promise problem).
 */
export function promiseDrift(
  series: readonly WavePoint[],
  threshold: number = PROMISE_DRIFT_THRESHOLD,
): { drift: number | null; expectedChange: number | null; livedChange: number | null; waves: number; alert: boolean } {
  const known = series
    .filter((p): p is WavePoint & { expected: number; lived: number } => p.expected !== null && p.lived !== null)
    .sort((a, b) => a.sequence - b.sequence);
  const first = known[0];
  const last = known[known.length - 1];
  if (known.length < 2 || !first || !last) {
    return { drift: null, expectedChange: null, livedChange: null, waves: known.length, alert: false };
  }
  const expectedChange = last.expected - first.expected;
  const livedChange = last.lived - first.lived;
  const drift = expectedChange - livedChange;
  return { drift, expectedChange, livedChange, waves: known.length, alert: drift >= threshold && expectedChange > 0 };
}
