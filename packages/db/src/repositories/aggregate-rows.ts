import {
  observationsOf,
  type PairMoments,
  type QuestionFacet,
  type RatingAnswer,
  type Scale,
  segmentCellsOf,
} from '@facets/domain';
import type { Insertable } from 'kysely';
import type {
  AggregateBinTable,
  AggregateCellTable,
  AggregatePairTable,
  AggregateRespondentsTable,
  AggregateSegmentOverlapTable,
} from '../schema.ts';

/**
 * The aggregate rows one response adds, their camelCase reading, and the one order they are written in. Pure:
 * `submitResponse` upserts these rows and `recomputeAggregates` folds them again from raw answers, so both always agree
 * on what a response counts for.
 */

export type CellRow = Insertable<AggregateCellTable>;
export type BinRow = Insertable<AggregateBinTable>;
export type PairRow = Insertable<AggregatePairTable>;
export type RespondentsRow = Insertable<AggregateRespondentsTable>;
export type OverlapRow = Insertable<AggregateSegmentOverlapTable>;

export interface AggregateRows {
  cells: CellRow[];
  bins: BinRow[];
  pairs: PairRow[];
  respondents: RespondentsRow[];
  overlaps: OverlapRow[];
}

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

/** Co-moments of two key-driver variables (a < b) in one wave, whole group. */
export interface AggregatePair extends PairMoments {
  waveId: string;
  groupId: string;
}

/** Responses of one segment cell ('' / '' for the whole group) in one wave. */
export interface AggregateRespondents {
  waveId: string;
  groupId: string;
  segmentKey: string;
  segmentValue: string;
  n: number;
}

/** Responses carrying both segment values (keyA < keyB) in one wave. */
export interface AggregateOverlap {
  waveId: string;
  groupId: string;
  keyA: string;
  valueA: string;
  keyB: string;
  valueB: string;
  n: number;
}

export interface Aggregates {
  cells: AggregateCell[];
  bins: AggregateBin[];
  pairs: AggregatePair[];
  respondents: AggregateRespondents[];
  overlaps: AggregateOverlap[];
}

/** The key-driver variable of a dimension's lived experience. */
export const livedVariable = (dimensionId: string) => `lived:${dimensionId}`;
/** The key-driver variable of an outcome item (eNPS, NPS, CSAT, CES), by its scale. */
export const outcomeVariable = (scale: Scale) => `outcome:${scale}`;

/**
 * A response's key-driver variables, sorted by name: per dimension its lived index, per scale its outcome index.
 * Each is the mean index of the response's items on it, as `observationsOf` folds them (a dimension measured on two
 * scales gives the mean of all its items). Lived items with no dimension and expected items are not variables.
 */
export function pairVariablesOf(ratings: readonly RatingAnswer[]): { name: string; value: number }[] {
  const folded = new Map<string, { sum: number; count: number }>();
  for (const o of observationsOf(ratings)) {
    const name =
      o.facet === 'outcome'
        ? outcomeVariable(o.scale)
        : o.facet === 'lived' && o.dimensionId !== null
          ? livedVariable(o.dimensionId)
          : null;
    if (name === null) continue;
    const v = folded.get(name) ?? { sum: 0, count: 0 };
    v.sum += o.index * o.values.length;
    v.count += o.values.length;
    folded.set(name, v);
  }
  return [...folded]
    .map(([name, v]) => ({ name, value: v.sum / v.count }))
    .sort((a, b) => compareStrings(a.name, b.name));
}

/**
 * The rows one response adds: one cell per observation × segment cell, one bin per distinct raw value in it; one pair
 * per two variables it answered (whole group only); one respondent per segment cell and one overlap per two segment
 * values of two keys it carries, whatever it answered. A team counts once per manager above the respondent (domain
 * `segmentCellsOf`), so the rows grow with the depth of the reporting line, at most `MAX_REPORTING_DEPTH`.
 */
export function aggregateRowsOf(
  where: { organizationId: string; waveId: string; groupId: string },
  segments: Readonly<Record<string, string>>,
  ratings: readonly RatingAnswer[],
): AggregateRows {
  const base = { organization_id: where.organizationId, wave_id: where.waveId, group_id: where.groupId };
  const segmentCells = segmentCellsOf(segments);
  const rows: AggregateRows = { cells: [], bins: [], pairs: [], respondents: [], overlaps: [] };
  for (const o of observationsOf(ratings)) {
    const counts = new Map<number, number>();
    for (const v of o.values) counts.set(v, (counts.get(v) ?? 0) + 1);
    for (const s of segmentCells) {
      const key = {
        ...base,
        segment_key: s.key,
        segment_value: s.value,
        dimension_id: o.dimensionId ?? '',
        facet: o.facet,
        scale: o.scale,
      };
      rows.cells.push({ ...key, n: 1, sum: o.index, sum_sq: o.index * o.index });
      for (const [value, count] of counts) rows.bins.push({ ...key, value, count });
    }
  }
  const variables = pairVariablesOf(ratings);
  for (const [i, a] of variables.entries()) {
    for (const b of variables.slice(i + 1)) {
      rows.pairs.push({
        ...base,
        var_a: a.name,
        var_b: b.name,
        n: 1,
        sum_a: a.value,
        sum_b: b.value,
        sum_aa: a.value * a.value,
        sum_bb: b.value * b.value,
        sum_ab: a.value * b.value,
      });
    }
  }
  for (const s of segmentCells) rows.respondents.push({ ...base, segment_key: s.key, segment_value: s.value, n: 1 });
  const carried = segmentCells.filter((s) => s.key !== '').sort((a, b) => compareStrings(a.key, b.key));
  for (const [i, a] of carried.entries()) {
    for (const b of carried.slice(i + 1)) {
      // Overlaps are of two keys: the managers of one team path are not paired with each other.
      if (a.key === b.key) continue;
      rows.overlaps.push({ ...base, key_a: a.key, value_a: a.value, key_b: b.key, value_b: b.value, n: 1 });
    }
  }
  return rows;
}

// ── Keys and order. Tuples compare field by field (code-unit order, the same on every machine); JSON keys of maps
// cannot collide whatever the ids contain. ──

export const CELL_KEY = [
  'organization_id',
  'wave_id',
  'group_id',
  'segment_key',
  'segment_value',
  'dimension_id',
  'facet',
  'scale',
] as const;
export const PAIR_KEY = ['organization_id', 'wave_id', 'group_id', 'var_a', 'var_b'] as const;
export const RESPONDENTS_KEY = ['organization_id', 'wave_id', 'group_id', 'segment_key', 'segment_value'] as const;
export const OVERLAP_KEY = ['organization_id', 'wave_id', 'group_id', 'key_a', 'value_a', 'key_b', 'value_b'] as const;

/**
 * Each aggregate table described once: its key columns and the additive columns a response adds to. The upsert
 * (`addToAggregates`), the group commit's merge (`mergeAggregateRows`), the repair's fold (`recomputeAggregates`),
 * the rebuild and the readers derive from it. Kinds are listed in the order the tables are written.
 */
export const AGGREGATE_TABLES = {
  cells: { table: 'aggregate_cell', key: CELL_KEY, sums: ['n', 'sum', 'sum_sq'] },
  bins: { table: 'aggregate_bin', key: [...CELL_KEY, 'value'], sums: ['count'] },
  pairs: { table: 'aggregate_pair', key: PAIR_KEY, sums: ['n', 'sum_a', 'sum_b', 'sum_aa', 'sum_bb', 'sum_ab'] },
  respondents: { table: 'aggregate_respondents', key: RESPONDENTS_KEY, sums: ['n'] },
  overlaps: { table: 'aggregate_segment_overlap', key: OVERLAP_KEY, sums: ['n'] },
} as const satisfies { [K in keyof AggregateRows]: AggregateTable<AggregateRows[K][number]> };

interface AggregateTable<Row> {
  table: string;
  key: readonly (keyof Row & string)[];
  sums: readonly (keyof Row & string)[];
}

export type AggregateKind = keyof AggregateRows;
export const AGGREGATE_KINDS = Object.keys(AGGREGATE_TABLES) as AggregateKind[];

/**
 * Rows summed by key, as the upserts would leave them: counts exactly, sums as floating point. `add` takes any
 * number of responses' rows; `rows` gives one row per key, in first-seen order.
 */
export class AggregateSums {
  private readonly sums = new Map(AGGREGATE_KINDS.map((kind) => [kind, new Map<string, Record<string, unknown>>()]));

  add(rows: AggregateRows): this {
    for (const kind of AGGREGATE_KINDS) {
      const { key, sums } = AGGREGATE_TABLES[kind];
      const map = this.sums.get(kind)!;
      for (const row of rows[kind] as readonly Record<string, unknown>[]) {
        const id = JSON.stringify(key.map((c) => row[c]));
        const previous = map.get(id);
        if (previous === undefined) {
          map.set(id, { ...row });
          continue;
        }
        const summed = { ...previous };
        for (const c of sums) summed[c] = (previous[c] as number) + (row[c] as number);
        map.set(id, summed);
      }
    }
    return this;
  }

  rows(): AggregateRows {
    return Object.fromEntries(
      AGGREGATE_KINDS.map((kind) => [kind, [...this.sums.get(kind)!.values()]]),
    ) as unknown as AggregateRows;
  }
}

type Tuple = readonly (string | number)[];
type CellKeyRow = Pick<CellRow, (typeof CELL_KEY)[number]>;
type CellKey = Omit<AggregateCell, 'n' | 'sum' | 'sumSq'>;

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareTuples(a: Tuple, b: Tuple): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const [x, y] = [a[i]!, b[i]!];
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : compareStrings(String(x), String(y));
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

const by =
  <T>(tuple: (row: T) => Tuple) =>
  (a: T, b: T) =>
    compareTuples(tuple(a), tuple(b));

const cellTuple = (c: CellKey): Tuple => [
  c.waveId,
  c.groupId,
  c.segmentKey,
  c.segmentValue,
  c.dimensionId ?? '',
  c.facet,
  c.scale,
];
const binTuple = (b: CellKey & { value?: number }): Tuple => [...cellTuple(b), b.value ?? 0];
const pairTuple = (p: AggregatePair): Tuple => [p.waveId, p.groupId, p.a, p.b];
const respondentsTuple = (r: AggregateRespondents): Tuple => [r.waveId, r.groupId, r.segmentKey, r.segmentValue];
const overlapTuple = (o: AggregateOverlap): Tuple => [o.waveId, o.groupId, o.keyA, o.valueA, o.keyB, o.valueB];

/** Sort orders of the camelCase aggregates (cells and bins share one). */
export const byCellKey = by(binTuple);
export const byPairKey = by(pairTuple);
export const byRespondentsKey = by(respondentsTuple);
export const byOverlapKey = by(overlapTuple);

/** Keys for maps and diff messages. */
export const cellKeyString = (c: CellKey) => JSON.stringify(cellTuple(c));
export const binKeyString = (b: AggregateBin) => JSON.stringify(binTuple(b));
export const pairKeyString = (p: AggregatePair) => JSON.stringify(pairTuple(p));
export const respondentsKeyString = (r: AggregateRespondents) => JSON.stringify(respondentsTuple(r));
export const overlapKeyString = (o: AggregateOverlap) => JSON.stringify(overlapTuple(o));

/**
 * Every table's rows in key order, tables in a fixed order (the order `addToAggregates` writes them): concurrent
 * PostgreSQL transactions then lock shared rows in one global order and cannot deadlock.
 */
export function sortRows(rows: AggregateRows): AggregateRows {
  return {
    cells: sortByTuple(rows.cells, (r) => binTuple(toCell(r))),
    bins: sortByTuple(rows.bins, (r) => binTuple(toBin(r))),
    pairs: sortByTuple(rows.pairs, (r) => pairTuple(toPair(r))),
    respondents: sortByTuple(rows.respondents, (r) => respondentsTuple(toRespondents(r))),
    overlaps: sortByTuple(rows.overlaps, (r) => overlapTuple(toOverlap(r))),
  };
}

function sortByTuple<T>(rows: readonly T[], tuple: (row: T) => Tuple): T[] {
  return rows
    .map((row) => ({ row, key: tuple(row) }))
    .sort((a, b) => compareTuples(a.key, b.key))
    .map((x) => x.row);
}

// ── Rows to camelCase and back. ──

function cellKeyOf(r: CellKeyRow): CellKey {
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

export const toCell = (r: CellKeyRow & { n: number; sum: number; sum_sq: number }): AggregateCell => ({
  ...cellKeyOf(r),
  n: r.n,
  sum: r.sum,
  sumSq: r.sum_sq,
});
export const toBin = (r: CellKeyRow & { value: number; count: number }): AggregateBin => ({
  ...cellKeyOf(r),
  value: r.value,
  count: r.count,
});
export const toPair = (r: Omit<PairRow, 'organization_id'>): AggregatePair => ({
  waveId: r.wave_id,
  groupId: r.group_id,
  a: r.var_a,
  b: r.var_b,
  n: r.n,
  sumA: r.sum_a,
  sumB: r.sum_b,
  sumAA: r.sum_aa,
  sumBB: r.sum_bb,
  sumAB: r.sum_ab,
});
export const toRespondents = (r: Omit<RespondentsRow, 'organization_id'>): AggregateRespondents => ({
  waveId: r.wave_id,
  groupId: r.group_id,
  segmentKey: r.segment_key,
  segmentValue: r.segment_value,
  n: r.n,
});
export const toOverlap = (r: Omit<OverlapRow, 'organization_id'>): AggregateOverlap => ({
  waveId: r.wave_id,
  groupId: r.group_id,
  keyA: r.key_a,
  valueA: r.value_a,
  keyB: r.key_b,
  valueB: r.value_b,
  n: r.n,
});
