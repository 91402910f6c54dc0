import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../create-db.ts';
import { buildFixture, type Fixture } from '../fixture.ts';
import { newId } from '../ids.ts';
import { createAttribute } from '../model/attributes.ts';
import type { Database } from '../schema.ts';
import { openTestDb, testDialects } from '../testing.ts';
import { eraseStakeholder } from './people.ts';
import { createPerson, deactivatePerson, type PersonRecord, replacePerson, upsertPerson } from './person.ts';

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
    await deactivatePerson(db, {
      organizationId: org.organizationId,
      groupId: org.groups.employee,
      personId,
      now: org.now,
    });
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
        now: org.now,
      }),
    ).rejects.toMatchObject({ kind: 'not_found' });
    expect((await row(theirs.personId)).active).toBe(1);
  });

  const record = (fields: Partial<PersonRecord> & { email: string }): PersonRecord => ({
    externalId: null,
    name: fields.email,
    locale: null,
    segments: {},
    managerId: null,
    active: true,
    ...fields,
  });
  const tenant = () => ({ organizationId: org.organizationId, groupId: org.groups.employee });

  it('creates a person exactly as stated, refuses a second holder of an e-mail or external id', async () => {
    const { personId } = await createPerson(db, {
      ...tenant(),
      record: record({ email: 'hana@example.org', externalId: 'E-500', name: 'Hana', segments: { site: 'paris' } }),
      now: org.now,
      newId,
    });
    expect(await row(personId)).toMatchObject({ display_name: 'Hana', external_ref: 'E-500', active: 1 });
    const count = async () => (await db.selectFrom('stakeholder').select('id').execute()).length;
    const before = await count();
    await expect(
      createPerson(db, { ...tenant(), record: record({ email: 'HANA@example.org' }), now: org.now, newId }),
    ).rejects.toMatchObject({ kind: 'conflict', field: 'email', reason: 'duplicate' });
    await expect(
      createPerson(db, {
        ...tenant(),
        record: record({ email: 'ian@example.org', externalId: 'E-500' }),
        now: org.now,
        newId,
      }),
    ).rejects.toMatchObject({ kind: 'conflict', field: 'externalId' });
    await expect(
      createPerson(db, {
        ...tenant(),
        record: record({ email: 'ian@example.org', managerId: 'nobody' }),
        now: org.now,
        newId,
      }),
    ).rejects.toMatchObject({ field: 'manager', reason: 'not_found' });
    expect(await count()).toBe(before);
  });

  it('replaces a person: what is left out is cleared, archived segments kept, a reporting cycle refused', async () => {
    const boss = await createPerson(db, {
      ...tenant(),
      record: record({ email: 'boss@example.org' }),
      now: org.now,
      newId,
    });
    const { personId } = await createPerson(db, {
      ...tenant(),
      record: record({ email: 'jo@example.org', locale: 'fr', segments: { department: 'hr', site: 'lyon' } }),
      now: org.now,
      newId,
    });
    const replaced = await replacePerson(db, {
      ...tenant(),
      personId,
      record: record({ email: 'jo@example.org', name: 'Jo', segments: { department: 'it' }, managerId: boss.personId }),
      now: org.now,
    });
    expect(replaced).toEqual({ personId, changed: true, deactivated: false });
    const stored = await row(personId);
    expect(stored).toMatchObject({ display_name: 'Jo', locale: null, manager_id: boss.personId });
    expect(JSON.parse(stored.segments)).toEqual({ department: 'it' });
    await expect(
      replacePerson(db, {
        ...tenant(),
        personId: boss.personId,
        record: record({ email: 'boss@example.org', managerId: personId }),
        now: org.now,
      }),
    ).rejects.toMatchObject({ field: 'manager' });
    expect((await row(boss.personId)).manager_id).toBeNull();
    // Another organisation's person is nobody here.
    const theirs = await upsertPerson(db, {
      organizationId: other.organizationId,
      groupId: other.groups.employee,
      person: { email: 'kim@example.org' },
      now: other.now,
      newId,
    });
    await expect(
      replacePerson(db, {
        ...tenant(),
        personId: theirs.personId,
        record: record({ email: 'kim@example.org' }),
        now: org.now,
      }),
    ).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('holds deactivations without a confirmation to the limit over the window, whatever deactivated the others', async () => {
    const fx = await buildFixture(db);
    const where = { organizationId: fx.organizationId, groupId: fx.groups.employee };
    const ids: string[] = [];
    // The fixture's three employees and seven more: ten active people.
    for (let i = 0; i < 7; i++) {
      ids.push(
        (await createPerson(db, { ...where, record: record({ email: `p${i}@example.org` }), now: fx.now, newId }))
          .personId,
      );
    }
    const at = (minutes: number) => new Date(Date.parse(fx.now) + minutes * 60_000).toISOString();
    const limited = (personId: string, minutes: number) =>
      deactivatePerson(db, { ...where, personId, now: at(minutes), limit: {} });
    // By hand (no limit), then through the limit: 4 of 10 is 40 %, not more.
    await deactivatePerson(db, { ...where, personId: ids[0]!, now: at(0) });
    await limited(ids[1]!, 10);
    await limited(ids[2]!, 20);
    await replacePerson(db, {
      ...where,
      personId: ids[3]!,
      record: record({ email: 'p3@example.org', active: false }),
      now: at(30),
      limit: {},
    });
    await expect(limited(ids[4]!, 40)).rejects.toMatchObject({
      kind: 'conflict',
      reason: 'deactivation_limit',
      field: 'active',
    });
    await expect(
      replacePerson(db, {
        ...where,
        personId: ids[4]!,
        record: record({ email: 'p4@example.org', active: false }),
        now: at(40),
        limit: {},
      }),
    ).rejects.toMatchObject({ reason: 'deactivation_limit' });
    expect((await row(ids[4]!)).active).toBe(1);
    // Deactivating someone inactive again is no new deactivation.
    await limited(ids[1]!, 45);
    // Once the first left the window: 3 of 9 active an hour before, one more is 4 of 9, still above 40 %.
    await expect(limited(ids[4]!, 61)).rejects.toMatchObject({ reason: 'deactivation_limit' });
    // Once the second left too: 2 of 8, one more is 3 of 8.
    expect(await limited(ids[4]!, 71)).toEqual({ personId: ids[4]!, active: false });
    // Reactivated people are active again and no longer counted as recent.
    await upsertPerson(db, { ...where, person: { email: 'p2@example.org' }, now: at(72), newId });
    expect((await row(ids[2]!)).deactivated_at).toBeNull();
  });
});
