import type { Kysely } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../create-db.ts';
import { newId } from '../ids.ts';
import type { Database } from '../schema.ts';
import { buildFixture, type Fixture, openTestDb, testDialects } from '../testing.ts';
import {
  createInitiative,
  deleteInitiative,
  type InitiativeFields,
  setInitiativePublished,
  setInitiativeStatus,
  updateInitiative,
} from './initiatives.ts';
import { listInitiatives } from './plans.ts';

const dialects = await testDialects();
const t = (en: string) => ({ fr: `${en} (fr)`, en });
const LATER = '2026-11-23T10:00:00.000Z';

async function rows(db: Kysely<Database>, table: 'initiative' | 'initiative_target', org: string) {
  return db.selectFrom(table).selectAll().where('organization_id', '=', org).execute();
}

describe.each(dialects)('initiatives (%s)', (dialect) => {
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

  const fields = (extra: Partial<InitiativeFields> = {}): InitiativeFields => ({
    title: t('Pay suppliers in 30 days'),
    description: t('A weekly payment run'),
    kind: 'process',
    ownerDepartment: 'finance',
    status: 'planned',
    startDate: '2026-12-01',
    endDate: '2027-03-31',
    targets: [{ groupId: fx.groups.supplier, dimensionId: fx.dimensions.payment }],
    ...extra,
  });
  const create = (extra: Partial<InitiativeFields> = {}) =>
    createInitiative(db, { organizationId: fx.organizationId, ...fields(extra), now: fx.now, newId });

  it('creates an unpublished initiative with its targets, then edits, moves and publishes it', async () => {
    const created = await create();
    expect(created).toMatchObject({
      title: t('Pay suppliers in 30 days'),
      kind: 'process',
      ownerDepartment: 'finance',
      status: 'planned',
      published: false,
      targets: [{ groupId: fx.groups.supplier, dimensionId: fx.dimensions.payment }],
    });
    const both = [
      { groupId: fx.groups.supplier, dimensionId: fx.dimensions.transparency },
      { groupId: fx.groups.employee, dimensionId: fx.dimensions.transparency },
      { groupId: fx.groups.employee, dimensionId: fx.dimensions.transparency }, // twice: kept once
    ];
    const edited = await updateInitiative(db, {
      organizationId: fx.organizationId,
      initiativeId: created.id,
      ...fields({ title: t('Open books'), targets: both, description: null, endDate: null }),
      now: LATER,
    });
    expect(edited.title).toEqual(t('Open books'));
    expect(edited.description).toBeNull();
    expect(edited.targets).toHaveLength(2);
    expect(edited.updatedAt).toBe(LATER);
    const active = await setInitiativeStatus(db, {
      organizationId: fx.organizationId,
      initiativeId: created.id,
      status: 'active',
      now: LATER,
    });
    expect(active.status).toBe('active');
    const published = await setInitiativePublished(db, {
      organizationId: fx.organizationId,
      initiativeId: created.id,
      published: true,
      now: LATER,
    });
    expect(published.published).toBe(true);
    expect(await listInitiatives(db, { organizationId: fx.organizationId })).toEqual([published]);
  });

  it('unpublishes an initiative when it is cancelled, and never publishes a cancelled one', async () => {
    const { id } = await create({ status: 'active' });
    const at = { organizationId: fx.organizationId, initiativeId: id, now: LATER };
    await setInitiativePublished(db, { ...at, published: true });
    const cancelled = await setInitiativeStatus(db, { ...at, status: 'cancelled' });
    expect(cancelled).toMatchObject({ status: 'cancelled', published: false });
    await expect(setInitiativePublished(db, { ...at, published: true })).rejects.toMatchObject({
      kind: 'invalid',
      field: 'published',
    });
  });

  it('refuses to publish an initiative no group would see, or to strip a published one of its groups', async () => {
    const lonely = await create({ targets: [] });
    const publish = setInitiativePublished(db, {
      organizationId: fx.organizationId,
      initiativeId: lonely.id,
      published: true,
      now: LATER,
    });
    await expect(publish).rejects.toMatchObject({ field: 'published' });
    const shown = await create();
    await setInitiativePublished(db, {
      organizationId: fx.organizationId,
      initiativeId: shown.id,
      published: true,
      now: LATER,
    });
    const strip = updateInitiative(db, {
      organizationId: fx.organizationId,
      initiativeId: shown.id,
      ...fields({ targets: [] }),
      now: LATER,
    });
    await expect(strip).rejects.toMatchObject({ field: 'targets' });
    expect(
      (await listInitiatives(db, { organizationId: fx.organizationId, ids: [shown.id] }))[0]?.targets,
    ).toHaveLength(1);
  });

  it('refuses bad fields, naming them, and writes nothing (no initiative, no target)', async () => {
    const cases: [Partial<InitiativeFields>, string][] = [
      [{ title: { fr: '', en: 'x' } }, 'title.fr'],
      [{ kind: 'magic' }, 'kind'],
      [{ ownerDepartment: 'nowhere' }, 'ownerDepartment'],
      [{ status: 'done' }, 'status'],
      [{ startDate: '2026-02-30' }, 'startDate'],
      [{ endDate: '2026-11-30' }, 'endDate'], // before the start
      [
        {
          targets: [
            { groupId: fx.groups.supplier, dimensionId: fx.dimensions.payment },
            { groupId: fx.groups.employee, dimensionId: fx.dimensions.payment },
          ],
        },
        'targets.1.dimensionId',
      ],
    ];
    for (const [extra, field] of cases) await expect(create(extra)).rejects.toMatchObject({ kind: 'invalid', field });
    const other = await buildFixture(db);
    await expect(
      create({ targets: [{ groupId: other.groups.supplier, dimensionId: other.dimensions.payment }] }),
    ).rejects.toMatchObject({ kind: 'not_found', field: 'targets.0.groupId' });
    expect(await rows(db, 'initiative', fx.organizationId)).toEqual([]);
    expect(await rows(db, 'initiative_target', fx.organizationId)).toEqual([]);
  });

  it('deletes an initiative with its targets, and only the organisation’s own', async () => {
    const created = await create();
    const other = await buildFixture(db);
    const foreign = deleteInitiative(db, { organizationId: other.organizationId, initiativeId: created.id });
    await expect(foreign).rejects.toMatchObject({ kind: 'not_found' });
    await deleteInitiative(db, { organizationId: fx.organizationId, initiativeId: created.id });
    expect(await rows(db, 'initiative', fx.organizationId)).toEqual([]);
    expect(await rows(db, 'initiative_target', fx.organizationId)).toEqual([]);
  });

  it('keeps a failed edit from changing anything, and another organisation’s initiative out of reach', async () => {
    const created = await create();
    const bad = updateInitiative(db, {
      organizationId: fx.organizationId,
      initiativeId: created.id,
      ...fields({
        title: t('Changed'),
        targets: [{ groupId: fx.groups.employee, dimensionId: fx.dimensions.payment }],
      }),
      now: LATER,
    });
    await expect(bad).rejects.toMatchObject({ field: 'targets.0.dimensionId' });
    expect(await listInitiatives(db, { organizationId: fx.organizationId })).toEqual([created]);
    const other = await buildFixture(db);
    const foreign = setInitiativeStatus(db, {
      organizationId: other.organizationId,
      initiativeId: created.id,
      status: 'delivered',
      now: LATER,
    });
    await expect(foreign).rejects.toMatchObject({ kind: 'not_found', field: 'initiativeId' });
  });
});
