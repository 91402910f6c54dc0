import type { Db } from '@facets/db';
import { TRPCError } from '@trpc/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildOrg, callerFor, key, type Org, openDb } from '../test-setup.ts';

let db: Db;
let ours: Org;
let other: Org;

beforeEach(async () => {
  db = await openDb();
  ours = await buildOrg(db.db);
  other = await buildOrg(db.db);
});
afterEach(() => db.close());

async function samGivesAndHrAnswers(org: Org, anonymous = false) {
  const sam = await callerFor(db.db, org.stakeholders.sam.userId);
  const { id } = await sam.portal.feedback.submit({
    idempotencyKey: key(),
    anonymous,
    ...(anonymous ? { followKey: 'f'.repeat(43) } : {}),
    category: 'question',
    body: 'When is the next invoice run?',
  });
  const hr = await callerFor(db.db, org.staff.hr.userId);
  await hr.feedback.reply({ feedbackId: id, body: 'On the 28th, as every month.' });
  return { sam, hr, id };
}

describe('notifications', () => {
  it('shows each person their own items only: the author their reply, staff the arrival, nobody else anything', async () => {
    const { sam, hr } = await samGivesAndHrAnswers(ours);
    const samList = await sam.notifications.list();
    expect(samList).toEqual({
      unread: 1,
      nextCursor: null,
      items: [
        {
          id: expect.any(String),
          kind: 'feedback_update',
          params: { kind: 'feedback_update', change: { kind: 'reply' } },
          link: '/supplier/feedback',
          createdAt: '2026-11-22T09:00:00.000Z',
          readAt: null,
        },
      ],
    });
    expect((await hr.notifications.list()).items.map((i) => [i.kind, i.link])).toEqual([
      ['feedback_arrived', '/console/inbox'],
    ]);
    // Neither the answer nor the question travels: only the kind and the group.
    for (const list of [samList, await hr.notifications.list()]) {
      expect(JSON.stringify(list)).not.toMatch(/invoice|28th|Sam/);
    }
    // A manager (no feedback), another supplier, an employee and another organisation's staff see nothing.
    for (const userId of [
      ours.staff.manager.userId,
      ours.tom.userId,
      ours.stakeholders.carol.userId,
      other.leadership.userId,
      other.staff.hr.userId,
      other.stakeholders.sam.userId,
    ]) {
      expect(await (await callerFor(db.db, userId)).notifications.list()).toEqual({
        unread: 0,
        nextCursor: null,
        items: [],
      });
    }
  });

  it('lists nothing of anonymous feedback, to its author or its readers', async () => {
    const { sam, hr } = await samGivesAndHrAnswers(ours, true);
    expect((await sam.notifications.list()).items).toEqual([]);
    expect((await hr.notifications.list()).items).toEqual([]);
  });

  it('marks one or all read, the caller’s own only: someone else’s id is not found and stays unread', async () => {
    const { sam, hr } = await samGivesAndHrAnswers(ours);
    await samGivesAndHrAnswers(other);
    const [samItem] = (await sam.notifications.list()).items;
    const [hrItem] = (await hr.notifications.list()).items;
    const otherSam = await callerFor(db.db, other.stakeholders.sam.userId);
    const [otherItem] = (await otherSam.notifications.list()).items;
    for (const [caller, id] of [
      [sam, hrItem!.id],
      [hr, samItem!.id],
      [await callerFor(db.db, other.leadership.userId), samItem!.id],
      [otherSam, samItem!.id],
      [sam, otherItem!.id],
    ] as const) {
      const error = await caller.notifications.markRead({ id }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TRPCError);
      expect(error).toMatchObject({ code: 'NOT_FOUND' });
    }
    expect(await sam.notifications.markRead({ id: samItem!.id })).toEqual({ marked: 1 });
    expect((await sam.notifications.list()).unread).toBe(0);
    expect((await hr.notifications.list()).unread).toBe(1);
    expect(await otherSam.notifications.markRead({ all: true })).toEqual({ marked: 1 });
    expect((await hr.notifications.list()).unread).toBe(1);
    expect(await hr.notifications.markRead({ all: true })).toEqual({ marked: 1 });
    expect((await hr.notifications.list()).items[0]!.readAt).toBe('2026-11-22T09:00:00.000Z');
  });

  it('refuses bad input naming the field, and the signed-out', async () => {
    const { sam } = await samGivesAndHrAnswers(ours);
    await expect(sam.notifications.list({ limit: 500 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    // An infinite query's direction: forward only, the list's one order.
    expect((await sam.notifications.list({ direction: 'forward' })).items).toHaveLength(1);
    await expect(sam.notifications.list({ direction: 'backward' } as never)).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      detail: { field: 'direction' },
    });
    await expect(sam.notifications.list({ cursor: 'not-a-cursor' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      detail: { field: 'cursor' },
    });
    await expect(sam.notifications.markRead({ all: false } as never)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect((await callerFor(db.db, null)).notifications.list()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });
});
