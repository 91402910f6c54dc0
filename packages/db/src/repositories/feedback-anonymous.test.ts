import type { Kysely } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../create-db.ts';
import { newId } from '../ids.ts';
import type { Database } from '../schema.ts';
import { buildFixture, type Fixture, openTestDb, testDialects } from '../testing.ts';
import { addReply, createFeedback, hashFollowKey, listFeedbackForStakeholder, setFeedbackStatus } from './feedback.ts';
import { assignFeedback, listInbox } from './feedback-inbox.ts';
import { getPortalSettings } from './portal-settings.ts';
import { updateOrganizationSettings } from './settings.ts';

const dialects = await testDialects();
const KEY = 'follow-key-0123456789abcdefghijklmnopqrstuvwxyz';

describe.each(dialects)('anonymous feedback (%s)', (dialect) => {
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

  const give = (extra: Partial<Parameters<typeof createFeedback>[1]> = {}) =>
    createFeedback(db, {
      organizationId: fx.organizationId,
      groupId: fx.groups.employee,
      stakeholderId: null,
      followKey: KEY,
      idempotencyKey: 'anon-feedback-1',
      category: 'problem',
      body: 'The night shift has no hot meal',
      now: '2026-11-22T21:13:08.123Z',
      newId,
      ...extra,
    });
  const feedbackRows = () =>
    db.selectFrom('feedback').selectAll().where('organization_id', '=', fx.organizationId).execute();

  it('is allowed by default and stores no name, no moment and only the hash of the follow key', async () => {
    expect(await getPortalSettings(db, fx.organizationId)).toEqual({ allowAnonymousFeedback: true });
    const { id } = await give();
    const [row] = await feedbackRows();
    expect(row).toMatchObject({
      id,
      stakeholder_id: null,
      follow_key_hash: hashFollowKey(KEY),
      created_at: '2026-11-22T00:00:00.000Z',
    });
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(JSON.stringify(row)).not.toContain(KEY);
    const inbox = await listInbox(db, { organizationId: fx.organizationId });
    expect(inbox[0]).toMatchObject({ from: null, anonymous: true });
  });

  it('lets its author follow it and answer back with the key, and nobody else', async () => {
    const { id } = await give();
    await addReply(db, {
      organizationId: fx.organizationId,
      feedbackId: id,
      author: { kind: 'staff', memberId: fx.staff.hr.memberId },
      body: 'Thank you, we are looking into it',
      now: fx.now,
      newId,
    });
    const alice = fx.stakeholders.alice.id;
    const mine = await listFeedbackForStakeholder(db, {
      organizationId: fx.organizationId,
      stakeholderId: alice,
      groupId: fx.groups.employee,
      followKeys: [KEY],
    });
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ id, anonymous: true, status: 'acknowledged' });
    expect(mine[0]?.replies.map((r) => r.authorKind)).toEqual(['staff']);
    expect(
      await listFeedbackForStakeholder(db, { organizationId: fx.organizationId, stakeholderId: alice }),
    ).toHaveLength(0);
    // The key opens nothing in another group.
    expect(
      await listFeedbackForStakeholder(db, {
        organizationId: fx.organizationId,
        stakeholderId: fx.stakeholders.sam.id,
        groupId: fx.groups.supplier,
        followKeys: [KEY],
      }),
    ).toHaveLength(0);
    await addReply(db, {
      organizationId: fx.organizationId,
      feedbackId: id,
      author: { kind: 'anonymous', followKey: KEY },
      body: 'Since Monday',
      now: fx.now,
      newId,
    });
    const replies = await db.selectFrom('feedback_reply').selectAll().where('feedback_id', '=', id).execute();
    expect(replies.map((r) => [r.author_kind, r.author_member_id])).toEqual([
      ['staff', fx.staff.hr.memberId],
      ['stakeholder', null],
    ]);
    for (const author of [
      { kind: 'anonymous', followKey: `${KEY}x` },
      { kind: 'stakeholder', stakeholderId: alice },
    ] as const) {
      await expect(
        addReply(db, { organizationId: fx.organizationId, feedbackId: id, author, body: 'Me too', now: fx.now, newId }),
      ).rejects.toMatchObject({ kind: 'forbidden' });
    }
  });

  it('keeps only the day on its replies and its activity, and lists replies of one day in order', async () => {
    const { id } = await give();
    const reply = (author: Parameters<typeof addReply>[1]['author'], body: string, now: string) =>
      addReply(db, { organizationId: fx.organizationId, feedbackId: id, author, body, now, newId });
    const hr = { kind: 'staff', memberId: fx.staff.hr.memberId } as const;
    await reply(hr, 'Which site?', '2026-11-23T08:15:42.001Z');
    await reply({ kind: 'anonymous', followKey: KEY }, 'Lyon, since Monday', '2026-11-23T08:31:07.250Z');
    await reply(hr, 'Thank you, we will call the caterer', '2026-11-23T08:31:07.251Z');
    await reply({ kind: 'anonymous', followKey: KEY }, 'It works now', '2026-11-24T19:02:00.000Z');
    await setFeedbackStatus(db, {
      organizationId: fx.organizationId,
      feedbackId: id,
      status: 'resolved',
      now: '2026-11-24T19:40:12.000Z',
    });
    await assignFeedback(db, {
      organizationId: fx.organizationId,
      feedbackId: id,
      assigneeMemberId: fx.staff.hr.memberId,
      roles: ['hr', 'admin'],
      now: '2026-11-25T10:11:12.000Z',
    });
    const rows = await db.selectFrom('feedback_reply').selectAll().where('feedback_id', '=', id).execute();
    expect(new Set(rows.map((r) => r.created_at))).toEqual(
      new Set(['2026-11-23T00:00:00.000Z', '2026-11-24T00:00:00.000Z']),
    );
    // No id carries a time: a ULID would start with the moment's milliseconds.
    for (const r of rows) expect(r.id).toMatch(/^r\d{5}-[0-9a-f]{24}$/);
    const [feedback] = await feedbackRows();
    expect(feedback?.updated_at).toBe('2026-11-25T00:00:00.000Z');
    const [mine] = await listFeedbackForStakeholder(db, {
      organizationId: fx.organizationId,
      stakeholderId: fx.stakeholders.alice.id,
      groupId: fx.groups.employee,
      followKeys: [KEY],
    });
    expect(mine?.replies.map((r) => [r.body, r.createdAt])).toEqual([
      ['Which site?', '2026-11-23T00:00:00.000Z'],
      ['Lyon, since Monday', '2026-11-23T00:00:00.000Z'],
      ['Thank you, we will call the caterer', '2026-11-23T00:00:00.000Z'],
      ['It works now', '2026-11-24T00:00:00.000Z'],
    ]);
    const [inbox] = await listInbox(db, { organizationId: fx.organizationId });
    expect(inbox?.replies.map((r) => r.body)).toEqual(mine?.replies.map((r) => r.body));
  });

  it('is refused, writing nothing, when the organisation turns it off or the key is too short', async () => {
    await updateOrganizationSettings(db, {
      organizationId: fx.organizationId,
      changes: { allowAnonymousFeedback: false },
    });
    await expect(give()).rejects.toMatchObject({ kind: 'invalid', field: 'anonymous' });
    await updateOrganizationSettings(db, {
      organizationId: fx.organizationId,
      changes: { allowAnonymousFeedback: true },
    });
    await expect(give({ followKey: 'short' })).rejects.toMatchObject({ kind: 'invalid', field: 'followKey' });
    expect(await feedbackRows()).toHaveLength(0);
  });

  it('records a retried anonymous submission once', async () => {
    const first = await give();
    const again = await give({ now: '2026-11-22T21:13:09.000Z' });
    expect(again).toEqual({ id: first.id, duplicate: true });
    await expect(give({ followKey: `${KEY}-other` })).rejects.toMatchObject({ kind: 'conflict' });
    expect(await feedbackRows()).toHaveLength(1);
  });
});
