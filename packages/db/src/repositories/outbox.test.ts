import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../create-db.ts';
import { newId } from '../ids.ts';
import type { Database } from '../schema.ts';
import { openTestDb, testDialects } from '../testing.ts';
import { invitationLink } from './invitations.ts';
import {
  claimDelivery,
  enqueueMessage,
  linkPlaceholder,
  listDeliverable,
  listOutbox,
  MAX_DELIVERY_ATTEMPTS,
  markFailed,
  markSent,
  redactSecretLinks,
  secretLinksIn,
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
    await markFailed(db, { id: a.id, error: 'connection refused', now: '2026-11-22T09:01:30.000Z' });
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

  it('keeps no secret link in the stored body of a delivered message, and keeps the rest', async () => {
    const link = invitationLink('https://facets.example.org', 'employee', 'tok_SECRET-123');
    const body = `Bonjour Léa,\n\nRépondre à l’enquête : ${link}\n\nMerci`;
    const { id } = await enqueueMessage(db, {
      organizationId: null,
      to: 'lea@example.test',
      subject: 'Votre avis',
      body,
      now: '2026-11-22T10:00:00.000Z',
      newId,
    });
    // Until it is delivered the message holds its link: it is what the sender sends.
    expect((await listDeliverable(db, { limit: 50 })).find((m) => m.id === id)?.body).toBe(body);
    await markSent(db, { id, now: '2026-11-22T10:01:00.000Z' });
    const stored = await db.selectFrom('outbox').select('body').where('id', '=', id).executeTakeFirstOrThrow();
    expect(stored.body).not.toContain('tok_SECRET-123');
    expect(stored.body).toBe(
      `Bonjour Léa,\n\nRépondre à l’enquête : ${linkPlaceholder('invitation', 'sent')}\n\nMerci`,
    );
  });
});

describe('secret links in message bodies', () => {
  const base = 'http://127.0.0.1:3000';
  const links = {
    invitation: invitationLink(base, 'supplier', 'Zx9_-abc'),
    set_password: `${base}/console/set-password?token=pw-token-1`,
    sign_in: `${base}/api/auth/magic-link/verify?token=ml-token-2&callbackURL=%2Femployee%2F`,
    other: `https://tools.example.org/reset?user=1&token=other-3`,
  };
  const body = `Invitation: ${links.invitation}\nPassword:\n${links.set_password}\n${links.sign_in}\n(${links.other} )`;

  it('finds each kind the product writes', () => {
    expect(secretLinksIn(body)).toEqual(['invitation', 'set_password', 'sign_in', 'other']);
    expect(secretLinksIn('Hello, see https://facets.example.org/console/ for the console.')).toEqual([]);
  });

  it('replaces every link by a placeholder naming it, or keeps the kinds asked for', () => {
    const hidden = redactSecretLinks(body, 'hidden');
    for (const token of ['Zx9_-abc', 'pw-token-1', 'ml-token-2', 'other-3']) expect(hidden).not.toContain(token);
    expect(hidden).toContain(`Invitation: ${linkPlaceholder('invitation', 'hidden')}\n`);
    expect(hidden).toContain(linkPlaceholder('sign_in', 'hidden'));
    const kept = redactSecretLinks(body, 'hidden', (kind) => kind === 'invitation' || kind === 'set_password');
    expect(kept).toContain(links.invitation);
    expect(kept).toContain(links.set_password);
    expect(kept).not.toContain('ml-token-2');
    expect(kept).not.toContain('other-3');
  });
});

describe.each(dialects)('outbox retries (%s)', (dialect) => {
  let handle: Db;
  let db: Kysely<Database>;

  beforeAll(async () => {
    handle = await openTestDb(dialect);
    db = handle.db;
  });
  afterAll(() => handle?.close());

  it('waits a minute after a first failed attempt, then two, before trying again', async () => {
    const now = '2026-11-22T09:00:00.000Z';
    const { id } = await enqueueMessage(db, {
      organizationId: null,
      to: 'r@example.test',
      subject: 's',
      body: 'b',
      now,
      newId,
    });
    expect(await claimDelivery(db, { id, attempts: 0 }, { now })).toBe(true);
    await markFailed(db, { id, error: '451 try again later', now });
    const due = (at: string) => listDeliverable(db, { limit: 10, now: at }).then((ms) => ms.map((m) => m.id));
    expect(await due('2026-11-22T09:00:59.000Z')).toEqual([]);
    expect(await due('2026-11-22T09:01:00.000Z')).toEqual([id]);
    expect(await claimDelivery(db, { id, attempts: 1 }, { now: '2026-11-22T09:01:00.000Z' })).toBe(true);
    expect(await due('2026-11-22T09:02:59.000Z')).toEqual([]);
    expect(await due('2026-11-22T09:03:00.000Z')).toEqual([id]);
  });
});
