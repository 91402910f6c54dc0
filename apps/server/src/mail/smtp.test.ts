import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { type Db, enqueueMessage, getOutboxMessage, listOutbox, newId, updateOrganizationSettings } from '@facets/db';
import { buildFixture, openTestDb, TEST_DATABASE_URL, testDialects, underSchemaLock } from '@facets/db/testing';
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

/** How the server answers RCPT TO for an address: refused for good, or refused for now the first `times`. */
type Refusal = { code: 550 } | { code: 451; times: number };

async function startSmtp(
  refuseFirst = 0,
  refusals: Record<string, Refusal> = {},
): Promise<{ url: string; received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  let refused = 0;
  const refusedFor = new Map<string, number>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const refusal = refusals[address.address];
      const times = refusedFor.get(address.address) ?? 0;
      if (refusal?.code === 550) {
        return callback(Object.assign(new Error('No such user here'), { responseCode: 550 }));
      }
      if (refusal?.code === 451 && times < refusal.times) {
        refusedFor.set(address.address, times + 1);
        return callback(Object.assign(new Error('Mailbox busy, try again later'), { responseCode: 451 }));
      }
      callback();
    },
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

/** The decoded text of each part of a MIME message, by content type. */
function mimeParts(raw: string): Record<string, string> {
  const boundary = /boundary="?([^";\r\n]+)"?/.exec(raw)?.[1];
  if (!boundary) throw new Error('not a multipart message');
  const parts: Record<string, string> = {};
  for (const chunk of raw.split(`--${boundary}`).slice(1, -1)) {
    const [head = '', ...rest] = chunk.replace(/^\r\n/, '').split('\r\n\r\n');
    const body = rest.join('\r\n\r\n');
    const type = /content-type:\s*([^;\r\n]+)/i.exec(head)?.[1]?.trim() ?? '';
    const encoding = /content-transfer-encoding:\s*(\S+)/i.exec(head)?.[1]?.toLowerCase();
    parts[type] =
      encoding === 'base64'
        ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
        : encoding === 'quoted-printable'
          ? Buffer.from(
              body
                .replace(/=\r\n/g, '')
                .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
              'latin1',
            ).toString('utf8')
          : body;
  }
  return parts;
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

  it('sends a plain-text and an HTML part of the same content, with the organisation’s name and the link', async () => {
    const smtp = await startSmtp();
    cleanups.push(smtp.close);
    const db = await sqlite();
    const fx = await buildFixture(db.db);
    const link = 'https://facets.test/employee/i/tok_SECRET-77';
    await enqueueMessage(db.db, {
      organizationId: fx.organizationId,
      to: 'lea@example.test',
      subject: 'Votre avis compte',
      body: `Bonjour Léa,\n\nRépondre à l’enquête : ${link}\n\nMerci`,
      now: '2026-12-03T10:00:00.000Z',
      newId,
    });
    const warnings: unknown[] = [];
    const sender = createMailSender({
      db: db.db,
      transport: smtpTransport(smtp.url),
      from: 'no-reply@facets.test',
      logger: { warn: (...a: unknown[]) => warnings.push(a) },
    });
    cleanups.push(() => sender.close());
    expect(await sender.deliver(new Date('2026-12-03T10:00:01.000Z'))).toBe(1);
    const parts = mimeParts(smtp.received[0]!.raw);
    expect(Object.keys(parts).sort()).toEqual(['text/html', 'text/plain']);
    expect(parts['text/plain']).toContain(`Répondre à l’enquête : ${link}`);
    const html = parts['text/html']!;
    expect(html).toContain(`>Organisation ${fx.slug}</td>`);
    expect(html).toContain(`<a href="${link}"`);
    expect(html).toContain('>Répondre à l’enquête</a>');
    expect(html).toContain('Bonjour Léa,');
    expect(warnings).toEqual([]);
  });

  it('carries the organisation’s logo inside the message, named by the HTML part, fetched from nowhere', async () => {
    const smtp = await startSmtp();
    cleanups.push(smtp.close);
    const db = await sqlite();
    const fx = await buildFixture(db.db);
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    await updateOrganizationSettings(db.db, {
      organizationId: fx.organizationId,
      changes: { logo: `data:image/png;base64,${png.toString('base64')}` },
    });
    await enqueueMessage(db.db, {
      organizationId: fx.organizationId,
      to: 'lea@example.test',
      subject: 'Votre avis compte',
      body: 'Bonjour Léa,\n\nRépondre : https://facets.test/employee/i/tok_1\n',
      now: '2026-12-03T10:00:00.000Z',
      newId,
    });
    const sender = createMailSender({ db: db.db, transport: smtpTransport(smtp.url), from: 'no-reply@facets.test' });
    cleanups.push(() => sender.close());
    expect(await sender.deliver(new Date('2026-12-03T10:00:01.000Z'))).toBe(1);
    const raw = smtp.received[0]!.raw.replace(/=\r\n/g, '');
    expect(raw).toMatch(/Content-ID: <logo@facets>/i);
    expect(raw).toContain('src=3D"cid:logo@facets"');
    expect(raw).toMatch(/Content-Type: image\/png/i);
    expect(raw).not.toMatch(/src=3D"https?:/);
  });

  it('bounces an address the server refuses for good at once, and retries one refused for now', async () => {
    const smtp = await startSmtp(0, {
      'nobody@example.test': { code: 550 },
      'busy@example.test': { code: 451, times: 1 },
    });
    cleanups.push(smtp.close);
    const db = await sqlite();
    const fx = await buildFixture(db.db);
    const enqueue = (to: string) =>
      enqueueMessage(db.db, {
        organizationId: fx.organizationId,
        to,
        subject: 'Relance',
        body: `Répondre : https://facets.test/employee/i/tok-${to}`,
        now: '2026-12-03T10:00:00.000Z',
        newId,
      });
    const nobody = await enqueue('nobody@example.test');
    const busy = await enqueue('busy@example.test');
    const warnings: string[] = [];
    const sender = createMailSender({
      db: db.db,
      transport: smtpTransport(smtp.url),
      from: 'no-reply@facets.test',
      logger: { warn: (...a: unknown[]) => warnings.push(JSON.stringify(a)) },
    });
    cleanups.push(() => sender.close());
    const read = (id: string) => getOutboxMessage(db.db, { organizationId: fx.organizationId, messageId: id });
    expect(await sender.deliver(new Date('2026-12-03T10:00:00.000Z'))).toBe(0);
    expect(await read(nobody.id)).toMatchObject({
      status: 'bounced',
      attempts: 1,
      failedAt: '2026-12-03T10:00:00.000Z',
      lastError: expect.stringMatching(/550 No such user here/),
    });
    expect(await read(busy.id)).toMatchObject({ status: 'retrying', attempts: 1 });
    expect((await read(busy.id))!.lastError).toMatch(/451 Mailbox busy/);
    // After the wait, the one refused for now arrives; the bounced one is never tried again.
    expect(await sender.deliver(new Date('2026-12-03T10:01:00.000Z'))).toBe(1);
    expect(await sender.deliver(new Date('2026-12-03T12:00:00.000Z'))).toBe(0);
    expect(await read(busy.id)).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
    expect(await read(nobody.id)).toMatchObject({ status: 'bounced', attempts: 1 });
    expect(smtp.received.map((m) => m.to)).toEqual([['busy@example.test']]);
    // The log says which message failed and why, never its link.
    expect(warnings).toHaveLength(2);
    for (const w of warnings) expect(w).not.toContain('tok-');
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
