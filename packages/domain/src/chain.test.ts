import { describe, expect, it } from 'vitest';
import { averageRanks, ChainMeasure, chainCorrelation, correlationStrength } from './chain.ts';

const points = (xs: number[], ys: number[]) => xs.map((x, i) => ({ unit: `u${i}`, x, y: ys[i]! }));

describe('chainCorrelation', () => {
  it('gives Pearson r, its Fisher interval and Spearman on five units, by hand', () => {
    // x = 1…5, y = 2, 4, 5, 4, 5: deviations (−2, −1, 0, 1, 2) and (−2, 0, 1, 0, 1); Sxy = 6, Sxx = 10, Syy = 6,
    // r = 6 / √60 = 0.774597. z = atanh r = 1.031718, ± 1.96 / √2 = 1.385929: tanh(−0.354211) = −0.340105,
    // tanh(2.417647) = 0.984237. Ranks of y: 1, 2.5, 4.5, 2.5, 4.5 (ties averaged): Sxy = 7, Syy = 9, ρ = 7 / √90.
    const c = chainCorrelation(points([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]));
    expect(c.n).toBe(5);
    expect(c.pearson?.r).toBeCloseTo(0.774597, 6);
    expect(c.pearson?.ci95.low).toBeCloseTo(-0.340105, 6);
    expect(c.pearson?.ci95.high).toBeCloseTo(0.984237, 6);
    expect(c.spearman).toBeCloseTo(0.737865, 6);
    expect(c.strength).toBe('strong');
    expect(c.direction).toBe('positive');
    // Five units: a first sign only, and an interval that still holds 0.
    expect(c.caveats).toEqual(['not_cause', 'few_units', 'interval_includes_zero']);
  });

  it('says when the interval leaves 0 out', () => {
    // x = 1…6, y = 1, 3, 2, 5, 4, 6: Sxy = 15.5, Sxx = Syy = 17.5, r = 0.885714; z = ½ ln 16.5 = 1.401197 ± 1.96 / √3 = 1.131607: tanh 0.269590 = 0.263693, tanh 2.532804 = 0.987471.
    const c = chainCorrelation(points([1, 2, 3, 4, 5, 6], [1, 3, 2, 5, 4, 6]));
    expect(c.pearson?.r).toBeCloseTo(0.885714, 6);
    expect(c.pearson?.ci95.low).toBeCloseTo(0.263693, 5);
    expect(c.pearson?.ci95.high).toBeCloseTo(0.987471, 5);
    expect(c.spearman).toBeCloseTo(0.885714, 6);
    expect(c.caveats).toEqual(['not_cause', 'few_units']);
  });

  it('reads a falling line as negative and is symmetric in its sides', () => {
    const c = chainCorrelation(points([10, 20, 30, 40], [80, 60, 40, 20]));
    expect(c.pearson?.r).toBeCloseTo(-1, 9);
    expect(c.direction).toBe('negative');
    const swapped = chainCorrelation(points([80, 60, 40, 20], [10, 20, 30, 40]));
    expect(swapped.pearson?.r).toBeCloseTo(c.pearson!.r, 12);
  });

  it('gives no figure under four units, nor when a side does not vary', () => {
    const three = chainCorrelation(points([1, 2, 3], [1, 2, 3]));
    expect(three).toMatchObject({ n: 3, pearson: null, spearman: null, strength: null, direction: null });
    expect(three.caveats).toEqual(['not_cause', 'few_units']);
    const flat = chainCorrelation(points([1, 2, 3, 4], [50, 50, 50, 50]));
    expect(flat.pearson).toBeNull();
    expect(flat.caveats).toContain('no_spread');
  });

  it('drops the few-units caveat from ten units on', () => {
    const xs = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const c = chainCorrelation(
      points(
        xs,
        xs.map((x) => x * 2 + (x % 2)),
      ),
    );
    expect(c.caveats).toEqual(['not_cause']);
  });
});

describe('plain words and ranks', () => {
  it('words |r| by Cohen’s steps', () => {
    expect([0.05, -0.2, 0.35, -0.6].map(correlationStrength)).toEqual(['none', 'weak', 'moderate', 'strong']);
  });

  it('averages tied ranks', () => {
    expect(averageRanks([30, 10, 30, 20])).toEqual([3.5, 1, 3.5, 2]);
  });

  it('validates what a side measures, naming the field', () => {
    expect(ChainMeasure.safeParse({ kind: 'outcome', scale: 'nps11' }).success).toBe(true);
    const bad = ChainMeasure.safeParse({ kind: 'dimension', dimensionId: 'd', facet: 'intended' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['facet']);
  });
});
