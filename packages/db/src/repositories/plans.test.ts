import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../create-db.ts';
import type { Database } from '../schema.ts';
import { buildFixture, type Fixture, openTestDb, testDialects } from '../testing.ts';
import { listInitiatives, listPromises } from './plans.ts';

const dialects = await testDialects();
const t = (en: string) => ({ fr: `${en} (fr)`, en });

async function addPlans(db: Kysely<Database>, fx: Fixture) {
  const tenant = { organization_id: fx.organizationId };
  const initiative = (id: string, created: string, extra: Partial<Database['initiative']> = {}) => ({
    ...tenant,
    id,
    title: JSON.stringify(t(`Initiative ${id}`)),
    description: null,
    kind: 'service',
    owner_department: 'hr',
    status: 'active',
    start_date: null,
    end_date: null,
    published: 0,
    created_at: created,
    updated_at: created,
    ...extra,
  });
  await db
    .insertInto('initiative')
    .values([
      initiative(`${fx.slug}-b`, '2026-03-01T00:00:00.000Z', {
        kind: 'communication',
        owner_department: 'marketing',
        status: 'planned',
        published: 1,
        description: JSON.stringify(t('Why')),
        start_date: '2026-04-01',
        end_date: '2026-12-31',
      }),
      initiative(`${fx.slug}-a`, '2026-01-01T00:00:00.000Z'),
    ])
    .execute();
  await db
    .insertInto('initiative_target')
    .values([
      { ...tenant, initiative_id: `${fx.slug}-a`, group_id: fx.groups.supplier, dimension_id: fx.dimensions.payment },
      {
        ...tenant,
        initiative_id: `${fx.slug}-a`,
        group_id: fx.groups.employee,
        dimension_id: fx.dimensions.recognition,
      },
    ])
    .execute();
  await db
    .insertInto('promise')
    .values([
      {
        ...tenant,
        id: `${fx.slug}-p2`,
        group_id: fx.groups.employee,
        dimension_id: null,
        channel: 'employer_brand',
        statement: JSON.stringify(t('A great place')),
        made_on: '2026-05-01',
        created_at: fx.now,
      },
      {
        ...tenant,
        id: `${fx.slug}-p1`,
        group_id: fx.groups.supplier,
        dimension_id: fx.dimensions.payment,
        channel: 'supplier_charter',
        statement: JSON.stringify(t('Paid in 30 days')),
        made_on: '2026-02-01',
        created_at: fx.now,
      },
    ])
    .execute();
}

describe.each(dialects)('initiatives and promises (%s)', (dialect) => {
  let handle: Db;
  let db: Kysely<Database>;

  beforeAll(async () => {
    handle = await openTestDb(dialect);
    db = handle.db;
  });
  afterAll(() => handle?.close());

  it('lists initiatives oldest first, with their targets, and nothing of another organisation', async () => {
    const [fx, other] = [await buildFixture(db), await buildFixture(db)];
    await addPlans(db, fx);
    await addPlans(db, other);
    const targets = [
      { groupId: fx.groups.employee, dimensionId: fx.dimensions.recognition },
      { groupId: fx.groups.supplier, dimensionId: fx.dimensions.payment },
    ].sort((a, b) => (a.groupId < b.groupId ? -1 : 1));
    expect(await listInitiatives(db, { organizationId: fx.organizationId })).toEqual([
      {
        id: `${fx.slug}-a`,
        title: t(`Initiative ${fx.slug}-a`),
        description: null,
        kind: 'service',
        ownerDepartment: 'hr',
        status: 'active',
        startDate: null,
        endDate: null,
        published: false,
        targets,
        updatedAt: '2026-01-01T00:00:00.000Z',
      },
      {
        id: `${fx.slug}-b`,
        title: t(`Initiative ${fx.slug}-b`),
        description: t('Why'),
        kind: 'communication',
        ownerDepartment: 'marketing',
        status: 'planned',
        startDate: '2026-04-01',
        endDate: '2026-12-31',
        published: true,
        targets: [],
        updatedAt: '2026-03-01T00:00:00.000Z',
      },
    ]);
  });

  it('lists promises oldest first, of every group or one', async () => {
    const [fx, other] = [await buildFixture(db), await buildFixture(db)];
    await addPlans(db, fx);
    await addPlans(db, other);
    const all = await listPromises(db, { organizationId: fx.organizationId });
    expect(all).toEqual([
      {
        id: `${fx.slug}-p1`,
        groupId: fx.groups.supplier,
        dimensionId: fx.dimensions.payment,
        channel: 'supplier_charter',
        statement: t('Paid in 30 days'),
        madeOn: '2026-02-01',
      },
      {
        id: `${fx.slug}-p2`,
        groupId: fx.groups.employee,
        dimensionId: null,
        channel: 'employer_brand',
        statement: t('A great place'),
        madeOn: '2026-05-01',
      },
    ]);
    expect(await listPromises(db, { organizationId: fx.organizationId, groupId: fx.groups.employee })).toEqual([
      all[1],
    ]);
    expect(await listPromises(db, { organizationId: other.organizationId, groupId: fx.groups.employee })).toEqual([]);
  });
});
