import { type Moments, mean } from './aggregates.ts';

/**
 * A segment's difference from its whole group (a department against the whole company), with a 95 % interval, as
 * Culture Amp and Peakon show it beside every figure of a segment.
 *
 * The segment is part of the whole, so the two means are not independent samples: with R the rest of the group
 * (whole − segment), mean(S) − mean(W) = (n_R / n_W) · (mean(S) − mean(R)), and S and R are disjoint. Its standard
 * error is (n_R / n_W) · √(s²_S / n_S + s²_R / n_R) (Welch), and the interval ±1.96 of it. Null when either side has
 * fewer than two answers (no spread to judge by), or when the segment is the whole group.
 */
export interface Comparison {
  /** mean(segment) − mean(whole), in index points. */
  difference: number;
  ci95: { low: number; high: number };
  /** Whether the interval leaves out 0: the difference is unlikely to be chance alone. */
  significant: boolean;
}

const variance = (m: Moments) => Math.max(0, (m.sumSq - (m.sum * m.sum) / m.n) / (m.n - 1));

export function compareWithWhole(segment: Moments, whole: Moments): Comparison | null {
  const rest: Moments = { n: whole.n - segment.n, sum: whole.sum - segment.sum, sumSq: whole.sumSq - segment.sumSq };
  if (segment.n < 2 || rest.n < 2) return null;
  const [s, r, w] = [mean(segment), mean(rest), mean(whole)];
  if (s === null || r === null || w === null) return null;
  const weight = rest.n / whole.n;
  const se = weight * Math.sqrt(variance(segment) / segment.n + variance(rest) / rest.n);
  const difference = s - w;
  const ci95 = { low: difference - 1.96 * se, high: difference + 1.96 * se };
  return { difference, ci95, significant: ci95.low > 0 || ci95.high < 0 };
}
