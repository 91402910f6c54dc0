import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '../create-db.ts';
import { addStakeholder, buildFixture, type Fixture } from '../fixture.ts';
import { newId } from '../ids.ts';
import { openTestDb, TEST_DATABASE_URL, testDialects } from '../testing.ts';
import { type SubmitResponseInput, submitResponse } from './responses.ts';
import { submitBatched } from './submission-batch.ts';

/**
 * A PostgreSQL superuser (or the holder of a `pg_dump`) tries to pair each anonymous response with the person who
 * wrote it, from what the heap shows: the inserting transaction (`xmin`), the physical position (`ctid`), the order of
 * a plain `select` (the order `pg_dump` copies rows in), and the times. Everyone has the same segments, so that only
 * storage could give them away. People answer one at a time through `submitResponse` (24, one transaction each), then
 * through the group commit the server uses (`submitBatched`: batches of 3, 5 and 8, the first smaller than k).
 *
 * What the design promises (participation-cover.ts, `withCover`): a transaction that records anonymous participations
 * writes at least k of its wave's markers (k: the organisation's threshold, 5 here), the others rewritten in one random
 * order with the new ones. So:
 * - after every step, each new response shares its `xmin` with at least min(k, participants so far) people: a
 *   backup taken at any moment narrows the newest response to k people, never to one;
 * - at the end, no pairing by order does better than guessing among groups of k. Simulated (a million runs of this
 *   history, heap modelled as append-only), the best of them — ranks by `ctid` — gets 3.5 of 40 right on average, 15
 *   once, and its tail falls by about 3 per extra point: P(> MAX_RIGHT = 18) is below 1e-8, so the test does not fail
 *   by chance, while the heap as it was (each response alone with its marker) pairs all 24 lone ones by `xmin` and by
 *   rank. (A matching blind to the groups gets 1 right on average: within a wave, the heap says "one of these k".)
 */

const K = 5;
const ALONE = 24;
const BATCHES = [3, 5, 8];
const PEOPLE = ALONE + BATCHES.reduce((a, b) => a + b, 0);
const MAX_RIGHT = 18;

const postgres = (await testDialects()).includes('postgres');

interface HeapRow {
  key: string;
  xmin: string;
  /** `(page,item)`: where the row sits. */
  position: string;
}

describe.skipIf(!postgres)('an anonymous response in the PostgreSQL heap', () => {
  let handle: Db;
  let fx: Fixture;
  const people: { id: string; segments: Record<string, string> }[] = [];
  /** response id → its author: what the attacker is after. */
  const truth = new Map<string, string>();
  /** After each step: the smallest number of participants sharing the xmin of a response written in that step. */
  const cover: { step: string; participants: number; smallest: number }[] = [];

  beforeAll(async () => {
    handle = await openTestDb('postgres');
    fx = await buildFixture(handle.db, { kThreshold: K });
    for (let i = 0; i < PEOPLE; i++) {
      people.push(await addStakeholder(handle.db, fx, { groupId: fx.groups.employee, segments: { department: 'it' } }));
    }
    const q = fx.surveys.employee.questions;
    const input = (i: number): SubmitResponseInput => ({
      organizationId: fx.organizationId,
      waveId: fx.surveys.employee.waveId,
      stakeholderId: people[i]!.id,
      groupId: fx.groups.employee,
      segments: people[i]!.segments,
      idempotencyKey: randomUUID(),
      answers: [
        { questionId: q.recognition_lived!, value: (i % 5) + 1 },
        { questionId: q.recognition_expected!, value: ((i + 2) % 5) + 1 },
      ],
      now: new Date(Date.parse('2026-11-22T09:00:00.000Z') + i * 60_000).toISOString(),
      newId,
    });
    const step = async (name: string, written: string[]) => {
      const { responses, participations } = await heap();
      const groups = new Map<string, number>();
      for (const p of participations) groups.set(p.xmin, (groups.get(p.xmin) ?? 0) + 1);
      const smallest = Math.min(...written.map((id) => groups.get(responses.find((r) => r.key === id)!.xmin) ?? 0));
      cover.push({ step: name, participants: participations.length, smallest });
    };
    for (let i = 0; i < ALONE; i++) {
      const { responseId } = await submitResponse(handle.db, input(i));
      truth.set(responseId, people[i]!.id);
      await step(`alone ${i + 1}`, [responseId]);
    }
    let start = ALONE;
    for (const size of BATCHES) {
      const batch = Array.from({ length: size }, (_, j) => start + j);
      const results = await Promise.all(batch.map((i) => submitBatched(handle.db, input(i))));
      for (const [j, r] of results.entries()) truth.set(r.responseId, people[batch[j]!]!.id);
      await step(
        `batch of ${size}`,
        results.map((r) => r.responseId),
      );
      start += size;
    }
  });
  afterAll(async () => {
    await handle?.close();
  });

  /** The attacker's view of the two tables: each row with its transaction id and physical position. */
  async function heap(order: 'ctid' | 'plain' = 'ctid'): Promise<{ responses: HeapRow[]; participations: HeapRow[] }> {
    // A plain select of the whole table is a sequential scan: the order `pg_dump` writes the rows in.
    const by = order === 'ctid' ? sql`order by ctid` : sql``;
    const read = async (table: 'response' | 'wave_participation', key: 'id' | 'stakeholder_id') => {
      const { rows } = await sql<HeapRow & { wave_id: string }>`
        select ${sql.ref(key)} as key, wave_id, xmin::text as xmin, ctid::text as position from ${sql.table(table)} ${by}`.execute(
        handle.db,
      );
      return rows.filter((r) => r.wave_id === fx.surveys.employee.waveId);
    };
    return {
      responses: await read('response', 'id'),
      participations: await read('wave_participation', 'stakeholder_id'),
    };
  }

  const right = (pairs: [string, string][]) =>
    pairs.filter(([response, person]) => truth.get(response) === person).length;
  const zip = (responses: string[], persons: string[]) => responses.map((r, i) => [r, persons[i]!] as [string, string]);
  const reversed = <T>(list: T[]) => [...list].reverse();
  const xid = (row: HeapRow) => BigInt(row.xmin);
  const byXmin = (rows: HeapRow[]) => [...rows].sort((a, b) => (xid(a) === xid(b) ? 0 : xid(a) < xid(b) ? -1 : 1));

  it('shares its transaction id with at least k people, at every moment', () => {
    expect(cover).toHaveLength(ALONE + BATCHES.length);
    for (const { step, participants, smallest } of cover) {
      expect(smallest, step).toBeGreaterThanOrEqual(Math.min(K, participants));
    }
  });

  it('cannot be paired with its author by transaction id, position, dump order or time', async () => {
    const ordered = await heap('ctid');
    const plain = await heap('plain');
    const wave = fx.surveys.employee.waveId;
    const stored = await handle.db
      .selectFrom('response')
      .select(['id', 'stakeholder_id', 'submitted_at'])
      .where('wave_id', '=', wave)
      .execute();
    expect(stored).toHaveLength(PEOPLE);
    expect(stored.every((r) => r.stakeholder_id === null)).toBe(true);
    // Times: one for the whole wave on the response; none at all on the marker.
    expect(new Set(stored.map((r) => r.submitted_at)).size).toBe(1);
    const columns = await sql<{ column_name: string }>`
      select column_name from information_schema.columns
      where table_schema = current_schema() and table_name = 'wave_participation' order by column_name`.execute(
      handle.db,
    );
    expect(columns.rows.map((c) => c.column_name)).toEqual(['organization_id', 'stakeholder_id', 'wave_id']);

    const responses = ordered.responses;
    const ids = (rows: HeapRow[]) => rows.map((r) => r.key);
    const bySubmittedAt = [...stored].sort((a, b) => a.submitted_at.localeCompare(b.submitted_at)).map((r) => r.id);
    const strategies: Record<string, [string, string][]> = {
      'ctid ranks': zip(ids(responses), ids(ordered.participations)),
      'ctid ranks, one reversed': zip(ids(responses), reversed(ids(ordered.participations))),
      'dump order': zip(ids(plain.responses), ids(plain.participations)),
      'dump order, one reversed': zip(ids(plain.responses), reversed(ids(plain.participations))),
      'xmin ranks': zip(ids(byXmin(responses)), ids(byXmin(ordered.participations))),
      'xmin ranks, one reversed': zip(ids(byXmin(responses)), reversed(ids(byXmin(ordered.participations)))),
      'submitted_at × ctid': zip(bySubmittedAt, ids(ordered.participations)),
      // Each response with the first marker (by position) written by its transaction.
      'xmin join': responses.flatMap((r) => {
        const same = ordered.participations.find((p) => p.xmin === r.xmin);
        return same ? [[r.key, same.key] as [string, string]] : [];
      }),
    };
    const scores = Object.fromEntries(Object.entries(strategies).map(([name, pairs]) => [name, right(pairs)]));
    for (const [name, score] of Object.entries(scores)) expect(score, name).toBeLessThanOrEqual(MAX_RIGHT);
  });
});

describe.skipIf(!postgres)('anonymous markers rewritten by concurrent servers', () => {
  it('lose nothing, count nothing twice and refuse a second answer', async () => {
    const first = await openTestDb('postgres');
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(first.db);
    const url = new URL(TEST_DATABASE_URL);
    url.searchParams.set('options', `-c search_path=${rows[0]!.schema}`);
    const second = createDb(url.toString());
    try {
      const fx = await buildFixture(first.db, { kThreshold: K });
      const people: { id: string }[] = [];
      for (let i = 0; i < 30; i++) people.push(await addStakeholder(first.db, fx, { groupId: fx.groups.employee }));
      const q = fx.surveys.employee.questions;
      const input = (i: number, key: string = randomUUID()): SubmitResponseInput => ({
        organizationId: fx.organizationId,
        waveId: fx.surveys.employee.waveId,
        stakeholderId: people[i]!.id,
        groupId: fx.groups.employee,
        segments: {},
        idempotencyKey: key,
        answers: [
          { questionId: q.recognition_lived!, value: (i % 5) + 1 },
          { questionId: q.recognition_expected!, value: 3 },
        ],
        now: fx.now,
        newId,
      });
      // Two servers, each submission in a transaction of its own, each rewriting k − 1 markers others may be
      // rewriting too; person 0 answers on both at once under two keys, person 1 retries the same key on both.
      const servers = [first.db, second.db];
      const outcomes = await Promise.allSettled([
        ...people.map((_, i) => submitResponse(servers[i % 2]!, input(i, i === 1 ? 'retried' : undefined))),
        submitResponse(servers[1]!, input(0)),
        submitResponse(servers[0]!, input(1, 'retried')),
      ]);
      const refused = outcomes.filter((o) => o.status === 'rejected').map((o) => String(o.reason));
      expect(refused).toEqual([expect.stringMatching(/already answered/)]);
      const retry = [outcomes[1]!, outcomes[people.length + 1]!].map((o) =>
        o.status === 'fulfilled' ? o.value : null,
      );
      expect(new Set(retry.map((r) => r?.responseId)).size).toBe(1);
      expect(retry.map((r) => r?.duplicate).sort()).toEqual([false, true]);
      const wave = fx.surveys.employee.waveId;
      const markers = await first.db
        .selectFrom('wave_participation')
        .select('stakeholder_id')
        .where('wave_id', '=', wave)
        .execute();
      expect(new Set(markers.map((m) => m.stakeholder_id))).toEqual(new Set(people.map((p) => p.id)));
      expect(markers).toHaveLength(people.length);
      const responses = await first.db
        .selectFrom('response')
        .select('id')
        .where('organization_id', '=', fx.organizationId)
        .where('wave_id', '=', wave)
        .execute();
      expect(responses).toHaveLength(people.length);
      const whole = await first.db
        .selectFrom('aggregate_respondents')
        .select('n')
        .where('wave_id', '=', wave)
        .where('segment_key', '=', '')
        .executeTakeFirstOrThrow();
      expect(whole.n).toBe(people.length);
    } finally {
      await second.close();
      await first.close();
    }
  });
});
