import { randomInt, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '../create-db.ts';
import { addStakeholder, buildFixture, type Fixture } from '../fixture.ts';
import { newId } from '../ids.ts';
import { openTestDb, TEST_DATABASE_URL, testDialects } from '../testing.ts';
import { submitByInvitation } from './invitation-responses.ts';
import { issueInvitations } from './invitations.ts';
import type { SubmitResult } from './responses.ts';

/**
 * The attack of anonymous-storage-postgres.test.ts, on responses given through invitation links: the invitation row
 * names the person, and it is marked used in the transaction that writes the response. The holder of the database
 * pairs responses with invitations by transaction id (`xmin`), position (`ctid`), dump order and time. 24 people
 * answer one at a time, then 16 in three concurrent rounds of 3, 5 and 8 spread over two servers (one retrying the same
 * submission on both). Invitations were issued one a day, in an order unrelated to the order of answering.
 *
 * What the design promises (participation-cover.ts, `useInvitationAmongK`): the transaction rewrites at least k − 1
 * other used invitations of the wave with the one it marks, in one random order, and an anonymous invitation's
 * `used_at` is its issue time. So a response submitted alone shares its `xmin` with at least min(k, used so far)
 * invitations (checked right after it; in a concurrent round, a later transaction may already have rewritten some of
 * an earlier one's rows, which then sit among k of their own), and no pairing does better than the bound of the
 * marker test (MAX_RIGHT of 40; before, the `xmin` join pairs every response with its invitation). Simulated (200,000
 * runs of this history, heap modelled as append-only), the best pairing — the `xmin` join — gets 3.2 right on average,
 * the best of all of them 11 once, its tail falling about fourfold per point: the test does not fail by chance.
 */

const K = 5;
const ALONE = 24;
const ROUNDS = [3, 5, 8];
const PEOPLE = ALONE + ROUNDS.reduce((a, b) => a + b, 0);
const MAX_RIGHT = 18;
const DAY = 86_400_000;

const postgres = (await testDialects()).includes('postgres');

interface HeapRow {
  key: string;
  xmin: string;
  position: string;
}

interface InvitationRow extends HeapRow {
  stakeholder: string;
  used_at: string;
  created_at: string;
  expires_at: string;
}

/** A second connection pool on the same schema: another server. */
async function secondServer(first: Db): Promise<Db> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(first.db);
  const url = new URL(TEST_DATABASE_URL);
  url.searchParams.set('options', `-c search_path=${rows[0]!.schema}`);
  return createDb(url.toString());
}

describe.skipIf(!postgres)('an anonymous response by invitation link in the PostgreSQL heap', () => {
  let first: Db;
  let second: Db;
  let fx: Fixture;
  const tokens: string[] = [];
  const people: string[] = [];
  /** response id → its author. */
  const truth = new Map<string, string>();
  /** After each lone submission: the fewest used invitations sharing the new response's xmin. */
  const cover: { step: string; used: number; smallest: number }[] = [];
  const accepted: (SubmitResult & { person: string })[] = [];
  const refused: string[] = [];

  beforeAll(async () => {
    first = await openTestDb('postgres');
    second = await secondServer(first);
    fx = await buildFixture(first.db, { kThreshold: K });
    for (let i = 0; i < PEOPLE; i++) {
      people.push((await addStakeholder(first.db, fx, { groupId: fx.groups.employee })).id);
    }
    // One invitation a day, in a random order: person i's link is issued on day issuedOn[i].
    const issuedOn = people.map((_, i) => i);
    for (let i = issuedOn.length - 1; i > 0; i--) {
      const j = randomInt(i + 1);
      [issuedOn[i], issuedOn[j]] = [issuedOn[j]!, issuedOn[i]!];
    }
    for (let i = 0; i < PEOPLE; i++) {
      const [issued] = await issueInvitations(first.db, {
        organizationId: fx.organizationId,
        waveId: fx.surveys.employee.waveId,
        stakeholderIds: [people[i]!],
        expiresAt: '2027-06-01T00:00:00.000Z',
        now: new Date(Date.parse('2026-11-01T09:00:00.000Z') + issuedOn[i]! * DAY).toISOString(),
        newId,
      });
      tokens.push(issued!.token);
    }
    const q = fx.surveys.employee.questions;
    const submit = (server: Db, i: number, idempotencyKey: string = randomUUID()) =>
      submitByInvitation(server.db, {
        token: tokens[i]!,
        idempotencyKey,
        answers: [
          { questionId: q.recognition_lived!, value: (i % 5) + 1 },
          { questionId: q.recognition_expected!, value: ((i + 2) % 5) + 1 },
        ],
        now: new Date(Date.parse('2026-12-15T09:00:00.000Z') + i * 60_000).toISOString(),
        newId,
      });
    const step = async (name: string, written: string[]) => {
      const { responses, invitations } = await heap();
      const groups = new Map<string, number>();
      for (const inv of invitations) groups.set(inv.xmin, (groups.get(inv.xmin) ?? 0) + 1);
      const smallest = Math.min(...written.map((id) => groups.get(responses.find((r) => r.key === id)!.xmin) ?? 0));
      cover.push({ step: name, used: invitations.length, smallest });
    };
    for (let i = 0; i < ALONE; i++) {
      const { responseId } = await submit(first, i);
      truth.set(responseId, people[i]!);
      await step(`alone ${i + 1}`, [responseId]);
    }
    let start = ALONE;
    for (const size of ROUNDS) {
      const round = Array.from({ length: size }, (_, j) => start + j);
      const last = round.at(-1)!;
      const retried = randomUUID();
      const servers = [first, second];
      // The last person's submission is retried on the other server, and the link used once more with another key.
      const sent = [
        ...round.map((i) => [i, i % 2] as const),
        [last, (last + 1) % 2] as const,
        [last, last % 2] as const,
      ];
      const outcomes = await Promise.allSettled(
        sent.map(([i, server], n) => submit(servers[server]!, i, n < size + 1 && i === last ? retried : undefined)),
      );
      for (const [n, outcome] of outcomes.entries()) {
        const person = people[sent[n]![0]]!;
        if (outcome.status === 'rejected') refused.push(String(outcome.reason));
        else {
          accepted.push({ person, ...outcome.value });
          truth.set(outcome.value.responseId, person);
        }
      }
      start += size;
    }
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  /** The attacker's view: responses and used invitations of the wave, with transaction id and position. */
  async function heap(
    order: 'ctid' | 'plain' = 'ctid',
  ): Promise<{ responses: HeapRow[]; invitations: InvitationRow[] }> {
    const by = order === 'ctid' ? sql`order by ctid` : sql``;
    const wave = fx.surveys.employee.waveId;
    const responses = await sql<HeapRow & { wave_id: string }>`
      select id as key, wave_id, xmin::text as xmin, ctid::text as position from response ${by}`.execute(first.db);
    const invitations = await sql<InvitationRow & { wave_id: string }>`
      select id as key, stakeholder_id as stakeholder, wave_id, used_at, created_at, expires_at,
        xmin::text as xmin, ctid::text as position
      from invitation where used_at is not null ${by}`.execute(first.db);
    return {
      responses: responses.rows.filter((r) => r.wave_id === wave),
      invitations: invitations.rows.filter((r) => r.wave_id === wave),
    };
  }

  it('records every answer once and refuses a second use of the link', () => {
    expect(truth.size).toBe(PEOPLE);
    expect(new Set(truth.values()).size).toBe(PEOPLE);
    expect(accepted.filter((a) => !a.duplicate)).toHaveLength(PEOPLE - ALONE);
    // Each round's last person: one response, returned again to the retry when it came second.
    expect(accepted.length + refused.length).toBe(PEOPLE - ALONE + 2 * ROUNDS.length);
    for (const reason of refused) expect(reason).toMatch(/already (used|answered)/);
  });

  it('shares its transaction id with at least k used invitations, at every moment', () => {
    expect(cover).toHaveLength(ALONE);
    for (const { step, used, smallest } of cover) expect(smallest, step).toBeGreaterThanOrEqual(Math.min(K, used));
  });

  it('cannot be paired with its invitation by transaction id, position, dump order or time', async () => {
    const ordered = await heap('ctid');
    const plain = await heap('plain');
    const { responses, invitations } = ordered;
    expect(responses).toHaveLength(PEOPLE);
    expect(invitations).toHaveLength(PEOPLE);
    // An anonymous invitation keeps no time of use: its used_at is its issue time.
    for (const inv of invitations) expect(inv.used_at).toBe(inv.created_at);

    const right = (pairs: [string, string][]) =>
      pairs.filter(([response, person]) => truth.get(response) === person).length;
    const zip = (rs: HeapRow[], invs: InvitationRow[]) =>
      rs.map((r, i) => [r.key, invs[i]!.stakeholder] as [string, string]);
    const reversed = <T>(list: T[]) => [...list].reverse();
    const xid = (row: HeapRow) => BigInt(row.xmin);
    const byXmin = <T extends HeapRow>(rows: T[]) =>
      [...rows].sort((a, b) => (xid(a) === xid(b) ? 0 : xid(a) < xid(b) ? -1 : 1));
    const byColumn = (column: 'used_at' | 'created_at' | 'expires_at') =>
      [...invitations].sort((a, b) => a[column].localeCompare(b[column]));
    const xminJoin = (pick: (same: InvitationRow[]) => InvitationRow | undefined) =>
      responses.flatMap((r) => {
        const same = pick(invitations.filter((inv) => inv.xmin === r.xmin));
        return same ? [[r.key, same.stakeholder] as [string, string]] : [];
      });
    const strategies: Record<string, [string, string][]> = {
      'xmin join, first by ctid': xminJoin((same) => same[0]),
      'xmin join, last by ctid': xminJoin((same) => same.at(-1)),
      'ctid ranks': zip(responses, invitations),
      'ctid ranks, one reversed': zip(responses, reversed(invitations)),
      'dump order': zip(plain.responses, plain.invitations),
      'dump order, one reversed': zip(plain.responses, reversed(plain.invitations)),
      'xmin ranks': zip(byXmin(responses), byXmin(invitations)),
      'xmin ranks, one reversed': zip(byXmin(responses), reversed(byXmin(invitations))),
    };
    for (const column of ['used_at', 'created_at', 'expires_at'] as const) {
      strategies[`${column} × response xmin`] = zip(byXmin(responses), byColumn(column));
      strategies[`${column} × response ctid`] = zip(responses, byColumn(column));
    }
    const scores = Object.fromEntries(Object.entries(strategies).map(([name, pairs]) => [name, right(pairs)]));
    for (const [name, score] of Object.entries(scores)) expect(score, name).toBeLessThanOrEqual(MAX_RIGHT);
  });

  it('an update that changes nothing still writes a new row version with its own transaction id', async () => {
    const { invitations } = await heap();
    const target = invitations[0]!;
    const during = await first.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('invitation')
        .set((eb) => ({ used_at: eb.ref('used_at') }))
        .where('id', '=', target.key)
        .execute();
      const { rows } = await sql<{ xid: string }>`select (txid_current() % 4294967296)::text as xid`.execute(trx);
      return rows[0]!.xid;
    });
    const after = (await heap()).invitations.find((r) => r.key === target.key)!;
    expect(after.used_at).toBe(target.used_at);
    expect(after.xmin).toBe(during);
    expect(after.xmin).not.toBe(target.xmin);
    expect(after.position).not.toBe(target.position);
  });
});
