import { describe, expect, it } from 'vitest';
import { addObservation, EMPTY_MOMENTS, type Moments } from './aggregates.ts';
import { compareWithWhole } from './comparison.ts';

const momentsOf = (xs: readonly number[]): Moments => xs.reduce(addObservation, EMPTY_MOMENTS);

describe('compareWithWhole', () => {
  it('gives the difference from the whole and a Welch interval over the segment and the rest', () => {
    const segment = [100, 75, 75, 50];
    const rest = [50, 25, 50, 25, 50, 0];
    const c = compareWithWhole(momentsOf(segment), momentsOf([...segment, ...rest]));
    // mean(S) = 75, mean(W) = 500 / 10 = 50; s²_S = 1250 / 3, mean(R) = 200 / 6, s²_R = (8750 − 200²/6) / 5.
    expect(c?.difference).toBeCloseTo(25, 9);
    const varR = (8750 - 40000 / 6) / 5;
    const se = 0.6 * Math.sqrt(1250 / 3 / 4 + varR / 6);
    expect(c?.ci95.low).toBeCloseTo(25 - 1.96 * se, 9);
    expect(c?.ci95.high).toBeCloseTo(25 + 1.96 * se, 9);
    expect(c?.significant).toBe(true);
  });

  it('is not significant when the interval crosses 0', () => {
    const segment = [100, 0, 50, 75];
    const c = compareWithWhole(momentsOf(segment), momentsOf([...segment, 25, 75, 50, 100, 0]));
    expect(c?.significant).toBe(false);
    expect(c!.ci95.low).toBeLessThan(0);
    expect(c!.ci95.high).toBeGreaterThan(0);
  });

  it('says nothing without spread on either side, or for the whole group itself', () => {
    const whole = momentsOf([50, 75, 100, 25]);
    expect(compareWithWhole(whole, whole)).toBeNull();
    expect(compareWithWhole(momentsOf([50]), whole)).toBeNull();
    expect(compareWithWhole(momentsOf([50, 75, 100]), whole)).toBeNull();
  });
});
