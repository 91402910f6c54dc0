import { compareIds } from './order.ts';
import { relativeWeights } from './relative-weights.ts';

/**
 * Co-moments of two variables over the responses that answered both, kept incrementally so that drivers never need
 * raw rows. Variable names are opaque here (the database uses `lived:<dimensionId>` and `outcome:<scale>`).
 */
export interface PairMoments {
  a: string;
  b: string;
  n: number;
  sumA: number;
  sumB: number;
  sumAA: number;
  sumBB: number;
  sumAB: number;
}

// Running sums lose the last digits of a zero variance (e.g. every answer at 33.33…); below this share of the raw
// sum of squares a variance counts as zero.
const ZERO_VARIANCE = 1e-10;

/** Pearson r from co-moments; null when n < 2 or a variable does not vary. Symmetric in a and b. */
export function correlation(p: PairMoments): number | null {
  if (p.n < 2) return null;
  const cov = p.sumAB - (p.sumA * p.sumB) / p.n;
  const varA = p.sumAA - (p.sumA * p.sumA) / p.n;
  const varB = p.sumBB - (p.sumB * p.sumB) / p.n;
  if (!(varA > ZERO_VARIANCE * p.sumAA) || !(varB > ZERO_VARIANCE * p.sumBB)) return null;
  const r = cov / Math.sqrt(varA * varB);
  return Number.isFinite(r) ? Math.max(-1, Math.min(1, r)) : null;
}

/** Fisher-z 95 % interval of a correlation, for the confidence note beside a driver; null when n <= 3. */
export function correlationCi95(r: number, n: number): { low: number; high: number } | null {
  if (n <= 3 || !Number.isFinite(r)) return null;
  const z = Math.atanh(Math.max(-0.999999, Math.min(0.999999, r)));
  const half = 1.96 / Math.sqrt(n - 3);
  return { low: Math.tanh(z - half), high: Math.tanh(z + half) };
}

export const DRIVER_MIN_N_CORRELATION = 30;
export const DRIVER_MIN_N_WEIGHTS = 50;

export interface Driver {
  id: string;
  /** Responses that answered both this predictor and the outcome. */
  n: number;
  r: number | null;
  sign: 'positive' | 'negative' | null;
  /** Share of R² (0–1); sums to 1 over the drivers that have one. */
  relativeWeight: number | null;
}

export type DriversStatus = 'ok' | 'correlation_only' | 'insufficient';

const pairKey = (a: string, b: string) => (a < b ? `${a}\n${b}` : `${b}\n${a}`);

function byStrength(x: Driver, y: Driver): number {
  const weight = (d: Driver) => d.relativeWeight ?? -1;
  const strength = (d: Driver) => (d.r === null ? -1 : Math.abs(d.r));
  return weight(y) - weight(x) || strength(y) - strength(x) || compareIds(x.id, y.id);
}

/**
 * Which predictors (lived dimensions) move the outcome. n of the analysis = the smallest n over the outcome pairs
 * (a missing pair counts as 0). Below 30: 'insufficient', no r at all. 30–49: 'correlation_only', r per predictor.
 * From 50: 'ok', Johnson's relative weights over the predictors that have an r, with rSquared = Σ raw weights. Weights
 * fall back to 'correlation_only' when they cannot be computed (two predictors never answered together, or a
 * variable without spread in a pair). Drivers sorted by relativeWeight, else |r|, descending, then by id.
 */
export function keyDrivers(input: { outcome: string; predictors: readonly string[]; pairs: readonly PairMoments[] }): {
  status: DriversStatus;
  n: number;
  rSquared: number | null;
  drivers: Driver[];
} {
  const pairs = new Map(input.pairs.map((p) => [pairKey(p.a, p.b), p]));
  const pairOf = (a: string, b: string) => pairs.get(pairKey(a, b));
  const predictors = [...new Set(input.predictors)].filter((id) => id !== input.outcome);
  const withOutcome = predictors.map((id) => ({ id, pair: pairOf(input.outcome, id) }));
  const n = withOutcome.length === 0 ? 0 : Math.min(...withOutcome.map((p) => p.pair?.n ?? 0));

  if (n < DRIVER_MIN_N_CORRELATION) {
    const drivers = withOutcome.map(({ id, pair }) => ({
      id,
      n: pair?.n ?? 0,
      r: null,
      sign: null,
      relativeWeight: null,
    }));
    return { status: 'insufficient', n, rSquared: null, drivers: drivers.sort(byStrength) };
  }

  const drivers: Driver[] = withOutcome.map(({ id, pair }) => {
    const r = pair ? correlation(pair) : null;
    const sign = r === null || r === 0 ? null : r > 0 ? 'positive' : 'negative';
    return { id, n: pair?.n ?? 0, r, sign, relativeWeight: null };
  });
  const correlationOnly = () => ({
    status: 'correlation_only' as const,
    n,
    rSquared: null,
    drivers: drivers.sort(byStrength),
  });
  if (n < DRIVER_MIN_N_WEIGHTS) return correlationOnly();

  const included = drivers.filter((d) => d.r !== null);
  if (included.length === 0) return correlationOnly();
  const rxx: number[][] = [];
  for (const x of included) {
    const row: number[] = [];
    for (const y of included) {
      const pair = x.id === y.id ? undefined : pairOf(x.id, y.id);
      const r = x.id === y.id ? 1 : pair ? correlation(pair) : null;
      if (r === null) return correlationOnly();
      row.push(r);
    }
    rxx.push(row);
  }
  const { raw, rSquared } = relativeWeights(
    rxx,
    included.map((d) => d.r!),
  );
  if (!Number.isFinite(rSquared) || raw.some((w) => !Number.isFinite(w))) return correlationOnly();
  included.forEach((d, j) => {
    d.relativeWeight = rSquared > 0 ? raw[j]! / rSquared : null;
  });
  return { status: 'ok', n, rSquared, drivers: drivers.sort(byStrength) };
}
