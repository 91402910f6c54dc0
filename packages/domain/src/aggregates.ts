import type { QuestionFacet } from './model.ts';
import { type Scale, toIndex } from './scales.ts';
import { segmentValues } from './teams.ts';

/** Running moments of one cell: enough to give the mean and spread without reading raw answers. */
export interface Moments {
  readonly n: number;
  readonly sum: number;
  readonly sumSq: number;
}

export const EMPTY_MOMENTS: Moments = { n: 0, sum: 0, sumSq: 0 };

export function addObservation(m: Moments, x: number): Moments {
  return { n: m.n + 1, sum: m.sum + x, sumSq: m.sumSq + x * x };
}

export function mean(m: Moments): number | null {
  return m.n === 0 ? null : m.sum / m.n;
}

/** Sample standard deviation (n − 1), null below two observations. */
export function standardDeviation(m: Moments): number | null {
  if (m.n < 2) return null;
  const variance = (m.sumSq - (m.sum * m.sum) / m.n) / (m.n - 1);
  return Math.sqrt(Math.max(0, variance));
}

export interface RatingAnswer {
  readonly dimensionId: string | null;
  readonly facet: QuestionFacet;
  readonly scale: Scale;
  readonly value: number;
}

/** One observation of a response in a cell: the mean index of its answers on that dimension × facet × scale. */
export interface CellObservation {
  readonly dimensionId: string | null;
  readonly facet: QuestionFacet;
  readonly scale: Scale;
  readonly index: number;
  /** Raw values answered, for the cell's histogram. */
  readonly values: readonly number[];
}

/**
 * Folds a response's rating answers into one observation per dimension × facet × scale, so that a respondent
 * counts once in a cell however many items measure it.
 */
export function observationsOf(answers: readonly RatingAnswer[]): CellObservation[] {
  const cells = new Map<string, { a: RatingAnswer; values: number[] }>();
  for (const a of answers) {
    const key = `${a.dimensionId ?? ''}|${a.facet}|${a.scale}`;
    const cell = cells.get(key);
    if (cell) cell.values.push(a.value);
    else cells.set(key, { a, values: [a.value] });
  }
  return [...cells.values()].map(({ a, values }) => ({
    dimensionId: a.dimensionId,
    facet: a.facet,
    scale: a.scale,
    index: values.reduce((s, v) => s + toIndex(a.scale, v), 0) / values.length,
    values,
  }));
}

/**
 * The segment cells a response counts in: everyone (key '') and one per segment it carries — one per attribute, and
 * one per manager above the respondent for `team` (teams.ts).
 */
export function segmentCellsOf(segments: Readonly<Record<string, string>>): { key: string; value: string }[] {
  return [
    { key: '', value: '' },
    ...Object.keys(segments)
      .sort((a, b) => a.localeCompare(b))
      .flatMap((key) => segmentValues(segments, key).map((value) => ({ key, value }))),
  ];
}
