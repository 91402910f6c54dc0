import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../create-db.ts';
import { newId } from '../ids.ts';
import type { Database } from '../schema.ts';
import { openTestDb, testDialects } from '../testing.ts';
import {
  claimDelivery,
  enqueueMessage,
  listDeliverable,
  listOutbox,
  MAX_DELIVERY_ATTEMPTS,
  markFailed,
  markSent,
} from './outbox.ts';

const dialects = await testDialects();

describe.each(dialects)('outbox (%s)', (dialect) => {
  let handle: Db;
  let db: Kysely<Database>;

  beforeAll(async () => {
    handle = await openTestDb(dialect);
    db = handle.db;
  });
  afterAll(() => handle?.close());

  const enqueue = (to: string, now: string) =>
    enqueueMessage(db, { organizationId: null, to, subject: 'Sign in', body: 'Your link', now, newId });

  it('hands each message to one sender per attempt, and keeps failures for an admin to read', async () => {
    const a = await enqueue('a@example.test', '2026-11-22T09:00:00.000Z');
    const b = await enqueue('b@example.test', '2026-11-22T09:01:00.000Z');
    const due = await listDeliverable(db, { limit: 10 });
    expect(due.map((m) => m.id)).toEqual([a.id, b.id]);
    const [first] = due;
    expect(await claimDelivery(db, first!)).toBe(true);
    // A second sender that read the same row loses the claim.
    expect(await claimDelivery(db, first!)).toBe(false);
    await markFailed(db, { id: a.id, error: 'connection refused' });
    await markSent(db, { id: b.id, now: '2026-11-22T09:02:00.000Z' });
    const listed = await listOutbox(db);
    expect(listed.find((m) => m.id === a.id)).toMatchObject({
      attempts: 1,
      lastError: 'connection refused',
      sentAt: null,
    });
    expect(listed.find((m) => m.id === b.id)).toMatchObject({ sentAt: '2026-11-22T09:02:00.000Z', lastError: null });
    expect((await listDeliverable(db, { limit: 10 })).map((m) => m.id)).toEqual([a.id]);
    for (let attempts = 1; attempts < MAX_DELIVERY_ATTEMPTS; attempts++) {
      expect(await claimDelivery(db, { id: a.id, attempts })).toBe(true);
    }
    expect(await listDeliverable(db, { limit: 10 })).toEqual([]);
  });
});
