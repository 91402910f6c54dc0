import { DomainError } from '@facets/domain';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../create-db.ts';
import { newId } from '../ids.ts';
import { createInitiative, updateInitiative } from '../repositories/initiatives.ts';
import { listInitiatives } from '../repositories/plans.ts';
import { createPromise } from '../repositories/promises.ts';
import { updateOrganizationSettings } from '../repositories/settings.ts';
import { createSurvey } from '../repositories/survey-builder.ts';
import type { Database } from '../schema.ts';
import { buildFixture, type Fixture, openTestDb, testDialects } from '../testing.ts';
import {
  createGroup,
  createListEntry,
  readLists,
  removeListEntry,
  renameGroup,
  renameListEntry,
  restoreListEntry,
} from './index.ts';

const dialects = await testDialects();

async function refusal(call: Promise<unknown>): Promise<DomainError> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe.each(dialects)('the organisation’s lists and languages (%s)', (dialect) => {
  let handle: Db;
  let db: Kysely<Database>;
  let fx: Fixture;
  let org: { organizationId: string };
  const now = '2026-12-01T09:00:00.000Z';
  const initiative = (fields: { kind?: string; ownerDepartment?: string; title?: { fr?: string; en?: string } }) => ({
    ...org,
    title: fields.title ?? { fr: 'Charte', en: 'Charter' },
    description: null,
    kind: fields.kind ?? 'process',
    ownerDepartment: fields.ownerDepartment ?? 'hr',
    status: 'active',
    startDate: null,
    endDate: null,
    targets: [],
    now,
    newId,
  });

  beforeAll(async () => {
    handle = await openTestDb(dialect);
    db = handle.db;
    fx = await buildFixture(db);
    org = { organizationId: fx.organizationId };
  });
  afterAll(() => handle?.close());

  it('starts every organisation with the built-in entries', async () => {
    const lists = await readLists(db, org);
    expect(lists.department.map((e) => e.code)).toEqual([
      'leadership',
      'marketing',
      'hr',
      'it',
      'procurement',
      'finance',
      'operations',
      'customer_service',
      'investor_relations',
    ]);
    expect(lists.initiative_kind.find((e) => e.code === 'training')?.label).toEqual({
      fr: 'Formation',
      en: 'Training',
    });
    expect(lists.promise_channel).toHaveLength(5);
  });

  it('adds, renames and removes an entry, codes unique, an entry in use archived and kept for its rows', async () => {
    const legal = await createListEntry(db, {
      ...org,
      list: 'department',
      code: 'legal',
      label: { fr: 'Juridique', en: 'Legal' },
      now,
    });
    expect(legal).toMatchObject({ change: 'create', item: 'department', details: { label: 'Juridique / Legal' } });
    const duplicate = await refusal(
      createListEntry(db, { ...org, list: 'department', code: 'legal', label: { fr: 'Droit', en: 'Law' }, now }),
    );
    expect(duplicate).toMatchObject({ kind: 'conflict', field: 'code', reason: 'duplicate' });
    // The same code in another list is another entry.
    await createListEntry(db, {
      ...org,
      list: 'initiative_kind',
      code: 'legal',
      label: { fr: 'Droit', en: 'Law' },
      now,
    });
    const missing = await refusal(
      createListEntry(db, { ...org, list: 'promise_channel', code: 'radio', label: { fr: 'Radio' }, now }),
    );
    expect(missing).toMatchObject({ kind: 'invalid', field: 'label.en', reason: 'required' });

    await renameListEntry(db, {
      ...org,
      list: 'department',
      code: 'legal',
      label: { fr: 'Direction juridique', en: 'Legal' },
    });
    const made = await createInitiative(db, initiative({ ownerDepartment: 'legal' }));
    expect(made.ownerDepartment).toBe('legal');

    const removed = await removeListEntry(db, { ...org, list: 'department', code: 'legal', now });
    expect(removed).toMatchObject({ change: 'archive', result: { outcome: 'archived' } });
    const entry = (await readLists(db, org)).department.find((e) => e.code === 'legal');
    expect(entry).toEqual({
      code: 'legal',
      label: { fr: 'Direction juridique', en: 'Legal' },
      archived: true,
      inUse: true,
    });
    // No new initiative may choose it; the one that has it keeps it.
    const archived = await refusal(createInitiative(db, initiative({ ownerDepartment: 'legal' })));
    expect(archived).toMatchObject({ kind: 'invalid', field: 'ownerDepartment', reason: 'archived' });
    await updateInitiative(db, { ...initiative({ ownerDepartment: 'legal' }), initiativeId: made.id });
    await restoreListEntry(db, { ...org, list: 'department', code: 'legal' });
    expect((await readLists(db, org)).department.find((e) => e.code === 'legal')?.archived).toBe(false);

    const unused = await removeListEntry(db, { ...org, list: 'initiative_kind', code: 'legal', now });
    expect(unused.result).toEqual({ outcome: 'deleted' });
    expect((await readLists(db, org)).initiative_kind.some((e) => e.code === 'legal')).toBe(false);
  });

  it('refuses a department, kind or channel not in the organisation’s lists, naming the field', async () => {
    const kind = await refusal(createInitiative(db, initiative({ kind: 'lobbying' })));
    expect(kind).toMatchObject({ kind: 'invalid', field: 'kind' });
    const department = await refusal(createInitiative(db, initiative({ ownerDepartment: 'sales' })));
    expect(department).toMatchObject({ kind: 'invalid', field: 'ownerDepartment' });
    const channel = await refusal(
      createPromise(db, {
        ...org,
        groupId: fx.groups.employee,
        dimensionId: null,
        channel: 'radio',
        statement: { fr: 'Promis', en: 'Promised' },
        madeOn: '2026-06-01',
        now,
        newId,
      }),
    );
    expect(channel).toMatchObject({ kind: 'invalid', field: 'channel' });
    const other = await buildFixture(db);
    const elsewhere = await refusal(
      renameListEntry(db, {
        organizationId: other.organizationId,
        list: 'department',
        code: 'legal',
        label: { fr: 'X', en: 'X' },
      }),
    );
    expect(elsewhere).toMatchObject({ kind: 'not_found' });
  });

  it('requires each text in the organisation’s languages only, and reads it back in both', async () => {
    const other = await buildFixture(db);
    const theirs = { organizationId: other.organizationId };
    await updateOrganizationSettings(db, { ...theirs, changes: { languages: ['en'], defaultLocale: 'en' } });
    const frOnly = await refusal(
      createGroup(db, { ...theirs, kind: 'custom', code: 'partners', label: { fr: 'Partenaires' }, now, newId }),
    );
    expect(frOnly).toMatchObject({ kind: 'invalid', field: 'label.en', reason: 'required' });
    expect(frOnly.message).toBe('label.en: is required: the organisation writes in English');
    // A text in a language it does not write in is refused, not dropped; readers get the one it has.
    const frToo = await refusal(
      createGroup(db, {
        ...theirs,
        kind: 'custom',
        code: 'partners',
        label: { en: 'Partners', fr: 'Partenaires' },
        now,
        newId,
      }),
    );
    expect(frToo).toMatchObject({ kind: 'invalid', field: 'label.fr', reason: 'language_unused' });
    const { result } = await createGroup(db, {
      ...theirs,
      kind: 'custom',
      code: 'partners',
      label: { en: 'Partners', fr: ' ' },
      now,
      newId,
    });
    const row = await db
      .selectFrom('stakeholder_group')
      .select('label')
      .where('id', '=', result.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(row.label)).toEqual({ en: 'Partners' });
    await renameGroup(db, { ...theirs, groupId: result.id, label: { en: 'Business partners' } });
    const made = await createInitiative(db, { ...initiative({ title: { en: 'Onboarding' } }), ...theirs });
    expect(made.title).toEqual({ fr: 'Onboarding', en: 'Onboarding' });
    const [listed] = await listInitiatives(db, { ...theirs, ids: [made.id] });
    expect(listed?.title).toEqual({ fr: 'Onboarding', en: 'Onboarding' });
    const noTitle = await refusal(createInitiative(db, { ...initiative({ title: { fr: 'Accueil' } }), ...theirs }));
    expect(noTitle).toMatchObject({ field: 'title.en', reason: 'required' });
    const survey = (title: { fr?: string; en?: string }) =>
      createSurvey(db, { ...theirs, organizationName: 'O', groupId: other.groups.employee, title, now, newId });
    expect(await refusal(survey({ fr: 'Baromètre' }))).toMatchObject({ field: 'title.en', reason: 'required' });
    const { surveyId } = await survey({ en: 'Pulse' });
    const stored = await db.selectFrom('survey').select('title').where('id', '=', surveyId).executeTakeFirstOrThrow();
    expect(JSON.parse(stored.title)).toEqual({ en: 'Pulse' });
  });
});
