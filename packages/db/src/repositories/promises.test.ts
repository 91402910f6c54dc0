import type { Kysely } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../create-db.ts';
import { newId } from '../ids.ts';
import type { Database } from '../schema.ts';
import { buildFixture, type Fixture, openTestDb, testDialects } from '../testing.ts';
import { listPromises } from './plans.ts';
import { createPromise, deletePromise, updatePromise } from './promises.ts';

const dialects = await testDialects();
const t = (en: string) => ({ fr: `${en} (fr)`, en });

async function rows(db: Kysely<Database>, table: 'promise', org: string) {
  return db.selectFrom(table).selectAll().where('organization_id', '=', org).execute();
}

describe.each(dialects)('promises (%s)', (dialect) => {
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

  const base = () => ({
    organizationId: fx.organizationId,
    groupId: fx.groups.supplier,
    dimensionId: fx.dimensions.payment as string | null,
    channel: 'supplier_charter',
    statement: t('Paid within 30 days'),
    madeOn: '2026-06-15',
  });

  it('registers, edits and deletes a promise', async () => {
    const created = await createPromise(db, { ...base(), now: fx.now, newId });
    expect(created).toEqual({
      id: created.id,
      groupId: fx.groups.supplier,
      dimensionId: fx.dimensions.payment,
      channel: 'supplier_charter',
      statement: t('Paid within 30 days'),
      madeOn: '2026-06-15',
    });
    const edited = await updatePromise(db, {
      ...base(),
      promiseId: created.id,
      dimensionId: null,
      channel: 'marketing',
      madeOn: '2026-07-01',
    });
    expect(edited).toMatchObject({ dimensionId: null, channel: 'marketing', madeOn: '2026-07-01' });
    await deletePromise(db, { organizationId: fx.organizationId, promiseId: created.id });
    expect(await listPromises(db, { organizationId: fx.organizationId })).toEqual([]);
  });

  it('refuses bad fields, naming them, and writes nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ channel: 'billboard' }, 'channel'],
      [{ madeOn: '15/06/2026' }, 'madeOn'],
      [{ statement: { fr: 'x'.repeat(1001), en: 'ok' } }, 'statement.fr'],
      [{ dimensionId: fx.dimensions.recognition }, 'dimensionId'],
    ];
    for (const [extra, field] of cases) {
      await expect(createPromise(db, { ...base(), ...extra, now: fx.now, newId })).rejects.toMatchObject({ field });
    }
    expect(await rows(db, 'promise', fx.organizationId)).toEqual([]);
  });

  it('keeps another organisation’s promises out of reach', async () => {
    const other = await buildFixture(db);
    const theirs = await createPromise(db, {
      ...base(),
      organizationId: other.organizationId,
      groupId: other.groups.supplier,
      dimensionId: other.dimensions.payment,
      now: fx.now,
      newId,
    });
    await expect(updatePromise(db, { ...base(), promiseId: theirs.id })).rejects.toMatchObject({ kind: 'not_found' });
    await expect(deletePromise(db, { organizationId: fx.organizationId, promiseId: theirs.id })).rejects.toMatchObject({
      kind: 'not_found',
      field: 'promiseId',
    });
    expect(await listPromises(db, { organizationId: other.organizationId })).toEqual([theirs]);
  });
});
