import { createDb, type Db, enqueueMessage, listOutbox, migrateToLatest, newId } from '@facets/db';
import nodemailer from 'nodemailer';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMailSender } from './sender.ts';

let db: Db;
beforeEach(async () => {
  db = createDb(':memory:');
  await migrateToLatest(db.db);
});
afterEach(() => db.close());

let minute = 0;
const enqueue = (to: string) =>
  enqueueMessage(db.db, {
    organizationId: null,
    to,
    subject: 'Votre lien',
    body: 'https://facets.test/x',
    now: `2026-11-22T09:0${minute++}:00.000Z`,
    newId,
  });

describe('the mail sender', () => {
  it('delivers the outbox through the transport once and marks what it sent', async () => {
    const transport = nodemailer.createTransport({ jsonTransport: true });
    const sent: string[] = [];
    const original = transport.sendMail.bind(transport);
    transport.sendMail = (async (mail: { to: string }) => {
      sent.push(String(mail.to));
      return original(mail);
    }) as typeof transport.sendMail;
    await enqueue('a@example.test');
    await enqueue('b@example.test');
    const sender = createMailSender({
      db: db.db,
      transport,
      from: 'Facets <no-reply@facets.test>',
      clock: () => new Date('2026-11-22T09:05:00.000Z'),
    });
    expect(await sender.deliver()).toBe(2);
    expect(await sender.deliver()).toBe(0);
    expect(sent).toEqual(['a@example.test', 'b@example.test']);
    expect((await listOutbox(db.db)).map((m) => [m.to, m.sentAt, m.attempts])).toEqual([
      ['b@example.test', '2026-11-22T09:05:00.000Z', 1],
      ['a@example.test', '2026-11-22T09:05:00.000Z', 1],
    ]);
    await sender.close();
  });

  it('keeps a message that failed, with the reason, and tries it again after a minute', async () => {
    let fail = true;
    const transport = nodemailer.createTransport({ jsonTransport: true });
    const original = transport.sendMail.bind(transport);
    transport.sendMail = (async (mail: object) => {
      if (fail) throw new Error('connect ECONNREFUSED 127.0.0.1:587');
      return original(mail);
    }) as typeof transport.sendMail;
    await enqueue('a@example.test');
    const sender = createMailSender({ db: db.db, transport, from: 'f@facets.test' });
    expect(await sender.deliver(new Date('2026-11-22T10:00:00.000Z'))).toBe(0);
    expect((await listOutbox(db.db))[0]).toMatchObject({
      sentAt: null,
      attempts: 1,
      lastError: 'connect ECONNREFUSED 127.0.0.1:587',
    });
    fail = false;
    expect(await sender.deliver(new Date('2026-11-22T10:00:30.000Z'))).toBe(0);
    expect(await sender.deliver(new Date('2026-11-22T10:01:00.000Z'))).toBe(1);
    expect((await listOutbox(db.db))[0]).toMatchObject({ attempts: 2, lastError: null });
    await sender.close();
  });

  it('sends the links a message carries, and keeps none of them once it is sent', async () => {
    const transport = nodemailer.createTransport({ jsonTransport: true });
    const texts: string[] = [];
    const original = transport.sendMail.bind(transport);
    transport.sendMail = (async (mail: { text: string }) => {
      texts.push(mail.text);
      return original(mail);
    }) as typeof transport.sendMail;
    const link = 'https://facets.test/api/auth/magic-link/verify?token=SECRET-42&callbackURL=%2Femployee%2F';
    await enqueueMessage(db.db, {
      organizationId: null,
      to: 'a@example.test',
      subject: 'Votre lien',
      body: `Voici votre lien :\n${link}\n\nIl fonctionne une fois.`,
      now: '2026-11-22T09:00:00.000Z',
      newId,
    });
    const sender = createMailSender({ db: db.db, transport, from: 'f@facets.test' });
    expect(await sender.deliver()).toBe(1);
    expect(texts[0]).toContain(link);
    const [stored] = await listOutbox(db.db);
    expect(stored?.body).not.toContain('SECRET-42');
    expect(stored?.body).toMatch(
      /^Voici votre lien :\n\[sign-in link sent by e-mail, not kept .*\]\n\nIl fonctionne une fois\.$/,
    );
    await sender.close();
  });
});
