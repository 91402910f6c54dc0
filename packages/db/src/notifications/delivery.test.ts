import type { Kysely } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../create-db.ts';
import { newId } from '../ids.ts';
import {
  claimDelivery,
  enqueueMessage,
  listOutbox,
  MAX_DELIVERY_ATTEMPTS,
  markFailed,
} from '../repositories/outbox.ts';
import type { Database } from '../schema.ts';
import { buildFixture, type Fixture, openTestDb, testDialects } from '../testing.ts';
import { notifyDeliveryFailures } from './delivery.ts';
import { listNotifications } from './in-app.ts';
import { setNotification } from './preferences.ts';

const dialects = await testDialects();
const BASE = 'http://facets.test';

describe.each(dialects)('admins told of undelivered e-mail (%s)', (dialect) => {
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

  const at = (minute: number) => new Date(Date.UTC(2026, 11, 4, 9, minute)).toISOString();
  const notify = (minute: number) =>
    notifyDeliveryFailures(db, { organizationId: fx.organizationId, now: at(minute), newId, baseUrl: BASE });
  const toAdmin = () => listOutbox(db, { organizationId: fx.organizationId, to: fx.staff.admin.email });
  /** A message that the receiving server refuses for good at `minute`. */
  const bounce = async (to: string, minute: number) => {
    const { id } = await enqueueMessage(db, {
      organizationId: fx.organizationId,
      to,
      subject: 'Votre enquête',
      body: `Répondre : ${BASE}/employee/i/secret-${to}`,
      now: at(minute),
      newId,
    });
    expect(await claimDelivery(db, { id, attempts: 0 }, { now: at(minute) })).toBe(true);
    await markFailed(db, { id, error: '550 No such user', now: at(minute), permanent: true });
    return id;
  };
  const giveUp = async (id: string, attempts: number, minute: number) => {
    for (let a = attempts; a < MAX_DELIVERY_ATTEMPTS; a++) {
      expect(await claimDelivery(db, { id, attempts: a }, { now: at(minute) })).toBe(true);
      await markFailed(db, { id, error: 'connect ECONNREFUSED', now: at(minute) });
    }
  };

  it('tells each admin once an hour at most, counting the failures since, and nothing of the messages', async () => {
    await bounce('lea@example.test', 0);
    await bounce('marc@example.test', 1);
    expect(await notify(2)).toEqual({ notified: 1 });
    const [first] = await toAdmin();
    // Only the organisation's admin: not HR, the analyst or the manager.
    expect(
      (await listOutbox(db, { organizationId: fx.organizationId })).filter((m) => m.subject.includes('remis')),
    ).toHaveLength(1);
    expect(first!.subject).toBe(`Organisation ${fx.slug} : 2 e-mails n’ont pas pu être remis`);
    expect(first!.body).toContain('Refusés par le serveur du destinataire (adresse inconnue ou refusée) : 2.');
    expect(first!.body).toContain(`Les voir et les renvoyer : ${BASE}/console/delivery`);
    expect(first!.body).toMatch(/Ne plus recevoir ces messages : http:\/\/facets\.test\/console\/unsubscribe\?token=/);
    // Neither the recipients nor their links: those stay in the console.
    expect(first!.body).not.toContain('lea@example.test');
    expect(first!.body).not.toContain('secret-');

    // Within the hour: nothing, however many fail.
    const { id } = await enqueueMessage(db, {
      organizationId: fx.organizationId,
      to: 'nina@example.test',
      subject: 'Relance',
      body: 'Bonjour',
      now: at(10),
      newId,
    });
    await giveUp(id, 0, 10);
    await bounce('omar@example.test', 20);
    expect(await notify(30)).toEqual({ notified: 0 });
    expect(await notify(61)).toEqual({ notified: 0 });
    // An hour after the first: one message with the two of that hour, not the two already told.
    expect(await notify(62)).toEqual({ notified: 1 });
    const [second] = await toAdmin();
    expect(second!.subject).toBe(`Organisation ${fx.slug} : 2 e-mails n’ont pas pu être remis`);
    expect(second!.body).toContain('inconnue ou refusée) : 1.');
    expect(second!.body).toContain('Abandonnés après plusieurs essais : 1.');
    // Nothing new since: nothing sent.
    expect(await notify(200)).toEqual({ notified: 0 });
    expect(await toAdmin()).toHaveLength(2);
  });

  it('tells nobody of a failure notice that itself fails: no loop of failure mails', async () => {
    await bounce('lea@example.test', 0);
    expect(await notify(1)).toEqual({ notified: 1 });
    const [notice] = await toAdmin();
    expect(await claimDelivery(db, notice!, { now: at(2) })).toBe(true);
    await markFailed(db, { id: notice!.id, error: '550 Mailbox full', now: at(2), permanent: true });
    for (const minute of [70, 140, 300]) expect(await notify(minute)).toEqual({ notified: 0 });
    expect(await toAdmin()).toHaveLength(1);
  });

  it('leaves out an admin who turned these e-mails off, and tells them in the console unless that is off too', async () => {
    const off = (channel: 'email' | 'in_app') =>
      setNotification(db, {
        organizationId: fx.organizationId,
        recipient: { kind: 'member', id: fx.staff.admin.memberId },
        kind: 'delivery_failed',
        channel,
        on: false,
        now: at(0),
      });
    const inApp = () =>
      listNotifications(db, {
        organizationId: fx.organizationId,
        recipient: { kind: 'member', id: fx.staff.admin.memberId },
        limit: 10,
      });
    await off('email');
    await bounce('lea@example.test', 0);
    expect(await notify(1)).toEqual({ notified: 1 });
    expect(await toAdmin()).toEqual([]);
    expect((await inApp()).items.map((i) => i.params)).toEqual([{ kind: 'delivery_failed', bounced: 1, failed: 0 }]);
    // The in-app item is the notice of its hour: no second one within it.
    await bounce('max@example.test', 10);
    expect(await notify(20)).toEqual({ notified: 0 });
    await off('in_app');
    expect(await notify(200)).toEqual({ notified: 0 });
    expect((await inApp()).items).toHaveLength(1);
  });
});
