import { invalid } from '@facets/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { rebuildSegmentAggregates } from './aggregate-repair.ts';
import { inTransaction, parseJson } from './rows.ts';

export type Segments = Record<string, string>;

/**
 * Replaces the segment snapshot of every response of a wave by a coarser one, `atomOf(snapshot)` (values merged, keys
 * dropped: what reporting on the wave needs, no more), then makes the wave's segment aggregates agree with a
 * recomputation from the raw answers. All in one transaction; nothing is written when `atomOf` returns something
 * that is not a coarsening (a key the snapshot did not have, a value that is not text).
 *
 * Responses that arrive afterwards carry their full snapshot: call it at the wave's close, or again at each
 * publication of an open wave.
 */
export async function coarsenResponseSegments(
  db: Kysely<Database>,
  args: { organizationId: string; waveId: string; atomOf: (segments: Segments) => Segments },
): Promise<{ responses: number; changed: number }> {
  return inTransaction(db, async (trx) => {
    // Every submission to the wave upserts its whole-group respondents row: a no-op update of it makes concurrent
    // submissions (other PostgreSQL transactions) wait for this one, so the recomputation below counts them all.
    await trx
      .updateTable('aggregate_respondents')
      .set((eb) => ({ n: eb.ref('n') }))
      .where('organization_id', '=', args.organizationId)
      .where('wave_id', '=', args.waveId)
      .where('segment_key', '=', '')
      .where('segment_value', '=', '')
      .execute();
    const snapshots = await trx
      .selectFrom('response')
      .select(['segments', (eb) => eb.fn.countAll<number>().as('n')])
      .where('organization_id', '=', args.organizationId)
      .where('wave_id', '=', args.waveId)
      .groupBy('segments')
      .execute();
    const rewrites = snapshots.map((s) => {
      const before = parseJson<Segments>(s.segments, {});
      const after = coarsened(before, args.atomOf({ ...before }));
      const same = snapshotText(after) === snapshotText(before);
      return { from: s.segments, to: snapshotText(after), same, n: Number(s.n) };
    });
    let changed = 0;
    for (const r of rewrites.filter((w) => !w.same)) {
      await trx
        .updateTable('response')
        .set({ segments: r.to })
        .where('organization_id', '=', args.organizationId)
        .where('wave_id', '=', args.waveId)
        .where('segments', '=', r.from)
        .execute();
      changed += r.n;
    }
    await rebuildSegmentAggregates(trx, args);
    return { responses: rewrites.reduce((sum, r) => sum + r.n, 0), changed };
  });
}

/** `after` checked to be a coarsening of `before`: text values, and only keys `before` had. */
function coarsened(before: Segments, after: unknown): Segments {
  if (typeof after !== 'object' || after === null || Array.isArray(after)) {
    throw invalid('atomOf', 'must return an object of segment values');
  }
  for (const [key, value] of Object.entries(after)) {
    if (!(key in before)) throw invalid('atomOf', `returned the key "${key}", which the snapshot did not have`);
    if (typeof value !== 'string' || value === '')
      throw invalid('atomOf', `returned a value for "${key}" that is not text`);
  }
  return after as Segments;
}

/** A snapshot as stored: keys sorted, so that equal snapshots are equal texts. */
function snapshotText(segments: Segments): string {
  return JSON.stringify(Object.fromEntries(Object.entries(segments).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));
}
