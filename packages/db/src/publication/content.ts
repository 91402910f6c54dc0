import {
  addObservation,
  type Bin,
  carries,
  cellKey,
  commentsKey,
  type HiddenReason,
  type Measure,
  type MeasurePublication,
  type Moments,
  type PopulationId,
  type Publication,
  populationId,
  type QuestionFacet,
  questionKey,
  type RespondentPattern,
  type Scale,
  type Segment,
  toIndex,
  WHOLE,
} from '@facets/domain';
import type { AggregateBin, AggregateCell } from '../repositories/aggregate-rows.ts';

/** What a published wave holds: its populations, what was refused and why, and the figures of what was accepted. */

export interface PublishedScale {
  scale: Scale;
  moments: Moments;
  bins: Bin[];
}

/** A cell of a population that may be shown: its moments summed over scales, and each scale with its histogram. */
export interface PublishedCell {
  n: number;
  moments: Moments;
  scales: PublishedScale[];
}

export interface PublishedContent {
  /** The whole group's respondents (null when withheld: a hidden figure never shows its n). */
  respondents: number | null;
  whole: HiddenReason | null;
  /** Accepted segments with their respondents, in the order they were accepted. */
  populations: { segment: Segment; n: number }[];
  refused: { segment: Segment; reason: HiddenReason }[];
  /** Per measure (cell key or comments key): where it is shown, and why it is withheld elsewhere. */
  measures: Record<string, MeasurePublication>;
  /** Per population ('' the whole group), the cells that may be shown. */
  cells: Record<PopulationId, Record<string, PublishedCell>>;
  /** How many atoms, and the smallest: what the publication's guarantee stands on (for measurement). */
  atoms: { count: number; smallest: number | null };
}

export interface PublishedWave extends PublishedContent {
  waveId: string;
  groupId: string;
  k: number;
  commentK: number;
  publishedAt: string;
}

/** One response as the publication sees it: its segment snapshot and what it answered (never the values). */
export interface AnsweredRow {
  responseId: string;
  segments: Record<string, string>;
  /** Each answered rating's cell and question, and each dimension commented on. */
  measures: string[];
  /** The rating questions it answered, with the raw value: the questions' own figures are summed from them. */
  ratings?: { questionId: string; scale: Scale; value: number }[];
}

/** Folds responses into patterns (one per distinct snapshot) with their counts per measure. */
export function patternsOf(rows: readonly AnsweredRow[]): RespondentPattern[] {
  const byPattern = new Map<
    string,
    { segments: Record<string, string>; n: number; measures: Record<string, number> }
  >();
  for (const row of rows) {
    const id = JSON.stringify(Object.entries(row.segments).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    const p = byPattern.get(id) ?? { segments: row.segments, n: 0, measures: {} };
    p.n += 1;
    for (const m of new Set(row.measures)) p.measures[m] = (p.measures[m] ?? 0) + 1;
    byPattern.set(id, p);
  }
  return [...byPattern.values()];
}

/** The measure ids of one answer (a rating feeds its cell and its question), none when it feeds no figure. */
export function measuresOfAnswer(answer: {
  questionId: string;
  type: string;
  facet: string | null;
  scale: string | null;
  dimensionId: string | null;
  valueNumber: number | null;
  valueText: string | null;
}): string[] {
  if (answer.type === 'rating' && answer.valueNumber !== null && answer.facet && answer.scale) {
    return [
      cellKey(answer.dimensionId, answer.facet as QuestionFacet, answer.scale as Scale),
      questionKey(answer.questionId),
    ];
  }
  if (answer.type === 'text' && answer.valueText !== null && answer.valueText.trim() !== '') {
    return [commentsKey(answer.dimensionId)];
  }
  return [];
}

/** The measures of a wave's patterns with their thresholds. */
export function measuresOf(patterns: readonly RespondentPattern[], k: number, commentK: number): Measure[] {
  const ids = new Set(patterns.flatMap((p) => Object.keys(p.measures)));
  return [...ids]
    .sort()
    .map((id) =>
      id.startsWith('comments|')
        ? { id, threshold: commentK, belowReason: 'comments_below_k' }
        : { id, threshold: k, belowReason: 'below_k' },
    );
}

/**
 * The figures of the accepted populations for the measures shown there: cells from the wave's aggregate rows, rating
 * questions summed from the responses' answers (`rows`), each response counted in every accepted population it
 * carries.
 */
export function contentOf(
  publication: Publication,
  aggregates: { cells: readonly AggregateCell[]; bins: readonly AggregateBin[] },
  rows: readonly AnsweredRow[] = [],
): PublishedContent {
  const shownIn = new Map<PopulationId, Set<string>>();
  for (const [id, m] of Object.entries(publication.measures)) {
    for (const population of m.shownIn) {
      const set = shownIn.get(population) ?? new Set<string>();
      set.add(id);
      shownIn.set(population, set);
    }
  }
  const cells: Record<PopulationId, Record<string, PublishedCell>> = {};
  const scalesOf = new Map<string, PublishedScale>();
  const slot = (c: {
    segmentKey: string;
    segmentValue: string;
    dimensionId: string | null;
    facet: string;
    scale: string;
  }) => {
    const population = c.segmentKey === '' ? WHOLE : populationId({ key: c.segmentKey, value: c.segmentValue });
    const measure = cellKey(c.dimensionId || null, c.facet as QuestionFacet, c.scale as Scale);
    return shownIn.get(population)?.has(measure)
      ? { population, measure, id: `${population}\n${measure}\n${c.scale}` }
      : null;
  };
  for (const c of aggregates.cells) {
    const s = slot(c);
    if (!s || c.n <= 0) continue;
    const scale: PublishedScale = { scale: c.scale, moments: { n: c.n, sum: c.sum, sumSq: c.sumSq }, bins: [] };
    scalesOf.set(s.id, scale);
    cells[s.population] ??= {};
    const row = cells[s.population]!;
    row[s.measure] ??= { n: 0, moments: { n: 0, sum: 0, sumSq: 0 }, scales: [] };
    const cell = row[s.measure]!;
    cell.n += c.n;
    cell.moments = { n: cell.moments.n + c.n, sum: cell.moments.sum + c.sum, sumSq: cell.moments.sumSq + c.sumSq };
    cell.scales.push(scale);
  }
  for (const b of aggregates.bins) {
    const s = slot(b);
    if (s && b.count > 0) scalesOf.get(s.id)?.bins.push({ value: b.value, count: b.count });
  }
  const accepted = publication.populations.map((p) => p.segment);
  for (const row of rows) {
    if (!row.ratings?.length) continue;
    const populations = [WHOLE, ...accepted.filter((s) => carries(row.segments, s)).map((s) => populationId(s))];
    for (const answer of row.ratings) {
      const measure = questionKey(answer.questionId);
      const index = toIndex(answer.scale, answer.value);
      for (const population of populations) {
        if (!shownIn.get(population)?.has(measure)) continue;
        cells[population] ??= {};
        const own = cells[population]!;
        own[measure] ??= {
          n: 0,
          moments: { n: 0, sum: 0, sumSq: 0 },
          scales: [{ scale: answer.scale, moments: { n: 0, sum: 0, sumSq: 0 }, bins: [] }],
        };
        const cell = own[measure];
        const scale = cell.scales[0]!;
        cell.n += 1;
        cell.moments = addObservation(cell.moments, index);
        scale.moments = cell.moments;
        const bin = scale.bins.findIndex((b) => b.value === answer.value);
        if (bin < 0) scale.bins.push({ value: answer.value, count: 1 });
        else scale.bins[bin] = { value: answer.value, count: scale.bins[bin]!.count + 1 };
      }
    }
  }
  for (const row of Object.values(cells)) {
    for (const cell of Object.values(row)) {
      cell.scales.sort((a, b) => (a.scale < b.scale ? -1 : 1));
      for (const s of cell.scales) s.bins.sort((a, b) => a.value - b.value);
    }
  }
  return {
    respondents: publication.whole === null ? publication.respondents : null,
    whole: publication.whole,
    populations: publication.populations,
    refused: publication.refused,
    measures: publication.measures,
    cells,
    atoms: { count: publication.atoms.length, smallest: publication.atoms[0] ?? null },
  };
}
