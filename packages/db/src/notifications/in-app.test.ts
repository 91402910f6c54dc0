import { FEEDBACK_HANDLERS } from '@facets/domain';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../create-db.ts';
import { newId } from '../ids.ts';
import { publishClosedWaves } from '../publication/index.ts';
import { addReply, createFeedback, setFeedbackStatus } from '../repositories/feedback.ts';
import { assignFeedback } from '../repositories/feedback-inbox.ts';
import { listOutbox } from '../repositories/outbox.ts';
import { inTransaction } from '../repositories/rows.ts';
import { updateOrganizationSettings } from '../repositories/settings.ts';
import type { Database } from '../schema.ts';
import { buildFixture, type Fixture, openTestDb, testDialects } from '../testing.ts';
import { listNotifications, markNotificationsRead } from './in-app.ts';
import { choicesOf, type Recipient, setNotification } from './preferences.ts';
import { notifyFeedbackChange, sendResultsDigests } from './send.ts';
import { notifyWaitingFeedback } from './waiting.ts';

const dialects = await testDialects();
const BASE = 'http://facets.test';
const DAY = 86_400_000;

describe.each(dialects)('notifications in the apps (%s)', (dialect) => {
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

  const later = (days: number) => new Date(Date.parse(fx.now) + days * DAY).toISOString();
  const member = (who: keyof Fixture['staff']): Recipient => ({ kind: 'member', id: fx.staff[who].memberId });
  const carol = (): Recipient => ({ kind: 'stakeholder', id: fx.stakeholders.carol.id });
  const inApp = (recipient: Recipient) =>
    listNotifications(db, { organizationId: fx.organizationId, recipient, limit: 50 });
  const rowsOfOrg = () =>
    db.selectFrom('notification').selectAll().where('organization_id', '=', fx.organizationId).execute();
  const outbox = () => listOutbox(db, { organizationId: fx.organizationId, limit: 500 });
  const give = (anonymous: boolean, key: string, now = fx.now) =>
    createFeedback(db, {
      organizationId: fx.organizationId,
      groupId: fx.groups.employee,
      stakeholderId: anonymous ? null : fx.stakeholders.carol.id,
      followKey: anonymous ? 'k'.repeat(40) : null,
      idempotencyKey: key,
      category: 'suggestion',
      body: 'The canteen closes too early.',
      now,
      newId,
      notify: { baseUrl: BASE },
    });
  const staffReply = (feedbackId: string, now = fx.now) =>
    addReply(db, {
      organizationId: fx.organizationId,
      feedbackId,
      author: { kind: 'staff', memberId: fx.staff.hr.memberId },
      body: 'We are looking into it.',
      now,
      newId,
      notify: { baseUrl: BASE },
    });
  const turnOff = (recipient: Recipient, kind: 'feedback_update' | 'feedback_arrived', channel: 'email' | 'in_app') =>
    setNotification(db, { organizationId: fx.organizationId, recipient, kind, channel, on: false, now: fx.now });

  it('writes each reader of feedback an e-mail and an in-app item with the same link, nothing of the text', async () => {
    await give(false, 'named-1');
    const mails = await outbox();
    const readers = ['admin', 'hr', 'analyst'] as const;
    expect(mails.map((m) => m.to).sort()).toEqual(readers.map((r) => fx.staff[r].email).sort());
    for (const who of readers) {
      const { items, unread } = await inApp(member(who));
      expect(unread).toBe(1);
      expect(items).toEqual([
        {
          id: expect.any(String),
          params: { kind: 'feedback_arrived', group: expect.objectContaining({ en: expect.any(String) }) },
          link: '/console/inbox',
          createdAt: fx.now,
          readAt: null,
        },
      ]);
      expect(JSON.stringify(items)).not.toContain('canteen');
    }
    for (const m of mails) expect(m.body).toContain(`${BASE}/console/inbox`);
    // A manager reads no feedback: nothing for them.
    expect((await inApp(member('manager'))).items).toEqual([]);
  });

  it('writes no row about anonymous feedback, for its author or its readers, whatever is done to it', async () => {
    const { id } = await give(true, 'anon-1');
    await staffReply(id);
    await setFeedbackStatus(db, {
      organizationId: fx.organizationId,
      feedbackId: id,
      status: 'resolved',
      now: fx.now,
      notify: { baseUrl: BASE, newId },
    });
    expect(await rowsOfOrg()).toEqual([]);
    expect(await outbox()).toEqual([]);
  });

  it('tells the author of named feedback of a reply and a status in their portal, with a link to their feedback', async () => {
    const { id } = await give(false, 'named-2');
    await staffReply(id, later(1));
    await setFeedbackStatus(db, {
      organizationId: fx.organizationId,
      feedbackId: id,
      status: 'resolved',
      now: later(2),
      notify: { baseUrl: BASE, newId },
    });
    const { items, unread } = await inApp(carol());
    expect(unread).toBe(2);
    // Newest first.
    expect(items.map((i) => [i.params, i.link])).toEqual([
      [{ kind: 'feedback_update', change: { kind: 'status', status: 'resolved' } }, '/employee/feedback'],
      [{ kind: 'feedback_update', change: { kind: 'reply' } }, '/employee/feedback'],
    ]);
    expect(JSON.stringify(items)).not.toContain('looking into it');
  });

  it('writes both channels in the transaction of the change: rolled back, neither exists', async () => {
    const { id } = await give(false, 'named-3');
    const before = { mails: (await outbox()).length, rows: (await rowsOfOrg()).length };
    const rollback = new Error('rollback');
    await expect(
      inTransaction(db, async (trx) => {
        await notifyFeedbackChange(trx, {
          organizationId: fx.organizationId,
          now: fx.now,
          newId,
          baseUrl: BASE,
          feedbackId: id,
          change: { kind: 'reply' },
        });
        expect(
          (await trx.selectFrom('notification').selectAll().where('recipient_id', '=', carol().id).execute()).length,
        ).toBe(1);
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    expect({ mails: (await outbox()).length, rows: (await rowsOfOrg()).length }).toEqual(before);
  });

  it('respects each person’s choice per kind and channel', async () => {
    await turnOff(carol(), 'feedback_update', 'in_app');
    await turnOff(member('hr'), 'feedback_arrived', 'email');
    await turnOff(member('analyst'), 'feedback_arrived', 'email');
    await turnOff(member('analyst'), 'feedback_arrived', 'in_app');
    const { id } = await give(false, 'named-4');
    await staffReply(id);
    const to = (await outbox()).map((m) => m.to).sort();
    expect(to).toEqual([fx.staff.admin.email, fx.stakeholders.carol.email].sort());
    expect((await inApp(carol())).items).toEqual([]);
    expect((await inApp(member('hr'))).items).toHaveLength(1);
    expect((await inApp(member('analyst'))).items).toEqual([]);
    expect(
      await choicesOf(db, {
        organizationId: fx.organizationId,
        recipient: carol(),
        kinds: ['feedback_update', 'survey_reminder'],
      }),
    ).toEqual([
      { kind: 'feedback_update', email: true, inApp: false },
      // A reminder goes by e-mail only: no in-app choice to make.
      { kind: 'survey_reminder', email: true, inApp: null },
    ]);
    await expect(
      setNotification(db, {
        organizationId: fx.organizationId,
        recipient: carol(),
        kind: 'survey_reminder',
        channel: 'in_app',
        on: false,
        now: fx.now,
      }),
    ).rejects.toMatchObject({ kind: 'invalid', field: 'channel' });
    // Turned on again: both channels.
    await setNotification(db, {
      organizationId: fx.organizationId,
      recipient: carol(),
      kind: 'feedback_update',
      channel: 'in_app',
      on: true,
      now: fx.now,
    });
    await staffReply(id);
    expect((await inApp(carol())).items).toHaveLength(1);
  });

  it('lists a person’s own items newest first by pages, and marks one or all read', async () => {
    for (let n = 0; n < 5; n++) await staffReply((await give(false, `page-${n}`, later(n))).id, later(n));
    const first = await listNotifications(db, { organizationId: fx.organizationId, recipient: carol(), limit: 2 });
    expect(first.unread).toBe(5);
    expect(first.items.map((i) => i.createdAt)).toEqual([later(4), later(3)]);
    const second = await listNotifications(db, {
      organizationId: fx.organizationId,
      recipient: carol(),
      limit: 2,
      cursor: first.nextCursor,
    });
    expect(second.items.map((i) => i.createdAt)).toEqual([later(2), later(1)]);
    const third = await listNotifications(db, {
      organizationId: fx.organizationId,
      recipient: carol(),
      limit: 2,
      cursor: second.nextCursor,
    });
    expect(third.items.map((i) => i.createdAt)).toEqual([later(0)]);
    expect(third.nextCursor).toBeNull();
    await expect(
      listNotifications(db, { organizationId: fx.organizationId, recipient: carol(), limit: 2, cursor: 'nope' }),
    ).rejects.toMatchObject({ kind: 'invalid', field: 'cursor' });

    const at = { organizationId: fx.organizationId, now: later(9) };
    // Someone else's item is not found, and stays unread.
    const hrItem = (await inApp(member('hr'))).items[0]!;
    await expect(
      markNotificationsRead(db, { ...at, recipient: carol(), which: { id: hrItem.id } }),
    ).rejects.toMatchObject({ kind: 'not_found', field: 'id' });
    expect((await inApp(member('hr'))).items[0]!.readAt).toBeNull();

    expect(await markNotificationsRead(db, { ...at, recipient: carol(), which: { id: first.items[0]!.id } })).toEqual({
      marked: 1,
    });
    expect((await inApp(carol())).unread).toBe(4);
    expect(await markNotificationsRead(db, { ...at, recipient: carol(), which: { all: true } })).toEqual({ marked: 4 });
    const after = await inApp(carol());
    expect(after.unread).toBe(0);
    expect(after.items.every((i) => i.readAt !== null)).toBe(true);
    expect((await inApp(member('hr'))).unread).toBe(5);
  });

  it('tells leadership and managers of published results in the console too, with no figure below k', async () => {
    await publishClosedWaves(db, { organizationId: fx.organizationId, k: 5, commentK: 5, now: fx.now });
    const { waves } = await sendResultsDigests(db, {
      organizationId: fx.organizationId,
      now: fx.now,
      newId,
      baseUrl: BASE,
    });
    expect(waves.length).toBeGreaterThan(0);
    const { items } = await inApp(member('manager'));
    const mails = (await outbox()).filter((m) => m.to === fx.staff.manager.email);
    expect(items).toHaveLength(mails.length);
    for (const item of items) {
      expect(item.params.kind).toBe('results_published');
      expect(item.link).toMatch(/^\/console\/groups\//);
      if (item.params.kind === 'results_published' && item.params.respondents !== null) {
        expect(item.params.respondents).toBeGreaterThanOrEqual(5);
      }
    }
    await sendResultsDigests(db, { organizationId: fx.organizationId, now: fx.now, newId, baseUrl: BASE });
    expect((await inApp(member('manager'))).items).toHaveLength(items.length);
  });

  describe('feedback that waits', () => {
    const run = (days: number) =>
      notifyWaitingFeedback(db, { organizationId: fx.organizationId, now: later(days), newId, baseUrl: BASE });
    const waitingItems = async (who: keyof Fixture['staff']) =>
      (await inApp(member(who))).items.filter((i) => i.params.kind === 'feedback_waiting');
    const waitingMails = async () => (await outbox()).filter((m) => /attend une réponse/.test(m.subject));

    it('tells the handlers once, by e-mail and in the console, when named feedback waited the days set', async () => {
      const { id } = await give(false, 'wait-1');
      expect(await run(4.9)).toEqual({ feedback: [] });
      expect(await run(5)).toEqual({ feedback: [id] });
      expect(await run(6)).toEqual({ feedback: [] });
      // Handlers are those who may reply: admin and HR here (the fixture has no leadership); not the analyst.
      expect((await waitingMails()).map((m) => m.to).sort()).toEqual([fx.staff.admin.email, fx.staff.hr.email].sort());
      for (const who of ['admin', 'hr'] as const) {
        expect((await waitingItems(who)).map((i) => [i.params, i.link])).toEqual([
          [{ kind: 'feedback_waiting', group: expect.any(Object), days: 5 }, '/console/inbox'],
        ]);
      }
      expect(await waitingItems('analyst')).toEqual([]);
      for (const m of await waitingMails()) expect(m.body).not.toContain('canteen');
    });

    it('tells only the assignee of assigned feedback, nobody of answered, resolved or anonymous feedback', async () => {
      const assigned = await give(false, 'wait-assigned');
      await assignFeedback(db, {
        organizationId: fx.organizationId,
        feedbackId: assigned.id,
        assigneeMemberId: fx.staff.hr.memberId,
        roles: FEEDBACK_HANDLERS,
        now: fx.now,
      });
      await staffReply((await give(false, 'wait-answered')).id, later(1));
      await setFeedbackStatus(db, {
        organizationId: fx.organizationId,
        feedbackId: (await give(false, 'wait-resolved')).id,
        status: 'resolved',
        now: fx.now,
      });
      await give(true, 'wait-anonymous');
      expect(await run(10)).toEqual({ feedback: [assigned.id] });
      expect((await waitingMails()).map((m) => m.to)).toEqual([fx.staff.hr.email]);
      expect(await waitingItems('admin')).toEqual([]);
      const rows = await db
        .selectFrom('feedback_wait_notice')
        .select('feedback_id')
        .where('organization_id', '=', fx.organizationId)
        .execute();
      expect(rows.map((r) => r.feedback_id)).toEqual([assigned.id]);
    });

    it('tells nobody when the organisation set 0 days, and follows the days it sets', async () => {
      await give(false, 'wait-off');
      await updateOrganizationSettings(db, { organizationId: fx.organizationId, changes: { feedbackWaitDays: 0 } });
      expect(await run(30)).toEqual({ feedback: [] });
      await updateOrganizationSettings(db, { organizationId: fx.organizationId, changes: { feedbackWaitDays: 2 } });
      expect((await run(2)).feedback).toHaveLength(1);
      await expect(
        updateOrganizationSettings(db, { organizationId: fx.organizationId, changes: { feedbackWaitDays: 91 } }),
      ).rejects.toMatchObject({ kind: 'invalid', field: 'feedbackWaitDays', reason: 'out_of_range' });
    });

    it('tells them once when two servers run at the same time', async () => {
      const { id } = await give(false, 'wait-race');
      const [a, b] = await Promise.all([run(7), run(7)]);
      expect([...a.feedback, ...b.feedback]).toEqual([id]);
      expect(await waitingMails()).toHaveLength(2);
      expect(await waitingItems('hr')).toHaveLength(1);
    });
  });
});
