import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { type Db, enqueueMessage, listOutbox, newId } from '@facets/db';
import { openTestDb, TEST_DATABASE_URL, testDialects, underSchemaLock } from '@facets/db/testing';
import { sql } from 'kysely';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { registerFacetsJobs } from '../jobs/facets-jobs.ts';
import { createPgBossRunner } from '../jobs/pg-boss-runner.ts';
import { createMailSender, smtpTransport } from './sender.ts';

/** The sender against a real SMTP server on loopback, as a mail relay would answer it. */

interface Received {
  to: string[];
  raw: string;
}

async function startSmtp(refuseFirst = 0): Promise<{ url: string; received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  let refused = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        if (refused < refuseFirst) {
          refused++;
          const error = Object.assign(new Error('Greylisted, try again later'), { responseCode: 451 });
          return callback(error);
        }
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const postgres = (await testDialects()).includes('postgres');
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function sqlite(): Promise<Db> {
  const db = await openTestDb('sqlite');
  cleanups.push(() => db.close());
  return db;
}

const message = (db: Db, to: string, now = '2026-12-03T10:00:00.000Z') =>
  enqueueMessage(db.db, {
    organizationId: null,
    to,
    subject: 'Votre enquête · Your survey',
    body: 'Bonjour,\nVoici votre enquête.',
    now,
    newId,
  });

describe('e-mail through a real SMTP server', () => {
  it('delivers a message with its subject, recipient and body', async () => {
    const smtp = await startSmtp();
    cleanups.push(smtp.close);
    const db = await sqlite();
    await message(db, 'ana@example.test');
    const sender = createMailSender({
      db: db.db,
      transport: smtpTransport(smtp.url),
      from: 'Facets <no-reply@facets.test>',
    });
    cleanups.push(() => sender.close());
    expect(await sender.deliver(new Date('2026-12-03T10:00:01.000Z'))).toBe(1);
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail!.to).toEqual(['ana@example.test']);
    expect(mail!.raw).toContain('To: ana@example.test');
    expect(mail!.raw).toContain('From: Facets <no-reply@facets.test>');
    expect(mail!.raw).toMatch(/Subject: =\?UTF-8\?Q\?Votre_enqu=C3=AAte_=C2=B7_Your_survey\?=/);
    expect(mail!.raw).toContain('Voici votre enqu=C3=AAte.');
  });

  it('tries a delivery the server refused for now again after its wait, and it arrives once', async () => {
    const smtp = await startSmtp(1);
    cleanups.push(smtp.close);
    const db = await sqlite();
    await message(db, 'ben@example.test');
    const sender = createMailSender({ db: db.db, transport: smtpTransport(smtp.url), from: 'no-reply@facets.test' });
    cleanups.push(() => sender.close());
    expect(await sender.deliver(new Date('2026-12-03T10:00:00.000Z'))).toBe(0);
    const [refused] = await listOutbox(db.db);
    expect(refused).toMatchObject({ sentAt: null, attempts: 1 });
    expect(refused!.lastError).toMatch(/451 Greylisted, try again later/);
    expect(await sender.deliver(new Date('2026-12-03T10:00:59.000Z'))).toBe(0);
    expect(await sender.deliver(new Date('2026-12-03T10:01:00.000Z'))).toBe(1);
    expect(await sender.deliver(new Date('2026-12-03T10:05:00.000Z'))).toBe(0);
    expect(smtp.received.map((m) => m.to)).toEqual([['ben@example.test']]);
    const [sent] = await listOutbox(db.db);
    expect(sent).toMatchObject({ attempts: 2, lastError: null });
    expect(sent!.sentAt).not.toBeNull();
  });

  it.runIf(postgres)('delivers each message once when two servers share a PostgreSQL database', async () => {
    const smtp = await startSmtp();
    cleanups.push(smtp.close);
    const db = await openTestDb('postgres');
    const schema = `facets_mail_test_${randomBytes(4).toString('hex')}`;
    cleanups.push(async () => {
      // Under the test run's schema lock: another file's migration must not look at a schema while it goes.
      await underSchemaLock('exclusive', () => sql`drop schema if exists ${sql.id(schema)} cascade`.execute(db.db));
      await db.close();
    });
    const recipients = Array.from({ length: 10 }, (_, i) => `person${i}@example.test`);
    for (const to of recipients) await message(db, to, new Date().toISOString());
    for (let server = 0; server < 2; server++) {
      const runner = createPgBossRunner({
        connectionString: TEST_DATABASE_URL,
        schema,
        pollingIntervalSeconds: 0.5,
        max: 3,
      });
      const mail = createMailSender({ db: db.db, transport: smtpTransport(smtp.url), from: 'no-reply@facets.test' });
      registerFacetsJobs(runner, { db: db.db, newId, mail, baseUrl: 'http://facets.test', mailEverySeconds: 1 });
      await runner.start();
      cleanups.push(async () => {
        await runner.stop();
        await mail.close();
      });
    }
    for (let i = 0; i < 100 && smtp.received.length < recipients.length; i++)
      await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 1500));
    expect(smtp.received.flatMap((m) => m.to).sort()).toEqual([...recipients].sort());
    expect((await listOutbox(db.db)).every((m) => m.sentAt !== null && m.attempts === 1)).toBe(true);
  });
});
