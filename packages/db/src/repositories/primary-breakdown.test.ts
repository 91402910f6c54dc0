import { DomainError } from '@facets/domain';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../create-db.ts';
import { newId } from '../ids.ts';
import { publishWave } from '../publication/index.ts';
import { addSegmentAttributeValues, buildFixture, type Fixture, openTestDb, testDialects } from '../testing.ts';
import { createSurvey, duplicateSurvey, updateSurvey } from './survey-builder.ts';
import { getSurveyDetail, listSurveys } from './survey-catalog.ts';

const dialects = await testDialects();
const t = (en: string) => ({ fr: `${en} (fr)`, en });

async function failure(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe.each(dialects)('a survey names its primary breakdown (%s)', (dialect) => {
  let handle: Db;
  let fx: Fixture;

  beforeAll(async () => {
    handle = await openTestDb(dialect);
  });
  afterAll(() => handle?.close());
  beforeEach(async () => {
    fx = await buildFixture(handle.db);
    const tenant = { organizationId: fx.organizationId };
    await addSegmentAttributeValues(handle.db, {
      ...tenant,
      groupId: fx.groups.employee,
      key: 'department',
      label: t('Department'),
      values: [['it', 'Informatique', 'IT']],
    });
    await addSegmentAttributeValues(handle.db, {
      ...tenant,
      groupId: fx.groups.employee,
      key: 'site',
      label: t('Site'),
      values: [['lyon', 'Lyon', 'Lyon']],
    });
    for (const key of ['category', 'company']) {
      await addSegmentAttributeValues(handle.db, {
        ...tenant,
        groupId: fx.groups.supplier,
        key,
        label: t(key),
        values: [],
      });
    }
  });

  const detail = (surveyId: string) =>
    getSurveyDetail(handle.db, { organizationId: fx.organizationId, surveyId, now: fx.now });
  const edit = (surveyId: string, changes: { title?: string; primarySegmentKey?: string | null }) =>
    updateSurvey(handle.db, {
      organizationId: fx.organizationId,
      surveyId,
      title: t(changes.title ?? 'Pulse'),
      intro: null,
      // The fixture's supplier survey is named, its employee survey anonymous.
      anonymous: surveyId !== fx.surveys.supplier.surveyId,
      ...(changes.primarySegmentKey !== undefined ? { primarySegmentKey: changes.primarySegmentKey } : {}),
    });
  const breakdown = async (surveyId: string) => {
    const s = await detail(surveyId);
    return { named: s.primarySegmentKey, effective: s.effectivePrimarySegmentKey, published: s.published };
  };

  it('sets a segment attribute of the group, reads it back, and returns to department when cleared', async () => {
    const surveyId = fx.surveys.employee.surveyId;
    expect(await breakdown(surveyId)).toEqual({ named: null, effective: 'department', published: false });
    expect(await edit(surveyId, { primarySegmentKey: 'site' })).toEqual({
      primarySegmentKey: { from: null, to: 'site' },
    });
    expect(await breakdown(surveyId)).toEqual({ named: 'site', effective: 'site', published: false });
    // Not given: left as it is.
    expect(await edit(surveyId, { title: 'Renamed' })).toEqual({ primarySegmentKey: { from: 'site', to: 'site' } });
    const listed = await listSurveys(handle.db, { organizationId: fx.organizationId, now: fx.now });
    expect(listed.find((s) => s.id === surveyId)).toMatchObject({
      primarySegmentKey: 'site',
      effectivePrimarySegmentKey: 'site',
    });
    // A group without a department attribute has no default breakdown.
    expect(listed.find((s) => s.id === fx.surveys.supplier.surveyId)).toMatchObject({
      primarySegmentKey: null,
      effectivePrimarySegmentKey: null,
    });
    await edit(surveyId, { primarySegmentKey: null });
    expect(await breakdown(surveyId)).toEqual({ named: null, effective: 'department', published: false });
  });

  it('refuses a key the group lacks and the company, naming the field, and changes nothing', async () => {
    const surveyId = fx.surveys.employee.surveyId;
    await edit(surveyId, { primarySegmentKey: 'site' });
    const unknown = await failure(edit(surveyId, { title: 'Not saved', primarySegmentKey: 'tenure' }));
    expect(unknown).toMatchObject({ kind: 'invalid', field: 'primarySegmentKey', reason: 'invalid_value' });
    // A key of another group is not one of this group's.
    const other = await failure(edit(surveyId, { title: 'Not saved', primarySegmentKey: 'category' }));
    expect(other).toMatchObject({ kind: 'invalid', field: 'primarySegmentKey', reason: 'invalid_value' });
    const company = await failure(
      edit(fx.surveys.supplier.surveyId, { title: 'Not saved', primarySegmentKey: 'company' }),
    );
    expect(company).toMatchObject({ kind: 'invalid', field: 'primarySegmentKey', reason: 'not_allowed' });
    expect(await breakdown(surveyId)).toEqual({ named: 'site', effective: 'site', published: false });
    expect((await detail(surveyId)).title.en).toBe('Pulse');
    expect((await detail(fx.surveys.supplier.surveyId)).primarySegmentKey).toBeNull();
    // The supplier group's own attribute is accepted.
    await edit(fx.surveys.supplier.surveyId, { primarySegmentKey: 'category' });
    expect((await detail(fx.surveys.supplier.surveyId)).effectivePrimarySegmentKey).toBe('category');
  });

  it('is fixed once a wave is published: another key is refused, the same one and the texts still save', async () => {
    const surveyId = fx.surveys.employee.surveyId;
    await edit(surveyId, { primarySegmentKey: 'site' });
    await publishWave(handle.db, {
      organizationId: fx.organizationId,
      waveId: fx.surveys.employee.closedWaveId,
      k: 5,
      commentK: 5,
      now: fx.now,
    });
    expect(await breakdown(surveyId)).toEqual({ named: 'site', effective: 'site', published: true });
    for (const primarySegmentKey of ['department', null]) {
      const error = await failure(edit(surveyId, { title: 'Not saved', primarySegmentKey }));
      expect(error).toMatchObject({ kind: 'conflict', field: 'primarySegmentKey', reason: 'wrong_state' });
    }
    expect(await breakdown(surveyId)).toEqual({ named: 'site', effective: 'site', published: true });
    expect((await detail(surveyId)).title.en).toBe('Pulse');
    await edit(surveyId, { title: 'Renamed', primarySegmentKey: 'site' });
    expect((await detail(surveyId)).title.en).toBe('Renamed');

    // A copy starts with the same breakdown, and has no published wave to hold it.
    const { surveyId: copy } = await duplicateSurvey(handle.db, {
      organizationId: fx.organizationId,
      surveyId,
      now: fx.now,
      newId,
    });
    expect(await breakdown(copy)).toEqual({ named: 'site', effective: 'site', published: false });
    await edit(copy, { primarySegmentKey: 'department' });
    expect(await breakdown(copy)).toEqual({ named: 'department', effective: 'department', published: false });
  });

  it('finds no survey of another organisation', async () => {
    const other = await buildFixture(handle.db);
    const error = await failure(
      updateSurvey(handle.db, {
        organizationId: fx.organizationId,
        surveyId: other.surveys.employee.surveyId,
        title: t('x'),
        intro: null,
        anonymous: true,
        primarySegmentKey: 'site',
      }),
    );
    expect(error).toMatchObject({ kind: 'not_found', field: 'surveyId' });
    const { surveyId } = await createSurvey(handle.db, {
      organizationId: fx.organizationId,
      organizationName: 'Atelier Nord',
      groupId: fx.groups.employee,
      title: t('Fresh'),
      now: fx.now,
      newId,
    });
    expect(await breakdown(surveyId)).toEqual({ named: null, effective: 'department', published: false });
  });
});
