import { cellKey, type Scale } from '@facets/domain';
import { facetKey } from './cells.ts';
import type { Population, PopulationWave, ProgrammeWave } from './population.ts';

/**
 * The latest measurement of a cell within a programme. A programme's waves are of several surveys (the quarterly
 * survey and its pulses), and a wave measures only what its survey asks: a figure comes from the latest wave, up to
 * the current one, whose survey asks it, and says which wave that is — so a short pulse never blanks what it does not
 * ask. Figures only move between waves that measure them. Within a survey every wave asks the same, so for a
 * programme of one survey this is its current wave and the one before, as it always was.
 */

/** Whether a wave measures a dimension: its survey asks its lived or expected facet. */
export const measuresDimension = (w: PopulationWave, dimensionId: string) =>
  w.asks.has(facetKey(dimensionId, 'lived')) || w.asks.has(facetKey(dimensionId, 'expected'));

/** The key of an outcome item's cell. */
export const outcomeKey = (scale: Scale) => cellKey(null, 'outcome', scale);

/** The outcome items' scales any wave of the series asks, in scale order (as `outcomeCells`). */
export function askedOutcomes(series: readonly PopulationWave[]): Scale[] {
  const prefix = '|outcome|'; // domain `cellKey` of an outcome item
  const scales = new Set<Scale>();
  for (const w of series)
    for (const key of w.asks) if (key.startsWith(prefix)) scales.add(key.slice(prefix.length) as Scale);
  return [...scales].sort((a, b) => (a < b ? -1 : 1));
}

/**
 * The waves of a series that measure something, oldest first, up to the current wave: `latest` is the last of them
 * and `previous` the one before (null when there is none).
 */
export function measurementsOf(
  series: readonly PopulationWave[],
  measures: (w: PopulationWave) => boolean,
): { waves: PopulationWave[]; latest: PopulationWave | null; previous: PopulationWave | null } {
  const waves = series.filter(measures);
  return { waves, latest: waves.at(-1) ?? null, previous: waves.at(-2) ?? null };
}

/** A wave of the series as the views name where a figure comes from. */
export const waveOf = (w: PopulationWave): ProgrammeWave => ({ ...w.wave, surveyId: w.surveyId });

/**
 * The one wave a view of a single wave reports on — the heatmaps (by segment, across groups) and the key drivers —
 * when the reader chose none: the latest wave of the programme that measures the most dimensions, so that a short
 * pulse after the quarterly survey never turns a heatmap into a page of "no data" (its own wave is one choice away).
 * A chosen wave is reported on as it is. For a programme of one survey, every wave asks the same: the latest.
 */
export function fullestWave(population: Pick<Population, 'waves' | 'programme'>): PopulationWave | null {
  const series = population.waves;
  if (population.programme?.chosenWave) return series.at(-1) ?? null;
  let best: PopulationWave | null = null;
  let most = -1;
  for (const w of series) {
    const measured = [...w.asks].filter((key) => key.endsWith('|lived') || key.endsWith('|expected')).length;
    if (measured >= most) {
      best = w;
      most = measured;
    }
  }
  return best;
}
