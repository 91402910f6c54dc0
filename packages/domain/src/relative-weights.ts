/**
 * Eigenvalues and eigenvectors of a small symmetric matrix by cyclic Jacobi rotations: a dozen lines, unconditionally
 * stable, and exact enough for correlation matrices of a few dozen variables. `vectors[i][k]` is component i of the
 * k-th eigenvector, paired with `values[k]`; not sorted.
 */
export function symmetricEigen(matrix: readonly (readonly number[])[]): { values: number[]; vectors: number[][] } {
  const size = matrix.length;
  const a = matrix.map((row) => [...row]);
  const v: number[][] = a.map((_, i) => a.map((_, j) => (i === j ? 1 : 0)));
  const total = a.reduce((s, row) => s + row.reduce((t, x) => t + x * x, 0), 0);
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    for (let i = 0; i < size; i++) for (let j = i + 1; j < size; j++) off += a[i]![j]! ** 2;
    if (!(off > 1e-30 * total)) break; // also stops on NaN rather than spinning
    for (let p = 0; p < size; p++) {
      for (let q = p + 1; q < size; q++) {
        const apq = a[p]![q]!;
        if (apq === 0) continue;
        // The rotation angle that zeroes a[p][q] (Numerical Recipes §11.1), with the smaller root for stability.
        const theta = (a[q]![q]! - a[p]![p]!) / (2 * apq);
        const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < size; k++) {
          const [akp, akq] = [a[k]![p]!, a[k]![q]!];
          a[k]![p] = c * akp - s * akq;
          a[k]![q] = s * akp + c * akq;
        }
        for (let k = 0; k < size; k++) {
          const [apk, aqk] = [a[p]![k]!, a[q]![k]!];
          a[p]![k] = c * apk - s * aqk;
          a[q]![k] = s * apk + c * aqk;
        }
        for (let k = 0; k < size; k++) {
          const [vkp, vkq] = [v[k]![p]!, v[k]![q]!];
          v[k]![p] = c * vkp - s * vkq;
          v[k]![q] = s * vkp + c * vkq;
        }
      }
    }
  }
  return { values: a.map((row, i) => row[i]!), vectors: v };
}

// Eigenvalues below this share of the trace are treated as zero: collinear predictors then share their weight
// instead of blowing up Λ^(−1/2), and eigenvalues made negative by pairwise deletion are dropped.
const EIGEN_TOLERANCE = 1e-9;

/**
 * Johnson's (2000) relative weights from the predictors' correlation matrix `rxx` and their correlations with the
 * outcome `rxy`. With Rxx = V Λ Vᵀ: Λ* = V Λ^(1/2) Vᵀ (each predictor's loadings on its orthogonal counterparts) and
 * β = V Λ^(−1/2) Vᵀ rxy (the outcome regressed on those counterparts); raw_j = Σ_k Λ*_jk² β_k², R² = Σ_j raw_j.
 * Correlations from different subsets of responses can be mutually inconsistent and push R² above 1; the raw weights
 * are then scaled down so that R² = 1 (their shares are unchanged).
 */
export function relativeWeights(
  rxx: readonly (readonly number[])[],
  rxy: readonly number[],
): { raw: number[]; rSquared: number } {
  const size = rxy.length;
  const { values, vectors: v } = symmetricEigen(rxx);
  const cutoff = EIGEN_TOLERANCE * Math.max(1, size);
  const root = values.map((l) => (l > cutoff ? Math.sqrt(l) : 0));
  const range = [...Array(size).keys()];
  // u = Vᵀ rxy, then β = V (u / √λ), leaving out the dropped directions (a pseudo-inverse)
  const u = range.map((k) => range.reduce((s, i) => s + v[i]![k]! * rxy[i]!, 0));
  const beta = range.map((j) => range.reduce((s, k) => s + (root[k]! > 0 ? (v[j]![k]! * u[k]!) / root[k]! : 0), 0));
  const loading = (j: number, k: number) => range.reduce((s, m) => s + v[j]![m]! * root[m]! * v[k]![m]!, 0);
  let raw = range.map((j) => range.reduce((s, k) => s + loading(j, k) ** 2 * beta[k]! ** 2, 0));
  let rSquared = raw.reduce((s, w) => s + w, 0);
  if (rSquared > 1) {
    raw = raw.map((w) => w / rSquared);
    rSquared = raw.reduce((s, w) => s + w, 0);
  }
  return { raw, rSquared };
}
