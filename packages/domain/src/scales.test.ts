import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isOnScale, SCALE_RANGES, Scale, scalePoints, toIndex } from './scales.ts';

describe('toIndex', () => {
  it('maps each scale onto 0–100 by (x − min) / (max − min) × 100', () => {
    expect(toIndex('likert5', 1)).toBe(0);
    expect(toIndex('likert5', 4)).toBe(75); // (4 − 1) / 4 × 100
    expect(toIndex('nps11', 7)).toBe(70); // (7 − 0) / 10 × 100
    expect(toIndex('csat5', 5)).toBe(100);
    expect(toIndex('ces7', 3)).toBeCloseTo(33.333, 3); // (3 − 1) / 6 × 100
  });

  it('refuses a value off the scale', () => {
    expect(() => toIndex('likert5', 6)).toThrow('6 is not on the likert5 scale (1–5)');
    expect(() => toIndex('nps11', 2.5)).toThrow(RangeError);
    expect(isOnScale('ces7', 0)).toBe(false);
  });

  it('is monotonic and stays within 0–100 on every scale', () => {
    fc.assert(
      fc.property(fc.constantFrom(...Scale.options), fc.nat(), fc.nat(), (scale, a, b) => {
        const { min, max } = SCALE_RANGES[scale];
        const x = min + (a % (max - min + 1));
        const y = min + (b % (max - min + 1));
        const [ix, iy] = [toIndex(scale, x), toIndex(scale, y)];
        expect(ix).toBeGreaterThanOrEqual(0);
        expect(ix).toBeLessThanOrEqual(100);
        if (x < y) expect(ix).toBeLessThan(iy);
      }),
    );
  });
});

describe('scalePoints', () => {
  it('lists every point of each scale, lowest first', () => {
    expect(scalePoints('nps11')).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(scalePoints('likert5')).toEqual([1, 2, 3, 4, 5]);
    expect(scalePoints('ces7')).toHaveLength(7);
  });
});
