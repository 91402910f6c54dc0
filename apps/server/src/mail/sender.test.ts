import { createDb, type Db, enqueueMessage, listOutbox, migrateToLatest, newId } from '@facets/db';
import nodemailer from 'nodemailer';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startMailSender } from './sender.ts';

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
    const sender = startMailSender({
      db: db.db,
      transport,
      from: 'Facets <no-reply@facets.test>',
      clock: () => new Date('2026-11-22T09:05:00.000Z'),
      intervalMs: 0,
    });
    expect(await sender.deliver()).toBe(2);
    expect(await sender.deliver()).toBe(0);
    expect(sent).toEqual(['a@example.test', 'b@example.test']);
    expect((await listOutbox(db.db)).map((m) => [m.to, m.sentAt, m.attempts])).toEqual([
      ['b@example.test', '2026-11-22T09:05:00.000Z', 1],
      ['a@example.test', '2026-11-22T09:05:00.000Z', 1],
    ]);
    await sender.stop();
  });

  it('keeps a message that failed, with the reason, and tries it again later', async () => {
    let fail = true;
    const transport = nodemailer.createTransport({ jsonTransport: true });
    const original = transport.sendMail.bind(transport);
    transport.sendMail = (async (mail: object) => {
      if (fail) throw new Error('connect ECONNREFUSED 127.0.0.1:587');
      return original(mail);
    }) as typeof transport.sendMail;
    await enqueue('a@example.test');
    const sender = startMailSender({ db: db.db, transport, from: 'f@facets.test', intervalMs: 0 });
    expect(await sender.deliver()).toBe(0);
    expect((await listOutbox(db.db))[0]).toMatchObject({
      sentAt: null,
      attempts: 1,
      lastError: 'connect ECONNREFUSED 127.0.0.1:587',
    });
    fail = false;
    expect(await sender.deliver()).toBe(1);
    expect((await listOutbox(db.db))[0]).toMatchObject({ attempts: 2, lastError: null });
    await sender.stop();
  });
});
