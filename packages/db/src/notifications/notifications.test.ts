import type { Kysely } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../create-db.ts';
import { newId } from '../ids.ts';
import { publishClosedWaves } from '../publication/index.ts';
import { addReply, createFeedback, setFeedbackStatus } from '../repositories/feedback.ts';
import { listOutbox } from '../repositories/outbox.ts';
import type { Database } from '../schema.ts';
import { buildFixture, type Fixture, openTestDb, testDialects } from '../testing.ts';
import { setNotification } from './preferences.ts';
import { sendResultsDigests } from './send.ts';
import { unsubscribe } from './unsubscribe.ts';

const dialects = await testDialects();
const BASE = 'http://facets.test';
const unsubscribeTokenIn = (body: string) => /\/console\/unsubscribe\?token=(\S+)/.exec(body)?.[1] ?? null;

describe.each(dialects)('notifications by e-mail (%s)', (dialect) => {
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

  const outbox = () => listOutbox(db, { organizationId: fx.organizationId, limit: 500 });
  const give = (anonymous: boolean, key: string) =>
    createFeedback(db, {
      organizationId: fx.organizationId,
      groupId: fx.groups.employee,
      stakeholderId: anonymous ? null : fx.stakeholders.carol.id,
      followKey: anonymous ? 'k'.repeat(40) : null,
      idempotencyKey: key,
      category: 'suggestion',
      body: 'The canteen closes too early.',
      now: fx.now,
      newId,
      notify: { baseUrl: BASE },
    });
  const carolEmail = async () =>
    (
      await db
        .selectFrom('stakeholder')
        .select('email')
        .where('id', '=', fx.stakeholders.carol.id)
        .executeTakeFirstOrThrow()
    ).email!;

  it('tells those who read feedback that named feedback arrived, never a manager, and nothing of its text', async () => {
    await give(false, 'named-1');
    const sent = await outbox();
    expect(sent.map((m) => m.to).sort()).toEqual(
      [fx.staff.admin.email, fx.staff.analyst.email, fx.staff.hr.email].sort(),
    );
    for (const m of sent) {
      expect(m.body).not.toContain('canteen');
      expect(m.body).toContain(`${BASE}/console/inbox`);
      expect(unsubscribeTokenIn(m.body)).not.toBeNull();
    }
  });

  it('writes no e-mail about anonymous feedback: its moment is not kept', async () => {
    const { id } = await give(true, 'anon-1');
    const staff = { organizationId: fx.organizationId, feedbackId: id, now: fx.now, newId };
    await addReply(db, {
      ...staff,
      author: { kind: 'staff', memberId: fx.staff.hr.memberId },
      body: 'Thank you.',
      notify: { baseUrl: BASE },
    });
    await setFeedbackStatus(db, { ...staff, status: 'resolved', notify: { baseUrl: BASE, newId } });
    expect(await outbox()).toEqual([]);
  });

  it('tells the author of named feedback of a reply and a new status, until they unsubscribe', async () => {
    const { id } = await give(false, 'named-2');
    const to = await carolEmail();
    const at = { organizationId: fx.organizationId, feedbackId: id, now: fx.now, newId };
    await addReply(db, {
      ...at,
      author: { kind: 'staff', memberId: fx.staff.hr.memberId },
      body: 'We are looking into it.',
      notify: { baseUrl: BASE },
    });
    const [reply] = await listOutbox(db, { to });
    expect(reply?.subject).toMatch(/a répondu à votre retour$/);
    expect(reply?.body).not.toContain('looking into it');
    expect(reply?.body).toContain(`${BASE}/employee/feedback`);
    // The same status again is no change: no e-mail.
    await setFeedbackStatus(db, { ...at, status: 'acknowledged', notify: { baseUrl: BASE, newId } });
    await setFeedbackStatus(db, { ...at, status: 'in_progress', notify: { baseUrl: BASE, newId } });
    expect((await listOutbox(db, { to })).map((m) => m.subject)).toHaveLength(2);
    expect(await unsubscribe(db, { token: unsubscribeTokenIn(reply!.body)!, now: fx.now })).toEqual({
      kind: 'feedback_update',
    });
    await setFeedbackStatus(db, { ...at, status: 'resolved', notify: { baseUrl: BASE, newId } });
    expect(await listOutbox(db, { to })).toHaveLength(2);
  });

  it('refuses an unsubscribe token that its organisation did not sign', async () => {
    await give(false, 'named-3');
    const token = unsubscribeTokenIn((await outbox())[0]!.body)!;
    const [payload] = token.split('.');
    const forged = Buffer.from(
      JSON.stringify([fx.organizationId, 'member', fx.staff.admin.memberId, 'results_published']),
    ).toString('base64url');
    for (const bad of [`${forged}.${token.split('.')[1]}`, `${payload}.x`, 'nonsense', `${payload}`]) {
      await expect(unsubscribe(db, { token: decodeURIComponent(bad), now: fx.now })).rejects.toMatchObject({
        kind: 'invalid',
        field: 'token',
      });
    }
  });

  it('writes the digest of published results once, to managers for employee surveys, without a figure below k', async () => {
    await publishClosedWaves(db, { organizationId: fx.organizationId, k: 5, commentK: 5, now: fx.now });
    const args = { organizationId: fx.organizationId, now: fx.now, newId, baseUrl: BASE };
    const { waves } = await sendResultsDigests(db, args);
    expect(waves.length).toBeGreaterThan(0);
    expect((await sendResultsDigests(db, args)).waves).toEqual([]);
    const sent = await outbox();
    const published = await db
      .selectFrom('wave_publication as p')
      .innerJoin('stakeholder_group as g', 'g.id', 'p.group_id')
      .select(['p.wave_id', 'p.content', 'g.kind'])
      .where('p.organization_id', '=', fx.organizationId)
      .execute();
    const employeeWaves = published.filter((p) => p.kind === 'employee');
    // The fixture has no leadership member: the manager alone is told, of employee waves only.
    expect(sent.map((m) => m.to)).toEqual(employeeWaves.map(() => fx.staff.manager.email));
    for (const p of employeeWaves) {
      const n = (JSON.parse(p.content) as { respondents: number | null }).respondents;
      const body = sent.map((m) => m.body).join('\n');
      if (n === null) expect(body).toMatch(/Trop peu de personnes ont répondu/);
      else expect(n).toBeGreaterThanOrEqual(5);
    }
    for (const m of sent) expect(m.body).not.toMatch(/\b[1-4] personnes? ont répondu/);
  });

  it('leaves out a member who turned the digest off', async () => {
    await setNotification(db, {
      organizationId: fx.organizationId,
      recipient: { kind: 'member', id: fx.staff.manager.memberId },
      kind: 'results_published',
      channel: 'email',
      on: false,
      now: fx.now,
    });
    await publishClosedWaves(db, { organizationId: fx.organizationId, k: 5, commentK: 5, now: fx.now });
    await sendResultsDigests(db, { organizationId: fx.organizationId, now: fx.now, newId, baseUrl: BASE });
    expect(await outbox()).toEqual([]);
  });
});
