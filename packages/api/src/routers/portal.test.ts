import type { Db } from '@facets/db';
import { TRPCError } from '@trpc/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildOrg, callerFor, count, employeeAnswers, key, type Org, openDb } from '../test-setup.ts';

let db: Db;
let org: Org;

beforeEach(async () => {
  db = await openDb();
  org = await buildOrg(db.db);
});
afterEach(() => db.close());

const as = (userId: string) => callerFor(db.db, userId);

async function rejection(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

describe('portal.survey', () => {
  it('lists the open wave of the caller’s group, not yet answered', async () => {
    const api = await as(org.stakeholders.alice.userId);
    expect(await api.portal.survey.list()).toEqual([
      {
        waveId: org.surveys.employee.waveId,
        surveyId: org.surveys.employee.surveyId,
        title: { fr: 'Pulse (fr)', en: 'Pulse' },
        kind: 'pulse',
        anonymous: true,
        closesAt: null,
        answered: false,
        questionCount: 7,
      },
    ]);
  });

  it('gives the questions of a wave in order, with scales and options', async () => {
    const api = await as(org.stakeholders.sam.userId);
    const survey = await api.portal.survey.get({ waveId: org.surveys.supplier.waveId });
    expect(survey.waveId).toBe(org.surveys.supplier.waveId);
    expect(survey.anonymous).toBe(false);
    expect(survey.questions.map((q) => [q.position, q.type, q.scale, q.required])).toEqual([
      [1, 'rating', 'csat5', true],
      [2, 'rating', 'likert5', false],
      [3, 'text', null, false],
    ]);
    expect(survey.questions[0]!.dimension).toEqual({
      id: org.dimensions.payment,
      label: { fr: 'payment (fr)', en: 'payment' },
    });
    expect(Object.keys(survey).sort()).toEqual(['anonymous', 'intro', 'questions', 'title', 'waveId']);
  });

  it('accepts a submission once: a retry with the same key returns the first response id', async () => {
    const api = await as(org.stakeholders.alice.userId);
    const input = { waveId: org.surveys.employee.waveId, idempotencyKey: key(), answers: employeeAnswers(org, 5, 4) };
    const first = await api.portal.survey.submit(input);
    expect(first.duplicate).toBe(false);
    expect(await api.portal.survey.submit(input)).toEqual({ responseId: first.responseId, duplicate: true });
    expect(await count(db.db, 'response')).toBe(1);
    expect((await api.portal.survey.list())[0]!.answered).toBe(true);
  });

  it('refuses another group’s wave as not found, and writes nothing', async () => {
    const api = await as(org.stakeholders.sam.userId);
    const get = await rejection(api.portal.survey.get({ waveId: org.surveys.employee.waveId }));
    expect(get.code).toBe('NOT_FOUND');
    const submit = await rejection(
      api.portal.survey.submit({
        waveId: org.surveys.employee.waveId,
        idempotencyKey: key(),
        answers: employeeAnswers(org),
      }),
    );
    expect(submit.code).toBe('NOT_FOUND');
    expect(await count(db.db, 'response')).toBe(0);
  });

  it('names the field of an out-of-range rating and writes nothing', async () => {
    const api = await as(org.stakeholders.alice.userId);
    const answers = [{ ...employeeAnswers(org)[0]!, value: 11 }, employeeAnswers(org)[1]!];
    const error = await rejection(
      api.portal.survey.submit({ waveId: org.surveys.employee.waveId, idempotencyKey: key(), answers }),
    );
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toBe('answers.0.value: Too big: expected number to be <=10');
    expect(await count(db.db, 'response')).toBe(0);
    expect(await count(db.db, 'aggregate_cell')).toBe(0);
  });

  it('names the field of a rating off the question’s own scale (checked against the survey)', async () => {
    const api = await as(org.stakeholders.alice.userId);
    const answers = [employeeAnswers(org)[0]!, { ...employeeAnswers(org)[1]!, value: 9 }];
    const error = await rejection(
      api.portal.survey.submit({ waveId: org.surveys.employee.waveId, idempotencyKey: key(), answers }),
    );
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toBe('answers.1.value: must be a whole number between 1 and 5');
    expect(await count(db.db, 'answer')).toBe(0);
  });

  it('refuses unknown keys, naming them', async () => {
    const api = await as(org.stakeholders.alice.userId);
    const input = {
      waveId: org.surveys.employee.waveId,
      idempotencyKey: key(),
      answers: employeeAnswers(org),
      stakeholderId: 'x',
    };
    const error = await rejection(api.portal.survey.submit(input as never));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toBe('stakeholderId: Unrecognized key: "stakeholderId"');
  });
});

describe('portal.dimension.list', () => {
  it('gives the dimensions of the caller’s group, shared ones included', async () => {
    const api = await as(org.stakeholders.sam.userId);
    expect((await api.portal.dimension.list()).map((d) => d.code)).toEqual(['payment', 'transparency']);
  });
});

describe('portal.feedback', () => {
  it('records feedback once per key and lists it with its replies', async () => {
    const sam = await as(org.stakeholders.sam.userId);
    const input = {
      idempotencyKey: key(),
      category: 'problem' as const,
      dimensionId: org.dimensions.payment,
      body: '  Invoice 42 paid late  ',
      reference: 'INV-42',
    };
    const { id, duplicate } = await sam.portal.feedback.submit(input);
    expect(duplicate).toBe(false);
    expect(await sam.portal.feedback.submit(input)).toEqual({ id, duplicate: true });

    const hr = await as(org.staff.hr.userId);
    await hr.feedback.reply({ feedbackId: id, body: 'We are on it.' });
    await sam.portal.feedback.reply({ feedbackId: id, body: 'Thanks!' });

    const [item, ...rest] = await sam.portal.feedback.list();
    expect(rest).toEqual([]);
    expect(item).toMatchObject({
      id,
      category: 'problem',
      dimension: { id: org.dimensions.payment, code: 'payment' },
      body: 'Invoice 42 paid late',
      reference: 'INV-42',
      status: 'acknowledged',
      createdAt: '2026-11-22T09:00:00.000Z',
    });
    expect(item!.replies.map((r) => [r.authorKind, r.body])).toEqual([
      ['staff', 'We are on it.'],
      ['stakeholder', 'Thanks!'],
    ]);
  });

  it('keeps each supplier’s feedback to themselves', async () => {
    const sam = await as(org.stakeholders.sam.userId);
    const { id } = await sam.portal.feedback.submit({ idempotencyKey: key(), category: 'question', body: 'Mine' });
    const tom = await as(org.tom.userId);
    expect(await tom.portal.feedback.list()).toEqual([]);
    const error = await rejection(tom.portal.feedback.reply({ feedbackId: id, body: 'Let me in' }));
    expect(error.code).toBe('FORBIDDEN');
    expect(await count(db.db, 'feedback_reply')).toBe(0);
  });

  it('refuses a dimension of another group, naming the field, and writes nothing', async () => {
    const sam = await as(org.stakeholders.sam.userId);
    const error = await rejection(
      sam.portal.feedback.submit({
        idempotencyKey: key(),
        category: 'praise',
        dimensionId: org.dimensions.recognition,
        body: 'Nice',
      }),
    );
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toBe('dimensionId: is not a dimension of your group');
    expect(await count(db.db, 'feedback')).toBe(0);
  });

  it('refuses an empty or too long body, naming the field, and writes nothing', async () => {
    const sam = await as(org.stakeholders.sam.userId);
    const empty = await rejection(
      sam.portal.feedback.submit({ idempotencyKey: key(), category: 'praise', body: '   ' }),
    );
    expect(empty.message).toBe('body: Too small: expected string to have >=1 characters');
    const long = await rejection(
      sam.portal.feedback.submit({ idempotencyKey: key(), category: 'praise', body: 'x'.repeat(5001) }),
    );
    expect(long.message).toBe('body: Too big: expected string to have <=5000 characters');
    const category = await rejection(
      sam.portal.feedback.submit({ idempotencyKey: key(), category: 'rant' as never, body: 'Hello' }),
    );
    expect(category.message).toMatch(/^category: Invalid option/);
    expect(await count(db.db, 'feedback')).toBe(0);
  });
});
