import type { Kysely } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../create-db.ts';
import { newId } from '../ids.ts';
import type { Database } from '../schema.ts';
import { buildFixture, type Fixture, openTestDb, testDialects } from '../testing.ts';
import {
  claimDelivery,
  enqueueMessage,
  getOutboxMessage,
  listDeliverable,
  listOutboxPage,
  MAX_DELIVERY_ATTEMPTS,
  markFailed,
  markSent,
  retryMessage,
} from './outbox.ts';

const dialects = await testDialects();

describe.each(dialects)('the outbox of an organisation, by status (%s)', (dialect) => {
  let handle: Db;
  let db: Kysely<Database>;
  let fx: Fixture;
  let other: Fixture;

  beforeAll(async () => {
    handle = await openTestDb(dialect);
    db = handle.db;
  });
  afterAll(() => handle?.close());
  beforeEach(async () => {
    fx = await buildFixture(db);
    other = await buildFixture(db);
  });

  const at = (minute: number) => new Date(Date.UTC(2026, 11, 4, 9, minute)).toISOString();
  const enqueue = (organizationId: string, to: string, subject: string, minute: number) =>
    enqueueMessage(db, { organizationId, to, subject, body: 'Bonjour', now: at(minute), newId });
  const attempt = async (id: string, now: string) => {
    const message = (await getOutboxMessage(db, { organizationId: fx.organizationId, messageId: id }))!;
    expect(await claimDelivery(db, message, { now })).toBe(true);
  };

  it('bounces a message refused for good at once, and fails one refused for now only after its last attempt', async () => {
    const bounced = await enqueue(fx.organizationId, 'nobody@example.test', 'Invitation', 0);
    const later = await enqueue(fx.organizationId, 'busy@example.test', 'Invitation', 1);
    await attempt(bounced.id, at(2));
    await markFailed(db, { id: bounced.id, error: '550 No such user', now: at(2), permanent: true });
    const read = (id: string) => getOutboxMessage(db, { organizationId: fx.organizationId, messageId: id });
    expect(await read(bounced.id)).toMatchObject({ status: 'bounced', attempts: 1, failedAt: at(2) });
    // Bounced is not tried again, whatever the time.
    expect((await listDeliverable(db, { limit: 50, now: at(600) })).map((m) => m.id)).not.toContain(bounced.id);

    let now = at(2);
    for (let i = 1; i <= MAX_DELIVERY_ATTEMPTS; i++) {
      await attempt(later.id, now);
      await markFailed(db, { id: later.id, error: '451 Try again later', now });
      const message = await read(later.id);
      if (i < MAX_DELIVERY_ATTEMPTS) expect(message).toMatchObject({ status: 'retrying', failedAt: null });
      else expect(message).toMatchObject({ status: 'failed', attempts: MAX_DELIVERY_ATTEMPTS, failedAt: now });
      now = new Date(Date.parse(now) + 3600_000).toISOString();
    }
    expect((await listDeliverable(db, { limit: 50, now: at(6000) })).map((m) => m.id)).not.toContain(later.id);
  });

  it('pages newest first, searches recipient and subject, filters by status and counts each status', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      const to = i % 2 === 0 ? `ana.${i}@example.test` : `ben.${i}@example.test`;
      ids.push((await enqueue(fx.organizationId, to, i === 3 ? 'Résultats 100% publiés' : 'Invitation', i)).id);
    }
    // The same minute twice: the id orders them.
    ids.push((await enqueue(fx.organizationId, 'ana.7@example.test', 'Invitation', 6)).id);
    await enqueue(other.organizationId, 'ana.other@example.test', 'Invitation', 5);
    await attempt(ids[0]!, at(10));
    await markSent(db, { id: ids[0]!, now: at(10) });
    await attempt(ids[1]!, at(10));
    await markFailed(db, { id: ids[1]!, error: '550 No such user', now: at(10), permanent: true });
    await attempt(ids[2]!, at(10));
    await markFailed(db, { id: ids[2]!, error: 'connect ECONNREFUSED', now: at(10) });

    const newestFirst = [...ids].reverse();
    const sameMinute = [ids[6]!, ids[7]!].sort().reverse();
    const expected = [...sameMinute, ...newestFirst.slice(2)];
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listOutboxPage(db, { organizationId: fx.organizationId, limit: 3, cursor });
      expect(page.messages.length).toBeLessThanOrEqual(3);
      seen.push(...page.messages.map((m) => m.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(expected);

    const all = await listOutboxPage(db, { organizationId: fx.organizationId });
    expect(all.totals).toEqual({ pending: 5, retrying: 1, sent: 1, failed: 0, bounced: 1 });
    expect(all.messages.map((m) => m.to)).not.toContain('ana.other@example.test');

    const ben = await listOutboxPage(db, { organizationId: fx.organizationId, search: '  BEN.' });
    expect(ben.messages.map((m) => m.to).sort()).toEqual([
      'ben.1@example.test',
      'ben.3@example.test',
      'ben.5@example.test',
    ]);
    expect(ben.totals).toEqual({ pending: 2, retrying: 0, sent: 0, failed: 0, bounced: 1 });
    // A wildcard typed by a reader is searched for as itself.
    const percent = await listOutboxPage(db, { organizationId: fx.organizationId, search: '100%' });
    expect(percent.messages.map((m) => m.id)).toEqual([ids[3]]);
    expect((await listOutboxPage(db, { organizationId: fx.organizationId, search: '%' })).messages).toHaveLength(1);

    const bouncedOnly = await listOutboxPage(db, { organizationId: fx.organizationId, status: 'bounced' });
    expect(bouncedOnly.messages.map((m) => m.id)).toEqual([ids[1]]);
    expect(bouncedOnly.totals.pending).toBe(5);
    expect((await listOutboxPage(db, { organizationId: other.organizationId, search: 'ben' })).messages).toEqual([]);
    await expect(
      listOutboxPage(db, { organizationId: fx.organizationId, cursor: 'not-a-cursor' }),
    ).rejects.toMatchObject({ kind: 'invalid', field: 'cursor' });
  });

  it('puts a bounced or failed message back for delivery, and refuses a sent one or another organisation’s', async () => {
    const bounced = await enqueue(fx.organizationId, 'nobody@example.test', 'Invitation', 0);
    const sent = await enqueue(fx.organizationId, 'ana@example.test', 'Invitation', 1);
    const waiting = await enqueue(fx.organizationId, 'ben@example.test', 'Invitation', 2);
    await attempt(bounced.id, at(3));
    await markFailed(db, { id: bounced.id, error: '550 No such user', now: at(3), permanent: true });
    await attempt(sent.id, at(3));
    await markSent(db, { id: sent.id, now: at(3) });

    await expect(
      retryMessage(db, { organizationId: other.organizationId, messageId: bounced.id }),
    ).rejects.toMatchObject({ kind: 'not_found', field: 'messageId' });
    await expect(retryMessage(db, { organizationId: fx.organizationId, messageId: sent.id })).rejects.toMatchObject({
      kind: 'conflict',
      reason: 'wrong_state',
      message: 'messageId: this message was delivered already',
    });
    await expect(retryMessage(db, { organizationId: fx.organizationId, messageId: waiting.id })).rejects.toMatchObject({
      kind: 'conflict',
      reason: 'wrong_state',
    });

    const back = await retryMessage(db, { organizationId: fx.organizationId, messageId: bounced.id });
    expect(back).toMatchObject({ status: 'pending', attempts: 0, failedAt: null, lastError: '550 No such user' });
    expect((await listDeliverable(db, { limit: 50, now: at(4) })).map((m) => m.id)).toContain(bounced.id);
    // A second retry finds it pending: nothing to put back.
    await expect(retryMessage(db, { organizationId: fx.organizationId, messageId: bounced.id })).rejects.toMatchObject({
      reason: 'wrong_state',
    });
  });
});
