import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Migrator } from 'kysely/migration';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from '../create-db.ts';
import { addStakeholder, buildFixture, type Fixture } from '../fixture.ts';
import { newId } from '../ids.ts';
import { migrateToLatest, migrationProvider } from '../migrations/index.ts';
import type { SubmitResponseInput } from './responses.ts';
import { submitBatched } from './submission-batch.ts';

/**
 * A holder of the database file tries to pair each anonymous response with the person who wrote it. Everyone has
 * the same segments, so that only storage could give them away. People answer in the order they were created (the
 * order of `wave_participation`'s key, and of time-ordered ids), one minute apart, the first half one at a time, the
 * second in two concurrent batches of 8 — through `submitBatched`, as the API does.
 *
 * What is asserted: `rowid` does not exist on the three tables; every anonymous response carries the same time (the
 * wave's opening); and every pairing the attacker can derive from the file — rowids, the natural order of each table
 * (forward and backward), response ids, idempotency keys, timestamps, and the order of answer rows — gets at most
 * MAX_RIGHT of the 32 people right. A random guess gets 1 right on average (the fixed points of a random permutation
 * follow Poisson(1)); P(≥ 8) < 1e-5 per pairing, so the test fails only when storage tells something. The same attack
 * on the schema as it was before (rowid tables) pairs every response submitted on its own — the control that shows the
 * attacker would find the pairs if they were there — but not those of the batches, whose rows were shuffled.
 */

const PEOPLE = 32;
const ALONE = 16;
const BATCH = 8;
const MAX_RIGHT = 7;

const dir = mkdtempSync(join(tmpdir(), 'facets-anonymous-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Written {
  file: string;
  waveId: string;
  opensAt: string;
  /** response id → the stakeholder who wrote it: what the attacker is after. */
  truth: Map<string, string>;
}

/** Writes the responses into a fresh file, migrated up to `until` (all migrations when not given), and closes it. */
async function writeResponses(name: string, until?: string): Promise<Written> {
  const file = join(dir, `${name}.sqlite`);
  const handle = createDb(file);
  const db = handle.db;
  if (until === undefined) await migrateToLatest(db);
  else expect((await new Migrator({ db, provider: migrationProvider }).migrateTo(until)).error).toBeUndefined();
  const fx: Fixture = await buildFixture(db, until === undefined ? {} : { lists: false });
  const people: Awaited<ReturnType<typeof addStakeholder>>[] = [];
  for (let i = 0; i < PEOPLE; i++) {
    people.push(await addStakeholder(db, fx, { groupId: fx.groups.employee, segments: { department: 'it' } }));
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
  const truth = new Map<string, string>();
  for (let i = 0; i < ALONE; i++) truth.set((await submitBatched(db, input(i))).responseId, people[i]!.id);
  for (let start = ALONE; start < PEOPLE; start += BATCH) {
    const batch = people.slice(start, start + BATCH).map((_, j) => start + j);
    const results = await Promise.all(batch.map((i) => submitBatched(db, input(i))));
    for (const [j, r] of results.entries()) truth.set(r.responseId, people[batch[j]!]!.id);
  }
  const wave = await db
    .selectFrom('wave')
    .select('opens_at')
    .where('id', '=', fx.surveys.employee.waveId)
    .executeTakeFirstOrThrow();
  await handle.close();
  return { file, waveId: fx.surveys.employee.waveId, opensAt: wave.opens_at, truth };
}

type Rows = Record<string, unknown>[];

/** The attacker: the file opened read-only with Node's own SQLite, no code of ours. */
function open(file: string): { all: (query: string, ...params: string[]) => Rows; close: () => void } {
  const sqlite = new DatabaseSync(file, { readOnly: true });
  return {
    all: (query, ...params) => sqlite.prepare(query).all(...params) as Rows,
    close: () => sqlite.close(),
  };
}

/** Every pairing of responses with participants the attacker can derive from the order of rows. */
function pairings(file: string, waveId: string): Map<string, Map<string, string>> {
  const db = open(file);
  try {
    const guesses = new Map<string, Map<string, string>>();
    const zip = (name: string, responses: string[], people: string[]) => {
      guesses.set(name, new Map(responses.map((r, i) => [r, people[i]!])));
      guesses.set(`${name}, one reversed`, new Map(responses.map((r, i) => [r, people[people.length - 1 - i]!])));
    };
    const ids = (query: string, column: string) => db.all(query, waveId).map((r) => String(r[column]));
    const people = {
      natural: ids('select stakeholder_id from wave_participation where wave_id = ?', 'stakeholder_id'),
      byId: ids(
        'select stakeholder_id from wave_participation where wave_id = ? order by stakeholder_id',
        'stakeholder_id',
      ),
    };
    const responses = {
      natural: ids('select id from response where wave_id = ?', 'id'),
      byId: ids('select id from response where wave_id = ? order by id', 'id'),
      byKey: ids('select id from response where wave_id = ? order by idempotency_key', 'id'),
      byTime: ids('select id from response where wave_id = ? order by submitted_at', 'id'),
      byAnswers: firstSeen(
        ids(
          'select a.response_id from answer a join response r on r.id = a.response_id where r.wave_id = ?',
          'response_id',
        ),
      ),
      byAnswerIds: firstSeen(
        ids(
          'select a.response_id from answer a join response r on r.id = a.response_id where r.wave_id = ? order by a.id',
          'response_id',
        ),
      ),
    };
    for (const [how, list] of Object.entries(responses)) {
      for (const [whose, order] of Object.entries(people)) zip(`responses ${how} × people ${whose}`, list, order);
    }
    if (hasRowid(db, 'response') && hasRowid(db, 'wave_participation')) {
      zip(
        'rowid',
        ids('select id from response where wave_id = ? order by rowid', 'id'),
        ids('select stakeholder_id from wave_participation where wave_id = ? order by rowid', 'stakeholder_id'),
      );
    }
    return guesses;
  } finally {
    db.close();
  }
}

function hasRowid(db: ReturnType<typeof open>, table: string): boolean {
  try {
    db.all(`select rowid from ${table} limit 1`);
    return true;
  } catch (error) {
    expect(String(error)).toMatch(/no such column: rowid/);
    return false;
  }
}

function firstSeen(list: string[]): string[] {
  return [...new Set(list)];
}

const right = (guess: Map<string, string>, truth: Map<string, string>) =>
  [...truth].filter(([response, person]) => guess.get(response) === person).length;

describe('an anonymous response in the database file (sqlite)', () => {
  it('cannot be paired with its author by rowid, row order, ids, keys, times or answer order', async () => {
    const { file, waveId, opensAt, truth } = await writeResponses('now');
    const db = open(file);
    try {
      for (const table of ['response', 'answer', 'wave_participation']) expect(hasRowid(db, table), table).toBe(false);
      const stored = db.all('select stakeholder_id, submitted_at, id from response where wave_id = ?', waveId);
      expect(stored).toHaveLength(PEOPLE);
      expect(new Set(stored.map((r) => r.submitted_at))).toEqual(new Set([opensAt]));
      expect(stored.every((r) => r.stakeholder_id === null && /^[0-9a-f]{32}$/.test(String(r.id)))).toBe(true);
      const answerIds = db.all('select id from answer').map((r) => String(r.id));
      expect(answerIds.every((id) => /^[0-9a-f]{32}$/.test(id))).toBe(true);
    } finally {
      db.close();
    }
    const guesses = pairings(file, waveId);
    expect(guesses.size).toBe(24); // 6 orders of responses × 2 of people × forward and reversed; no rowid
    const scores = Object.fromEntries([...guesses].map(([name, guess]) => [name, right(guess, truth)]));
    for (const [name, score] of Object.entries(scores)) expect(score, name).toBeLessThanOrEqual(MAX_RIGHT);
  });

  it('could be paired on the schema as it was (the attacker finds pairs that are there)', async () => {
    const { file, waveId, truth } = await writeResponses('before', '2026_12_02_1300_create_wave_publication');
    const guess = pairings(file, waveId).get('rowid');
    expect(guess).toBeDefined();
    // Submitted one at a time, a response and its participation marker were the k-th rows of their tables.
    const alone = new Map([...truth].slice(0, ALONE));
    expect(right(guess!, alone)).toBe(ALONE);
    // Written by the group commit, each table of a batch in its own random order, they pair no better than chance
    // even by rowid (written in submission order, all 16 would pair).
    const batched = new Map([...truth].slice(ALONE));
    expect(right(guess!, batched)).toBeLessThanOrEqual(MAX_RIGHT);
  });
});
