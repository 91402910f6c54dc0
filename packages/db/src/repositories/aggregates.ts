import { observationsOf, type QuestionFacet, type RatingAnswer, type Scale, segmentCellsOf } from '@facets/domain';
import type { Insertable, Kysely } from 'kysely';
import type { AggregateBinTable, AggregateCellTable, Database } from '../schema.ts';
import { parseJson } from './rows.ts';

/** Moments of one cell. dimensionId is null for outcome items; segmentKey/Value are '' for the whole group. */
export interface AggregateCell {
  waveId: string;
  groupId: string;
  segmentKey: string;
  segmentValue: string;
  dimensionId: string | null;
  facet: QuestionFacet;
  scale: Scale;
  n: number;
  sum: number;
  sumSq: number;
}

export interface AggregateBin extends Omit<AggregateCell, 'n' | 'sum' | 'sumSq'> {
  value: number;
  count: number;
}

export interface Aggregates {
  cells: AggregateCell[];
  bins: AggregateBin[];
}

export interface AggregateFilter {
  organizationId: string;
  groupId?: string;
  waveId?: string;
  segmentKey?: string;
}

type CellRow = Insertable<AggregateCellTable>;
type BinRow = Insertable<AggregateBinTable>;

/** The rows one response adds: one cell per observation × segment cell, one bin per distinct raw value in it. */
export function aggregateRowsOf(
  where: { organizationId: string; waveId: string; groupId: string },
  segments: Readonly<Record<string, string>>,
  ratings: readonly RatingAnswer[],
): { cells: CellRow[]; bins: BinRow[] } {
  const cells: CellRow[] = [];
  const bins: BinRow[] = [];
  for (const o of observationsOf(ratings)) {
    const counts = new Map<number, number>();
    for (const v of o.values) counts.set(v, (counts.get(v) ?? 0) + 1);
    for (const s of segmentCellsOf(segments)) {
      const key = {
        organization_id: where.organizationId,
        wave_id: where.waveId,
        group_id: where.groupId,
        segment_key: s.key,
        segment_value: s.value,
        dimension_id: o.dimensionId ?? '',
        facet: o.facet,
        scale: o.scale,
      };
      cells.push({ ...key, n: 1, sum: o.index, sum_sq: o.index * o.index });
      for (const [value, count] of counts) bins.push({ ...key, value, count });
    }
  }
  return { cells, bins };
}

const CELL_KEY = [
  'organization_id',
  'wave_id',
  'group_id',
  'segment_key',
  'segment_value',
  'dimension_id',
  'facet',
  'scale',
] as const;

/** Adds a response's rows with INSERT … ON CONFLICT DO UPDATE, the same statement on SQLite and PostgreSQL. */
export async function addToAggregates(db: Kysely<Database>, rows: { cells: CellRow[]; bins: BinRow[] }): Promise<void> {
  // Rows in key order: concurrent PostgreSQL transactions then lock shared cells in the same order and cannot deadlock.
  const cells = [...rows.cells].sort((a, b) => compareStrings(keyString(a), keyString(b)));
  const bins = [...rows.bins].sort((a, b) => compareStrings(keyString(a), keyString(b)) || a.value - b.value);
  if (cells.length > 0) {
    await db
      .insertInto('aggregate_cell')
      .values(cells)
      .onConflict((oc) =>
        oc.columns(CELL_KEY).doUpdateSet((eb) => ({
          n: eb('aggregate_cell.n', '+', eb.ref('excluded.n')),
          sum: eb('aggregate_cell.sum', '+', eb.ref('excluded.sum')),
          sum_sq: eb('aggregate_cell.sum_sq', '+', eb.ref('excluded.sum_sq')),
        })),
      )
      .execute();
  }
  if (bins.length > 0) {
    await db
      .insertInto('aggregate_bin')
      .values(bins)
      .onConflict((oc) =>
        oc
          .columns([...CELL_KEY, 'value'])
          .doUpdateSet((eb) => ({ count: eb('aggregate_bin.count', '+', eb.ref('excluded.count')) })),
      )
      .execute();
  }
}

export async function readCells(db: Kysely<Database>, filter: AggregateFilter): Promise<AggregateCell[]> {
  let query = db
    .selectFrom('aggregate_cell')
    .select([...CELL_KEY, 'n', 'sum', 'sum_sq'])
    .where('organization_id', '=', filter.organizationId);
  if (filter.groupId !== undefined) query = query.where('group_id', '=', filter.groupId);
  if (filter.waveId !== undefined) query = query.where('wave_id', '=', filter.waveId);
  if (filter.segmentKey !== undefined) query = query.where('segment_key', '=', filter.segmentKey);
  const rows = await query.execute();
  return rows.map((r) => ({ ...cellKeyOf(r), n: r.n, sum: r.sum, sumSq: r.sum_sq })).sort(compareKeys);
}

export async function readBins(db: Kysely<Database>, filter: AggregateFilter): Promise<AggregateBin[]> {
  let query = db
    .selectFrom('aggregate_bin')
    .select([...CELL_KEY, 'value', 'count'])
    .where('organization_id', '=', filter.organizationId);
  if (filter.groupId !== undefined) query = query.where('group_id', '=', filter.groupId);
  if (filter.waveId !== undefined) query = query.where('wave_id', '=', filter.waveId);
  if (filter.segmentKey !== undefined) query = query.where('segment_key', '=', filter.segmentKey);
  const rows = await query.execute();
  return rows.map((r) => ({ ...cellKeyOf(r), value: r.value, count: r.count })).sort(compareKeys);
}

export async function readAggregates(db: Kysely<Database>, filter: AggregateFilter): Promise<Aggregates> {
  return { cells: await readCells(db, filter), bins: await readBins(db, filter) };
}

/**
 * The aggregates as they should be, folded again from the raw responses and answers (with the questions' current
 * scale, facet and dimension). For tests, and to repair with `rebuildAggregates`.
 */
export async function recomputeAggregates(db: Kysely<Database>, filter: AggregateFilter): Promise<Aggregates> {
  let query = db
    .selectFrom('answer as a')
    .innerJoin('response as r', 'r.id', 'a.response_id')
    .innerJoin('question as q', 'q.id', 'a.question_id')
    .select(['r.id', 'r.wave_id', 'r.group_id', 'r.segments', 'q.dimension_id', 'q.facet', 'q.scale', 'a.value_number'])
    .where('a.organization_id', '=', filter.organizationId)
    .where('r.organization_id', '=', filter.organizationId)
    .where('q.type', '=', 'rating')
    .where('a.value_number', 'is not', null);
  if (filter.groupId !== undefined) query = query.where('r.group_id', '=', filter.groupId);
  if (filter.waveId !== undefined) query = query.where('r.wave_id', '=', filter.waveId);
  const rows = await query.orderBy('r.id').orderBy('q.position').execute();

  const byResponse = new Map<string, { waveId: string; groupId: string; segments: string; ratings: RatingAnswer[] }>();
  for (const r of rows) {
    const entry = byResponse.get(r.id) ?? { waveId: r.wave_id, groupId: r.group_id, segments: r.segments, ratings: [] };
    entry.ratings.push({
      dimensionId: r.dimension_id,
      facet: r.facet as QuestionFacet,
      scale: r.scale as Scale,
      value: r.value_number!,
    });
    byResponse.set(r.id, entry);
  }
  const cells = new Map<string, AggregateCell>();
  const bins = new Map<string, AggregateBin>();
  for (const resp of byResponse.values()) {
    const where = { organizationId: filter.organizationId, waveId: resp.waveId, groupId: resp.groupId };
    const rowsOf = aggregateRowsOf(where, parseJson<Record<string, string>>(resp.segments, {}), resp.ratings);
    for (const c of rowsOf.cells) {
      const key = keyString(c);
      const prev = cells.get(key);
      cells.set(key, {
        ...cellKeyOf(c),
        n: (prev?.n ?? 0) + c.n,
        sum: (prev?.sum ?? 0) + c.sum,
        sumSq: (prev?.sumSq ?? 0) + c.sum_sq,
      });
    }
    for (const b of rowsOf.bins) {
      const key = `${keyString(b)}|${b.value}`;
      bins.set(key, { ...cellKeyOf(b), value: b.value, count: (bins.get(key)?.count ?? 0) + b.count });
    }
  }
  const keep = (c: { segmentKey: string }) => filter.segmentKey === undefined || c.segmentKey === filter.segmentKey;
  return {
    cells: [...cells.values()].filter(keep).sort(compareKeys),
    bins: [...bins.values()].filter(keep).sort(compareKeys),
  };
}

/** Differences between two sets of aggregates (empty when equal); sums are compared within `tolerance`. */
export function diffAggregates(actual: Aggregates, expected: Aggregates, tolerance = 1e-6): string[] {
  const diffs: string[] = [];
  const cellsA = new Map(actual.cells.map((c) => [keyOf(c), c]));
  const cellsE = new Map(expected.cells.map((c) => [keyOf(c), c]));
  for (const [key, e] of cellsE) {
    const a = cellsA.get(key);
    if (!a) diffs.push(`missing cell ${key}`);
    else if (a.n !== e.n || Math.abs(a.sum - e.sum) > tolerance || Math.abs(a.sumSq - e.sumSq) > tolerance * 100) {
      diffs.push(`cell ${key}: n ${a.n}/${e.n}, sum ${a.sum}/${e.sum}, sumSq ${a.sumSq}/${e.sumSq}`);
    }
  }
  for (const key of cellsA.keys()) if (!cellsE.has(key)) diffs.push(`unexpected cell ${key}`);
  const binsA = new Map(actual.bins.map((b) => [`${keyOf(b)}|${b.value}`, b.count]));
  const binsE = new Map(expected.bins.map((b) => [`${keyOf(b)}|${b.value}`, b.count]));
  for (const [key, count] of binsE) if (binsA.get(key) !== count) diffs.push(`bin ${key}: ${binsA.get(key)}/${count}`);
  for (const key of binsA.keys()) if (!binsE.has(key)) diffs.push(`unexpected bin ${key}`);
  return diffs;
}

/** Replaces an organisation's stored aggregates with the recomputed ones; run it inside a transaction. */
export async function rebuildAggregates(db: Kysely<Database>, organizationId: string): Promise<Aggregates> {
  const fresh = await recomputeAggregates(db, { organizationId });
  await db.deleteFrom('aggregate_bin').where('organization_id', '=', organizationId).execute();
  await db.deleteFrom('aggregate_cell').where('organization_id', '=', organizationId).execute();
  const toRow = (c: Omit<AggregateCell, 'n' | 'sum' | 'sumSq'>) => ({
    organization_id: organizationId,
    wave_id: c.waveId,
    group_id: c.groupId,
    segment_key: c.segmentKey,
    segment_value: c.segmentValue,
    dimension_id: c.dimensionId ?? '',
    facet: c.facet,
    scale: c.scale,
  });
  // Chunks keep each statement well under SQLite's bound-parameter limit.
  for (let i = 0; i < fresh.cells.length; i += 500) {
    const chunk = fresh.cells.slice(i, i + 500);
    await db
      .insertInto('aggregate_cell')
      .values(chunk.map((c) => ({ ...toRow(c), n: c.n, sum: c.sum, sum_sq: c.sumSq })))
      .execute();
  }
  for (let i = 0; i < fresh.bins.length; i += 500) {
    const chunk = fresh.bins.slice(i, i + 500);
    await db
      .insertInto('aggregate_bin')
      .values(chunk.map((b) => ({ ...toRow(b), value: b.value, count: b.count })))
      .execute();
  }
  return fresh;
}

type KeyRow = Pick<CellRow, (typeof CELL_KEY)[number]>;

function cellKeyOf(r: KeyRow): Omit<AggregateCell, 'n' | 'sum' | 'sumSq'> {
  return {
    waveId: r.wave_id,
    groupId: r.group_id,
    segmentKey: r.segment_key,
    segmentValue: r.segment_value,
    dimensionId: r.dimension_id === '' ? null : r.dimension_id,
    facet: r.facet as QuestionFacet,
    scale: r.scale as Scale,
  };
}

function keyString(r: KeyRow): string {
  return keyOf(cellKeyOf(r));
}

function keyOf(c: Omit<AggregateCell, 'n' | 'sum' | 'sumSq'>): string {
  return [c.waveId, c.groupId, c.segmentKey, c.segmentValue, c.dimensionId ?? '', c.facet, c.scale].join('|');
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareKeys<T extends Omit<AggregateCell, 'n' | 'sum' | 'sumSq'> & { value?: number }>(a: T, b: T): number {
  return compareStrings(keyOf(a), keyOf(b)) || (a.value ?? 0) - (b.value ?? 0);
}
