import { z } from 'zod';
import { correlation, correlationCi95 } from './drivers.ts';
import { Id } from './model.ts';
import { Scale } from './scales.ts';

/**
 * The experience chain (the service–profit chain: "no customer experience without employee experience"): over the
 * units two groups share (sites, stores, regions…), how one group's figure moves with the other's. The units and
 * their figures are published figures only (docs/architecture.md, "The experience chain"); this file only measures
 * how they line up, and says how far that can be trusted.
 */

/** What each side of the chain measures in its group: a dimension's lived or expected score, or an outcome item. */
export const CHAIN_FACETS = ['lived', 'expected'] as const;
export const ChainMeasure = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('dimension'), dimensionId: Id, facet: z.enum(CHAIN_FACETS) }),
  z.strictObject({ kind: z.literal('outcome'), scale: Scale }),
]);
export type ChainMeasure = z.infer<typeof ChainMeasure>;

/** One unit with both groups' figures. */
export interface ChainPoint {
  unit: string;
  x: number;
  y: number;
}

/** Below this many units no correlation is given: the Fisher interval needs n − 3 > 0, and 3 points prove nothing. */
export const CHAIN_MIN_UNITS = 4;
/** Under this many units the figure is read as a first sign, not a finding. */
export const CHAIN_FEW_UNITS = 10;

/** Plain words for |r| (Cohen's conventions): under 0.1 none, then weak, moderate, strong from 0.5. */
export const CORRELATION_STRENGTHS = ['none', 'weak', 'moderate', 'strong'] as const;
export type CorrelationStrength = (typeof CORRELATION_STRENGTHS)[number];

/** What the reader is told beside the figure; `not_cause` always. */
export const CHAIN_CAVEATS = ['not_cause', 'few_units', 'interval_includes_zero', 'no_spread'] as const;
export type ChainCaveat = (typeof CHAIN_CAVEATS)[number];

export interface ChainCorrelation {
  /** Units the figure stands on. */
  n: number;
  /** Pearson r with its 95 % interval (Fisher z); null under CHAIN_MIN_UNITS or when a side does not vary. */
  pearson: { r: number; ci95: { low: number; high: number } } | null;
  /** Spearman's rank correlation (Pearson on average ranks), less swayed by one outlying unit. */
  spearman: number | null;
  strength: CorrelationStrength | null;
  direction: 'positive' | 'negative' | null;
  caveats: ChainCaveat[];
}

export function correlationStrength(r: number): CorrelationStrength {
  const a = Math.abs(r);
  return a < 0.1 ? 'none' : a < 0.3 ? 'weak' : a < 0.5 ? 'moderate' : 'strong';
}

function pearsonOf(xs: readonly number[], ys: readonly number[]): number | null {
  const m = { a: 'x', b: 'y', n: xs.length, sumA: 0, sumB: 0, sumAA: 0, sumBB: 0, sumAB: 0 };
  xs.forEach((x, i) => {
    const y = ys[i] as number;
    m.sumA += x;
    m.sumB += y;
    m.sumAA += x * x;
    m.sumBB += y * y;
    m.sumAB += x * y;
  });
  return correlation(m);
}

/** Ranks from 1, ties given the mean of the ranks they span. */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v);
  const ranks = new Array<number>(values.length);
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]!.v === order[start]!.v) end++;
    const rank = (start + end) / 2 + 1;
    for (let j = start; j <= end; j++) ranks[order[j]!.i] = rank;
    start = end + 1;
  }
  return ranks;
}

/** How the two sides line up over the units. */
export function chainCorrelation(points: readonly ChainPoint[]): ChainCorrelation {
  const n = points.length;
  const caveats: ChainCaveat[] = ['not_cause'];
  if (n < CHAIN_FEW_UNITS) caveats.push('few_units');
  const none = { n, pearson: null, spearman: null, strength: null, direction: null };
  if (n < CHAIN_MIN_UNITS) return { ...none, caveats };
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const r = pearsonOf(xs, ys);
  const ci95 = r === null ? null : correlationCi95(r, n);
  if (r === null || ci95 === null) return { ...none, caveats: [...caveats, 'no_spread'] };
  if (ci95.low <= 0 && ci95.high >= 0) caveats.push('interval_includes_zero');
  return {
    n,
    pearson: { r, ci95 },
    spearman: pearsonOf(averageRanks(xs), averageRanks(ys)),
    strength: correlationStrength(r),
    direction: r > 0 ? 'positive' : r < 0 ? 'negative' : null,
    caveats,
  };
}
