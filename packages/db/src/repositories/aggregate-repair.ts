import type { QuestionFacet, RatingAnswer, Scale } from '@facets/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import {
  AGGREGATE_KINDS,
  AGGREGATE_TABLES,
  type AggregateCell,
  type AggregateRows,
  AggregateSums,
  type Aggregates,
  aggregateRowsOf,
  binKeyString,
  byCellKey,
  byOverlapKey,
  byPairKey,
  byRespondentsKey,
  cellKeyString,
  overlapKeyString,
  pairKeyString,
  respondentsKeyString,
  toBin,
  toCell,
  toOverlap,
  toPair,
  toRespondents,
} from './aggregate-rows.ts';
import { type AggregateFilter, addToAggregates } from './aggregates.ts';
import { parseJson } from './rows.ts';

/** Checking and repairing the stored aggregates against the raw responses they were built from. */

/**
 * The aggregates as they should be, folded again from the raw responses and answers (with the questions' current
 * scale, facet and dimension) through the same `aggregateRowsOf` as a submission. For tests, and to repair with
 * `rebuildAggregates`.
 */
export async function recomputeAggregates(db: Kysely<Database>, filter: AggregateFilter): Promise<Aggregates> {
  let responses = db
    .selectFrom('response')
    .select(['id', 'wave_id', 'group_id', 'segments'])
    .where('organization_id', '=', filter.organizationId);
  let ratings = db
    .selectFrom('answer as a')
    .innerJoin('response as r', 'r.id', 'a.response_id')
    .innerJoin('question as q', 'q.id', 'a.question_id')
    .select(['r.id', 'q.dimension_id', 'q.facet', 'q.scale', 'a.value_number'])
    .where('a.organization_id', '=', filter.organizationId)
    .where('r.organization_id', '=', filter.organizationId)
    .where('q.type', '=', 'rating')
    .where('a.value_number', 'is not', null);
  if (filter.groupId !== undefined) {
    responses = responses.where('group_id', '=', filter.groupId);
    ratings = ratings.where('r.group_id', '=', filter.groupId);
  }
  if (filter.waveId !== undefined) {
    responses = responses.where('wave_id', '=', filter.waveId);
    ratings = ratings.where('r.wave_id', '=', filter.waveId);
  }
  const ratingsOf = new Map<string, RatingAnswer[]>();
  for (const r of await ratings.orderBy('r.id').orderBy('q.position').execute()) {
    const list = ratingsOf.get(r.id) ?? [];
    list.push({
      dimensionId: r.dimension_id,
      facet: r.facet as QuestionFacet,
      scale: r.scale as Scale,
      value: r.value_number!,
    });
    ratingsOf.set(r.id, list);
  }

  const folded = new AggregateSums();
  for (const r of await responses.orderBy('id').execute()) {
    const where = { organizationId: filter.organizationId, waveId: r.wave_id, groupId: r.group_id };
    folded.add(aggregateRowsOf(where, parseJson<Record<string, string>>(r.segments, {}), ratingsOf.get(r.id) ?? []));
  }
  const all = readingOf(folded.rows());
  const key = filter.segmentKey;
  if (key === undefined) return all;
  return {
    cells: all.cells.filter((c) => c.segmentKey === key),
    bins: all.bins.filter((b) => b.segmentKey === key),
    pairs: key === '' ? all.pairs : [],
    respondents: all.respondents.filter((r) => r.segmentKey === key),
    overlaps: all.overlaps.filter((o) => o.keyA === key || o.keyB === key),
  };
}

/** Stored rows in their camelCase reading, each kind in its key order. */
function readingOf(rows: AggregateRows): Aggregates {
  return {
    cells: rows.cells.map(toCell).sort(byCellKey),
    bins: rows.bins.map(toBin).sort(byCellKey),
    pairs: rows.pairs.map(toPair).sort(byPairKey),
    respondents: rows.respondents.map(toRespondents).sort(byRespondentsKey),
    overlaps: rows.overlaps.map(toOverlap).sort(byOverlapKey),
  };
}

/**
 * Differences between two sets of aggregates (empty when equal). Counts must match exactly; sums within `tolerance`,
 * sums of squares and of products within 100 × `tolerance`, plus a relative 1e-9 for the rounding of large sums.
 */
export function diffAggregates(actual: Aggregates, expected: Aggregates, tolerance = 1e-6): string[] {
  const close = (a: number, e: number, t: number) => Math.abs(a - e) <= t + 1e-9 * Math.abs(e);
  const t2 = tolerance * 100;
  const diffs: string[] = [];
  compare(diffs, 'cell', actual.cells, expected.cells, cellKeyString, (a, e) =>
    a.n === e.n && close(a.sum, e.sum, tolerance) && close(a.sumSq, e.sumSq, t2)
      ? null
      : `n ${a.n}/${e.n}, sum ${a.sum}/${e.sum}, sumSq ${a.sumSq}/${e.sumSq}`,
  );
  compare(diffs, 'bin', actual.bins, expected.bins, binKeyString, (a, e) =>
    a.count === e.count ? null : `count ${a.count}/${e.count}`,
  );
  compare(diffs, 'pair', actual.pairs, expected.pairs, pairKeyString, (a, e) =>
    a.n === e.n &&
    close(a.sumA, e.sumA, tolerance) &&
    close(a.sumB, e.sumB, tolerance) &&
    close(a.sumAA, e.sumAA, t2) &&
    close(a.sumBB, e.sumBB, t2) &&
    close(a.sumAB, e.sumAB, t2)
      ? null
      : `n ${a.n}/${e.n}, sumA ${a.sumA}/${e.sumA}, sumB ${a.sumB}/${e.sumB}, sumAA ${a.sumAA}/${e.sumAA}, ` +
        `sumBB ${a.sumBB}/${e.sumBB}, sumAB ${a.sumAB}/${e.sumAB}`,
  );
  compare(diffs, 'respondents', actual.respondents, expected.respondents, respondentsKeyString, (a, e) =>
    a.n === e.n ? null : `n ${a.n}/${e.n}`,
  );
  compare(diffs, 'overlap', actual.overlaps, expected.overlaps, overlapKeyString, (a, e) =>
    a.n === e.n ? null : `n ${a.n}/${e.n}`,
  );
  return diffs;
}

function compare<T>(
  diffs: string[],
  kind: string,
  actual: readonly T[],
  expected: readonly T[],
  keyOf: (row: T) => string,
  differs: (a: T, e: T) => string | null,
): void {
  const byKey = new Map(actual.map((r) => [keyOf(r), r]));
  const expectedKeys = new Set<string>();
  for (const e of expected) {
    const key = keyOf(e);
    expectedKeys.add(key);
    const a = byKey.get(key);
    const difference = a === undefined ? 'missing' : differs(a, e);
    if (difference !== null) diffs.push(`${kind} ${key}: ${difference}`);
  }
  for (const key of byKey.keys()) if (!expectedKeys.has(key)) diffs.push(`unexpected ${kind} ${key}`);
}

/** Replaces an organisation's stored aggregates with the recomputed ones; run it inside a transaction. */
export async function rebuildAggregates(db: Kysely<Database>, organizationId: string): Promise<Aggregates> {
  const fresh = await recomputeAggregates(db, { organizationId });
  for (const kind of AGGREGATE_KINDS) {
    await db.deleteFrom(AGGREGATE_TABLES[kind].table).where('organization_id', '=', organizationId).execute();
  }
  // The tables are empty for this organisation now: the upserts only insert.
  await addToAggregates(db, rowsOfAggregates(organizationId, fresh));
  return fresh;
}

/**
 * Makes one wave's segment aggregates (cells, bins and respondents of a segment, and segment overlaps) equal to their
 * recomputation from the raw responses, in the caller's transaction: a segment nobody carries any more loses its
 * rows. The whole group's rows (segment '' and key-driver pairs) do not depend on segments and are left as they are.
 */
export async function rebuildSegmentAggregates(
  db: Kysely<Database>,
  args: { organizationId: string; waveId: string },
): Promise<void> {
  const fresh = await recomputeAggregates(db, args);
  for (const table of ['aggregate_bin', 'aggregate_cell', 'aggregate_respondents'] as const) {
    await db
      .deleteFrom(table)
      .where('organization_id', '=', args.organizationId)
      .where('wave_id', '=', args.waveId)
      .where('segment_key', '<>', '')
      .execute();
  }
  await db
    .deleteFrom('aggregate_segment_overlap')
    .where('organization_id', '=', args.organizationId)
    .where('wave_id', '=', args.waveId)
    .execute();
  const ofSegment = <T extends { segmentKey: string }>(rows: T[]) => rows.filter((r) => r.segmentKey !== '');
  await addToAggregates(
    db,
    rowsOfAggregates(args.organizationId, {
      cells: ofSegment(fresh.cells),
      bins: ofSegment(fresh.bins),
      pairs: [],
      respondents: ofSegment(fresh.respondents),
      overlaps: fresh.overlaps,
    }),
  );
}

/** The rows that store a set of aggregates of one organisation. */
function rowsOfAggregates(organizationId: string, a: Aggregates): AggregateRows {
  const tenant = { organization_id: organizationId };
  const cellColumns = (c: Omit<AggregateCell, 'n' | 'sum' | 'sumSq'>) => ({
    ...tenant,
    wave_id: c.waveId,
    group_id: c.groupId,
    segment_key: c.segmentKey,
    segment_value: c.segmentValue,
    dimension_id: c.dimensionId ?? '',
    facet: c.facet,
    scale: c.scale,
  });
  return {
    cells: a.cells.map((c) => ({ ...cellColumns(c), n: c.n, sum: c.sum, sum_sq: c.sumSq })),
    bins: a.bins.map((b) => ({ ...cellColumns(b), value: b.value, count: b.count })),
    pairs: a.pairs.map((p) => ({
      ...tenant,
      wave_id: p.waveId,
      group_id: p.groupId,
      var_a: p.a,
      var_b: p.b,
      n: p.n,
      sum_a: p.sumA,
      sum_b: p.sumB,
      sum_aa: p.sumAA,
      sum_bb: p.sumBB,
      sum_ab: p.sumAB,
    })),
    respondents: a.respondents.map((r) => ({
      ...tenant,
      wave_id: r.waveId,
      group_id: r.groupId,
      segment_key: r.segmentKey,
      segment_value: r.segmentValue,
      n: r.n,
    })),
    overlaps: a.overlaps.map((o) => ({
      ...tenant,
      wave_id: o.waveId,
      group_id: o.groupId,
      key_a: o.keyA,
      value_a: o.valueA,
      key_b: o.keyB,
      value_b: o.valueB,
      n: o.n,
    })),
  };
}
