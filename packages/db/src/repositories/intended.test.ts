import type { Kysely } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../create-db.ts';
import { newId } from '../ids.ts';
import type { Database } from '../schema.ts';
import { buildFixture, type Fixture, openTestDb, testDialects } from '../testing.ts';
import { listIntendedExperience } from './groups.ts';
import { clearIntendedExperience, setIntendedExperience } from './intended.ts';

const dialects = await testDialects();
const t = (en: string) => ({ fr: `${en} (fr)`, en });
const LATER = '2026-11-23T10:00:00.000Z';

describe.each(dialects)('intended experience (%s)', (dialect) => {
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

  const set = (extra: Partial<Parameters<typeof setIntendedExperience>[1]> = {}) =>
    setIntendedExperience(db, {
      organizationId: fx.organizationId,
      groupId: fx.groups.supplier,
      dimensionId: fx.dimensions.transparency,
      statement: t('Suppliers know where their invoice stands'),
      target: 75,
      priority: 2,
      memberId: fx.staff.admin.memberId,
      now: LATER,
      newId,
      ...extra,
    });

  it('sets a new cell, then replaces it in place, then clears it', async () => {
    const created = await set();
    expect(created).toMatchObject({
      target: 75,
      priority: 2,
      statement: t('Suppliers know where their invoice stands'),
    });
    const replaced = await set({ target: 82, priority: 1, statement: { fr: '  Clarté  ', en: ' Clarity ' } });
    expect(replaced).toMatchObject({
      id: created.id,
      target: 82,
      priority: 1,
      statement: { fr: 'Clarté', en: 'Clarity' },
    });
    const supplierCells = await listIntendedExperience(db, {
      organizationId: fx.organizationId,
      groupId: fx.groups.supplier,
    });
    expect(supplierCells.map((c) => [c.dimensionId, c.target])).toEqual(
      expect.arrayContaining([
        [fx.dimensions.payment, 90],
        [fx.dimensions.transparency, 82],
      ]),
    );
    expect(supplierCells).toHaveLength(2);
    await clearIntendedExperience(db, {
      organizationId: fx.organizationId,
      groupId: fx.groups.supplier,
      dimensionId: fx.dimensions.transparency,
    });
    expect(
      await listIntendedExperience(db, { organizationId: fx.organizationId, groupId: fx.groups.supplier }),
    ).toHaveLength(1);
  });

  it('refuses a bad target, priority, statement or dimension, naming the field, and writes nothing', async () => {
    const before = await listIntendedExperience(db, { organizationId: fx.organizationId });
    await expect(set({ target: 101 })).rejects.toMatchObject({ kind: 'invalid', field: 'target' });
    await expect(set({ target: 50.5 })).rejects.toMatchObject({ kind: 'invalid', field: 'target' });
    await expect(set({ priority: 0 })).rejects.toMatchObject({ kind: 'invalid', field: 'priority' });
    await expect(set({ statement: { fr: 'Oui', en: '   ' } })).rejects.toMatchObject({ field: 'statement.en' });
    // Recognition belongs to employees only.
    await expect(set({ dimensionId: fx.dimensions.recognition })).rejects.toMatchObject({
      kind: 'invalid',
      message: 'dimensionId: is not a dimension of this group',
    });
    expect(await listIntendedExperience(db, { organizationId: fx.organizationId })).toEqual(before);
  });

  it('never reaches another organisation’s groups', async () => {
    const other = await buildFixture(db);
    await expect(set({ groupId: other.groups.supplier })).rejects.toMatchObject({
      kind: 'not_found',
      field: 'groupId',
    });
    const clear = clearIntendedExperience(db, {
      organizationId: fx.organizationId,
      groupId: other.groups.supplier,
      dimensionId: other.dimensions.payment,
    });
    await expect(clear).rejects.toMatchObject({ kind: 'not_found' });
    expect(await listIntendedExperience(db, { organizationId: other.organizationId })).toHaveLength(2);
  });
});
