import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../create-db.ts';
import { addStakeholder, buildFixture, type Fixture } from '../fixture.ts';
import { newId } from '../ids.ts';
import { migrateToLatest } from '../migrations/index.ts';
import { submitResponse } from './responses.ts';
import { submitBatch } from './submission-batch.ts';

/**
 * Someone holding the database file tries to pair anonymous responses with the people who took part, the way one
 * would with a copy of the file: rowids, the natural order of rows, ids and times. Nothing may pair them.
 */

const dir = mkdtempSync(join(tmpdir(), 'facets-anonymous-'));
const file = join(dir, 'facets.sqlite');
/** Participant id → their rating, in submission order: what the attacker tries to recover. */
const truth: { stakeholderId: string; lived: number }[] = [];
let fx: Fixture;

beforeAll(async () => {
  const handle = createDb(file);
  await migrateToLatest(handle.db);
  fx = await buildFixture(handle.db);
  const survey = fx.surveys.employee;
  const people = [];
  for (let i = 0; i < 12; i++) {
    people.push(await addStakeholder(handle.db, fx, { groupId: fx.groups.employee, segments: { department: 'it' } }));
  }
  const input = (p: { id: string; segments: Record<string, string> }, i: number) => {
    const lived = (i % 5) + 1;
    truth.push({ stakeholderId: p.id, lived });
    return {
      organizationId: fx.organizationId,
      waveId: survey.waveId,
      stakeholderId: p.id,
      groupId: fx.groups.employee,
      segments: p.segments,
      idempotencyKey: `anonymous-${i}-${newId()}`,
      answers: [
        { questionId: survey.questions.recognition_lived!, value: lived },
        { questionId: survey.questions.recognition_expected!, value: 3 },
      ],
      // One a minute: an attacker who saw times could order them.
      now: new Date(Date.parse(fx.now) + i * 60_000).toISOString(),
      newId,
    };
  };
  // Half one at a time, half in one group commit.
  for (const [i, p] of people.slice(0, 6).entries()) await submitResponse(handle.db, input(p, i));
  await submitBatch(
    handle.db,
    people.slice(6).map((p, i) => input(p, i + 6)),
  );
  await handle.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('an anonymous survey in the database file', () => {
  const open = () => new DatabaseSync(file, { readOnly: true });
  const ofWave = (db: DatabaseSync, sql: string) =>
    db.prepare(sql).all(fx.surveys.employee.waveId) as Record<string, unknown>[];

  it('stores the survey anonymous, with no person on a response', () => {
    const db = open();
    const rows = ofWave(db, 'select stakeholder_id from response where wave_id = ?');
    expect(rows).toHaveLength(12);
    expect(rows.every((r) => r.stakeholder_id === null)).toBe(true);
    db.close();
  });

  it('has no rowid on responses, answers or participation markers to pair them by', () => {
    const db = open();
    for (const table of ['response', 'answer', 'wave_participation']) {
      expect(() => db.prepare(`select rowid from ${table}`).all(), table).toThrow(/no such column: rowid/);
    }
    db.close();
  });

  it('gives every anonymous response the same time', () => {
    const db = open();
    const times = new Set(ofWave(db, 'select submitted_at from response where wave_id = ?').map((r) => r.submitted_at));
    expect(times.size).toBe(1);
    db.close();
  });

  it('keeps responses, answers and participation in orders that pair nobody with their own answer', () => {
    const db = open();
    const participants = ofWave(db, 'select stakeholder_id from wave_participation where wave_id = ?').map(
      (r) => r.stakeholder_id as string,
    );
    // The answers in the file's own order (as a copy would read them, by response id) and the ids themselves.
    const answers = ofWave(
      db,
      `select r.id, a.value_number from response r join answer a on a.response_id = r.id
       where r.wave_id = ? and a.question_id = '${fx.surveys.employee.questions.recognition_lived}'
       order by r.id`,
    );
    expect(participants).toHaveLength(12);
    expect(answers).toHaveLength(12);
    // Participation is ordered by the person's id, answers by a random id: pairing by position recovers the truth
    // no better than chance. With 12 people, matching all of them by chance has probability 1 / 12!.
    const byPosition = participants.map((id, i) => ({ id, lived: answers[i]!.value_number }));
    const right = byPosition.filter((p) => truth.find((t) => t.stakeholderId === p.id)!.lived === p.lived).length;
    expect(right).toBeLessThan(12);
    // In the order of their ids, the answers are not in the order they were given (they would be with time-ordered
    // ids, and the participation markers of a continuous survey arrive in that order too).
    expect(answers.map((a) => a.value_number)).not.toEqual(truth.map((t) => t.lived));
    db.close();
  });
});
