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

describe('account.notifications', () => {
  it('offers each role the e-mails it receives, and turns one off', async () => {
    const hr = await callerFor(db.db, org.staff.hr.userId);
    expect(await hr.account.notifications.get()).toEqual([{ kind: 'feedback_arrived', on: true }]);
    const manager = await callerFor(db.db, org.staff.manager.userId);
    expect(await manager.account.notifications.get()).toEqual([{ kind: 'results_published', on: true }]);
    await expect(manager.account.notifications.set({ kind: 'feedback_arrived', on: false })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await hr.account.notifications.set({ kind: 'feedback_arrived', on: false });
    expect(await hr.account.notifications.get()).toEqual([{ kind: 'feedback_arrived', on: false }]);
    // Named feedback arrives: HR, who turned it off, gets nothing; the other readers are told.
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
    await hr.account.notifications.set({ kind: 'feedback_arrived', on: true });
    expect(await hr.account.notifications.get()).toEqual([{ kind: 'feedback_arrived', on: true }]);
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
    expect(await admin.account.notifications.get()).toEqual([
      { kind: 'feedback_arrived', on: false },
      { kind: 'delivery_failed', on: true },
    ]);
    await expect(
      visitor.account.notifications.unsubscribe({ token: `${tokenIn(message!.body)}x` }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: 'token: this unsubscribe link is not valid' });
  });
});
