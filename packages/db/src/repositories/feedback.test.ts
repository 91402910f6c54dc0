import type { Kysely } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../create-db.ts';
import { newId } from '../ids.ts';
import type { Database } from '../schema.ts';
import { buildFixture, type Fixture, openTestDb, testDialects } from '../testing.ts';
import {
  addReply,
  type CreateFeedbackInput,
  createFeedback,
  listFeedbackForStakeholder,
  setFeedbackStatus,
} from './feedback.ts';
import { listInbox } from './feedback-inbox.ts';

const dialects = await testDialects();

describe.each(dialects)('feedback (%s)', (dialect) => {
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

  const from = (who: 'alice' | 'sam', extra: Partial<CreateFeedbackInput> = {}): CreateFeedbackInput => ({
    organizationId: fx.organizationId,
    groupId: fx.stakeholders[who].groupId,
    stakeholderId: fx.stakeholders[who].id,
    idempotencyKey: newId(),
    category: 'problem',
    body: 'Invoice 42 was paid late.',
    reference: 'INV-42',
    now: fx.now,
    newId,
    ...extra,
  });
  const later = (minutes: number) => new Date(Date.parse(fx.now) + minutes * 60_000).toISOString();

  it('lists a stakeholder only their own feedback, with replies in order', async () => {
    const mine = await createFeedback(db, from('sam', { dimensionId: fx.dimensions.payment }));
    await createFeedback(db, from('alice', { body: 'Not for Sam' }));
    await addReply(db, {
      organizationId: fx.organizationId,
      feedbackId: mine.id,
      author: { kind: 'staff', memberId: fx.staff.hr.memberId },
      body: 'We are looking into it.',
      now: later(1),
      newId,
    });
    await addReply(db, {
      organizationId: fx.organizationId,
      feedbackId: mine.id,
      author: { kind: 'stakeholder', stakeholderId: fx.stakeholders.sam.id },
      body: 'Thank you.',
      now: later(2),
      newId,
    });
    const list = await listFeedbackForStakeholder(db, {
      organizationId: fx.organizationId,
      stakeholderId: fx.stakeholders.sam.id,
    });
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      id: mine.id,
      category: 'problem',
      dimension: { id: fx.dimensions.payment, code: 'payment' },
      body: 'Invoice 42 was paid late.',
      reference: 'INV-42',
      status: 'acknowledged', // a staff reply acknowledges received feedback
      createdAt: fx.now,
    });
    expect(list[0]?.replies.map((r) => [r.authorKind, r.body])).toEqual([
      ['staff', 'We are looking into it.'],
      ['stakeholder', 'Thank you.'],
    ]);
  });

  it('records a retried submission once', async () => {
    const input = from('sam', { idempotencyKey: 'feedback-key-1' });
    const [a, b] = await Promise.all([createFeedback(db, input), createFeedback(db, input)]);
    expect(a?.id).toBe(b?.id);
    expect([a?.duplicate, b?.duplicate].sort()).toEqual([false, true]);
    const again = await createFeedback(db, input);
    expect(again).toEqual({ id: a?.id, duplicate: true });
    await expect(createFeedback(db, from('alice', { idempotencyKey: 'feedback-key-1' }))).rejects.toMatchObject({
      kind: 'conflict',
      field: 'idempotencyKey',
    });
  });

  it.each([
    ['category', { category: 'rant' }],
    ['body', { body: '   ' }],
    ['body', { body: 'x'.repeat(5001) }],
    ['reference', { reference: 'r'.repeat(101) }],
    ['dimensionId', { dimensionId: 'unknown' }],
  ] as const)('rejects a bad %s and writes nothing', async (field, extra) => {
    await expect(createFeedback(db, from('sam', extra))).rejects.toMatchObject({ kind: 'invalid', field });
    const rows = await db
      .selectFrom('feedback')
      .select('id')
      .where('organization_id', '=', fx.organizationId)
      .execute();
    expect(rows).toEqual([]);
  });

  it("refuses a dimension of another group and a reply to someone else's feedback", async () => {
    // recognition belongs to employees only
    await expect(createFeedback(db, from('sam', { dimensionId: fx.dimensions.recognition }))).rejects.toMatchObject({
      field: 'dimensionId',
    });
    const alices = await createFeedback(db, from('alice'));
    await expect(
      addReply(db, {
        organizationId: fx.organizationId,
        feedbackId: alices.id,
        author: { kind: 'stakeholder', stakeholderId: fx.stakeholders.sam.id },
        body: 'Hijack',
        now: fx.now,
        newId,
      }),
    ).rejects.toMatchObject({ kind: 'forbidden' });
    const replies = await db.selectFrom('feedback_reply').select('id').where('feedback_id', '=', alices.id).execute();
    expect(replies).toEqual([]);
  });

  it('keeps organisations apart', async () => {
    const other = await buildFixture(db);
    const theirs = await createFeedback(db, {
      ...from('sam'),
      organizationId: other.organizationId,
      groupId: other.groups.supplier,
      stakeholderId: other.stakeholders.sam.id,
    });
    await createFeedback(db, from('sam'));
    const inbox = await listInbox(db, { organizationId: fx.organizationId });
    expect(inbox.map((f) => f.id)).not.toContain(theirs.id);
    expect(inbox).toHaveLength(1);
    const reply = addReply(db, {
      organizationId: fx.organizationId,
      feedbackId: theirs.id,
      author: { kind: 'staff', memberId: fx.staff.hr.memberId },
      body: 'Not yours',
      now: fx.now,
      newId,
    });
    await expect(reply).rejects.toMatchObject({ kind: 'not_found', field: 'feedbackId' });
    const status = setFeedbackStatus(db, {
      organizationId: fx.organizationId,
      feedbackId: theirs.id,
      status: 'resolved',
      now: fx.now,
    });
    await expect(status).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('filters the inbox and hides the name of anonymous feedback', async () => {
    await createFeedback(db, from('sam'));
    const anonymous = await createFeedback(db, {
      ...from('alice', { category: 'suggestion' }),
      stakeholderId: null,
      now: later(5),
    });
    const all = await listInbox(db, { organizationId: fx.organizationId });
    // Anonymous feedback keeps only its day, so it sorts at the start of that day.
    expect(all.map((f) => [f.group.code, f.from])).toEqual([
      ['supplier', 'Sam'],
      ['employee', null],
    ]);
    expect(all[1]?.id).toBe(anonymous.id);
    const suppliers = await listInbox(db, { organizationId: fx.organizationId, groupId: fx.groups.supplier });
    expect(suppliers.map((f) => f.group.code)).toEqual(['supplier']);
    await setFeedbackStatus(db, {
      organizationId: fx.organizationId,
      feedbackId: anonymous.id,
      status: 'resolved',
      now: later(6),
    });
    const resolved = await listInbox(db, { organizationId: fx.organizationId, status: 'resolved' });
    expect(resolved.map((f) => f.id)).toEqual([anonymous.id]);
    await expect(
      setFeedbackStatus(db, {
        organizationId: fx.organizationId,
        feedbackId: anonymous.id,
        status: 'done',
        now: fx.now,
      }),
    ).rejects.toMatchObject({ kind: 'invalid', field: 'status' });
  });
});
