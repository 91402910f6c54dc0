import type { GroupRef, PublishedWave } from '@facets/db';
import {
  cellKey,
  facetKey,
  type HiddenReason,
  populationId,
  type Scale,
  type Segment,
  TEAM_KEY,
  WHOLE,
} from '@facets/domain';
import { EMPTY_CELL, type FacetCell } from './figures.ts';

/**
 * A published wave's rows, as the views read them. Nothing here decides what may be shown: the publication did
 * (domain `publish`, docs/architecture.md "The disclosure guarantee"); a row only carries its figures or the reason
 * they are withheld, and a withheld figure never carries its n.
 */

export { cellKey, facetKey, type Segment };

/** What the views know of a group: its id, and its kind (whether it is counted in companies). */
export type GroupOf = Pick<GroupRef, 'id' | 'kind'>;

/** One population of a published wave: its respondents and its cells, keyed by `cellKey`. */
export interface SegmentRow {
  value: string;
  respondents: { n: number; hidden: HiddenReason | null };
  cells: Map<string, FacetCell>;
}

export const segmentId = (s: Segment) => populationId(s);

/**
 * The row of one population of a published wave: the whole group (`segment` null) or a segment. A population the
 * publication refused, or that nobody carries, is a row with no figure and the reason.
 */
export function rowOf(published: PublishedWave, segment: Segment | null): SegmentRow {
  const value = segment?.value ?? '';
  const id = populationId(segment);
  // Every cell of a withheld population says why, as the population does; none carries a number.
  const hiddenRow = (hidden: HiddenReason): SegmentRow => ({
    value,
    respondents: { n: 0, hidden },
    cells: new Map(
      Object.keys(published.measures)
        .filter((m) => !m.startsWith('comments|'))
        .map((m) => [m, { ...EMPTY_CELL, hidden }]),
    ),
  });
  if (published.whole !== null) return hiddenRow(published.whole);
  let n = published.respondents ?? 0;
  if (segment) {
    const accepted = published.populations.find((p) => populationId(p.segment) === id);
    if (!accepted) {
      const refused = published.refused.find((r) => populationId(r.segment) === id)?.reason;
      // A team nobody of which answered reads as fewer than k: "none" would tell its manager who stayed away.
      return hiddenRow(refused ?? (segment.key === TEAM_KEY ? 'below_k' : 'no_data'));
    }
    n = accepted.n;
  }
  const cells = new Map<string, FacetCell>();
  const figures = published.cells[id] ?? {};
  for (const [measure, m] of Object.entries(published.measures)) {
    if (measure.startsWith('comments|')) continue;
    const cell = figures[measure];
    if (m.shownIn.includes(id) && cell) cells.set(measure, { ...cell, hidden: null });
    else cells.set(measure, { ...EMPTY_CELL, hidden: m.hidden[id] ?? m.hidden[WHOLE] ?? 'no_data' });
  }
  return { value, respondents: { n, hidden: null }, cells };
}

/** The outcome cells of a row, by scale. */
export function outcomeCells(row: SegmentRow): { scale: Scale; cell: FacetCell }[] {
  return [...row.cells]
    .filter(([id]) => id.startsWith('|outcome|'))
    .map(([id, cell]) => ({ scale: id.slice('|outcome|'.length) as Scale, cell }))
    .sort((a, b) => (a.scale < b.scale ? -1 : 1));
}

/** A cell of a row, or an empty one (also when there is no row: no wave published). */
export const cellIn = (row: SegmentRow | null | undefined, id: string): FacetCell => row?.cells.get(id) ?? EMPTY_CELL;
