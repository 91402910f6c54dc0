import type { PairMoments } from '@facets/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import {
  AGGREGATE_KINDS,
  AGGREGATE_TABLES,
  type AggregateBin,
  type AggregateCell,
  type AggregateOverlap,
  type AggregatePair,
  type AggregateRespondents,
  type AggregateRows,
  AggregateSums,
  type Aggregates,
  byCellKey,
  byOverlapKey,
  byPairKey,
  byRespondentsKey,
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
  for (const kind of AGGREGATE_KINDS) {
    const { table, key, sums } = AGGREGATE_TABLES[kind];
    for (const chunk of chunks<object>(sorted[kind])) {
      // One statement for the five tables, typed loosely here: AGGREGATE_TABLES is checked against the row types.
      // biome-ignore lint/suspicious/noExplicitAny: the table name is one of five, chosen at run time
      await (db as Kysely<any>)
        .insertInto(table)
        .values(chunk)
        .onConflict((oc) =>
          oc
            .columns([...key])
            .doUpdateSet((eb) =>
              Object.fromEntries(sums.map((c) => [c, eb(`${table}.${c}`, '+', eb.ref(`excluded.${c}`))])),
            ),
        )
        .execute();
    }
  }
}

export async function readCells(db: Kysely<Database>, filter: AggregateFilter): Promise<AggregateCell[]> {
  let query = db
    .selectFrom('aggregate_cell')
    .select([...AGGREGATE_TABLES.cells.key, ...AGGREGATE_TABLES.cells.sums])
    .where('organization_id', '=', filter.organizationId);
  if (filter.groupId !== undefined) query = query.where('group_id', '=', filter.groupId);
  if (filter.waveId !== undefined) query = query.where('wave_id', '=', filter.waveId);
  if (filter.segmentKey !== undefined) query = query.where('segment_key', '=', filter.segmentKey);
  return (await query.execute()).map(toCell).sort(byCellKey);
}

export async function readBins(db: Kysely<Database>, filter: AggregateFilter): Promise<AggregateBin[]> {
  let query = db
    .selectFrom('aggregate_bin')
    .select([...AGGREGATE_TABLES.bins.key, ...AGGREGATE_TABLES.bins.sums])
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
    .select([...AGGREGATE_TABLES.pairs.key, ...AGGREGATE_TABLES.pairs.sums])
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
    .select([...AGGREGATE_TABLES.respondents.key, ...AGGREGATE_TABLES.respondents.sums])
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
    .select([...AGGREGATE_TABLES.overlaps.key, ...AGGREGATE_TABLES.overlaps.sums])
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
  const sums = new AggregateSums();
  for (const rows of all) sums.add(rows);
  return sums.rows();
}
