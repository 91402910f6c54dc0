import { claimDelivery, type Db, enqueueMessage, invitationLink, markFailed, markSent, newId } from '@facets/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildOrg, callerFor, type Org, openDb, TEST_BASE_URL } from '../test-setup.ts';

/** The delivery page's procedures: `admin.outbox.list` paged, searched and counted, and `admin.outbox.retry`. */

let db: Db;
let org: Org;

beforeEach(async () => {
  db = await openDb();
  org = await buildOrg(db.db);
});
afterEach(() => db.close());

const at = (minute: number) => new Date(Date.UTC(2026, 10, 22, 9, minute)).toISOString();

async function message(o: Org, to: string, body: string, minute: number) {
  return (
    await enqueueMessage(db.db, {
      organizationId: o.organizationId,
      to,
      subject: 'Votre avis',
      body,
      now: at(minute),
      newId,
    })
  ).id;
}
async function bounce(id: string, minute: number, error = '550 5.1.1 <x> No such user') {
  expect(await claimDelivery(db.db, { id, attempts: 0 }, { now: at(minute) })).toBe(true);
  await markFailed(db.db, { id, error, now: at(minute), permanent: true });
}

describe('admin.outbox on the delivery page', () => {
  it('pages, searches and counts the organisation’s messages, never with a secret link', async () => {
    const other = await buildOrg(db.db);
    const link = invitationLink(TEST_BASE_URL, 'employee', 'tok-SECRET-1');
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await message(org, `person${i}@example.test`, `Répondre : ${link}${i}`, i));
    await message(other, 'outsider@example.test', 'Hello', 9);
    await bounce(ids[0]!, 10, `550 refused ${link}0`);
    expect(await claimDelivery(db.db, { id: ids[1]!, attempts: 0 }, { now: at(10) })).toBe(true);
    await markSent(db.db, { id: ids[1]!, now: at(10) });

    const admin = await callerFor(db.db, org.staff.admin.userId, { now: at(20) });
    const first = await admin.admin.outbox.list({ limit: 2 });
    expect(first.messages.map((m) => m.id)).toEqual([ids[4], ids[3]]);
    expect(first.totals).toEqual({ pending: 3, retrying: 0, sent: 1, failed: 0, bounced: 1 });
    const rest = await admin.admin.outbox.list({ limit: 2, cursor: first.nextCursor! });
    expect(rest.messages.map((m) => m.id)).toEqual([ids[2], ids[1]]);
    const bounced = await admin.admin.outbox.list({ status: 'bounced' });
    expect(bounced.messages).toMatchObject([{ id: ids[0], status: 'bounced', attempts: 1, failedAt: at(10) }]);
    expect((await admin.admin.outbox.list({ search: 'PERSON3' })).messages.map((m) => m.id)).toEqual([ids[3]]);
    // Nothing of another organisation, by search or otherwise.
    expect((await admin.admin.outbox.list({ search: 'outsider' })).messages).toEqual([]);
    // No link in any body or error, whatever the status.
    const everything = JSON.stringify(await admin.admin.outbox.list({ limit: 200 }));
    expect(everything).not.toContain('tok-SECRET');
    expect(everything).not.toContain('/employee/i/');
  });

  it('refuses a bad page request naming the field, and a page past 200', async () => {
    const admin = await callerFor(db.db, org.staff.admin.userId);
    for (const [input, field] of [
      [{ limit: 201 }, 'limit'],
      [{ limit: 0 }, 'limit'],
      [{ status: 'lost' }, 'status'],
      [{ cursor: 'nowhere' }, 'cursor'],
      [{ search: 'x'.repeat(201) }, 'search'],
    ] as const) {
      await expect(admin.admin.outbox.list(input as never)).rejects.toMatchObject({
        code: 'BAD_REQUEST',
        message: expect.stringMatching(new RegExp(`^${field}: `)),
      });
    }
  });

  it('puts a bounced message back for delivery, audited; refuses a sent one and another organisation’s', async () => {
    const other = await buildOrg(db.db);
    const bouncedId = await message(org, 'nobody@example.test', 'Bonjour', 0);
    await bounce(bouncedId, 1);
    const sentId = await message(org, 'ana@example.test', 'Bonjour', 2);
    await markSent(db.db, { id: sentId, now: at(3) });
    const theirs = await message(other, 'them@example.test', 'Hello', 0);
    await bounce(theirs, 1);

    const admin = await callerFor(db.db, org.staff.admin.userId, { now: at(30) });
    await expect(admin.admin.outbox.retry({ messageId: sentId })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'messageId: this message was delivered already',
      cause: expect.objectContaining({ reason: 'wrong_state' }),
    });
    await expect(admin.admin.outbox.retry({ messageId: theirs })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const back = await admin.admin.outbox.retry({ messageId: bouncedId });
    expect(back).toMatchObject({ id: bouncedId, status: 'pending', attempts: 0 });
    const { events } = await admin.audit.list({ action: 'outbox.retry' });
    expect(events.map((e) => [e.target, e.details])).toEqual([[bouncedId, { status: 'bounced' }]]);
    // The event does not name the recipient.
    expect(JSON.stringify(events)).not.toContain('nobody@example.test');
    // The refused retries wrote no event.
    expect(events).toHaveLength(1);
  });
});
