import type { Kysely } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../create-db.ts';
import { newId } from '../ids.ts';
import type { Database } from '../schema.ts';
import { buildFixture, type Fixture, openTestDb, testDialects } from '../testing.ts';
import { getInvitationSurvey, submitByInvitation } from './invitation-responses.ts';
import { findInvitation, invitationLink, issueInvitations } from './invitations.ts';
import { submitResponse } from './responses.ts';

const dialects = await testDialects();
const LATER = '2026-12-22T09:00:00.000Z';
const SOON = '2026-11-22T10:00:00.000Z';

describe('invitationLink', () => {
  it('points to the group portal’s redeem route', () => {
    expect(invitationLink('https://facets.example.org/', 'customer', 'abc_-123')).toBe(
      'https://facets.example.org/customer/i/abc_-123',
    );
  });
});

describe.each(dialects)('answering through an invitation link (%s)', (dialect) => {
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

  const invite = async (stakeholderId: string, waveId: string, expiresAt = LATER) =>
    (
      await issueInvitations(db, {
        organizationId: fx.organizationId,
        waveId,
        stakeholderIds: [stakeholderId],
        expiresAt,
        now: fx.now,
        newId,
      })
    )[0]!.token;
  const answers = () => [
    { questionId: fx.surveys.employee.questions.recognition_lived!, value: 4 },
    { questionId: fx.surveys.employee.questions.recognition_expected!, value: 5 },
  ];
  const supplierAnswers = () => [{ questionId: fx.surveys.supplier.questions.payment_lived!, value: 3 }];
  const count = async (table: 'response' | 'answer' | 'wave_participation' | 'aggregate_respondents') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('organization_id', '=', fx.organizationId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('opens the survey without using the link, so the person can come back to it', async () => {
    const token = await invite(fx.stakeholders.alice.id, fx.surveys.employee.waveId);
    const first = await getInvitationSurvey(db, { token, now: fx.now });
    expect(first).toMatchObject({
      state: 'open',
      // The group's label titles the generic portal of custom groups.
      group: { code: 'employee', kind: 'employee', label: { fr: 'employee (fr)', en: 'employee' } },
      organization: { kThreshold: 5 },
    });
    expect(first.survey?.questions.map((q) => q.id)).toContain(fx.surveys.employee.questions.recognition_lived);
    expect((await getInvitationSurvey(db, { token, now: fx.now })).state).toBe('open');
    expect((await findInvitation(db, token))?.usedAt).toBeNull();
  });

  it('records the response once and then says the link was used, a retry included', async () => {
    const token = await invite(fx.stakeholders.alice.id, fx.surveys.employee.waveId);
    const input = { token, idempotencyKey: 'invite-key-0001', answers: answers(), now: fx.now, newId };
    const first = await submitByInvitation(db, input);
    expect(first.duplicate).toBe(false);
    const retry = await submitByInvitation(db, { ...input, now: SOON });
    expect(retry).toEqual({ responseId: first.responseId, duplicate: true });
    expect(await count('response')).toBe(1);
    expect((await getInvitationSurvey(db, { token, now: SOON })).state).toBe('used');
    await expect(submitByInvitation(db, { ...input, idempotencyKey: 'invite-key-0002' })).rejects.toMatchObject({
      kind: 'conflict',
      field: 'token',
      message: 'token: this invitation link was already used',
    });
    expect(await count('response')).toBe(1);
  });

  it('keeps no time on the used invitation of an anonymous survey, and ids without time', async () => {
    const token = await invite(fx.stakeholders.alice.id, fx.surveys.employee.waveId);
    const { responseId } = await submitByInvitation(db, {
      token,
      idempotencyKey: 'invite-key-anon',
      answers: answers(),
      now: '2026-11-22T14:37:12.345Z',
      newId,
    });
    const invitation = await findInvitation(db, token);
    expect(invitation?.usedAt).toBe(invitation?.createdAt);
    const response = await db.selectFrom('response').selectAll().where('id', '=', responseId).executeTakeFirstOrThrow();
    // Not even the day: the time it carries is its wave's opening, the same for every response of the wave.
    const wave = await db
      .selectFrom('wave')
      .select('opens_at')
      .where('id', '=', fx.surveys.employee.waveId)
      .executeTakeFirstOrThrow();
    expect(response).toMatchObject({ stakeholder_id: null, submitted_at: wave.opens_at });
    // A time-ordered id would start with the submission's milliseconds in base 32.
    expect(responseId.slice(0, 10)).not.toBe(newId(Date.parse('2026-11-22T14:37:12.345Z')).slice(0, 10));
    expect(responseId).toMatch(/^[0-9a-f]{32}$/);
    const answerIds = await db.selectFrom('answer').select('id').where('response_id', '=', responseId).execute();
    for (const a of answerIds) expect(a.id).toMatch(/^[0-9a-f]{32}$/);
  });

  it('marks the link of a named survey with the time it was used', async () => {
    const token = await invite(fx.stakeholders.sam.id, fx.surveys.supplier.waveId);
    await submitByInvitation(db, {
      token,
      idempotencyKey: 'invite-key-sam',
      answers: supplierAnswers(),
      now: SOON,
      newId,
    });
    expect((await findInvitation(db, token))?.usedAt).toBe(SOON);
    const response = await db
      .selectFrom('response')
      .select(['stakeholder_id', 'segments'])
      .where('organization_id', '=', fx.organizationId)
      .executeTakeFirstOrThrow();
    expect(response.stakeholder_id).toBe(fx.stakeholders.sam.id);
    // Suppliers' anonymity is counted in companies: the snapshot carries the id of the company record.
    const durand = await db
      .selectFrom('company')
      .select('id')
      .where('organization_id', '=', fx.organizationId)
      .where('name', '=', 'Atelier Durand')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(response.segments)).toEqual({ category: 'materials', company: durand.id });
  });

  it('refuses an expired link, an unknown one, bad answers and a closed survey, writing nothing', async () => {
    const expired = await invite(fx.stakeholders.alice.id, fx.surveys.employee.waveId, SOON);
    const later = '2026-11-23T09:00:00.000Z';
    expect((await getInvitationSurvey(db, { token: expired, now: later })).state).toBe('expired');
    await expect(
      submitByInvitation(db, { token: expired, idempotencyKey: 'k-expired-1', answers: answers(), now: later, newId }),
    ).rejects.toMatchObject({ kind: 'conflict', message: 'token: this invitation link has expired' });
    await expect(getInvitationSurvey(db, { token: 'no-such-token', now: fx.now })).rejects.toMatchObject({
      kind: 'not_found',
      field: 'token',
    });
    const token = await invite(fx.stakeholders.bob.id, fx.surveys.employee.waveId);
    await expect(
      submitByInvitation(db, {
        token,
        idempotencyKey: 'k-bad-value',
        answers: [{ questionId: fx.surveys.employee.questions.recognition_lived!, value: 9 }, answers()[1]!],
        now: fx.now,
        newId,
      }),
    ).rejects.toMatchObject({ kind: 'invalid', field: 'answers.0.value' });
    await expect(
      submitByInvitation(db, { token, idempotencyKey: 'k-missing', answers: [answers()[1]!], now: fx.now, newId }),
    ).rejects.toMatchObject({ kind: 'invalid', message: 'answers: question 1 is required' });
    const closed = await invite(fx.stakeholders.carol.id, fx.surveys.employee.closedWaveId);
    expect((await getInvitationSurvey(db, { token: closed, now: fx.now })).state).toBe('closed');
    await expect(
      submitByInvitation(db, { token: closed, idempotencyKey: 'k-closed', answers: answers(), now: fx.now, newId }),
    ).rejects.toMatchObject({ kind: 'conflict', field: 'waveId' });
    expect(await count('response')).toBe(0);
    expect(await count('answer')).toBe(0);
    expect(await count('wave_participation')).toBe(0);
    expect(await count('aggregate_respondents')).toBe(0);
    expect((await findInvitation(db, token))?.usedAt).toBeNull();
  });

  it('says the person already answered when they did so signed in, and leaves the link unused', async () => {
    const token = await invite(fx.stakeholders.alice.id, fx.surveys.employee.waveId);
    await submitResponse(db, {
      organizationId: fx.organizationId,
      waveId: fx.surveys.employee.waveId,
      stakeholderId: fx.stakeholders.alice.id,
      groupId: fx.groups.employee,
      segments: fx.stakeholders.alice.segments,
      idempotencyKey: 'signed-in-key',
      answers: answers(),
      now: fx.now,
      newId,
    });
    expect((await getInvitationSurvey(db, { token, now: fx.now })).state).toBe('answered');
    await expect(
      submitByInvitation(db, { token, idempotencyKey: 'k-again', answers: answers(), now: fx.now, newId }),
    ).rejects.toMatchObject({ kind: 'conflict', message: 'waveId: you have already answered this survey' });
    expect(await count('response')).toBe(1);
  });

  it('records one response when the same submission races itself', async () => {
    const token = await invite(fx.stakeholders.bob.id, fx.surveys.employee.waveId);
    const input = { token, idempotencyKey: 'race-key-0001', answers: answers(), now: fx.now, newId };
    const results = await Promise.all([submitByInvitation(db, input), submitByInvitation(db, input)]);
    expect(new Set(results.map((r) => r.responseId)).size).toBe(1);
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(await count('response')).toBe(1);
  });
});
