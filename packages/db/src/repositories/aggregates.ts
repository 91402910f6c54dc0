import type { PairMoments } from '@facets/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import {
  type AggregateBin,
  type AggregateCell,
  type AggregateOverlap,
  type AggregatePair,
  type AggregateRespondents,
  type AggregateRows,
  type Aggregates,
  byCellKey,
  byOverlapKey,
  byPairKey,
  byRespondentsKey,
  CELL_KEY,
  OVERLAP_KEY,
  PAIR_KEY,
  RESPONDENTS_KEY,
  sortRows,
  toBin,
  toCell,
  toOverlap,
  toPair,
  toRespondents,
} from './aggregate-rows.ts';

export {
  type AggregateBin,
  type AggregateCell,
  type AggregateOverlap,
  type AggregatePair,
  type AggregateRespondents,
  type AggregateRows,
  type Aggregates,
  aggregateRowsOf,
  livedVariable,
  outcomeVariable,
  pairVariablesOf,
} from './aggregate-rows.ts';

/**
 * What to read. `segmentKey` keeps the cells, bins and respondents of that key; pairs count as the whole group's ('')
 * and overlaps as belonging to both their keys.
 */
export interface AggregateFilter {
  organizationId: string;
  groupId?: string;
  waveId?: string;
  segmentKey?: string;
}

/** Rows per statement: well under SQLite's bound-parameter limit, whatever the number of variables of a survey. */
const CHUNK = 500;

function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

/**
 * Adds a response's rows with INSERT … ON CONFLICT DO UPDATE, the same statements on SQLite and PostgreSQL. Rows go
 * in one global order (tables in a fixed order, rows in key order) so that concurrent PostgreSQL transactions lock
 * shared rows in the same order and cannot deadlock.
 */
export async function addToAggregates(db: Kysely<Database>, rows: AggregateRows): Promise<void> {
  const sorted = sortRows(rows);
  for (const cells of chunks(sorted.cells)) {
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
  for (const bins of chunks(sorted.bins)) {
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
  for (const pairs of chunks(sorted.pairs)) {
    await db
      .insertInto('aggregate_pair')
      .values(pairs)
      .onConflict((oc) =>
        oc.columns(PAIR_KEY).doUpdateSet((eb) => ({
          n: eb('aggregate_pair.n', '+', eb.ref('excluded.n')),
          sum_a: eb('aggregate_pair.sum_a', '+', eb.ref('excluded.sum_a')),
          sum_b: eb('aggregate_pair.sum_b', '+', eb.ref('excluded.sum_b')),
          sum_aa: eb('aggregate_pair.sum_aa', '+', eb.ref('excluded.sum_aa')),
          sum_bb: eb('aggregate_pair.sum_bb', '+', eb.ref('excluded.sum_bb')),
          sum_ab: eb('aggregate_pair.sum_ab', '+', eb.ref('excluded.sum_ab')),
        })),
      )
      .execute();
  }
  for (const respondents of chunks(sorted.respondents)) {
    await db
      .insertInto('aggregate_respondents')
      .values(respondents)
      .onConflict((oc) =>
        oc
          .columns(RESPONDENTS_KEY)
          .doUpdateSet((eb) => ({ n: eb('aggregate_respondents.n', '+', eb.ref('excluded.n')) })),
      )
      .execute();
  }
  for (const overlaps of chunks(sorted.overlaps)) {
    await db
      .insertInto('aggregate_segment_overlap')
      .values(overlaps)
      .onConflict((oc) =>
        oc
          .columns(OVERLAP_KEY)
          .doUpdateSet((eb) => ({ n: eb('aggregate_segment_overlap.n', '+', eb.ref('excluded.n')) })),
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
  return (await query.execute()).map(toCell).sort(byCellKey);
}

export async function readBins(db: Kysely<Database>, filter: AggregateFilter): Promise<AggregateBin[]> {
  let query = db
    .selectFrom('aggregate_bin')
    .select([...CELL_KEY, 'value', 'count'])
    .where('organization_id', '=', filter.organizationId);
  if (filter.groupId !== undefined) query = query.where('group_id', '=', filter.groupId);
  if (filter.waveId !== undefined) query = query.where('wave_id', '=', filter.waveId);
  if (filter.segmentKey !== undefined) query = query.where('segment_key', '=', filter.segmentKey);
  return (await query.execute()).map(toBin).sort(byCellKey);
}

/** Pair co-moments with their wave and group; none for a segment key other than '' (pairs are whole-group only). */
async function readPairRows(db: Kysely<Database>, filter: AggregateFilter): Promise<AggregatePair[]> {
  if (filter.segmentKey !== undefined && filter.segmentKey !== '') return [];
  let query = db
    .selectFrom('aggregate_pair')
    .select([...PAIR_KEY, 'n', 'sum_a', 'sum_b', 'sum_aa', 'sum_bb', 'sum_ab'])
    .where('organization_id', '=', filter.organizationId);
  if (filter.groupId !== undefined) query = query.where('group_id', '=', filter.groupId);
  if (filter.waveId !== undefined) query = query.where('wave_id', '=', filter.waveId);
  return (await query.execute()).map(toPair).sort(byPairKey);
}

/**
 * The co-moments of every pair of key-driver variables (`lived:<dimensionId>`, `outcome:<scale>`) of one wave, whole
 * group, sorted by a then b (a < b).
 */
export async function readPairs(
  db: Kysely<Database>,
  args: { organizationId: string; groupId: string; waveId: string },
): Promise<PairMoments[]> {
  const rows = await readPairRows(db, args);
  return rows.map(({ a, b, n, sumA, sumB, sumAA, sumBB, sumAB }) => ({ a, b, n, sumA, sumB, sumAA, sumBB, sumAB }));
}

/** Responses per segment cell (every wave or one; every key or one, '' for the whole group), whatever they answered. */
export async function readRespondents(
  db: Kysely<Database>,
  args: { organizationId: string; groupId?: string; waveId?: string; segmentKey?: string },
): Promise<AggregateRespondents[]> {
  let query = db
    .selectFrom('aggregate_respondents')
    .select([...RESPONDENTS_KEY, 'n'])
    .where('organization_id', '=', args.organizationId);
  if (args.groupId !== undefined) query = query.where('group_id', '=', args.groupId);
  if (args.waveId !== undefined) query = query.where('wave_id', '=', args.waveId);
  if (args.segmentKey !== undefined) query = query.where('segment_key', '=', args.segmentKey);
  return (await query.execute()).map(toRespondents).sort(byRespondentsKey);
}

/** Responses carrying both of two segment values of different keys (keyA < keyB), in one wave of a group or all. */
export async function readSegmentOverlaps(
  db: Kysely<Database>,
  args: { organizationId: string; groupId: string; waveId?: string },
): Promise<AggregateOverlap[]> {
  return readOverlapRows(db, args);
}

async function readOverlapRows(db: Kysely<Database>, filter: AggregateFilter): Promise<AggregateOverlap[]> {
  let query = db
    .selectFrom('aggregate_segment_overlap')
    .select([...OVERLAP_KEY, 'n'])
    .where('organization_id', '=', filter.organizationId);
  if (filter.groupId !== undefined) query = query.where('group_id', '=', filter.groupId);
  if (filter.waveId !== undefined) query = query.where('wave_id', '=', filter.waveId);
  const key = filter.segmentKey;
  if (key !== undefined) query = query.where((eb) => eb.or([eb('key_a', '=', key), eb('key_b', '=', key)]));
  return (await query.execute()).map(toOverlap).sort(byOverlapKey);
}

/** Every stored aggregate the filter selects. */
export async function readAggregates(db: Kysely<Database>, filter: AggregateFilter): Promise<Aggregates> {
  return {
    cells: await readCells(db, filter),
    bins: await readBins(db, filter),
    pairs: await readPairRows(db, filter),
    respondents: await readRespondents(db, filter),
    overlaps: await readOverlapRows(db, filter),
  };
}

/** The rows of many responses as one set: rows of the same key summed (counts exactly, sums as floating point). */
export function mergeAggregateRows(all: readonly AggregateRows[]): AggregateRows {
  const cells = new Map<string, AggregateRows['cells'][number]>();
  const bins = new Map<string, AggregateRows['bins'][number]>();
  const pairs = new Map<string, AggregateRows['pairs'][number]>();
  const respondents = new Map<string, AggregateRows['respondents'][number]>();
  const overlaps = new Map<string, AggregateRows['overlaps'][number]>();
  for (const rows of all) {
    for (const r of rows.cells) {
      add(cells, keyOf(r, CELL_KEY), r, (p) => ({
        ...p,
        n: p.n + r.n,
        sum: p.sum + r.sum,
        sum_sq: p.sum_sq + r.sum_sq,
      }));
    }
    for (const r of rows.bins) {
      add(bins, `${keyOf(r, CELL_KEY)}|${r.value}`, r, (p) => ({ ...p, count: p.count + r.count }));
    }
    for (const r of rows.pairs) {
      add(pairs, keyOf(r, PAIR_KEY), r, (p) => ({
        ...p,
        n: p.n + r.n,
        sum_a: p.sum_a + r.sum_a,
        sum_b: p.sum_b + r.sum_b,
        sum_aa: p.sum_aa + r.sum_aa,
        sum_bb: p.sum_bb + r.sum_bb,
        sum_ab: p.sum_ab + r.sum_ab,
      }));
    }
    for (const r of rows.respondents) add(respondents, keyOf(r, RESPONDENTS_KEY), r, (p) => ({ ...p, n: p.n + r.n }));
    for (const r of rows.overlaps) add(overlaps, keyOf(r, OVERLAP_KEY), r, (p) => ({ ...p, n: p.n + r.n }));
  }
  return {
    cells: [...cells.values()],
    bins: [...bins.values()],
    pairs: [...pairs.values()],
    respondents: [...respondents.values()],
    overlaps: [...overlaps.values()],
  };
}

function keyOf<R>(row: R, columns: readonly (keyof R)[]): string {
  return JSON.stringify(columns.map((c) => row[c]));
}

function add<T>(map: Map<string, T>, key: string, row: T, sum: (previous: T) => T): void {
  const previous = map.get(key);
  map.set(key, previous === undefined ? { ...row } : sum(previous));
}
