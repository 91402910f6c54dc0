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
      { id, authorKind: 'staff', authorName: 'hr', body: 'Paid today.', createdAt: '2026-11-22T09:00:00.000Z' },
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

  it('assigns feedback, to a colleague or to oneself, and filters the inbox by assignee', async () => {
    const hr = await callerFor(db.db, org.staff.hr.userId);
    expect((await hr.feedback.assignees()).map((a) => a.role).sort()).toEqual(['admin', 'hr', 'leadership']);
    expect(await hr.feedback.assign({ feedbackId: samFeedback, assigneeMemberId: org.staff.hr.memberId })).toEqual({
      id: samFeedback,
      assignee: { memberId: org.staff.hr.memberId, name: 'hr' },
    });
    expect((await hr.feedback.inbox({ assignee: 'me' })).map((f) => f.id)).toEqual([samFeedback]);
    expect(await hr.feedback.inboxSummary()).toMatchObject({ mine: 1, unassigned: 1 });
    const leadership = await callerFor(db.db, org.leadership.userId);
    expect(await leadership.feedback.inbox({ assignee: 'me' })).toEqual([]);
    expect((await leadership.feedback.inbox({ assignee: org.staff.hr.memberId })).map((f) => f.id)).toEqual([
      samFeedback,
    ]);
    expect((await leadership.feedback.inbox({ assignee: 'unassigned' })).map((f) => f.body)).toEqual([
      'Great onboarding',
    ]);
  });

  it('refuses to assign to someone who cannot reply, naming the field, and changes nothing', async () => {
    const hr = await callerFor(db.db, org.staff.hr.userId);
    for (const assigneeMemberId of [
      org.staff.analyst.memberId,
      org.staff.manager.memberId,
      org.stakeholders.sam.memberId,
    ]) {
      await expect(hr.feedback.assign({ feedbackId: samFeedback, assigneeMemberId })).rejects.toMatchObject({
        code: 'BAD_REQUEST',
        message: 'assigneeMemberId: must be a staff member who can reply to feedback',
      });
    }
    await expect(hr.feedback.inbox({ limit: 1000 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/^limit: /),
    });
    expect((await hr.feedback.inbox({ groupId: org.groups.supplier }))[0]?.assignee).toBeNull();
  });

  it('shows managers no feedback at all: employees write to HR, often about their manager', async () => {
    const manager = await callerFor(db.db, org.staff.manager.userId);
    await expect(manager.feedback.inbox()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(manager.feedback.inboxSummary()).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('keeps another organisation from assigning our feedback', async () => {
    const other = await buildOrg(db.db);
    const api = await callerFor(db.db, other.leadership.userId);
    await expect(
      api.feedback.assign({ feedbackId: samFeedback, assigneeMemberId: other.leadership.memberId }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const hr = await callerFor(db.db, org.staff.hr.userId);
    expect((await hr.feedback.inbox()).every((f) => f.assignee === null)).toBe(true);
  });
});
