import { DomainError } from '@facets/domain';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../create-db.ts';
import { newId } from '../ids.ts';
import type { Database } from '../schema.ts';
import { buildFixture, type Fixture, openTestDb, testDialects } from '../testing.ts';
import { readBins, readCells } from './aggregates.ts';
import type { AnswerInput } from './answers.ts';
import { type SubmitResponseInput, submitResponse } from './responses.ts';
import { listOpenWaves } from './surveys.ts';

const dialects = await testDialects();

async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return error;
}

describe.each(dialects)('submitResponse (%s)', (dialect) => {
  let handle: Db;
  let db: Kysely<Database>;
  let fx: Fixture;

  beforeAll(async () => {
    handle = await openTestDb(dialect);
    db = handle.db;
  });
  afterAll(() => handle?.close());
  beforeEach(async () => {
    fx = await buildFixture(db);
  });

  /** An employee's submission to the open anonymous wave; recognition lived and expected are required. */
  function employee(who: 'alice' | 'bob' | 'carol', answers: AnswerInput[], key = newId()): SubmitResponseInput {
    const s = fx.stakeholders[who];
    return {
      organizationId: fx.organizationId,
      waveId: fx.surveys.employee.waveId,
      stakeholderId: s.id,
      groupId: s.groupId,
      segments: s.segments,
      idempotencyKey: key,
      answers,
      now: fx.now,
      newId,
    };
  }
  const q = () => fx.surveys.employee.questions;
  const rate = (lived: number, expected: number): AnswerInput[] => [
    { questionId: q().recognition_lived!, value: lived },
    { questionId: q().recognition_expected!, value: expected },
  ];

  async function rowCounts() {
    const count = async (table: 'response' | 'answer' | 'aggregate_cell' | 'aggregate_bin' | 'wave_participation') => {
      const row = await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('organization_id', '=', fx.organizationId)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    };
    return {
      response: await count('response'),
      answer: await count('answer'),
      aggregate_cell: await count('aggregate_cell'),
      aggregate_bin: await count('aggregate_bin'),
      wave_participation: await count('wave_participation'),
    };
  }

  it('aggregates two responses to the hand-computed moments', async () => {
    await submitResponse(db, employee('alice', rate(4, 5)));
    await submitResponse(db, employee('bob', rate(2, 3)));
    const cells = await readCells(db, { organizationId: fx.organizationId, waveId: fx.surveys.employee.waveId });
    const cell = (facet: string, key: string, value: string) =>
      cells.find(
        (c) =>
          c.dimensionId === fx.dimensions.recognition &&
          c.facet === facet &&
          c.segmentKey === key &&
          c.segmentValue === value,
      );
    // likert5: 4 → 75, 2 → 25; n 2, sum 100, sum of squares 75² + 25² = 6250.
    expect(cell('lived', '', '')).toMatchObject({ n: 2, sum: 100, sumSq: 6250, scale: 'likert5' });
    // 5 → 100, 3 → 50.
    expect(cell('expected', '', '')).toMatchObject({ n: 2, sum: 150, sumSq: 12500 });
    expect(cell('lived', 'department', 'it')).toMatchObject({ n: 1, sum: 75, sumSq: 5625 });
    expect(cell('lived', 'department', 'hr')).toMatchObject({ n: 1, sum: 25, sumSq: 625 });
    expect(cell('lived', 'site', 'lyon')).toMatchObject({ n: 2, sum: 100 });
    const bins = await readBins(db, { organizationId: fx.organizationId, segmentKey: '' });
    const lived = bins.filter((b) => b.facet === 'lived' && b.dimensionId === fx.dimensions.recognition);
    expect(lived.map((b) => [b.value, b.count])).toEqual([
      [2, 1],
      [4, 1],
    ]);
  });

  it('stores every kind of answer and counts an outcome item without dimension', async () => {
    const { responseId } = await submitResponse(
      db,
      employee('alice', [
        ...rate(4, 4),
        { questionId: q().enps!, value: 9 },
        { questionId: q().mood!, choices: ['good'] },
        { questionId: q().topics!, choices: ['pay', 'team'] },
        { questionId: q().comment!, text: '  Great team  ' },
      ]),
    );
    const answers = await db
      .selectFrom('answer')
      .select(['question_id', 'value_number', 'value_text', 'value_choices'])
      .where('response_id', '=', responseId)
      .execute();
    expect(answers).toHaveLength(6);
    expect(answers.find((a) => a.question_id === q().topics)?.value_choices).toBe('["pay","team"]');
    expect(answers.find((a) => a.question_id === q().comment)?.value_text).toBe('Great team');
    const outcome = await readCells(db, { organizationId: fx.organizationId, segmentKey: '' });
    expect(outcome.find((c) => c.facet === 'outcome')).toMatchObject({
      dimensionId: null,
      scale: 'nps11',
      n: 1,
      sum: 90,
    });
  });

  it('counts a retried submission once and returns the first id', async () => {
    const input = employee('alice', rate(4, 5), 'retry-key-0001');
    const first = await submitResponse(db, input);
    const second = await submitResponse(db, { ...input, newId });
    expect(first.duplicate).toBe(false);
    expect(second).toEqual({ responseId: first.responseId, duplicate: true });
    expect(await rowCounts()).toMatchObject({ response: 1, wave_participation: 1 });
    const [cell] = await readCells(db, { organizationId: fx.organizationId, segmentKey: '' });
    expect(cell?.n).toBe(1);
  });

  it('counts concurrent retries of one submission once', async () => {
    const input = employee('alice', rate(3, 3), 'concurrent-key-01');
    const results = await Promise.all([
      submitResponse(db, input),
      submitResponse(db, input),
      submitResponse(db, input),
    ]);
    expect(new Set(results.map((r) => r.responseId)).size).toBe(1);
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(await rowCounts()).toMatchObject({ response: 1, answer: 2, wave_participation: 1 });
  });

  it('refuses a second response to the same wave under another key', async () => {
    await submitResponse(db, employee('alice', rate(4, 5)));
    const error = await rejection(submitResponse(db, employee('alice', rate(1, 1))));
    expect(error).toMatchObject({ kind: 'conflict', field: 'waveId' });
    expect(await rowCounts()).toMatchObject({ response: 1 });
  });

  it('accepts only one of two concurrent responses of one person under different keys', async () => {
    const outcomes = await Promise.allSettled([
      submitResponse(db, employee('alice', rate(4, 4))),
      submitResponse(db, employee('alice', rate(2, 2))),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const failed = outcomes.find((o) => o.status === 'rejected');
    expect(failed?.reason).toMatchObject({ kind: 'conflict', field: 'waveId' });
    expect(await rowCounts()).toMatchObject({ response: 1, answer: 2, wave_participation: 1 });
    const [cell] = await readCells(db, { organizationId: fx.organizationId, segmentKey: '' });
    expect(cell?.n).toBe(1);
  });

  it('refuses a key already used by someone else', async () => {
    await submitResponse(db, employee('alice', rate(4, 5), 'shared-key-0001'));
    const error = await rejection(submitResponse(db, employee('bob', rate(1, 1), 'shared-key-0001')));
    expect(error).toMatchObject({ kind: 'conflict', field: 'idempotencyKey' });
  });

  it.each<[string, (q: Record<string, string>) => AnswerInput[], string]>([
    ['a rating off the scale', (q) => [{ questionId: q.recognition_lived!, value: 6 }], 'answers.0.value'],
    ['a rating between points', (q) => [...rate(4, 4), { questionId: q.enps!, value: 7.5 }], 'answers.2.value'],
    ['an unknown question', () => [...rate(4, 4), { questionId: 'nope', value: 3 }], 'answers.2.questionId'],
    [
      'a question answered twice',
      (q) => [...rate(4, 4), { questionId: q.recognition_lived!, value: 3 }],
      'answers.2.questionId',
    ],
    ['a missing required answer', (q) => [{ questionId: q.recognition_lived!, value: 3 }], 'answers'],
    [
      'a choice not offered',
      (q) => [...rate(4, 4), { questionId: q.mood!, choices: ['great'] }],
      'answers.2.choices.0',
    ],
    [
      'two choices on a single choice',
      (q) => [...rate(4, 4), { questionId: q.mood!, choices: ['good', 'ok'] }],
      'answers.2.choices',
    ],
    ['a text too long', (q) => [...rate(4, 4), { questionId: q.comment!, text: 'x'.repeat(5001) }], 'answers.2.text'],
  ])('rejects %s, names the field and writes nothing', async (_, answers, field) => {
    const error = await rejection(submitResponse(db, employee('alice', answers(q()))));
    expect(error.kind).toBe('invalid');
    expect(error.field).toBe(field);
    expect(error.message).toContain(`${field}:`);
    expect(await rowCounts()).toEqual({
      response: 0,
      answer: 0,
      aggregate_cell: 0,
      aggregate_bin: 0,
      wave_participation: 0,
    });
  });

  it('says which scale a rating must be on', async () => {
    const error = await rejection(submitResponse(db, employee('alice', rate(0, 4))));
    expect(error.message).toBe('answers.0.value: must be a whole number between 1 and 5');
  });

  it('refuses closed waves and waves of another group', async () => {
    const closed = await rejection(
      submitResponse(db, { ...employee('alice', rate(4, 4)), waveId: fx.surveys.employee.closedWaveId }),
    );
    expect(closed).toMatchObject({ kind: 'conflict', field: 'waveId' });
    await db
      .updateTable('wave')
      .set({ closes_at: '2026-12-01T00:00:00.000Z' })
      .where('id', '=', fx.surveys.employee.waveId)
      .execute();
    const late = await rejection(
      submitResponse(db, { ...employee('bob', rate(4, 4)), now: '2026-12-01T00:00:00.000Z' }),
    );
    expect(late).toMatchObject({ kind: 'conflict', field: 'waveId' });
    const other = await rejection(
      submitResponse(db, { ...employee('alice', rate(4, 4)), waveId: fx.surveys.supplier.waveId }),
    );
    expect(other).toMatchObject({ kind: 'not_found', field: 'waveId' });
  });

  it('stores no link from an anonymous response to its respondent', async () => {
    const { responseId } = await submitResponse(db, {
      ...employee('alice', rate(4, 5)),
      now: '2026-11-22T14:37:12.345Z',
    });
    const row = await db
      .selectFrom('response')
      .select(['stakeholder_id', 'submitted_at', 'segments'])
      .where('id', '=', responseId)
      .executeTakeFirstOrThrow();
    expect(row.stakeholder_id).toBeNull();
    // The wave's opening time (the fixture's open wave), the same for every response of the wave: not even the day.
    expect(row.submitted_at).toBe('2026-11-01T00:00:00.000Z');
    expect(JSON.parse(row.segments)).toEqual({ department: 'it', site: 'lyon' });
    const participation = await db
      .selectFrom('wave_participation')
      .selectAll()
      .where('organization_id', '=', fx.organizationId)
      .execute();
    expect(participation).toEqual([
      {
        organization_id: fx.organizationId,
        wave_id: fx.surveys.employee.waveId,
        stakeholder_id: fx.stakeholders.alice.id,
      },
    ]);
    const open = (who: 'alice' | 'carol') =>
      listOpenWaves(db, {
        organizationId: fx.organizationId,
        groupId: fx.groups.employee,
        stakeholderId: fx.stakeholders[who].id,
        now: fx.now,
      });
    expect((await open('alice')).map((w) => w.answered)).toEqual([true]);
    expect((await open('carol')).map((w) => w.answered)).toEqual([false]);
  });

  it('links a named response to its respondent', async () => {
    const sam = fx.stakeholders.sam;
    const { responseId } = await submitResponse(db, {
      organizationId: fx.organizationId,
      waveId: fx.surveys.supplier.waveId,
      stakeholderId: sam.id,
      groupId: sam.groupId,
      segments: sam.segments,
      idempotencyKey: newId(),
      answers: [{ questionId: fx.surveys.supplier.questions.payment_lived!, value: 5 }],
      now: fx.now,
      newId,
    });
    const row = await db
      .selectFrom('response')
      .select(['stakeholder_id', 'submitted_at'])
      .where('id', '=', responseId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ stakeholder_id: sam.id, submitted_at: fx.now });
  });
});
