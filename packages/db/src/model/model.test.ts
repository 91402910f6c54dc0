import { DomainError } from '@facets/domain';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../create-db.ts';
import { newId } from '../ids.ts';
import { groupKindsWithCode, listDimensions, listGroups, listSegmentAttributes } from '../repositories/groups.ts';
import { createSurvey } from '../repositories/survey-builder.ts';
import type { Database } from '../schema.ts';
import { buildFixture, type Fixture, openTestDb, testDialects } from '../testing.ts';
import {
  addSegmentValue,
  createAttribute,
  createDimension,
  createGroup,
  readModel,
  removeAttribute,
  removeDimension,
  removeGroup,
  removeSegmentValue,
  renameGroup,
  renameSegmentValue,
  updateDimension,
} from './index.ts';

const dialects = await testDialects();
const label = (en: string) => ({ fr: `${en} (fr)`, en });

/** The error a call is refused with (fails the test when it succeeds). */
async function refusal(call: Promise<unknown>): Promise<DomainError> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe.each(dialects)('the organisation’s model (%s)', (dialect) => {
  let handle: Db;
  let db: Kysely<Database>;
  let fx: Fixture;
  let org: { organizationId: string };
  const later = '2026-12-01T09:00:00.000Z';

  beforeAll(async () => {
    handle = await openTestDb(dialect);
    db = handle.db;
    fx = await buildFixture(db);
    org = { organizationId: fx.organizationId };
  });
  afterAll(() => handle?.close());

  const tables = async () =>
    JSON.stringify(
      await Promise.all(
        (['stakeholder_group', 'dimension', 'dimension_group', 'segment_attribute'] as const).map((t) =>
          db.selectFrom(t).selectAll().where('organization_id', '=', fx.organizationId).execute(),
        ),
      ),
    );

  it('refuses a code that is a server path or another kind’s portal mount, with nothing written', async () => {
    const before = await tables();
    for (const [kind, code] of [
      ['custom', 'console'],
      ['employee', 'trpc'],
      ['custom', 'employee'],
      ['employee', 'group'],
    ] as const) {
      const reserved = await refusal(createGroup(db, { ...org, kind, code, label: label('X'), now: fx.now, newId }));
      expect([reserved.kind, reserved.field, reserved.reason]).toEqual(['invalid', 'code', 'reserved']);
    }
    expect(await tables()).toBe(before);
  });

  it('finds the kinds of the groups with a code across organisations, archived ones included', async () => {
    // Codes of this test only: the PostgreSQL test database holds other tests' organisations too.
    const crew = `crew_${newId().toLowerCase().slice(0, 8)}`;
    const other = await buildFixture(db);
    expect(await groupKindsWithCode(db, crew)).toEqual([]);
    await createGroup(db, { ...org, kind: 'employee', code: crew, label: label('Crew'), now: fx.now, newId });
    expect(await groupKindsWithCode(db, crew)).toEqual(['employee']);
    const { result } = await createGroup(db, {
      organizationId: other.organizationId,
      kind: 'custom',
      code: crew,
      label: label('Crew'),
      now: fx.now,
      newId,
    });
    expect((await groupKindsWithCode(db, crew)).sort()).toEqual(['custom', 'employee']);
    await db.updateTable('stakeholder_group').set({ archived_at: later }).where('id', '=', result.id).execute();
    expect((await groupKindsWithCode(db, crew)).sort()).toEqual(['custom', 'employee']);
  });

  it('creates a custom group, refuses its code twice with nothing written, renames it and keeps its code', async () => {
    const { result } = await createGroup(db, {
      ...org,
      kind: 'custom',
      code: 'partners',
      label: label('Partners'),
      now: fx.now,
      newId,
    });
    const before = await tables();
    const again = await refusal(
      createGroup(db, { ...org, kind: 'customer', code: 'partners', label: label('Others'), now: fx.now, newId }),
    );
    expect([again.field, again.reason]).toEqual(['code', 'duplicate']);
    expect(await tables()).toBe(before);
    const renamed = await renameGroup(db, { ...org, groupId: result.id, label: label('Business partners') });
    expect(renamed.details).toMatchObject({
      code: 'partners',
      label: { to: 'Business partners (fr) / Business partners' },
    });
    expect((await listGroups(db, fx.organizationId)).find((g) => g.id === result.id)).toMatchObject({
      code: 'partners',
      kind: 'custom',
      label: label('Business partners'),
    });
  });

  it('deletes a group without data, with its attributes and the dimensions that were its alone', async () => {
    const { result: group } = await createGroup(db, {
      ...org,
      kind: 'custom',
      code: 'patients',
      label: label('Patients'),
      now: fx.now,
      newId,
    });
    const { result: own } = await createDimension(db, {
      ...org,
      code: 'care',
      label: label('Care'),
      description: null,
      groupIds: [group.id],
      now: fx.now,
      newId,
    });
    await updateDimension(db, {
      ...org,
      dimensionId: fx.dimensions.payment,
      label: label('payment'),
      description: null,
      groupIds: [fx.groups.supplier, group.id],
    });
    await createAttribute(db, { ...org, groupId: group.id, key: 'ward', label: label('Ward'), values: [], newId });
    const removed = await removeGroup(db, { ...org, groupId: group.id, now: later });
    expect(removed.result).toEqual({ outcome: 'deleted' });
    expect(removed.details.dimensions).toEqual(['care']);
    expect((await listGroups(db, fx.organizationId)).map((g) => g.id)).not.toContain(group.id);
    const dimensions = await listDimensions(db, org);
    expect(dimensions.map((d) => d.id)).not.toContain(own.id);
    expect(dimensions.find((d) => d.id === fx.dimensions.payment)?.groupIds).toEqual([fx.groups.supplier]);
    expect(await db.selectFrom('segment_attribute').select('id').where('group_id', '=', group.id).execute()).toEqual(
      [],
    );
  });

  it('archives a group with data: still listed for reports, left out of new work, no new survey', async () => {
    const other = await buildFixture(db);
    const removed = await removeGroup(db, {
      organizationId: other.organizationId,
      groupId: other.groups.supplier,
      now: later,
    });
    expect(removed.result).toEqual({ outcome: 'archived' });
    expect((await listGroups(db, other.organizationId)).map((g) => g.id)).toContain(other.groups.supplier);
    expect((await listGroups(db, other.organizationId, { active: true })).map((g) => g.id)).toEqual([
      other.groups.employee,
    ]);
    expect(
      await db.selectFrom('survey').select('id').where('group_id', '=', other.groups.supplier).execute(),
    ).toHaveLength(1);
    const refused = await refusal(
      createSurvey(db, {
        organizationId: other.organizationId,
        organizationName: 'Org',
        groupId: other.groups.supplier,
        title: label('New'),
        now: later,
        newId,
      }),
    );
    expect([refused.field, refused.reason]).toEqual(['groupId', 'archived']);
  });

  it('refuses another organisation’s group as not found', async () => {
    const other = await buildFixture(db);
    const error = await refusal(renameGroup(db, { ...org, groupId: other.groups.employee, label: label('Mine') }));
    expect([error.kind, error.field]).toEqual(['not_found', 'groupId']);
  });

  it('shares a dimension, and refuses to drop a group whose survey asks it, naming the survey', async () => {
    const before = await tables();
    const error = await refusal(
      updateDimension(db, {
        ...org,
        dimensionId: fx.dimensions.transparency,
        label: label('Openness'),
        description: null,
        groupIds: [fx.groups.supplier],
      }),
    );
    expect([error.field, error.reason]).toEqual(['groupIds', 'in_use']);
    expect(error.message).toContain('“Pulse”');
    expect(await tables()).toBe(before);
    const { result } = await createDimension(db, {
      ...org,
      code: 'fairness',
      label: label('Fairness'),
      description: label('Being treated fairly'),
      groupIds: [fx.groups.employee, fx.groups.supplier],
      now: fx.now,
      newId,
    });
    const fairness = (await listDimensions(db, org)).find((d) => d.id === result.id);
    expect(fairness).toMatchObject({ shared: true, description: label('Being treated fairly'), archived: false });
    expect(
      (
        await refusal(
          createDimension(db, {
            ...org,
            code: 'fairness',
            label: label('Again'),
            description: null,
            groupIds: [fx.groups.employee],
            now: fx.now,
            newId,
          }),
        )
      ).reason,
    ).toBe('duplicate');
  });

  it('refuses to remove a dimension an open wave asks, archives it once closed, deletes an unused one', async () => {
    const error = await refusal(removeDimension(db, { ...org, dimensionId: fx.dimensions.recognition, now: later }));
    expect([error.field, error.reason]).toEqual(['dimensionId', 'in_use']);
    expect(error.message).toContain('“Pulse”');
    expect(
      (await readModel(db, { ...org, now: later })).dimensions.find((d) => d.id === fx.dimensions.recognition),
    ).toMatchObject({
      inUse: true,
      openSurvey: { en: 'Pulse' },
      askedByGroupIds: [fx.groups.employee],
    });
    await db
      .updateTable('wave')
      .set({ status: 'closed' })
      .where('survey_id', '=', fx.surveys.employee.surveyId)
      .execute();
    expect((await removeDimension(db, { ...org, dimensionId: fx.dimensions.recognition, now: later })).result).toEqual({
      outcome: 'archived',
    });
    expect((await listDimensions(db, { ...org, groupId: fx.groups.employee })).map((d) => d.code)).toContain(
      'recognition',
    );
    expect(
      (await listDimensions(db, { ...org, groupId: fx.groups.employee, active: true })).map((d) => d.code),
    ).not.toContain('recognition');
    const { result } = await createDimension(db, {
      ...org,
      code: 'unused',
      label: label('Unused'),
      description: null,
      groupIds: [fx.groups.employee],
      now: fx.now,
      newId,
    });
    expect((await removeDimension(db, { ...org, dimensionId: result.id, now: later })).result).toEqual({
      outcome: 'deleted',
    });
    expect(
      await db.selectFrom('dimension_group').select('group_id').where('dimension_id', '=', result.id).execute(),
    ).toEqual([]);
  });

  it('keeps segment attributes and values: company reserved, carried values archived, others deleted', async () => {
    const reserved = await refusal(
      createAttribute(db, {
        ...org,
        groupId: fx.groups.supplier,
        key: 'company',
        label: label('Company'),
        values: [],
        newId,
      }),
    );
    expect([reserved.field, reserved.reason]).toEqual(['key', 'reserved']);
    // The reporting line's teams are a segment of their own too.
    const team = await refusal(
      createAttribute(db, {
        ...org,
        groupId: fx.groups.employee,
        key: 'team',
        label: label('Team'),
        values: [],
        newId,
      }),
    );
    expect([team.field, team.reason, team.message]).toEqual([
      'key',
      'reserved',
      'key: is reserved for the reporting line',
    ]);
    const values = ['it', 'hr', 'finance'].map((v) => ({ value: v, label: label(v.toUpperCase()) }));
    await createAttribute(db, {
      ...org,
      groupId: fx.groups.employee,
      key: 'department',
      label: label('Department'),
      values,
      newId,
    });
    const before = await tables();
    expect(
      (
        await refusal(
          createAttribute(db, {
            ...org,
            groupId: fx.groups.employee,
            key: 'department',
            label: label('Again'),
            values: [],
            newId,
          }),
        )
      ).reason,
    ).toBe('duplicate');
    expect(
      (
        await refusal(
          addSegmentValue(db, {
            ...org,
            groupId: fx.groups.employee,
            key: 'department',
            value: 'hr',
            label: label('HR'),
          }),
        )
      ).reason,
    ).toBe('duplicate');
    expect(await tables()).toBe(before);
    await addSegmentValue(db, {
      ...org,
      groupId: fx.groups.employee,
      key: 'department',
      value: 'sales',
      label: label('Sales'),
    });
    await renameSegmentValue(db, {
      ...org,
      groupId: fx.groups.employee,
      key: 'department',
      value: 'it',
      label: label('Technology'),
    });
    const where = { ...org, groupId: fx.groups.employee, key: 'department' };
    expect((await removeSegmentValue(db, { ...where, value: 'finance' })).result).toEqual({ outcome: 'deleted' });
    expect((await removeSegmentValue(db, { ...where, value: 'hr' })).result).toEqual({ outcome: 'archived' });
    const [all] = await listSegmentAttributes(db, { ...org, groupId: fx.groups.employee });
    expect(all?.values.map((v) => [v.value, v.label.en, v.archived])).toEqual([
      ['it', 'Technology', false],
      ['hr', 'HR', true],
      ['sales', 'Sales', false],
    ]);
    const [active] = await listSegmentAttributes(db, { ...org, groupId: fx.groups.employee, active: true });
    expect(active?.values.map((v) => v.value)).toEqual(['it', 'sales']);
    expect((await removeAttribute(db, { ...where, now: later })).result).toEqual({ outcome: 'archived' });
    expect(await listSegmentAttributes(db, { ...org, groupId: fx.groups.employee, active: true })).toEqual([]);
    await createAttribute(db, {
      ...org,
      groupId: fx.groups.employee,
      key: 'tenure',
      label: label('Tenure'),
      values: [],
      newId,
    });
    expect((await removeAttribute(db, { ...where, key: 'tenure', now: later })).result).toEqual({ outcome: 'deleted' });
    expect(
      (await listSegmentAttributes(db, { ...org, groupId: fx.groups.employee })).map((a) => [a.key, a.archived]),
    ).toEqual([['department', true]]);
  });
});
