import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../create-db.ts';
import { newId } from '../ids.ts';
import type { Database } from '../schema.ts';
import { buildFixture, openTestDb, testDialects } from '../testing.ts';
import { listSegmentAttributes } from './groups.ts';

const dialects = await testDialects();

describe.each(dialects)('segment attributes (%s)', (dialect) => {
  let handle: Db;
  let db: Kysely<Database>;

  beforeAll(async () => {
    handle = await openTestDb(dialect);
    db = handle.db;
  });
  afterAll(() => handle?.close());

  it('lists a group’s attributes by key, each with its values in their defined order', async () => {
    const fx = await buildFixture(db);
    const t = (fr: string, en: string) => ({ fr, en });
    const attribute = (groupId: string, key: string, label: string, values: string[]) =>
      db
        .insertInto('segment_attribute')
        .values({
          id: newId(),
          organization_id: fx.organizationId,
          group_id: groupId,
          key,
          label: JSON.stringify(t(`${label} (fr)`, label)),
          values: JSON.stringify(values.map((v) => ({ value: v, label: t(v.toUpperCase(), v) }))),
        })
        .execute();
    await attribute(fx.groups.employee, 'site', 'Site', ['paris', 'lyon']);
    await attribute(fx.groups.employee, 'department', 'Department', ['it', 'hr']);
    await attribute(fx.groups.supplier, 'category', 'Category', ['materials']);

    expect(await listSegmentAttributes(db, { organizationId: fx.organizationId, groupId: fx.groups.employee })).toEqual(
      [
        {
          key: 'department',
          label: t('Department (fr)', 'Department'),
          values: [
            { value: 'it', label: t('IT', 'it'), archived: false },
            { value: 'hr', label: t('HR', 'hr'), archived: false },
          ],
          archived: false,
        },
        {
          key: 'site',
          label: t('Site (fr)', 'Site'),
          values: [
            { value: 'paris', label: t('PARIS', 'paris'), archived: false },
            { value: 'lyon', label: t('LYON', 'lyon'), archived: false },
          ],
          archived: false,
        },
      ],
    );
    const other = await buildFixture(db);
    expect(
      await listSegmentAttributes(db, { organizationId: other.organizationId, groupId: fx.groups.employee }),
    ).toEqual([]);
  });
});
