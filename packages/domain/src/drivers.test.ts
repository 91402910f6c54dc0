import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { correlation, correlationCi95, keyDrivers, type PairMoments } from './drivers.ts';

/** Co-moments of standardised variables with correlation r: cov = r·n, var = n, so Pearson r comes back exactly. */
const pair = (a: string, b: string, r: number, n: number): PairMoments => ({
  a,
  b,
  n,
  sumA: 0,
  sumB: 0,
  sumAA: n,
  sumBB: n,
  sumAB: r * n,
});

/** Co-moments of every pair of columns of complete rows, as the database keeps them. */
function pairsOf(names: readonly string[], rows: readonly (readonly number[])[]): PairMoments[] {
  const out: PairMoments[] = [];
  for (const [i, a] of names.entries()) {
    for (const [j, b] of names.entries()) {
      if (j <= i) continue;
      const m = { a, b, n: rows.length, sumA: 0, sumB: 0, sumAA: 0, sumBB: 0, sumAB: 0 };
      for (const row of rows) {
        const [x, y] = [row[i]!, row[j]!];
        m.sumA += x;
        m.sumB += y;
        m.sumAA += x * x;
        m.sumBB += y * y;
        m.sumAB += x * y;
      }
      out.push(m);
    }
  }
  return out;
}

const column = (rows: number, values = fc.integer({ min: 0, max: 100 })) =>
  fc.array(values, { minLength: rows, maxLength: rows });

describe('correlation', () => {
  it('gives Pearson r from co-moments', () => {
    // A = 1, 2, 3, 4; B = 2, 4, 5, 9: n 4, ΣA 10, ΣB 20, ΣA² 30, ΣB² 126, ΣAB 61
    // cov = 61 − 10·20/4 = 11; varA = 30 − 10²/4 = 5; varB = 126 − 20²/4 = 26; r = 11 / √130 = 0.964764
    const p = { a: 'A', b: 'B', n: 4, sumA: 10, sumB: 20, sumAA: 30, sumBB: 126, sumAB: 61 };
    expect(correlation(p)).toBeCloseTo(0.964764, 6);
  });

  it('is null below two responses or when a variable does not vary', () => {
    expect(correlation({ a: 'A', b: 'B', n: 1, sumA: 3, sumB: 4, sumAA: 9, sumBB: 16, sumAB: 12 })).toBeNull();
    // three answers at 33.33…: the running sums leave a variance of rounding noise, still zero
    const x = 100 / 3;
    expect(
      correlation({ a: 'A', b: 'B', n: 3, sumA: 3 * x, sumB: 6, sumAA: 3 * x * x, sumBB: 14, sumAB: 6 * x }),
    ).toBeNull();
  });

  it('stays within [−1, 1], is symmetric, and matches the two-pass formula', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 30 }).chain((n) => fc.tuple(column(n), column(n))),
        ([xs, ys]) => {
          const [p] = pairsOf(
            ['x', 'y'],
            xs.map((x, i) => [x, ys[i]!]),
          );
          const r = correlation(p!);
          const swapped = correlation({
            ...p!,
            a: 'y',
            b: 'x',
            sumA: p!.sumB,
            sumB: p!.sumA,
            sumAA: p!.sumBB,
            sumBB: p!.sumAA,
          });
          expect(swapped).toBe(r);
          const mx = xs.reduce((s, x) => s + x, 0) / xs.length;
          const my = ys.reduce((s, y) => s + y, 0) / ys.length;
          const sxy = xs.reduce((s, x, i) => s + (x - mx) * (ys[i]! - my), 0);
          const sxx = xs.reduce((s, x) => s + (x - mx) ** 2, 0);
          const syy = ys.reduce((s, y) => s + (y - my) ** 2, 0);
          if (sxx === 0 || syy === 0) {
            expect(r).toBeNull();
            return;
          }
          expect(r).toBeGreaterThanOrEqual(-1);
          expect(r).toBeLessThanOrEqual(1);
          expect(r).toBeCloseTo(sxy / Math.sqrt(sxx * syy), 9);
        },
      ),
    );
  });

  it('gives a Fisher-z interval around r', () => {
    // z = atanh(0.5) = 0.549306; half-width 1.96 / √(103 − 3) = 0.196 → tanh(0.353306) = 0.339304, tanh(0.745306) = 0.632340
    const ci = correlationCi95(0.5, 103)!;
    expect(ci.low).toBeCloseTo(0.339304, 5);
    expect(ci.high).toBeCloseTo(0.63234, 5);
    expect(correlationCi95(0.5, 3)).toBeNull();
  });
});

describe('keyDrivers', () => {
  const hand = (n: number) => [pair('y', 'x1', 0.7, n), pair('x2', 'y', 0.5, n), pair('x1', 'x2', 0.96, n)];

  it('gives relative weights from 50 responses (the 2-predictor case above)', () => {
    // shares of R² = 42.5/49: x1 27.13 / 42.5 = 0.638353, x2 15.37 / 42.5 = 0.361647. x2's regression weight is
    // negative (−0.5/7) but its relative weight is not: it still carries the variance it shares with x1.
    const r = keyDrivers({ outcome: 'y', predictors: ['x2', 'x1'], pairs: hand(60) });
    expect(r.status).toBe('ok');
    expect(r.n).toBe(60);
    expect(r.rSquared).toBeCloseTo(0.867347, 6);
    expect(r.drivers.map((d) => [d.id, d.n, d.sign])).toEqual([
      ['x1', 60, 'positive'],
      ['x2', 60, 'positive'],
    ]);
    expect(r.drivers[0]?.r).toBeCloseTo(0.7, 12);
    expect(r.drivers[0]?.relativeWeight).toBeCloseTo(27.13 / 42.5, 9);
    expect(r.drivers[1]?.relativeWeight).toBeCloseTo(15.37 / 42.5, 9);
  });

  it('gives correlations only from 30 to 49 responses, and nothing below 30', () => {
    const mid = keyDrivers({
      outcome: 'y',
      predictors: ['x1', 'x2'],
      pairs: [pair('y', 'x1', -0.2, 49), pair('y', 'x2', 0.4, 49)],
    });
    expect(mid).toMatchObject({ status: 'correlation_only', n: 49, rSquared: null });
    // sorted by |r|: x2 (0.4) before x1 (−0.2)
    expect(mid.drivers.map((d) => [d.id, d.sign, d.relativeWeight])).toEqual([
      ['x2', 'positive', null],
      ['x1', 'negative', null],
    ]);
    const low = keyDrivers({ outcome: 'y', predictors: ['x1', 'x2'], pairs: hand(29) });
    expect(low).toMatchObject({ status: 'insufficient', n: 29, rSquared: null });
    expect(low.drivers.every((d) => d.r === null && d.sign === null && d.relativeWeight === null)).toBe(true);
  });

  it('takes the smallest outcome pair as n, and a missing pair as 0', () => {
    // x1 × y answered by 80, x2 × y by 45 → n 45: correlations only
    const r = keyDrivers({
      outcome: 'y',
      predictors: ['x1', 'x2'],
      pairs: [pair('y', 'x1', 0.5, 80), pair('y', 'x2', 0.3, 45), pair('x1', 'x2', 0.2, 45)],
    });
    expect(r).toMatchObject({ status: 'correlation_only', n: 45 });
    expect(r.drivers.map((d) => d.n)).toEqual([80, 45]);
    expect(keyDrivers({ outcome: 'y', predictors: ['x1', 'x3'], pairs: hand(60) })).toMatchObject({
      status: 'insufficient',
      n: 0,
    });
    expect(keyDrivers({ outcome: 'y', predictors: [], pairs: [] })).toEqual({
      status: 'insufficient',
      n: 0,
      rSquared: null,
      drivers: [],
    });
  });

  it('falls back to correlations when two predictors were never answered together', () => {
    const r = keyDrivers({
      outcome: 'y',
      predictors: ['x1', 'x2'],
      pairs: [pair('y', 'x1', 0.5, 60), pair('y', 'x2', 0.3, 60)],
    });
    expect(r.status).toBe('correlation_only');
    expect(r.drivers.map((d) => d.r)).toEqual([0.5, 0.3]);
  });

  it('leaves a predictor without spread out of the weights', () => {
    const flat = { a: 'y', b: 'x3', n: 60, sumA: 0, sumB: 300, sumAA: 60, sumBB: 1500, sumAB: 0 }; // x3 always 5
    const r = keyDrivers({ outcome: 'y', predictors: ['x1', 'x2', 'x3'], pairs: [...hand(60), flat] });
    expect(r.status).toBe('ok');
    expect(r.drivers.map((d) => d.id)).toEqual(['x1', 'x2', 'x3']);
    expect(r.drivers[2]).toEqual({ id: 'x3', n: 60, r: null, sign: null, relativeWeight: null });
    expect((r.drivers[0]?.relativeWeight ?? 0) + (r.drivers[1]?.relativeWeight ?? 0)).toBeCloseTo(1, 12);
  });

  it('on real responses: shares within [0, 1] sum to 1, sorted, whatever the order of the input', () => {
    const data = fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 50, max: 80 })).chain(([p, n]) =>
      fc.array(
        column(
          n,
          fc.integer({ min: 0, max: 4 }).map((x) => x * 25),
        ),
        { minLength: p + 1, maxLength: p + 1 },
      ),
    );
    fc.assert(
      fc.property(data, (columns) => {
        const names = columns.map((_, i) => (i === 0 ? 'y' : `x${i}`));
        const rows = columns[0]!.map((_, r) => columns.map((c) => c[r]!));
        const pairs = pairsOf(names, rows);
        const result = keyDrivers({ outcome: 'y', predictors: names.slice(1), pairs });
        if (result.status !== 'ok') {
          expect(result.status).toBe('correlation_only');
          return;
        }
        const weighted = result.drivers.filter((d) => d.relativeWeight !== null);
        if (result.rSquared! > 1e-9) expect(weighted.reduce((s, d) => s + d.relativeWeight!, 0)).toBeCloseTo(1, 9);
        for (const d of weighted) expect(d.relativeWeight).toBeGreaterThanOrEqual(0);
        expect(result.rSquared).toBeGreaterThanOrEqual(0);
        expect(result.rSquared).toBeLessThanOrEqual(1 + 1e-9);
        // sorted by weight, descending
        for (let i = 1; i < weighted.length; i++)
          expect(weighted[i]!.relativeWeight!).toBeLessThanOrEqual(weighted[i - 1]!.relativeWeight!);
        // the order of predictors and of pairs does not change the answer
        const again = keyDrivers({ outcome: 'y', predictors: names.slice(1).reverse(), pairs: [...pairs].reverse() });
        expect(again.drivers.map((d) => d.id)).toEqual(result.drivers.map((d) => d.id));
        expect(again.rSquared).toBeCloseTo(result.rSquared!, 9);
      }),
    );
  });
});
