import type { Kysely } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../create-db.ts';
import { inviteFromDirectory } from '../directory/invite.ts';
import { newId } from '../ids.ts';
import { submitByInvitation } from '../repositories/invitation-responses.ts';
import { findInvitation } from '../repositories/invitations.ts';
import { listOutbox } from '../repositories/outbox.ts';
import { getSurveyDetail } from '../repositories/survey-catalog.ts';
import type { Database } from '../schema.ts';
import { buildFixture, type Fixture, openTestDb, testDialects } from '../testing.ts';
import { setReminderSchedule } from './schedule.ts';
import { sendDueReminders } from './send.ts';

const dialects = await testDialects();
const BASE = 'http://facets.test';
const OPENS = '2026-12-01T09:00:00.000Z';
const CLOSES = '2026-12-20T17:00:00.000Z';
const tokenIn = (body: string) => /\/employee\/i\/([A-Za-z0-9_-]+)/.exec(body)?.[1] ?? null;

describe.each(dialects)('reminders to the invited who have not answered (%s)', (dialect) => {
  let handle: Db;
  let db: Kysely<Database>;
  let fx: Fixture;
  let waveId: string;
  const emails = { alice: 'alice@example.org', bob: 'bob@example.org', carol: 'carol@example.org' } as const;

  beforeAll(async () => {
    handle = await openTestDb(dialect);
    db = handle.db;
  });
  afterAll(() => handle?.close());
  beforeEach(async () => {
    fx = await buildFixture(db);
    waveId = fx.surveys.employee.waveId;
    await db.updateTable('wave').set({ opens_at: OPENS, closes_at: CLOSES }).where('id', '=', waveId).execute();
    for (const name of ['alice', 'bob', 'carol'] as const) {
      await db
        .updateTable('stakeholder')
        .set({ email: emails[name] })
        .where('id', '=', fx.stakeholders[name].id)
        .execute();
    }
    const organization = await db
      .selectFrom('organization')
      .select(['id', 'name', 'default_locale as defaultLocale'])
      .where('id', '=', fx.organizationId)
      .executeTakeFirstOrThrow();
    await inviteFromDirectory(db, { organization, waveId, now: '2026-12-01T10:00:00.000Z', baseUrl: BASE, newId });
  });

  const tenant = () => ({ organizationId: fx.organizationId });
  const send = (now: string, on: Kysely<Database> = db) =>
    sendDueReminders(on, { ...tenant(), now, baseUrl: BASE, newId }).then((r) => r.sent);
  const reminders = async () =>
    (await listOutbox(db, { ...tenant(), limit: 500 })).filter(
      (m) => m.subject.startsWith('Rappel') || m.subject.startsWith('Reminder'),
    );
  const answer = async (name: keyof typeof emails, now: string) => {
    const [latest] = await listOutbox(db, { ...tenant(), to: emails[name] });
    const token = tokenIn(latest!.body)!;
    await submitByInvitation(db, {
      token,
      idempotencyKey: `key-${name}-${now}`,
      answers: [
        { questionId: fx.surveys.employee.questions.recognition_lived!, value: 4 },
        { questionId: fx.surveys.employee.questions.recognition_expected!, value: 5 },
      ],
      now,
      newId,
    });
  };

  it('stores a schedule of whole days and shows it on the survey', async () => {
    await setReminderSchedule(db, {
      ...tenant(),
      surveyId: fx.surveys.employee.surveyId,
      afterOpening: [7, 3],
      beforeClosing: [2],
    });
    const detail = await getSurveyDetail(db, { ...tenant(), surveyId: fx.surveys.employee.surveyId, now: OPENS });
    expect(detail.reminders).toEqual({ afterOpening: [3, 7], beforeClosing: [2] });
    await expect(
      setReminderSchedule(db, {
        ...tenant(),
        surveyId: fx.surveys.employee.surveyId,
        afterOpening: [1, 2, 3, 4, 5, 6],
        beforeClosing: [],
      }),
    ).rejects.toMatchObject({ kind: 'invalid', field: 'afterOpening' });
  });

  it('reminds those who have not answered, once a day, with a fresh link that works', async () => {
    await setReminderSchedule(db, {
      ...tenant(),
      surveyId: fx.surveys.employee.surveyId,
      afterOpening: [3],
      beforeClosing: [2, 1],
    });
    await answer('alice', '2026-12-02T12:00:00.000Z');
    expect(await send('2026-12-04T08:59:00.000Z')).toBe(0);
    expect(await send('2026-12-04T09:30:00.000Z')).toBe(2);
    expect(await send('2026-12-04T22:00:00.000Z')).toBe(0);
    const sent = await reminders();
    expect(sent.map((m) => m.to).sort()).toEqual([emails.bob, emails.carol]);
    const bob = sent.find((m) => m.to === emails.bob)!;
    // Bob's language is the organisation's (French), his link the new one; the invitation's link no longer works.
    expect(bob.subject).toContain('Rappel');
    expect(bob.body).toContain('jusqu’au 20 décembre 2026');
    const fresh = await findInvitation(db, tokenIn(bob.body)!);
    expect(fresh?.stakeholderId).toBe(fx.stakeholders.bob.id);
    const invitation = (await listOutbox(db, { ...tenant(), to: emails.bob })).find(
      (m) => !m.subject.includes('Rappel'),
    )!;
    expect(await findInvitation(db, tokenIn(invitation.body)!)).toBeNull();
    // Nothing about who answered, nor how many.
    for (const m of sent) {
      expect(m.body).not.toMatch(/alice|Stakeholder|\b[0-9]+ (personnes|people|réponses|answers)/i);
    }
    // Bob answers with the reminder's link; the next reminder day reaches Carol alone, the day after too.
    await answer('bob', '2026-12-10T12:00:00.000Z');
    expect(await send('2026-12-18T17:30:00.000Z')).toBe(1);
    expect(await send('2026-12-19T17:30:00.000Z')).toBe(1);
    expect((await reminders()).filter((m) => m.to === emails.bob)).toHaveLength(1);
    expect((await reminders()).filter((m) => m.to === emails.carol)).toHaveLength(3);
  });

  it('sends nothing once the wave has closed, by date or by hand', async () => {
    await setReminderSchedule(db, {
      ...tenant(),
      surveyId: fx.surveys.employee.surveyId,
      afterOpening: [19],
      beforeClosing: [],
    });
    expect(await send('2026-12-20T17:00:00.000Z')).toBe(0);
    await db.updateTable('wave').set({ status: 'closed' }).where('id', '=', waveId).execute();
    expect(await send('2026-12-20T10:00:00.000Z')).toBe(0);
    expect(await reminders()).toEqual([]);
  });

  it('sends each reminder once when two servers run the job at the same moment', async () => {
    await setReminderSchedule(db, {
      ...tenant(),
      surveyId: fx.surveys.employee.surveyId,
      afterOpening: [3],
      beforeClosing: [],
    });
    const now = '2026-12-04T10:00:00.000Z';
    const [a, b] = await Promise.all([send(now), send(now)]);
    expect(a + b).toBe(3);
    expect(await reminders()).toHaveLength(3);
    const rows = await db
      .selectFrom('reminder')
      .select(['stakeholder_id', 'day'])
      .where('organization_id', '=', fx.organizationId)
      .execute();
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((r) => r.day))).toEqual(new Set(['2026-12-04']));
  });
});
