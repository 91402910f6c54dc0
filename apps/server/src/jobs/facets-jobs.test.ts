import {
  createSurvey,
  type Db,
  enqueueMessage,
  inviteFromDirectory,
  listOutbox,
  newId,
  saveQuestions,
  setLifecycleTrigger,
  setReminderSchedule,
  setSurveyPeriod,
  submitResponse,
} from '@facets/db';
import { buildFixture, type Fixture, openTestDb } from '@facets/db/testing';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailSender } from '../mail/sender.ts';
import { registerFacetsJobs, startFacetsJobs } from './facets-jobs.ts';
import { createSqliteRunner, type SqliteRunner } from './sqlite-runner.ts';

/**
 * The periodic jobs as the server registers them, on the SQLite engine with the test's clock: each minute's tick
 * enqueues one job per organisation, the next tick runs them.
 */

describe('reminders sent by the job runner', () => {
  let db: Db;
  let fx: Fixture;
  let runner: SqliteRunner;
  let now = new Date('2026-12-01T10:00:00.000Z');

  beforeAll(async () => {
    db = await openTestDb('sqlite');
    fx = await buildFixture(db.db);
    const waveId = fx.surveys.employee.waveId;
    await db.db
      .updateTable('wave')
      .set({ opens_at: '2026-12-01T09:00:00.000Z', closes_at: '2026-12-20T17:00:00.000Z' })
      .where('id', '=', waveId)
      .execute();
    for (const name of ['alice', 'bob'] as const) {
      await db.db
        .updateTable('stakeholder')
        .set({ email: `${name}@example.org`, locale: name === 'bob' ? 'en' : null })
        .where('id', '=', fx.stakeholders[name].id)
        .execute();
    }
    const organization = { id: fx.organizationId, name: 'Facets test', defaultLocale: 'fr' };
    await inviteFromDirectory(db.db, { organization, waveId, now: now.toISOString(), baseUrl: 'http://x', newId });
    await setReminderSchedule(db.db, {
      organizationId: fx.organizationId,
      surveyId: fx.surveys.employee.surveyId,
      afterOpening: [2],
      beforeClosing: [],
    });
    runner = createSqliteRunner({ db: db.db, newId, clock: () => now, pollMs: 0 });
    registerFacetsJobs(runner, { db: db.db, newId, mail: null, baseUrl: 'https://facets.example.org' });
    await runner.start();
  });
  afterAll(async () => {
    await runner?.stop();
    await db?.close();
  });

  const at = async (iso: string) => {
    now = new Date(iso);
    await runner.tick(now);
    await runner.tick(now);
  };
  const reminders = async () =>
    (await listOutbox(db.db, { organizationId: fx.organizationId })).filter((m) =>
      /^(Rappel|Reminder)/.test(m.subject),
    );

  it('writes each reminder to the outbox on its day, in the person’s language, and only once', async () => {
    await at('2026-12-03T08:00:00.000Z');
    expect(await reminders()).toEqual([]);
    await at('2026-12-03T09:00:00.000Z');
    const sent = await reminders();
    // Alice, Bob and Carol (whose address the fixture gives) are invited; none has answered.
    expect(sent).toHaveLength(3);
    const subject = (to: string) => sent.find((m) => m.to === to)?.subject.split(' ')[0];
    expect([subject('alice@example.org'), subject('bob@example.org')]).toEqual(['Rappel', 'Reminder']);
    expect(sent[0]!.body).toMatch(/https:\/\/facets\.example\.org\/employee\/i\/[A-Za-z0-9_-]{20,}/);
    await at('2026-12-03T09:01:00.000Z');
    await at('2026-12-03T18:00:00.000Z');
    expect(await reminders()).toHaveLength(3);
    await at('2026-12-04T09:00:00.000Z');
    expect(await reminders()).toHaveLength(3);
  });

  it('writes the digest of the waves it published, once, to the manager', async () => {
    await at('2026-12-05T09:00:00.000Z');
    const digests = async () => (await listOutbox(db.db, { to: fx.staff.manager.email })).map((m) => m.subject);
    const first = await digests();
    expect(first.length).toBeGreaterThan(0);
    expect(first.every((s) => s.includes('sont publiés'))).toBe(true);
    await at('2026-12-05T09:01:00.000Z');
    expect(await digests()).toEqual(first);
  });
});

describe('onboarding surveys sent by the job runner', () => {
  let db: Db;
  let runner: SqliteRunner;
  let now = new Date('2026-11-25T10:00:00.000Z');

  beforeAll(async () => {
    db = await openTestDb('sqlite');
    const fx = await buildFixture(db.db);
    const tenant = { organizationId: fx.organizationId };
    const { surveyId } = await createSurvey(db.db, {
      ...tenant,
      organizationName: 'Facets test',
      groupId: fx.groups.employee,
      kind: 'onboarding',
      title: { fr: 'Vos débuts', en: 'Your first month' },
      now: now.toISOString(),
      newId,
    });
    await saveQuestions(db.db, {
      ...tenant,
      surveyId,
      newId,
      questions: [
        {
          type: 'text',
          scale: null,
          facet: null,
          dimensionId: null,
          prompt: { fr: 'Un mot ?', en: 'A word?' },
          options: null,
          required: false,
        },
      ],
    });
    await setSurveyPeriod(db.db, { ...tenant, surveyId, period: 'month', now: now.toISOString(), newId });
    await setLifecycleTrigger(db.db, { ...tenant, surveyId, trigger: { event: 'start', daysAfter: 30 } });
    await db.db
      .updateTable('stakeholder')
      .set({ start_date: '2026-11-02', email: 'new.starter@example.org' })
      .where('id', '=', fx.stakeholders.alice.id)
      .execute();
    runner = createSqliteRunner({ db: db.db, newId, clock: () => now, pollMs: 0 });
    registerFacetsJobs(runner, { db: db.db, newId, mail: null, baseUrl: 'https://facets.example.org' });
    await runner.start();
  });
  afterAll(async () => {
    await runner?.stop();
    await db?.close();
  });

  it('invites the new starter on day 30, once, into the current month', async () => {
    const invitations = async () => (await listOutbox(db.db, { to: 'new.starter@example.org' })).map((m) => m.subject);
    for (const [iso, expected] of [
      ['2026-12-01T09:00:00.000Z', 0],
      ['2026-12-02T09:00:00.000Z', 1],
      ['2026-12-02T09:01:00.000Z', 1],
      ['2026-12-09T09:00:00.000Z', 1],
      ['2027-01-02T09:00:00.000Z', 1],
    ] as const) {
      now = new Date(iso);
      await runner.tick(now);
      await runner.tick(now);
      expect(await invitations(), iso).toHaveLength(expected);
    }
    expect((await invitations())[0]).toContain('Vos débuts');
  });
});

describe('comments accepted before the analytics, analysed by the job enqueued at start', () => {
  it('writes the analysis of every text answer that has none, at start', async () => {
    const db = await openTestDb('sqlite');
    const fx = await buildFixture(db.db);
    const now = new Date('2026-12-01T10:00:00.000Z');
    const q = fx.surveys.employee.questions;
    for (const [name, text] of [
      ['alice', 'Je ne suis pas content de mon manager'],
      ['bob', 'The tools are great and fast'],
    ] as const) {
      const s = fx.stakeholders[name];
      await submitResponse(db.db, {
        organizationId: fx.organizationId,
        waveId: fx.surveys.employee.waveId,
        stakeholderId: s.id,
        groupId: s.groupId,
        segments: s.segments,
        idempotencyKey: newId(),
        answers: [
          { questionId: q.recognition_lived!, value: 3 },
          { questionId: q.recognition_expected!, value: 3 },
          { questionId: q.comment!, text },
        ],
        now: fx.now,
        newId,
      });
    }
    // As if they had been accepted before the table existed.
    await db.db.deleteFrom('comment_analysis').execute();
    const runner = createSqliteRunner({ db: db.db, newId, clock: () => now, pollMs: 0 });
    registerFacetsJobs(runner, { db: db.db, newId, mail: null, baseUrl: 'https://facets.example.org' });
    await startFacetsJobs(runner, db.db);
    await runner.tick(now);
    const rows = await db.db
      .selectFrom('comment_analysis')
      .select(['polarity', 'themes'])
      .orderBy('polarity')
      .execute();
    expect(rows).toEqual([
      { polarity: 'negative', themes: '["management"]' },
      { polarity: 'positive', themes: '["tools"]' },
    ]);
    await runner.stop();
    await db.close();
  });
});

describe('admins told by the job runner of e-mail that bounced', () => {
  it('bounces a refused message in a mail round, and the next tick writes one notice to the admin', async () => {
    const db = await openTestDb('sqlite');
    const fx = await buildFixture(db.db);
    let now = new Date('2026-12-04T10:00:00.000Z');
    const transport = nodemailer.createTransport({ jsonTransport: true });
    const original = transport.sendMail.bind(transport);
    transport.sendMail = (async (mail: { to: string }) => {
      if (mail.to === 'nobody@example.test')
        throw Object.assign(new Error("Can't send mail - all recipients were rejected: 550 No such user"), {
          responseCode: 550,
        });
      return original(mail);
    }) as typeof transport.sendMail;
    const mail = createMailSender({ db: db.db, transport, from: 'no-reply@facets.test', clock: () => now });
    const runner = createSqliteRunner({ db: db.db, newId, clock: () => now, pollMs: 0 });
    registerFacetsJobs(runner, { db: db.db, newId, mail, baseUrl: 'https://facets.example.org' });
    await runner.start();
    try {
      await enqueueMessage(db.db, {
        organizationId: fx.organizationId,
        to: 'nobody@example.test',
        subject: 'Invitation',
        body: 'Bonjour',
        now: now.toISOString(),
        newId,
      });
      await runner.tick(now);
      await runner.tick(now);
      now = new Date('2026-12-04T10:01:00.000Z');
      await runner.tick(now);
      await runner.tick(now);
      const toAdmin = await listOutbox(db.db, { to: fx.staff.admin.email });
      expect(toAdmin.map((m) => m.subject)).toEqual([`Organisation ${fx.slug} : un e-mail n’a pas pu être remis`]);
      expect(toAdmin[0]!.body).toContain('https://facets.example.org/console/delivery');
    } finally {
      await runner.stop();
      await mail.close();
      await db.close();
    }
  });
});
