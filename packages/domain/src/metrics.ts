import type { Moments } from './aggregates.ts';
import { isOnScale, type Scale } from './scales.ts';

/** What the stakeholder comparison sets side by side per group and shared dimension. */
export const COMPARE_METRICS = ['lived', 'expected', 'expectationGap', 'favourability'] as const;
export type CompareMetric = (typeof COMPARE_METRICS)[number];

/** One bar of a histogram: how many answers took this raw scale value. */
export interface Bin {
  readonly value: number;
  readonly count: number;
}

/** Shares in % (0–100) of favourable, neutral and unfavourable answers. */
export interface Favourability {
  n: number;
  favourable: number;
  neutral: number;
  unfavourable: number;
}

/** Lowest favourable and highest unfavourable raw value per scale; the values between are neutral. */
export const FAVOURABILITY_BANDS: Readonly<Record<Scale, { favourableFrom: number; unfavourableTo: number }>> = {
  likert5: { favourableFrom: 4, unfavourableTo: 2 },
  csat5: { favourableFrom: 4, unfavourableTo: 2 },
  ces7: { favourableFrom: 5, unfavourableTo: 3 },
  nps11: { favourableFrom: 9, unfavourableTo: 6 },
};

/** Counts per band; refuses values off the scale and negative counts, since they mean corrupted aggregates. */
function bandCounts(scale: Scale, bins: readonly Bin[]): { n: number; high: number; mid: number; low: number } {
  const { favourableFrom, unfavourableTo } = FAVOURABILITY_BANDS[scale];
  let high = 0;
  let mid = 0;
  let low = 0;
  for (const { value, count } of bins) {
    if (!Number.isInteger(count) || count < 0) throw new RangeError(`bin count ${count} is not a whole number >= 0`);
    if (count === 0) continue;
    if (!isOnScale(scale, value)) throw new RangeError(`${value} is not on the ${scale} scale`);
    if (value >= favourableFrom) high += count;
    else if (value <= unfavourableTo) low += count;
    else mid += count;
  }
  return { n: high + mid + low, high, mid, low };
}

/** likert5/csat5: 4–5 favourable, 3 neutral, 1–2 unfavourable; ces7: 5–7 / 4 / 1–3; nps11: 9–10 / 7–8 / 0–6. */
export function favourability(scale: Scale, bins: readonly Bin[]): Favourability | null {
  const { n, high, mid, low } = bandCounts(scale, bins);
  if (n === 0) return null;
  return { n, favourable: (high / n) * 100, neutral: (mid / n) * 100, unfavourable: (low / n) * 100 };
}

export interface NetPromoter {
  n: number;
  /** Shares in %. */
  promoters: number;
  passives: number;
  detractors: number;
  /** %promoters − %detractors, −100…100. */
  score: number;
  /** Normal-approximation 95 % interval, clamped to −100…100. */
  ci95: { low: number; high: number };
}

/**
 * NPS on nps11 bins. The score is a difference of two proportions of one multinomial sample, so its variance is
 * (p + d − (p − d)²) / n with p, d as proportions; the interval is ±1.96 SE, ×100.
 */
export function netPromoterScore(bins: readonly Bin[]): NetPromoter | null {
  const { n, high, mid, low } = bandCounts('nps11', bins);
  if (n === 0) return null;
  const p = high / n;
  const d = low / n;
  const score = (p - d) * 100;
  const se = Math.sqrt(Math.max(0, p + d - (p - d) ** 2) / n) * 100;
  return {
    n,
    promoters: p * 100,
    passives: (mid / n) * 100,
    detractors: d * 100,
    score,
    ci95: { low: Math.max(-100, score - 1.96 * se), high: Math.min(100, score + 1.96 * se) },
  };
}

/** CSAT on csat5: the share (%) of 4–5 answers. */
export function csat(bins: readonly Bin[]): { n: number; score: number } | null {
  const f = favourability('csat5', bins);
  return f && { n: f.n, score: f.favourable };
}

/** CES on ces7: the mean raw effort score (1–7) and the same mean on the 0–100 index. */
export function ces(bins: readonly Bin[]): { n: number; mean: number; index: number } | null {
  const { n } = bandCounts('ces7', bins); // validates the bins
  if (n === 0) return null;
  const mean = bins.reduce((s, b) => s + b.value * b.count, 0) / n;
  return { n, mean, index: ((mean - 1) / 6) * 100 };
}

/** Moments of the union of disjoint cells (e.g. several waves, or the values of a segment). */
export function sumMoments(list: readonly Moments[]): Moments {
  return list.reduce((acc, m) => ({ n: acc.n + m.n, sum: acc.sum + m.sum, sumSq: acc.sumSq + m.sumSq }), {
    n: 0,
    sum: 0,
    sumSq: 0,
  });
}

/** One histogram from several, with counts of equal values added; sorted by value. */
export function mergeBins(list: readonly (readonly Bin[])[]): Bin[] {
  const counts = new Map<number, number>();
  for (const bins of list) for (const { value, count } of bins) counts.set(value, (counts.get(value) ?? 0) + count);
  return [...counts].sort(([a], [b]) => a - b).map(([value, count]) => ({ value, count }));
}
