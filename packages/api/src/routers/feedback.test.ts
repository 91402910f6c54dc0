import type { Db } from '@facets/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildOrg, callerFor, count, key, type Org, openDb } from '../test-setup.ts';

let db: Db;
let org: Org;
let samFeedback: string;

beforeEach(async () => {
  db = await openDb();
  org = await buildOrg(db.db);
  const sam = await callerFor(db.db, org.stakeholders.sam.userId);
  samFeedback = (await sam.portal.feedback.submit({ idempotencyKey: key(), category: 'problem', body: 'Late payment' }))
    .id;
  const alice = await callerFor(db.db, org.stakeholders.alice.userId);
  await alice.portal.feedback.submit({ idempotencyKey: key(), category: 'praise', body: 'Great onboarding' });
});
afterEach(() => db.close());

describe('feedback (staff)', () => {
  it('lists the inbox with the group and who wrote, filtered by group and status', async () => {
    const api = await callerFor(db.db, org.staff.analyst.userId);
    const inbox = await api.feedback.inbox();
    expect(inbox.map((f) => [f.group.code, f.from, f.body, f.status])).toEqual(
      expect.arrayContaining([
        ['supplier', 'Sam', 'Late payment', 'received'],
        ['employee', 'Alice', 'Great onboarding', 'received'],
      ]),
    );
    expect((await api.feedback.inbox({ groupId: org.groups.supplier })).map((f) => f.id)).toEqual([samFeedback]);
    expect(await api.feedback.inbox({ status: 'resolved' })).toEqual([]);
  });

  it('replies (acknowledging received feedback) and sets the status', async () => {
    const api = await callerFor(db.db, org.staff.hr.userId);
    const { id } = await api.feedback.reply({ feedbackId: samFeedback, body: 'Paid today.' });
    expect(id).toEqual(expect.any(String));
    let [item] = await api.feedback.inbox({ groupId: org.groups.supplier });
    expect(item!.status).toBe('acknowledged');
    expect(item!.replies).toEqual([
      { id, authorKind: 'staff', body: 'Paid today.', createdAt: '2026-11-22T09:00:00.000Z' },
    ]);
    expect(await api.feedback.setStatus({ feedbackId: samFeedback, status: 'resolved' })).toEqual({
      id: samFeedback,
      status: 'resolved',
    });
    [item] = await api.feedback.inbox({ groupId: org.groups.supplier });
    expect(item!.status).toBe('resolved');
  });

  it('refuses an unknown status, naming the field, and changes nothing', async () => {
    const api = await callerFor(db.db, org.leadership.userId);
    await expect(api.feedback.setStatus({ feedbackId: samFeedback, status: 'closed' as never })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/^status: Invalid option/),
    });
    const [item] = await api.feedback.inbox({ groupId: org.groups.supplier });
    expect(item!.status).toBe('received');
  });

  it('keeps another organisation’s staff out of our feedback', async () => {
    const other = await buildOrg(db.db);
    const api = await callerFor(db.db, other.leadership.userId);
    expect(await api.feedback.inbox()).toEqual([]);
    await expect(api.feedback.reply({ feedbackId: samFeedback, body: 'Hi' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(api.feedback.setStatus({ feedbackId: samFeedback, status: 'resolved' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await count(db.db, 'feedback_reply')).toBe(0);
  });
});
