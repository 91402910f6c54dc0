import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { relativeWeights, symmetricEigen } from './relative-weights.ts';

/** rᵀ R⁻¹ r by Gaussian elimination: the R² of ordinary least squares on standardised variables. */
function olsRSquared(rxx: readonly (readonly number[])[], rxy: readonly number[]): number {
  const size = rxy.length;
  const m = rxx.map((row, i) => [...row, rxy[i]!]);
  for (let c = 0; c < size; c++) {
    let pivot = c;
    for (let r = c + 1; r < size; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[pivot]![c]!)) pivot = r;
    [m[c], m[pivot]] = [m[pivot]!, m[c]!];
    for (let r = 0; r < size; r++) {
      if (r === c) continue;
      const f = m[r]![c]! / m[c]![c]!;
      for (let k = c; k <= size; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  return rxy.reduce((s, r, i) => s + r * (m[i]![size]! / m[i]![i]!), 0);
}

describe('symmetricEigen', () => {
  it('decomposes a symmetric matrix into orthonormal eigenvectors: A = V Λ Vᵀ', () => {
    const entry = fc.double({ min: -1, max: 1, noNaN: true });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((n) => fc.array(entry, { minLength: n * n, maxLength: n * n })),
        (flat) => {
          const size = Math.round(Math.sqrt(flat.length));
          const a = [...Array(size).keys()].map((i) =>
            [...Array(size).keys()].map((j) => flat[Math.min(i, j) * size + Math.max(i, j)]!),
          );
          const { values, vectors: v } = symmetricEigen(a);
          for (let i = 0; i < size; i++) {
            for (let j = 0; j < size; j++) {
              const back = values.reduce((s, l, k) => s + v[i]![k]! * l * v[j]![k]!, 0);
              const dot = values.reduce((s, _, k) => s + v[k]![i]! * v[k]![j]!, 0);
              expect(back).toBeCloseTo(a[i]![j]!, 9);
              expect(dot).toBeCloseTo(i === j ? 1 : 0, 9);
            }
          }
        },
      ),
    );
  });
});

describe('relativeWeights', () => {
  it('splits R² between two strongly correlated predictors (hand-computed)', () => {
    // r12 = 0.96 → Rxx = [[1, .96], [.96, 1]]: eigenvalues 1.96 and 0.04 on (1, 1)/√2 and (1, −1)/√2, so
    // Λ* = Rxx^(1/2) = [[c, s], [s, c]] with c = (1.4 + 0.2) / 2 = 0.8, s = (1.4 − 0.2) / 2 = 0.6 (3-4-5: 0.8² + 0.6² = 1);
    // Rxx^(−1/2) = [[c', s'], [s', c']] with c' = (1/1.4 + 1/0.2) / 2 = 20/7, s' = (1/1.4 − 1/0.2) / 2 = −15/7.
    // rxy = (0.7, 0.5): β = ((20·0.7 − 15·0.5) / 7, (−15·0.7 + 20·0.5) / 7) = (6.5/7, −0.5/7); β² = (42.25, 0.25) / 49.
    // raw1 = 0.64·42.25/49 + 0.36·0.25/49 = 27.13/49 = 0.553673; raw2 = 0.36·42.25/49 + 0.64·0.25/49 = 15.37/49 = 0.313673.
    // R² = 42.5/49 = 0.867347, the OLS R²: (0.49 + 0.25 − 2·0.96·0.35) / (1 − 0.96²) = 0.068 / 0.0784.
    const { raw, rSquared } = relativeWeights(
      [
        [1, 0.96],
        [0.96, 1],
      ],
      [0.7, 0.5],
    );
    expect(raw[0]).toBeCloseTo(27.13 / 49, 9);
    expect(raw[1]).toBeCloseTo(15.37 / 49, 9);
    expect(rSquared).toBeCloseTo(0.068 / 0.0784, 9);
  });

  it('gives r² to each uncorrelated predictor', () => {
    // Rxx = I: Λ* = I and β = rxy, so raw_j = r_j²: 0.25, 0.09, 0.04; R² = 0.38
    const { raw, rSquared } = relativeWeights(
      [
        [1, 0, 0],
        [0, 1, 0],
        [0, 0, 1],
      ],
      [0.5, -0.3, 0.2],
    );
    expect(raw.map((w) => Number(w.toFixed(12)))).toEqual([0.25, 0.09, 0.04]);
    expect(rSquared).toBeCloseTo(0.38, 12);
  });

  it('shares evenly between identical predictors instead of failing on a singular matrix', () => {
    // Rxx = [[1, 1], [1, 1]]: eigenvalue 2 on v = (1, 1)/√2, and 0 on (1, −1)/√2, which is dropped.
    // vᵀrxy = 1.2/√2; β = v · (1.2/√2)/√2 = (0.6/√2, 0.6/√2), β² = (0.18, 0.18); Λ* = √2·v vᵀ, every entry 1/√2 (² = 0.5).
    // raw_j = 0.5·0.18 + 0.5·0.18 = 0.18 each; R² = 0.36 = 0.6², as if there were one predictor.
    const { raw, rSquared } = relativeWeights(
      [
        [1, 1],
        [1, 1],
      ],
      [0.6, 0.6],
    );
    expect(raw[0]).toBeCloseTo(0.18, 9);
    expect(raw[1]).toBeCloseTo(0.18, 9);
    expect(rSquared).toBeCloseTo(0.36, 9);
  });

  it('caps R² at 1 when pairwise correlations contradict each other', () => {
    // r12 = 0.9 but r1y = 0.9, r2y = −0.9: rᵀR⁻¹r = (0.81 + 0.81 + 2·0.9·0.81) / 0.19 = 16.2, impossible for real data
    const { raw, rSquared } = relativeWeights(
      [
        [1, 0.9],
        [0.9, 1],
      ],
      [0.9, -0.9],
    );
    expect(rSquared).toBeCloseTo(1, 12);
    expect(raw[0]).toBeCloseTo(0.5, 9);
    expect(raw[1]).toBeCloseTo(0.5, 9);
  });

  it('gives r² to uncorrelated predictors, whatever r', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -0.5, max: 0.5, noNaN: true }), { minLength: 1, maxLength: 4 }), (rxy) => {
        const identity = rxy.map((_, i) => rxy.map((_, j) => (i === j ? 1 : 0)));
        const { raw, rSquared } = relativeWeights(identity, rxy);
        for (const [j, w] of raw.entries()) expect(w).toBeCloseTo(rxy[j]! ** 2, 12);
        expect(rSquared).toBeCloseTo(
          rxy.reduce((s, r) => s + r * r, 0),
          12,
        );
      }),
    );
  });

  it('never gives NaN, a negative weight or an R² outside [0, 1], even for matrices no data could produce', () => {
    const r = fc.double({ min: -1, max: 1, noNaN: true });
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 5 })
          .chain((n) =>
            fc.tuple(fc.array(r, { minLength: n * n, maxLength: n * n }), fc.array(r, { minLength: n, maxLength: n })),
          ),
        ([flat, rxy]) => {
          const size = rxy.length;
          const rxx = rxy.map((_, i) =>
            rxy.map((_, j) => (i === j ? 1 : flat[Math.min(i, j) * size + Math.max(i, j)]!)),
          );
          const { raw, rSquared } = relativeWeights(rxx, rxy);
          for (const w of raw) {
            expect(Number.isFinite(w)).toBe(true);
            expect(w).toBeGreaterThanOrEqual(0);
          }
          expect(rSquared).toBeGreaterThanOrEqual(0);
          expect(rSquared).toBeLessThanOrEqual(1 + 1e-12);
          expect(raw.reduce((s, w) => s + w, 0)).toBeCloseTo(rSquared, 12);
        },
      ),
    );
  });

  it('on real data, gives the least-squares R² wherever the predictors are not collinear', () => {
    const pearson = (xs: readonly number[], ys: readonly number[]) => {
      const mx = xs.reduce((s, x) => s + x, 0) / xs.length;
      const my = ys.reduce((s, y) => s + y, 0) / ys.length;
      const sxy = xs.reduce((s, x, i) => s + (x - mx) * (ys[i]! - my), 0);
      const sxx = xs.reduce((s, x) => s + (x - mx) ** 2, 0);
      const syy = ys.reduce((s, y) => s + (y - my) ** 2, 0);
      return sxx === 0 || syy === 0 ? null : sxy / Math.sqrt(sxx * syy);
    };
    const data = fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 8, max: 40 })).chain(([p, n]) =>
      fc.array(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: n, maxLength: n }), {
        minLength: p + 1,
        maxLength: p + 1,
      }),
    );
    fc.assert(
      fc.property(data, ([y, ...xs]) => {
        const rxy = xs.map((x) => pearson(x, y!));
        const rxx = xs.map((a) => xs.map((b) => (a === b ? 1 : pearson(a, b))));
        if (rxy.includes(null) || rxx.flat().includes(null)) return;
        const r = rxy as number[];
        const m = rxx as number[][];
        const { raw, rSquared } = relativeWeights(m, r);
        expect(rSquared).toBeLessThanOrEqual(1 + 1e-9);
        expect(raw.reduce((s, w) => s + w, 0)).toBeCloseTo(rSquared, 12);
        if (Math.min(...symmetricEigen(m).values) > 1e-3) expect(rSquared).toBeCloseTo(olsRSquared(m, r), 6);
      }),
    );
  });
});
