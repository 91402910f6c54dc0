import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addObservation,
  EMPTY_MOMENTS,
  mean,
  observationsOf,
  segmentCellsOf,
  standardDeviation,
} from './aggregates.ts';

describe('moments', () => {
  it('gives mean and sample standard deviation of 50, 75, 100', () => {
    const m = [50, 75, 100].reduce(addObservation, EMPTY_MOMENTS);
    expect(m).toEqual({ n: 3, sum: 225, sumSq: 18125 });
    expect(mean(m)).toBe(75);
    expect(standardDeviation(m)).toBe(25); // variance (18125 − 225²/3) / 2 = 625
  });

  it('has no mean when empty and no spread below two observations', () => {
    expect(mean(EMPTY_MOMENTS)).toBeNull();
    expect(standardDeviation(addObservation(EMPTY_MOMENTS, 40))).toBeNull();
  });

  it('matches the mean computed from the values, in any order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 50 }), (xs) => {
        const m = xs.reduce(addObservation, EMPTY_MOMENTS);
        const r = [...xs].reverse().reduce(addObservation, EMPTY_MOMENTS);
        expect(mean(m)).toBeCloseTo(xs.reduce((s, x) => s + x, 0) / xs.length, 9);
        expect(r).toEqual(m);
      }),
    );
  });
});

describe('observationsOf', () => {
  it('folds two lived items on one dimension into one observation at their mean index', () => {
    const obs = observationsOf([
      { dimensionId: 'd1', facet: 'lived', scale: 'likert5', value: 5 },
      { dimensionId: 'd1', facet: 'lived', scale: 'likert5', value: 3 },
      { dimensionId: 'd1', facet: 'expected', scale: 'likert5', value: 4 },
      { dimensionId: null, facet: 'outcome', scale: 'nps11', value: 9 },
    ]);
    expect(obs).toEqual([
      { dimensionId: 'd1', facet: 'lived', scale: 'likert5', index: 75, values: [5, 3] },
      { dimensionId: 'd1', facet: 'expected', scale: 'likert5', index: 75, values: [4] },
      { dimensionId: null, facet: 'outcome', scale: 'nps11', index: 90, values: [9] },
    ]);
  });
});

describe('segmentCellsOf', () => {
  it('counts a response in the whole group and in each of its segments, skipping blanks', () => {
    expect(segmentCellsOf({ site: 'Lyon', department: 'IT', tenure: '' })).toEqual([
      { key: '', value: '' },
      { key: 'department', value: 'IT' },
      { key: 'site', value: 'Lyon' },
    ]);
  });
});
