import type { Kysely } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../create-db.ts';
import { newId } from '../ids.ts';
import type { Database } from '../schema.ts';
import { buildFixture, type Fixture, openTestDb, testDialects } from '../testing.ts';
import { addReply, type CreateFeedbackInput, createFeedback, setFeedbackStatus } from './feedback.ts';
import { assignFeedback, inboxSummary, listInbox } from './feedback-inbox.ts';

const dialects = await testDialects();
const ACTING = ['admin', 'leadership', 'hr'] as const;
const at = (minutes: number) => new Date(Date.parse('2026-11-22T09:00:00.000Z') + minutes * 60_000).toISOString();

describe.each(dialects)('feedback inbox (%s)', (dialect) => {
  let handle: Db;
  let db: Kysely<Database>;
  let fx: Fixture;
  let late: string;
  let praise: string;
  let anonymous: string;

  beforeAll(async () => {
    handle = await openTestDb(dialect);
    db = handle.db;
  });
  afterAll(() => handle?.close());

  const send = async (who: 'alice' | 'sam' | null, minutes: number, extra: Partial<CreateFeedbackInput> = {}) =>
    (
      await createFeedback(db, {
        organizationId: fx.organizationId,
        groupId: who === 'sam' ? fx.groups.supplier : fx.groups.employee,
        stakeholderId: who ? fx.stakeholders[who].id : null,
        idempotencyKey: newId(),
        category: 'problem',
        body: 'Something',
        now: at(minutes),
        newId,
        ...extra,
      })
    ).id;

  beforeEach(async () => {
    fx = await buildFixture(db);
    late = await send('sam', 1, {
      body: 'Invoice 42 paid 50% late',
      reference: 'INV-42',
      dimensionId: fx.dimensions.payment,
    });
    praise = await send('alice', 2, { category: 'praise', body: 'Great onboarding' });
    anonymous = await send(null, 3, { category: 'suggestion', body: 'More flexible hours' });
  });

  const inbox = (filter: Parameters<typeof listInbox>[1] extends infer A ? Omit<A, 'organizationId'> : never = {}) =>
    listInbox(db, { organizationId: fx.organizationId, ...filter });
  const ids = async (filter: Parameters<typeof inbox>[0] = {}) => (await inbox(filter)).map((f) => f.id);

  it('lists by last activity, with sender, company, assignee and whether a reply is awaited', async () => {
    await addReply(db, {
      organizationId: fx.organizationId,
      feedbackId: late,
      author: { kind: 'staff', memberId: fx.staff.hr.memberId },
      body: 'We are on it',
      now: at(10),
      newId,
    });
    await assignFeedback(db, {
      organizationId: fx.organizationId,
      feedbackId: late,
      assigneeMemberId: fx.staff.hr.memberId,
      roles: ACTING,
      now: at(11),
    });
    const [first, ...rest] = await inbox();
    expect(first).toMatchObject({
      id: late,
      from: 'Sam',
      company: 'Atelier Durand',
      status: 'acknowledged',
      assignee: { memberId: fx.staff.hr.memberId, name: 'hr' },
      updatedAt: at(11),
      awaitingReply: false,
      replies: [{ authorKind: 'staff', authorName: 'hr', body: 'We are on it', createdAt: at(10) }],
    });
    // Anonymous feedback keeps only the day it was given (no time to match with a session), so it sorts at the start
    // of that day, before the named messages of the same day.
    expect(rest.map((f) => [f.id, f.from, f.awaitingReply])).toEqual([
      [praise, 'Alice', true],
      [anonymous, null, true],
    ]);
    expect(await ids({ sort: 'oldest' })).toEqual([anonymous, late, praise]);
    expect(await ids({ sort: 'newest' })).toEqual([praise, late, anonymous]);
    expect(await ids({ limit: 1, offset: 1 })).toEqual([praise]);
  });

  it('filters by status, group, category, dimension, assignee and words', async () => {
    await assignFeedback(db, {
      organizationId: fx.organizationId,
      feedbackId: praise,
      assigneeMemberId: fx.staff.admin.memberId,
      roles: ACTING,
      now: at(5),
    });
    await setFeedbackStatus(db, {
      organizationId: fx.organizationId,
      feedbackId: anonymous,
      status: 'resolved',
      now: at(6),
    });
    expect(await ids({ status: 'resolved' })).toEqual([anonymous]);
    expect(await ids({ groupId: fx.groups.supplier })).toEqual([late]);
    expect(await ids({ category: 'praise' })).toEqual([praise]);
    expect(await ids({ dimensionId: fx.dimensions.payment })).toEqual([late]);
    expect(await ids({ assignee: fx.staff.admin.memberId })).toEqual([praise]);
    expect((await ids({ assignee: 'unassigned' })).sort()).toEqual([late, anonymous].sort());
    expect(await ids({ search: 'onboard' })).toEqual([praise]);
    expect(await ids({ search: 'inv-42' })).toEqual([late]); // the reference
    expect(await ids({ search: 'durand' })).toEqual([late]); // the company
    expect(await ids({ search: '50%' })).toEqual([late]); // a literal percent sign, not a wildcard
    expect(await ids({ search: '%' })).toEqual([late]);
    expect(await ids({ search: '_' })).toEqual([]);
  });

  it('counts the inbox by status, unassigned and mine, open messages only for the last two', async () => {
    await assignFeedback(db, {
      organizationId: fx.organizationId,
      feedbackId: praise,
      assigneeMemberId: fx.staff.hr.memberId,
      roles: ACTING,
      now: at(5),
    });
    await setFeedbackStatus(db, {
      organizationId: fx.organizationId,
      feedbackId: anonymous,
      status: 'resolved',
      now: at(6),
    });
    expect(await inboxSummary(db, { organizationId: fx.organizationId, memberId: fx.staff.hr.memberId })).toEqual({
      byStatus: { received: 2, acknowledged: 0, in_progress: 0, resolved: 1 },
      unassigned: 1,
      mine: 1,
    });
  });

  it('assigns only to a current member who can reply, unassigns, and keeps organisations apart', async () => {
    const assign = (assigneeMemberId: string | null, feedbackId = late, organizationId = fx.organizationId) =>
      assignFeedback(db, { organizationId, feedbackId, assigneeMemberId, roles: ACTING, now: at(9) });
    for (const memberId of [fx.staff.analyst.memberId, fx.staff.manager.memberId, fx.stakeholders.sam.memberId]) {
      await expect(assign(memberId)).rejects.toMatchObject({ kind: 'invalid', field: 'assigneeMemberId' });
    }
    const other = await buildFixture(db);
    await expect(assign(other.staff.hr.memberId)).rejects.toMatchObject({ field: 'assigneeMemberId' });
    await expect(assign(other.staff.hr.memberId, late, other.organizationId)).rejects.toMatchObject({
      kind: 'not_found',
      field: 'feedbackId',
    });
    expect((await inbox())[0]?.assignee).toBeNull();
    expect(await assign(fx.staff.admin.memberId)).toEqual({
      id: late,
      assignee: { memberId: fx.staff.admin.memberId, name: 'admin' },
    });
    expect(await assign(null)).toEqual({ id: late, assignee: null });
    expect(await ids({ assignee: 'unassigned' })).toHaveLength(3);
  });
});
