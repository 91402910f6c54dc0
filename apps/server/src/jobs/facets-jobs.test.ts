import { type Db, enqueueMessage, inviteFromDirectory, listOutbox, newId, setReminderSchedule } from '@facets/db';
import { buildFixture, type Fixture, openTestDb } from '@facets/db/testing';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailSender } from '../mail/sender.ts';
import { registerFacetsJobs } from './facets-jobs.ts';
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
