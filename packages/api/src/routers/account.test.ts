import { type Db, listOutbox } from '@facets/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildOrg, callerFor, key, type Org, openDb } from '../test-setup.ts';

let db: Db;
let org: Org;

beforeEach(async () => {
  db = await openDb();
  org = await buildOrg(db.db);
});
afterEach(() => db.close());

const tokenIn = (body: string) => decodeURIComponent(/\/console\/unsubscribe\?token=(\S+)/.exec(body)![1]!);
const both = (kind: string, email = true, inApp = true) => ({ kind, email, inApp });

describe('account.notifications', () => {
  it('offers each role the notifications it receives, per channel, and turns one off', async () => {
    const hr = await callerFor(db.db, org.staff.hr.userId);
    expect(await hr.account.notifications.get()).toEqual([both('feedback_arrived'), both('feedback_waiting')]);
    const manager = await callerFor(db.db, org.staff.manager.userId);
    expect(await manager.account.notifications.get()).toEqual([both('results_published')]);
    await expect(
      manager.account.notifications.set({ kind: 'feedback_arrived', channel: 'email', on: false }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', detail: { field: 'kind', reason: 'not_allowed' } });
    await hr.account.notifications.set({ kind: 'feedback_arrived', channel: 'email', on: false });
    expect((await hr.account.notifications.get())[0]).toEqual(both('feedback_arrived', false, true));
    // Named feedback arrives: HR, who turned its e-mail off, gets none, but sees it under the bell.
    const carol = await callerFor(db.db, org.stakeholders.carol.userId);
    await carol.portal.feedback.submit({
      idempotencyKey: key(),
      anonymous: false,
      category: 'suggestion',
      body: 'More plants in the office.',
    });
    const sent = await listOutbox(db.db, { organizationId: org.organizationId });
    expect(sent.map((m) => m.to).sort()).toEqual(
      [org.staff.admin.email, org.staff.analyst.email, `leadership@${org.slug}.test`].sort(),
    );
    expect((await hr.notifications.list()).items.map((i) => i.kind)).toEqual(['feedback_arrived']);
    await hr.account.notifications.set({ kind: 'feedback_arrived', channel: 'email', on: true });
    expect((await hr.account.notifications.get())[0]).toEqual(both('feedback_arrived'));
  });

  it('lets a stakeholder choose too, and refuses a channel their kind does not go by', async () => {
    const carol = await callerFor(db.db, org.stakeholders.carol.userId);
    expect(await carol.account.notifications.get()).toEqual([
      both('feedback_update'),
      { kind: 'survey_reminder', email: true, inApp: null },
    ]);
    await carol.account.notifications.set({ kind: 'feedback_update', channel: 'in_app', on: false });
    expect((await carol.account.notifications.get())[0]).toEqual(both('feedback_update', true, false));
    await expect(
      carol.account.notifications.set({ kind: 'survey_reminder', channel: 'in_app', on: false }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', detail: { field: 'channel' } });
    await expect(
      carol.account.notifications.set({ kind: 'results_published', channel: 'email', on: false }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', detail: { field: 'kind' } });
  });

  it('lets the holder of an e-mail’s link unsubscribe without signing in, and refuses a forged one', async () => {
    const carol = await callerFor(db.db, org.stakeholders.carol.userId);
    await carol.portal.feedback.submit({
      idempotencyKey: key(),
      anonymous: false,
      category: 'praise',
      body: 'Thanks!',
    });
    const [message] = await listOutbox(db.db, { to: org.staff.admin.email });
    const visitor = await callerFor(db.db, null);
    expect(await visitor.account.notifications.unsubscribe({ token: tokenIn(message!.body) })).toEqual({
      kind: 'feedback_arrived',
    });
    const admin = await callerFor(db.db, org.staff.admin.userId);
    // The link turns the e-mail off; the item in the console stays on.
    expect(await admin.account.notifications.get()).toEqual([
      both('feedback_arrived', false, true),
      both('feedback_waiting'),
      both('delivery_failed'),
    ]);
    await expect(
      visitor.account.notifications.unsubscribe({ token: `${tokenIn(message!.body)}x` }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: 'token: this unsubscribe link is not valid' });
  });
});
