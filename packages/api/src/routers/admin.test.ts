import { type Db, listOutbox } from '@facets/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addSegmentAttribute } from '../insights/testing.ts';
import { buildOrg, callerFor, count, fakeAccounts, type Org, openDb, TEST_BASE_URL } from '../test-setup.ts';

let db: Db;
let org: Org;

beforeEach(async () => {
  db = await openDb();
  org = await buildOrg(db.db);
  await addSegmentAttribute(db.db, org, { groupId: org.groups.employee, key: 'department', values: ['it', 'hr'] });
});
afterEach(() => db.close());

/** What an invitation may write: a user, a membership, a message. */
const written = async () => ({
  users: await count(db.db, 'auth_user'),
  members: await count(db.db, 'member'),
  messages: await count(db.db, 'outbox'),
});

describe('admin: people and roles', () => {
  it('invites a manager: an account, a membership and a message with a link to choose a password', async () => {
    const accounts = fakeAccounts(db.db);
    const admin = await callerFor(db.db, org.staff.admin.userId, { accounts });
    const member = await admin.admin.members.invite({
      name: 'Nadia Haddad',
      email: '  Nadia.Haddad@Example.test ',
      role: 'manager',
      department: 'hr',
    });
    expect(member).toMatchObject({
      name: 'Nadia Haddad',
      email: 'nadia.haddad@example.test',
      role: 'manager',
      department: 'hr',
      status: 'invited',
    });
    const [token] = accounts.tokens.get(member.userId) ?? [];
    const [message] = await listOutbox(db.db, { to: 'nadia.haddad@example.test' });
    // The fixture's organisation speaks French by default.
    expect(message?.subject).toBe(`Invitation à la console Facets de Organisation ${org.slug}`);
    expect(message?.body).toContain(`${TEST_BASE_URL}/console/set-password?token=${token}`);
    expect(message?.body).toContain('avec le rôle manager');
    expect(message?.organizationId).toBe(org.organizationId);
    const nadia = await callerFor(db.db, member.userId);
    expect(await nadia.session.me()).toMatchObject({ role: 'manager', department: 'hr' });
    expect((await admin.admin.members.list()).map((m) => m.name)).toContain('Nadia Haddad');
  });

  it('refuses a bad invitation before writing anything: e-mail, role, a manager’s department, a member', async () => {
    const admin = await callerFor(db.db, org.staff.admin.userId);
    const before = await written();
    const attempts: [Parameters<typeof admin.admin.members.invite>[0], string, RegExp][] = [
      [{ name: 'X', email: 'not-an-email', role: 'hr' }, 'BAD_REQUEST', /^email: /],
      [{ name: 'X', email: 'x@example.test', role: 'owner' as never }, 'BAD_REQUEST', /^role: /],
      [{ name: '', email: 'x@example.test', role: 'hr' }, 'BAD_REQUEST', /^name: /],
      [{ name: 'X', email: 'x@example.test', role: 'manager' }, 'BAD_REQUEST', /^department: a manager needs/],
      [{ name: 'X', email: 'x@example.test', role: 'manager', department: 'sales' }, 'BAD_REQUEST', /^department: /],
      [{ name: 'Hr', email: org.staff.hr.email, role: 'analyst' }, 'CONFLICT', /^email: is already a member/],
    ];
    for (const [input, code, message] of attempts) {
      await expect(admin.admin.members.invite(input)).rejects.toMatchObject({
        code,
        message: expect.stringMatching(message),
      });
    }
    expect(await written()).toEqual(before);
  });

  it('refuses someone who belongs to another organisation, and writes nothing', async () => {
    const other = await buildOrg(db.db);
    const admin = await callerFor(db.db, org.staff.admin.userId);
    const before = await written();
    await expect(
      admin.admin.members.invite({ name: 'Them', email: other.staff.hr.email, role: 'hr' }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: 'email: belongs to an account of another organisation' });
    expect(await written()).toEqual(before);
  });

  it('changes a role, resends an invitation, removes a member, who then sees nothing', async () => {
    const accounts = fakeAccounts(db.db);
    const admin = await callerFor(db.db, org.staff.admin.userId, { accounts });
    const changed = await admin.admin.members.updateRole({ memberId: org.staff.hr.memberId, role: 'leadership' });
    expect(changed).toMatchObject({ role: 'leadership', department: null });
    await admin.admin.members.resendInvitation({ memberId: org.staff.hr.memberId });
    expect(accounts.tokens.get(org.staff.hr.userId)).toHaveLength(1);
    expect((await listOutbox(db.db, { to: org.staff.hr.email })).map((m) => m.subject)).toHaveLength(1);
    await admin.admin.members.remove({ memberId: org.staff.hr.memberId });
    const removed = await callerFor(db.db, org.staff.hr.userId);
    expect(await removed.session.me()).toBeNull();
    await expect(removed.feedback.inbox()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await admin.admin.members.list()).map((m) => m.memberId)).not.toContain(org.staff.hr.memberId);
  });

  it('never lets an admin lock the organisation out: no demoting the last admin, no removing oneself', async () => {
    const admin = await callerFor(db.db, org.staff.admin.userId);
    await expect(
      admin.admin.members.updateRole({ memberId: org.staff.admin.memberId, role: 'analyst' }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: 'role: the organisation must keep at least one admin' });
    await expect(admin.admin.members.remove({ memberId: org.staff.admin.memberId })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'memberId: you cannot remove yourself; another admin can',
    });
    expect(await admin.session.me()).toMatchObject({ role: 'admin' });
  });

  it('keeps another organisation’s members out of reach', async () => {
    const other = await buildOrg(db.db);
    const admin = await callerFor(db.db, org.staff.admin.userId);
    for (const attempt of [
      admin.admin.members.updateRole({ memberId: other.staff.hr.memberId, role: 'analyst' }),
      admin.admin.members.remove({ memberId: other.staff.hr.memberId }),
      admin.admin.members.resendInvitation({ memberId: other.staff.hr.memberId }),
    ]) {
      await expect(attempt).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'memberId: no such staff member' });
    }
    expect((await admin.admin.members.list()).every((m) => m.email.endsWith(`@${org.slug}.test`))).toBe(true);
  });
});

describe('admin: settings', () => {
  it('changes the anonymity threshold, which every view then applies', async () => {
    const admin = await callerFor(db.db, org.staff.admin.userId);
    expect(await admin.admin.settings.get()).toMatchObject({ kThreshold: 3, commentThreshold: 5 });
    expect(await admin.admin.settings.update({ kThreshold: 6, defaultLocale: 'en' })).toMatchObject({
      kThreshold: 6,
      defaultLocale: 'en',
    });
    const leadership = await callerFor(db.db, org.leadership.userId);
    expect((await leadership.insights.overview()).kThreshold).toBe(6);
  });

  it('refuses a threshold below 3 or an empty change, naming the field, and changes nothing', async () => {
    const admin = await callerFor(db.db, org.staff.admin.userId);
    const before = await admin.admin.settings.get();
    await expect(admin.admin.settings.update({ kThreshold: 2, commentThreshold: 9 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/^kThreshold: Too small/),
    });
    await expect(admin.admin.settings.update({})).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'give at least one setting to change',
    });
    await expect(admin.admin.settings.update({ defaultLocale: 'de' as never })).rejects.toMatchObject({
      message: expect.stringMatching(/^defaultLocale: /),
    });
    expect(await admin.admin.settings.get()).toEqual(before);
  });

  it('refuses an analyst’s change', async () => {
    const analyst = await callerFor(db.db, org.staff.analyst.userId);
    expect(await analyst.admin.settings.get()).toMatchObject({ kThreshold: 3 });
    await expect(analyst.admin.settings.update({ kThreshold: 9 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const admin = await callerFor(db.db, org.staff.admin.userId);
    expect((await admin.admin.settings.get()).kThreshold).toBe(3);
  });
});

it('leaves an account made for a refused membership harmless, and reuses it when invited again', async () => {
  const admin = await callerFor(db.db, org.staff.admin.userId);
  const accounts = fakeAccounts(db.db);
  const { userId } = await accounts.ensureUser({ email: 'again@example.test', name: 'Again' });
  const usersBefore = await count(db.db, 'auth_user');
  const me = await callerFor(db.db, userId);
  expect(await me.session.me()).toBeNull();
  const member = await admin.admin.members.invite({ name: 'Again', email: 'again@example.test', role: 'hr' });
  expect(member.userId).toBe(userId);
  expect(await count(db.db, 'auth_user')).toBe(usersBefore);
});
