import { type Db, enqueueMessage, issueInvitations, newId } from '@facets/db';
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

const anonymous = () => callerFor(db.db, null);

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

async function invite(stakeholderId = org.stakeholders.bob.id, expiresAt = '2026-12-31T00:00:00.000Z') {
  const [issued] = await issueInvitations(db.db, {
    organizationId: org.organizationId,
    waveId: org.surveys.employee.waveId,
    stakeholderIds: [stakeholderId],
    expiresAt,
    now: '2026-11-20T09:00:00.000Z',
    newId,
  });
  return issued!.token;
}

describe('portal.invitation', () => {
  it('opens the survey of the link without an account, then records the answers once', async () => {
    const token = await invite();
    const api = await anonymous();
    const opened = await api.portal.invitation.get({ token });
    expect(opened).toMatchObject({ state: 'open', group: { code: 'employee', kind: 'employee' } });
    expect(opened.survey?.waveId).toBe(org.surveys.employee.waveId);
    const input = { token, idempotencyKey: key(), answers: employeeAnswers(org) };
    const first = await api.portal.invitation.submit(input);
    expect(await api.portal.invitation.submit(input)).toEqual({ ...first, duplicate: true });
    expect(await count(db.db, 'response')).toBe(1);
    expect(await api.portal.invitation.get({ token })).toMatchObject({ state: 'used', survey: null });
  });

  it('refuses bad input with a message naming the field, and writes nothing', async () => {
    const token = await invite();
    const api = await anonymous();
    const q = org.surveys.employee.questions;
    const cases: [unknown, string, string][] = [
      [{ token: 'short', idempotencyKey: key(), answers: employeeAnswers(org) }, 'BAD_REQUEST', 'token'],
      [{ token, idempotencyKey: key(), answers: employeeAnswers(org, 6) }, 'BAD_REQUEST', 'answers.0.value'],
      [{ token, idempotencyKey: key(), answers: employeeAnswers(org, 11) }, 'BAD_REQUEST', 'answers.0.value'],
      [
        { token, idempotencyKey: key(), answers: [{ questionId: q.recognition_lived!, value: 4 }] },
        'BAD_REQUEST',
        'answers',
      ],
      [
        {
          token,
          idempotencyKey: key(),
          answers: [...employeeAnswers(org), { questionId: q.comment!, text: 'x'.repeat(10 * 1024 * 1024) }],
        },
        'BAD_REQUEST',
        'answers.2.text',
      ],
      [{ token, idempotencyKey: key(), answers: employeeAnswers(org), extra: 1 }, 'BAD_REQUEST', 'extra'],
      [{ token: 'x'.repeat(43), idempotencyKey: key(), answers: employeeAnswers(org) }, 'NOT_FOUND', 'token'],
    ];
    for (const [input, code, field] of cases) {
      const error = await rejection(api.portal.invitation.submit(input as never));
      expect(error.code, field).toBe(code);
      expect(error.message.startsWith(`${field}:`), error.message).toBe(true);
    }
    expect(await count(db.db, 'response')).toBe(0);
    expect(await count(db.db, 'answer')).toBe(0);
    expect(await api.portal.invitation.get({ token })).toMatchObject({ state: 'open' });
  });

  it('says an expired or used link is no longer valid', async () => {
    const expired = await invite(org.stakeholders.bob.id, '2026-11-22T08:00:00.000Z');
    const api = await anonymous();
    expect((await api.portal.invitation.get({ token: expired })).state).toBe('expired');
    const error = await rejection(
      api.portal.invitation.submit({ token: expired, idempotencyKey: key(), answers: employeeAnswers(org) }),
    );
    expect([error.code, error.message]).toEqual(['CONFLICT', 'token: this invitation link has expired']);
    const token = await invite(org.stakeholders.carol.id);
    await api.portal.invitation.submit({ token, idempotencyKey: key(), answers: employeeAnswers(org) });
    const reused = await rejection(
      api.portal.invitation.submit({ token, idempotencyKey: key(), answers: employeeAnswers(org) }),
    );
    expect([reused.code, reused.message]).toEqual(['CONFLICT', 'token: this invitation link was already used']);
    expect(await count(db.db, 'response')).toBe(1);
  });
});

describe('portal.invitation.rules', () => {
  it('gives someone with a link and no account the rules their group is reported under, used link too', async () => {
    const token = await invite();
    const api = await anonymous();
    const alice = await callerFor(db.db, org.stakeholders.alice.userId);
    const signedIn = await alice.portal.rules.get();
    expect(await api.portal.invitation.rules({ token })).toEqual(signedIn);
    expect(signedIn).toMatchObject({ kThreshold: 3, countsCompanies: false });
    await api.portal.invitation.submit({ token, idempotencyKey: key(), answers: employeeAnswers(org) });
    expect((await api.portal.invitation.rules({ token })).kThreshold).toBe(3);
  });

  it('refuses a link that does not exist, naming the token', async () => {
    const api = await anonymous();
    const unknown = await rejection(api.portal.invitation.rules({ token: 'x'.repeat(43) }));
    expect([unknown.code, unknown.message]).toEqual(['NOT_FOUND', 'token: this invitation link is not valid']);
    const bad = await rejection(api.portal.invitation.rules({ token: 'short' }));
    expect(bad.code).toBe('BAD_REQUEST');
    expect(bad.message).toContain('token');
  });
});

describe('portal.feedback, anonymously', () => {
  const followKey = 'device-follow-key-abcdefghijklmnopqrstuvwxyz0123';

  it('keeps no name and lets the device that holds the key follow and answer', async () => {
    const alice = await callerFor(db.db, org.stakeholders.alice.userId);
    const { id } = await alice.portal.feedback.submit({
      idempotencyKey: key(),
      category: 'problem',
      body: 'Lights out in the car park',
      anonymous: true,
      followKey,
    });
    const row = await db.db.selectFrom('feedback').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.stakeholder_id).toBeNull();
    expect(await alice.portal.feedback.list()).toEqual([]);
    const mine = await alice.portal.feedback.list({ followKeys: [followKey] });
    expect(mine.map((f) => [f.id, f.anonymous])).toEqual([[id, true]]);
    await alice.portal.feedback.reply({ feedbackId: id, body: 'Still out', followKey });
    const bob = await callerFor(db.db, org.stakeholders.bob.userId);
    expect((await rejection(bob.portal.feedback.reply({ feedbackId: id, body: 'Me too' }))).code).toBe('FORBIDDEN');
    const hr = await callerFor(db.db, org.staff.hr.userId);
    expect((await hr.feedback.inbox()).find((f) => f.id === id)).toMatchObject({ from: null });
  });

  it('is refused when the organisation does not allow it, or without a follow key', async () => {
    const admin = await callerFor(db.db, org.staff.admin.userId);
    await admin.admin.settings.update({ allowAnonymousFeedback: false });
    const alice = await callerFor(db.db, org.stakeholders.alice.userId);
    const base = { idempotencyKey: key(), category: 'problem' as const, body: 'Hi', anonymous: true };
    const off = await rejection(alice.portal.feedback.submit({ ...base, followKey }));
    expect([off.code, off.message]).toEqual([
      'BAD_REQUEST',
      'anonymous: this organisation does not accept anonymous feedback',
    ]);
    const missing = await rejection(alice.portal.feedback.submit({ ...base, idempotencyKey: key() }));
    expect(missing.message).toBe('followKey: anonymous feedback needs the follow key of your device');
    const huge = await rejection(
      alice.portal.feedback.submit({ idempotencyKey: key(), category: 'problem', body: 'x'.repeat(10_000_000) }),
    );
    expect(huge.message.startsWith('body:')).toBe(true);
    expect(await count(db.db, 'feedback')).toBe(0);
  });
});

describe('admin.outbox.list', () => {
  it('shows the admin their organisation’s messages only', async () => {
    const other = await buildOrg(db.db);
    for (const [o, to] of [
      [org, 'bob@example.test'],
      [other, 'eve@example.test'],
    ] as const) {
      await enqueueMessage(db.db, {
        organizationId: o.organizationId,
        to,
        subject: 'Sign in',
        body: 'Link',
        now: org.now,
        newId,
      });
    }
    const admin = await callerFor(db.db, org.staff.admin.userId);
    expect((await admin.admin.outbox.list()).messages.map((m) => [m.to, m.sentAt, m.attempts, m.status])).toEqual([
      ['bob@example.test', null, 0, 'pending'],
    ]);
    expect((await admin.admin.outbox.list({ search: 'eve@example.test' })).messages).toEqual([]);
  });
});

describe('invited-only surveys (onboarding, exit, after an interaction)', () => {
  it('reach only the people invited to them, in the portal as by the link', async () => {
    await db.db
      .updateTable('survey')
      .set({ kind: 'onboarding' })
      .where('id', '=', org.surveys.employee.surveyId)
      .execute();
    const alice = await callerFor(db.db, org.stakeholders.alice.userId);
    const waveId = org.surveys.employee.waveId;
    expect(await alice.portal.survey.list()).toEqual([]);
    expect((await rejection(alice.portal.survey.get({ waveId }))).code).toBe('NOT_FOUND');
    const refused = await rejection(
      alice.portal.survey.submit({ waveId, idempotencyKey: key(), answers: employeeAnswers(org) }),
    );
    expect(refused.code).toBe('NOT_FOUND');
    expect(await count(db.db, 'response')).toBe(0);
    await invite(org.stakeholders.alice.id);
    expect((await alice.portal.survey.list()).map((s) => [s.waveId, s.kind])).toEqual([[waveId, 'onboarding']]);
    await alice.portal.survey.submit({ waveId, idempotencyKey: key(), answers: employeeAnswers(org) });
    expect(await count(db.db, 'response')).toBe(1);
  });
});
