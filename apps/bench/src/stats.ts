/** Small statistics for timings. */

/** The p-th percentile (0–100) by nearest rank; null for no samples. */
export function percentile(samples: readonly number[], p: number): number | null {
  if (samples.length === 0) return null;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export const round = (x: number | null, digits = 1): number | null =>
  x === null || !Number.isFinite(x) ? null : Math.round(x * 10 ** digits) / 10 ** digits;

export const ratio = (a: number | null, b: number | null, digits = 2): number | null =>
  a === null || b === null || b === 0 ? null : round(a / b, digits);
