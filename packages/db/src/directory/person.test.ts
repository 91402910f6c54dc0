import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../create-db.ts';
import { buildFixture, type Fixture } from '../fixture.ts';
import { newId } from '../ids.ts';
import { createAttribute } from '../model/attributes.ts';
import type { Database } from '../schema.ts';
import { openTestDb, testDialects } from '../testing.ts';
import { eraseStakeholder } from './people.ts';
import { deactivatePerson, upsertPerson } from './person.ts';

const dialects = await testDialects();

describe.each(dialects)('one person of the directory (%s)', (dialect) => {
  let handle: Db;
  let db: Kysely<Database>;
  let org: Fixture;
  let other: Fixture;

  beforeAll(async () => {
    handle = await openTestDb(dialect);
    db = handle.db;
    org = await buildFixture(db);
    other = await buildFixture(db);
    for (const [key, values] of [
      ['department', ['it', 'hr']],
      ['site', ['lyon', 'paris']],
    ] as const) {
      await createAttribute(db, {
        organizationId: org.organizationId,
        groupId: org.groups.employee,
        key,
        label: { fr: key, en: key },
        values: values.map((value) => ({ value, label: { fr: value, en: value } })),
        newId,
      });
    }
  });
  afterAll(() => handle?.close());

  const upsert = (person: Parameters<typeof upsertPerson>[1]['person'], fx = org) =>
    upsertPerson(db, { organizationId: fx.organizationId, groupId: fx.groups.employee, person, now: fx.now, newId });
  const row = (id: string) => db.selectFrom('stakeholder').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('creates a person, then finds them by external id or e-mail (any case) and updates what was sent', async () => {
    const { personId, created } = await upsert({
      externalId: 'E-100',
      email: 'dana@example.org',
      name: 'Dana',
      segments: { department: 'it' },
    });
    expect(created).toBe(true);
    expect(await upsert({ email: 'DANA@example.org', segments: { site: 'lyon' } })).toEqual({
      personId,
      created: false,
    });
    await deactivatePerson(db, { organizationId: org.organizationId, groupId: org.groups.employee, personId });
    expect((await row(personId)).active).toBe(0);
    expect(await upsert({ externalId: 'E-100', name: 'Dana B.' })).toEqual({ personId, created: false });
    const stored = await row(personId);
    expect(stored).toMatchObject({ display_name: 'Dana B.', email: 'DANA@example.org', active: 1 });
    expect(JSON.parse(stored.segments)).toEqual({ department: 'it', site: 'lyon' });
  });

  it('refuses unknown attributes and values, two people in one, and changes nothing', async () => {
    const before = await db.selectFrom('stakeholder').select('id').execute();
    await expect(upsert({ email: 'x@example.org', segments: { floor: '2' } })).rejects.toMatchObject({
      field: 'segments.floor',
    });
    await expect(upsert({ email: 'x@example.org', segments: { department: 'space' } })).rejects.toMatchObject({
      field: 'segments.department',
    });
    await expect(upsert({ name: 'Nobody' })).rejects.toMatchObject({ reason: 'required' });
    await upsert({ externalId: 'E-200', email: 'eve@example.org' });
    await upsert({ externalId: 'E-201', email: 'fay@example.org' });
    await expect(upsert({ externalId: 'E-200', email: 'fay@example.org' })).rejects.toMatchObject({
      kind: 'conflict',
      field: 'email',
    });
    expect((await db.selectFrom('stakeholder').select('id').execute()).length).toBe(before.length + 2);
  });

  it('never matches an erased person nor one of another organisation', async () => {
    const { personId } = await upsert({ externalId: 'E-300', email: 'gil@example.org' });
    await eraseStakeholder(db, { organizationId: org.organizationId, stakeholderId: personId, now: org.now });
    expect((await upsert({ externalId: 'E-300' })).personId).not.toBe(personId);
    const theirs = await upsert({ externalId: 'E-400' }, other);
    expect((await upsert({ externalId: 'E-400' })).personId).not.toBe(theirs.personId);
    await expect(
      deactivatePerson(db, {
        organizationId: org.organizationId,
        groupId: org.groups.employee,
        personId: theirs.personId,
      }),
    ).rejects.toMatchObject({ kind: 'not_found' });
    expect((await row(theirs.personId)).active).toBe(1);
  });
});
