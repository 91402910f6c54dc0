import type { Kysely } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../create-db.ts';
import { newId } from '../ids.ts';
import type { Database } from '../schema.ts';
import { buildFixture, type Fixture, openTestDb, testDialects } from '../testing.ts';
import { createFeedback } from './feedback.ts';
import {
  addStaffMember,
  findUserMemberships,
  getStaffMember,
  listManagerDepartments,
  listStaffMembers,
  removeStaffMember,
  updateStaffMember,
} from './members.ts';
import { findMemberByUserId } from './organizations.ts';
import { getOrganizationSettings, updateOrganizationSettings } from './settings.ts';

const dialects = await testDialects();
const LATER = '2026-11-23T10:00:00.000Z';

async function addUser(db: Kysely<Database>, email: string, now: string): Promise<string> {
  const id = newId();
  await db
    .insertInto('auth_user')
    .values({ id, name: email.split('@')[0]!, email, email_verified: 1, image: null, created_at: now, updated_at: now })
    .execute();
  return id;
}

async function addDepartments(db: Kysely<Database>, fx: Fixture, values: string[]) {
  await db
    .insertInto('segment_attribute')
    .values({
      id: newId(),
      organization_id: fx.organizationId,
      group_id: fx.groups.employee,
      key: 'department',
      label: JSON.stringify({ fr: 'Service', en: 'Department' }),
      values: JSON.stringify(values.map((value) => ({ value, label: { fr: `${value} (fr)`, en: value } }))),
    })
    .execute();
}

describe.each(dialects)('staff members and settings (%s)', (dialect) => {
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
    await addDepartments(db, fx, ['it', 'hr']);
  });

  const org = () => ({ organizationId: fx.organizationId });

  it('lists the staff by name, stakeholders left out, invited until they have a password', async () => {
    await db
      .insertInto('auth_account')
      .values({
        id: newId(),
        user_id: fx.staff.hr.userId,
        account_id: fx.staff.hr.userId,
        provider_id: 'credential',
        access_token: null,
        refresh_token: null,
        id_token: null,
        access_token_expires_at: null,
        refresh_token_expires_at: null,
        scope: null,
        password: 'hashed',
        created_at: fx.now,
        updated_at: fx.now,
      })
      .execute();
    const staff = await listStaffMembers(db, org());
    expect(staff.map((m) => [m.name, m.role, m.department, m.status])).toEqual([
      ['admin', 'admin', null, 'invited'],
      ['analyst', 'analyst', null, 'invited'],
      ['hr', 'hr', null, 'active'],
      ['manager', 'manager', 'it', 'invited'],
    ]);
    expect(await listManagerDepartments(db, org())).toEqual([
      { value: 'it', label: { fr: 'it (fr)', en: 'it' } },
      { value: 'hr', label: { fr: 'hr (fr)', en: 'hr' } },
    ]);
  });

  it('adds a staff member, and refuses the same person twice or a member of another organisation', async () => {
    const userId = await addUser(db, 'Nadia@Example.test', fx.now);
    const added = await addStaffMember(db, { ...org(), userId, role: 'manager', department: 'hr', now: fx.now, newId });
    expect(added).toMatchObject({ userId, role: 'manager', department: 'hr', status: 'invited' });
    expect((await findMemberByUserId(db, userId))?.role).toBe('manager');
    expect(await findUserMemberships(db, 'nadia@example.test')).toEqual({
      userId,
      memberships: [{ organizationId: fx.organizationId, removed: false }],
    });
    await expect(addStaffMember(db, { ...org(), userId, role: 'hr', now: fx.now, newId })).rejects.toMatchObject({
      kind: 'conflict',
      field: 'email',
    });
    const other = await buildFixture(db);
    const theirs = addStaffMember(db, { organizationId: other.organizationId, userId, role: 'hr', now: fx.now, newId });
    await expect(theirs).rejects.toMatchObject({
      kind: 'conflict',
      message: 'email: belongs to an account of another organisation',
    });
    expect(await listStaffMembers(db, { organizationId: other.organizationId })).toHaveLength(4);
  });

  it('gives a manager a department of the employees, and no department to other roles', async () => {
    const userId = await addUser(db, 'lea@example.test', fx.now);
    const base = { ...org(), userId, now: fx.now, newId };
    await expect(addStaffMember(db, { ...base, role: 'manager' })).rejects.toMatchObject({ field: 'department' });
    await expect(addStaffMember(db, { ...base, role: 'manager', department: 'sales' })).rejects.toMatchObject({
      message: 'department: is not a department of the organisation’s employees',
    });
    await expect(addStaffMember(db, { ...base, role: 'owner' })).rejects.toMatchObject({ field: 'role' });
    expect(await findUserMemberships(db, 'lea@example.test')).toEqual({ userId, memberships: [] });
    const analyst = await addStaffMember(db, { ...base, role: 'analyst', department: 'it' });
    expect(analyst.department).toBeNull();
  });

  it('changes roles, but never leaves the organisation without an admin', async () => {
    const demote = updateStaffMember(db, { ...org(), memberId: fx.staff.admin.memberId, role: 'hr' });
    await expect(demote).rejects.toMatchObject({
      kind: 'conflict',
      message: 'role: the organisation must keep at least one admin',
    });
    expect((await getStaffMember(db, { ...org(), memberId: fx.staff.admin.memberId }))?.role).toBe('admin');
    await updateStaffMember(db, { ...org(), memberId: fx.staff.hr.memberId, role: 'admin' });
    const now = await updateStaffMember(db, {
      ...org(),
      memberId: fx.staff.admin.memberId,
      role: 'manager',
      department: 'it',
    });
    expect(now).toMatchObject({ role: 'manager', department: 'it' });
  });

  it('never lets two admins demote each other into a lock-out, even at the same moment', async () => {
    await updateStaffMember(db, { ...org(), memberId: fx.staff.hr.memberId, role: 'admin' });
    const results = await Promise.allSettled([
      updateStaffMember(db, { ...org(), memberId: fx.staff.admin.memberId, role: 'analyst' }),
      updateStaffMember(db, { ...org(), memberId: fx.staff.hr.memberId, role: 'analyst' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const admins = (await listStaffMembers(db, org())).filter((m) => m.role === 'admin');
    expect(admins).toHaveLength(1);
  });

  it('removes a member: no more access, their open feedback unassigned, and not themself nor the last admin', async () => {
    const feedback = await createFeedback(db, {
      ...org(),
      groupId: fx.groups.supplier,
      stakeholderId: fx.stakeholders.sam.id,
      idempotencyKey: newId(),
      category: 'problem',
      body: 'Late',
      now: fx.now,
      newId,
    });
    await db
      .updateTable('feedback')
      .set({ assignee_member_id: fx.staff.hr.memberId })
      .where('id', '=', feedback.id)
      .execute();
    const actor = fx.staff.admin.memberId;
    await expect(
      removeStaffMember(db, { ...org(), memberId: actor, actorMemberId: actor, now: LATER }),
    ).rejects.toMatchObject({
      kind: 'conflict',
      field: 'memberId',
    });
    await removeStaffMember(db, { ...org(), memberId: fx.staff.hr.memberId, actorMemberId: actor, now: LATER });
    expect(await findMemberByUserId(db, fx.staff.hr.userId)).toBeUndefined();
    expect((await listStaffMembers(db, org())).map((m) => m.name)).toEqual(['admin', 'analyst', 'manager']);
    const row = await db
      .selectFrom('feedback')
      .select(['assignee_member_id', 'updated_at'])
      .where('id', '=', feedback.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ assignee_member_id: null, updated_at: LATER });
    await updateStaffMember(db, { ...org(), memberId: fx.staff.analyst.memberId, role: 'admin' });
    await removeStaffMember(db, {
      ...org(),
      memberId: fx.staff.admin.memberId,
      actorMemberId: fx.staff.analyst.memberId,
      now: LATER,
    });
    // The last admin left cannot be removed by anyone.
    const last = removeStaffMember(db, {
      ...org(),
      memberId: fx.staff.analyst.memberId,
      actorMemberId: 'someone',
      now: LATER,
    });
    await expect(last).rejects.toMatchObject({ message: 'memberId: the organisation must keep at least one admin' });
  });

  it('gives a removed member back their membership when invited again', async () => {
    await removeStaffMember(db, {
      ...org(),
      memberId: fx.staff.hr.memberId,
      actorMemberId: fx.staff.admin.memberId,
      now: LATER,
    });
    const back = await addStaffMember(db, {
      ...org(),
      userId: fx.staff.hr.userId,
      role: 'leadership',
      now: LATER,
      newId,
    });
    expect(back).toMatchObject({ memberId: fx.staff.hr.memberId, role: 'leadership' });
    expect((await findMemberByUserId(db, fx.staff.hr.userId))?.role).toBe('leadership');
  });

  it('keeps another organisation’s members out of reach', async () => {
    const other = await buildFixture(db);
    const update = updateStaffMember(db, { ...org(), memberId: other.staff.hr.memberId, role: 'analyst' });
    await expect(update).rejects.toMatchObject({ kind: 'not_found', field: 'memberId' });
    const remove = removeStaffMember(db, {
      ...org(),
      memberId: other.staff.hr.memberId,
      actorMemberId: fx.staff.admin.memberId,
      now: LATER,
    });
    await expect(remove).rejects.toMatchObject({ kind: 'not_found' });
    // A stakeholder's membership is not a staff member's.
    const stakeholder = updateStaffMember(db, { ...org(), memberId: fx.stakeholders.sam.memberId, role: 'admin' });
    await expect(stakeholder).rejects.toMatchObject({ kind: 'not_found' });
    expect((await findMemberByUserId(db, other.staff.hr.userId))?.role).toBe('hr');
  });

  it('reads and changes the organisation’s settings, all or none, never below the floor', async () => {
    expect(await getOrganizationSettings(db, fx.organizationId)).toEqual({
      name: `Organisation ${fx.slug}`,
      defaultLocale: 'fr',
      kThreshold: 5,
      commentThreshold: 5,
      allowAnonymousFeedback: true,
      languages: ['fr', 'en'],
      fatigueRule: null,
      timeZone: 'Europe/Paris',
      feedbackWaitDays: 5,
      logo: null,
    });
    const changed = await updateOrganizationSettings(db, {
      ...org(),
      changes: { kThreshold: 7, defaultLocale: 'en', allowAnonymousFeedback: false, name: ' Maison ' },
    });
    expect(changed).toEqual({
      name: 'Maison',
      defaultLocale: 'en',
      kThreshold: 7,
      commentThreshold: 5,
      allowAnonymousFeedback: false,
      languages: ['fr', 'en'],
      fatigueRule: null,
      timeZone: 'Europe/Paris',
      feedbackWaitDays: 5,
      logo: null,
    });
    // A logo is a small PNG or JPEG: anything else is refused naming the field.
    const png = `data:image/png;base64,${Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]).toString('base64')}`;
    expect((await updateOrganizationSettings(db, { ...org(), changes: { logo: png } })).logo).toBe(png);
    expect((await updateOrganizationSettings(db, { ...org(), changes: { logo: null } })).logo).toBeNull();
    for (const [changes, field] of [
      [{ logo: `data:image/svg+xml;base64,${Buffer.from('<svg onload="x"/>').toString('base64')}` }, 'logo'],
      [{ logo: `data:image/png;base64,${Buffer.from('GIF89a not a png').toString('base64')}` }, 'logo'],
      [{ logo: `data:image/jpeg;base64,${Buffer.alloc(70 * 1024, 0xff).toString('base64')}` }, 'logo'],
      [{ kThreshold: 2, commentThreshold: 9 }, 'kThreshold'],
      [{ commentThreshold: 4.5 }, 'commentThreshold'],
      [{ defaultLocale: 'de' }, 'defaultLocale'],
      [{ name: '' }, 'name'],
      [{ languages: [] }, 'languages'],
      [{ languages: ['fr', 'fr'] }, 'languages'],
      // The messages it sends go in a language it writes in.
      [{ languages: ['fr'] }, 'defaultLocale'],
      [{ fatigueRule: { maxSurveys: 0, periodDays: 30 } }, 'fatigueRule.maxSurveys'],
      [{ fatigueRule: { maxSurveys: 3, periodDays: 400 } }, 'fatigueRule.periodDays'],
    ] as const) {
      const update = updateOrganizationSettings(db, { ...org(), changes: changes as never });
      await expect(update).rejects.toMatchObject({ kind: 'invalid', field });
    }
    expect(await getOrganizationSettings(db, fx.organizationId)).toEqual(changed);
    expect((await findMemberByUserId(db, fx.staff.hr.userId))?.organization.kThreshold).toBe(7);
  });
});
