import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importancePerformance } from './ipa.ts';

describe('importancePerformance', () => {
  it('places each dimension in a quadrant split at the means', () => {
    // mean importance (80 + 80 + 60 + 60) / 4 = 70; mean performance (50 + 75 + 55 + 80) / 4 = 65
    const r = importancePerformance([
      { id: 'pay', importance: 80, performance: 50 }, // high, low
      { id: 'team', importance: 80, performance: 75 }, // high, high
      { id: 'perks', importance: 60, performance: 55 }, // low, low
      { id: 'events', importance: 60, performance: 80 }, // low, high
    ]);
    expect(r.meanImportance).toBe(70);
    expect(r.meanPerformance).toBe(65);
    expect(r.points.map((p) => [p.id, p.quadrant])).toEqual([
      ['pay', 'concentrate_here'],
      ['team', 'keep_up'],
      ['perks', 'low_priority'],
      ['events', 'possible_overkill'],
    ]);
  });

  it('counts a value equal to the mean as high', () => {
    // means 70 and 60: 'a' sits exactly on both → keep_up
    const r = importancePerformance([
      { id: 'a', importance: 70, performance: 60 },
      { id: 'b', importance: 60, performance: 70 },
      { id: 'c', importance: 80, performance: 50 },
    ]);
    expect(r.points[0]?.quadrant).toBe('keep_up');
    // three equal values of 70.1, whose float mean is not exactly 70.1, are all at the mean
    const same = importancePerformance([1, 2, 3].map((i) => ({ id: `d${i}`, importance: 70.1, performance: 70.1 })));
    expect(same.points.every((p) => p.quadrant === 'keep_up')).toBe(true);
  });

  it('has no means without points', () => {
    expect(importancePerformance([])).toEqual({ meanImportance: null, meanPerformance: null, points: [] });
  });

  it('gives each point the quadrant of its side of both means', () => {
    const score = fc.double({ min: 0, max: 100, noNaN: true });
    const point = fc.record({ id: fc.string(), importance: score, performance: score });
    fc.assert(
      fc.property(fc.array(point, { minLength: 1, maxLength: 12 }), (points) => {
        const r = importancePerformance(points);
        expect(r.points.map((p) => p.id)).toEqual(points.map((p) => p.id));
        for (const p of r.points) {
          const highI = p.importance >= r.meanImportance! - 1e-7;
          const highP = p.performance >= r.meanPerformance! - 1e-7;
          // clear of the tolerance band, the side of the mean decides the quadrant
          if (Math.abs(p.importance - r.meanImportance!) > 1e-6) {
            expect(['keep_up', 'concentrate_here'].includes(p.quadrant)).toBe(highI);
          }
          if (Math.abs(p.performance - r.meanPerformance!) > 1e-6) {
            expect(['keep_up', 'possible_overkill'].includes(p.quadrant)).toBe(highP);
          }
        }
        // some point always lies at or above each mean
        expect(r.points.some((p) => p.quadrant === 'keep_up' || p.quadrant === 'concentrate_here')).toBe(true);
        expect(r.points.some((p) => p.quadrant === 'keep_up' || p.quadrant === 'possible_overkill')).toBe(true);
      }),
    );
  });
});
