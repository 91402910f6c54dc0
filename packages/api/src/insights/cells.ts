import {
  type AggregateBin,
  type AggregateCell,
  COMPANY_COUNTED,
  COMPANY_KEY,
  type Database,
  type GroupRef,
  readBins,
  readCells,
  readRespondents,
  readSegmentOverlaps,
  type WaveRef,
} from '@facets/db';
import { EMPTY_MOMENTS, type HiddenReason, type QuestionFacet, type Scale } from '@facets/domain';
import type { Kysely } from 'kysely';
import { EMPTY_CELL, type FacetCell, type ScaleCell } from './figures.ts';

/** A wave's aggregates for one group, and the cells they make: what disclosure.ts judges. */

/** What the aggregates of a group are read by: its id, and its kind (whether it is counted in companies). */
export type GroupOf = Pick<GroupRef, 'id' | 'kind'>;

export interface WaveData {
  wave: WaveRef;
  cells: AggregateCell[];
  bins: AggregateBin[];
  respondents: { segmentKey: string; segmentValue: string; n: number }[];
  overlaps: { keyA: string; valueA: string; keyB: string; valueB: string; n: number }[];
  /** The group's figures need k distinct companies too (suppliers); its company cells are then always read. */
  countsCompanies?: boolean;
}

export interface Segment {
  key: string;
  value: string;
}

/** One row of a segment key: a value's respondents and its cells, keyed by `cellKey`. */
export interface SegmentRow {
  value: string;
  respondents: { n: number; hidden: HiddenReason | null };
  cells: Map<string, FacetCell>;
}

export const segmentId = (s: Segment) => `${s.key}=${s.value}`;

/** Expected and lived cells are summed over scales; outcome items have no dimension and are kept per scale. */
export function cellKey(dimensionId: string | null, facet: QuestionFacet, scale: Scale): string {
  return facet === 'outcome' ? `|outcome|${scale}` : `${dimensionId ?? ''}|${facet}`;
}

/** The key of a dimension's expected or lived cell. */
export const facetKey = (dimensionId: string, facet: 'expected' | 'lived') => cellKey(dimensionId, facet, 'likert5');

/** The outcome cells of a row, by scale. */
export function outcomeCells(row: SegmentRow): { scale: Scale; cell: FacetCell }[] {
  return [...row.cells]
    .filter(([id]) => id.startsWith('|outcome|'))
    .map(([id, cell]) => ({ scale: id.slice('|outcome|'.length) as Scale, cell }))
    .sort((a, b) => (a.scale < b.scale ? -1 : 1));
}

/**
 * Reads a wave's aggregates for a group: the whole group only, or every segment key when `segments` is true (a
 * segment's figures depend on its siblings and on the other keys' segments).
 */
export async function loadWaveData(
  db: Kysely<Database>,
  args: { organizationId: string; group: GroupOf; wave: WaveRef; segments: boolean },
): Promise<WaveData> {
  const [data] = await loadWaveSeries(db, { ...args, waves: [args.wave] });
  return data!;
}

/**
 * `loadWaveData` of several waves of a group at once: one query per aggregate table whatever the number of waves,
 * so that a view's cost does not grow with the group's history.
 */
export async function loadWaveSeries(
  db: Kysely<Database>,
  args: { organizationId: string; group: GroupOf; waves: readonly WaveRef[]; segments: boolean },
): Promise<WaveData[]> {
  if (args.waves.length === 0) return [];
  const countsCompanies = COMPANY_COUNTED.includes(args.group.kind);
  const groupId = args.group.id;
  const only = args.waves.length === 1 ? { waveId: args.waves[0]!.id } : {};
  const base = { organizationId: args.organizationId, groupId, ...only };
  const where = { ...base, ...(args.segments ? {} : { segmentKey: '' }) };
  // The whole group of a group counted in companies also needs its company cells (not their histograms).
  const companies = { ...base, segmentKey: COMPANY_KEY };
  const wholeByCompanies = countsCompanies && !args.segments;
  const [cells, companyCells, bins, respondents, companyRespondents, overlaps] = await Promise.all([
    readCells(db, where),
    wholeByCompanies ? readCells(db, companies) : Promise.resolve([]),
    readBins(db, where),
    readRespondents(db, where),
    wholeByCompanies ? readRespondents(db, companies) : Promise.resolve([]),
    args.segments ? readSegmentOverlaps(db, base) : Promise.resolve([]),
  ]);
  cells.push(...companyCells);
  respondents.push(...companyRespondents);
  const byWave = new Map<string, WaveData>(
    args.waves.map((wave) => [wave.id, { wave, cells: [], bins: [], respondents: [], overlaps: [], countsCompanies }]),
  );
  for (const c of cells) byWave.get(c.waveId)?.cells.push(c);
  for (const b of bins) byWave.get(b.waveId)?.bins.push(b);
  for (const r of respondents) byWave.get(r.waveId)?.respondents.push(r);
  for (const o of overlaps) byWave.get(o.waveId)?.overlaps.push(o);
  return [...byWave.values()];
}

/** Respondents of the whole group in a wave. */
export function groupRespondents(data: WaveData): number {
  return data.respondents.find((r) => r.segmentKey === '' && r.segmentValue === '')?.n ?? 0;
}

export function facetCells(cells: readonly AggregateCell[], bins: readonly AggregateBin[]): Map<string, FacetCell> {
  const scales = new Map<string, Map<Scale, ScaleCell>>();
  for (const c of cells) {
    const key = cellKey(c.dimensionId, c.facet, c.scale);
    const byScale = scales.get(key) ?? new Map<Scale, ScaleCell>();
    byScale.set(c.scale, { scale: c.scale, moments: { n: c.n, sum: c.sum, sumSq: c.sumSq }, bins: [] });
    scales.set(key, byScale);
  }
  for (const b of bins) {
    const s = scales.get(cellKey(b.dimensionId, b.facet, b.scale))?.get(b.scale);
    s?.bins.push({ value: b.value, count: b.count });
  }
  const result = new Map<string, FacetCell>();
  for (const [key, byScale] of scales) {
    const list = [...byScale.values()].sort((a, b) => (a.scale < b.scale ? -1 : 1));
    const moments = list.reduce(
      (m, s) => ({ n: m.n + s.moments.n, sum: m.sum + s.moments.sum, sumSq: m.sumSq + s.moments.sumSq }),
      EMPTY_MOMENTS,
    );
    for (const s of list) s.bins.sort((a, b) => a.value - b.value);
    result.set(key, { n: moments.n, moments, scales: list, hidden: null });
  }
  return result;
}

export const wholeCells = (data: WaveData) =>
  facetCells(
    data.cells.filter((c) => c.segmentKey === ''),
    data.bins.filter((b) => b.segmentKey === ''),
  );

/** A cell of a row, or an empty one (also when there is no row: no wave with data). */
export const cellIn = (row: SegmentRow | null | undefined, id: string): FacetCell => row?.cells.get(id) ?? EMPTY_CELL;
