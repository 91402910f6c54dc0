import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../create-db.ts';
import { newId } from '../ids.ts';
import type { Database } from '../schema.ts';
import { buildFixture, type Fixture, openTestDb, testDialects } from '../testing.ts';
import { getGroup, listDimensions, listGroups, listIntendedExperience } from './groups.ts';
import { findMemberByUserId, getOrganization, getOrganizationBySlug, isEmpty } from './organizations.ts';
import { enqueueMessage, listOutbox, markSent } from './outbox.ts';

const dialects = await testDialects();

describe.each(dialects)('organizations, groups and outbox (%s)', (dialect) => {
  let handle: Db;
  let db: Kysely<Database>;
  let fx: Fixture;

  beforeAll(async () => {
    handle = await openTestDb(dialect);
    db = handle.db;
    expect(await isEmpty(db)).toBe(true);
    fx = await buildFixture(db, { kThreshold: 4 });
  });
  afterAll(() => handle?.close());

  it('is no longer empty once an organisation exists', async () => {
    expect(await isEmpty(db)).toBe(false);
    expect(await getOrganization(db, fx.organizationId)).toMatchObject({
      slug: fx.slug,
      kThreshold: 4,
      commentThreshold: 5,
    });
    expect((await getOrganizationBySlug(db, fx.slug))?.id).toBe(fx.organizationId);
    expect(await getOrganization(db, 'nope')).toBeUndefined();
  });

  it('resolves a stakeholder member with their group', async () => {
    const member = await findMemberByUserId(db, fx.stakeholders.sam.userId);
    expect(member).toEqual({
      memberId: fx.stakeholders.sam.memberId,
      user: { id: fx.stakeholders.sam.userId, name: 'sam', email: fx.stakeholders.sam.email },
      organization: expect.objectContaining({ id: fx.organizationId, kThreshold: 4 }),
      role: 'stakeholder',
      department: null,
      personId: null,
      stakeholder: {
        id: fx.stakeholders.sam.id,
        displayName: 'Sam',
        company: 'Atelier Durand',
        companyId: expect.any(String),
        segments: { category: 'materials' },
        group: {
          id: fx.groups.supplier,
          code: 'supplier',
          kind: 'supplier',
          label: { fr: 'supplier (fr)', en: 'supplier' },
        },
      },
    });
  });

  it('resolves a staff member with role and department, and nobody for a stranger', async () => {
    expect(await findMemberByUserId(db, fx.staff.manager.userId)).toMatchObject({
      role: 'manager',
      department: 'it',
      stakeholder: null,
    });
    expect(await findMemberByUserId(db, 'unknown-user')).toBeUndefined();
    const other = await buildFixture(db);
    expect(await findMemberByUserId(db, fx.staff.hr.userId, other.organizationId)).toBeUndefined();
  });

  it('lists groups, dimensions with the groups sharing them, and intended experience', async () => {
    expect((await listGroups(db, fx.organizationId)).map((g) => g.code).sort()).toEqual(['employee', 'supplier']);
    expect(await getGroup(db, { organizationId: fx.organizationId, groupId: fx.groups.employee })).toMatchObject({
      kind: 'employee',
    });
    const supplier = await listDimensions(db, { organizationId: fx.organizationId, groupId: fx.groups.supplier });
    expect(supplier.map((d) => [d.code, d.shared])).toEqual([
      ['payment', false],
      ['transparency', true],
    ]);
    const intended = await listIntendedExperience(db, {
      organizationId: fx.organizationId,
      groupId: fx.groups.supplier,
    });
    expect(intended).toEqual([
      expect.objectContaining({ dimensionId: fx.dimensions.payment, target: 90, priority: 1 }),
    ]);
  });

  it('queues messages and lists the unsent ones', async () => {
    const { id } = await enqueueMessage(db, {
      organizationId: fx.organizationId,
      to: 'sam@example.test',
      subject: 'Your sign-in link',
      body: 'https://example.test/link',
      now: fx.now,
      newId,
    });
    expect(await listOutbox(db, { to: 'sam@example.test' })).toEqual([
      expect.objectContaining({ id, subject: 'Your sign-in link', sentAt: null }),
    ]);
    await markSent(db, { id, now: fx.now });
    expect(await listOutbox(db, { to: 'sam@example.test', unsentOnly: true })).toEqual([]);
  });
});
