import type { Kysely } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../create-db.ts';
import { newId } from '../ids.ts';
import type { Database } from '../schema.ts';
import { buildFixture, type Fixture, openTestDb, testDialects } from '../testing.ts';
import { listProgrammes } from './programmes.ts';
import { submitResponse } from './responses.ts';
import { getWaveSurvey, groupOfSurvey, listOpenWaves, listWavesWithData, setHeadlineSurvey } from './surveys.ts';

const dialects = await testDialects();

describe.each(dialects)('surveys and overview (%s)', (dialect) => {
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

  it('keeps one headline survey per group, and finds the group of a survey or of a wave within the tenant', async () => {
    const tenant = { organizationId: fx.organizationId };
    const pulseId = newId();
    await db
      .insertInto('survey')
      .values({
        id: pulseId,
        organization_id: fx.organizationId,
        group_id: fx.groups.employee,
        kind: 'pulse',
        title: JSON.stringify({ fr: 'Pulse', en: 'Pulse' }),
        intro: null,
        anonymous: 1,
        status: 'draft',
        created_at: '2026-11-23T09:00:00.000Z',
        primary_segment_key: null,
      })
      .execute();
    const marks = async () =>
      (await listProgrammes(db, { ...tenant, groupId: fx.groups.employee })).map((p) => [p.surveyId, p.headline]);
    expect(await marks()).toEqual([
      [fx.surveys.employee.surveyId, false],
      [pulseId, false],
    ]);
    await setHeadlineSurvey(db, { ...tenant, surveyId: pulseId, headline: true });
    await setHeadlineSurvey(db, { ...tenant, surveyId: fx.surveys.supplier.surveyId, headline: true });
    expect(await marks()).toEqual([
      [fx.surveys.employee.surveyId, false],
      [pulseId, true],
    ]);
    await setHeadlineSurvey(db, { ...tenant, surveyId: fx.surveys.employee.surveyId, headline: true });
    expect(await marks()).toEqual([
      [fx.surveys.employee.surveyId, true],
      [pulseId, false],
    ]);
    // The supplier group's mark is its own.
    expect((await listProgrammes(db, { ...tenant, groupId: fx.groups.supplier }))[0]?.headline).toBe(true);
    await expect(setHeadlineSurvey(db, { ...tenant, surveyId: 'nope', headline: true })).rejects.toMatchObject({
      kind: 'not_found',
      field: 'surveyId',
    });

    expect(await groupOfSurvey(db, { ...tenant, surveyId: pulseId })).toBe(fx.groups.employee);
    expect(await groupOfSurvey(db, { ...tenant, waveId: fx.surveys.supplier.waveId })).toBe(fx.groups.supplier);
    expect(await groupOfSurvey(db, { ...tenant, surveyId: pulseId, waveId: fx.surveys.employee.waveId })).toBeNull();
    const other = await buildFixture(db);
    expect(await groupOfSurvey(db, { organizationId: other.organizationId, surveyId: pulseId })).toBeNull();
  });

  it("lists the open waves of the caller's group only", async () => {
    const waves = await listOpenWaves(db, {
      organizationId: fx.organizationId,
      groupId: fx.groups.supplier,
      stakeholderId: fx.stakeholders.sam.id,
      now: fx.now,
    });
    expect(waves).toEqual([
      {
        waveId: fx.surveys.supplier.waveId,
        surveyId: fx.surveys.supplier.surveyId,
        title: { fr: 'Pulse (fr)', en: 'Pulse' },
        kind: 'pulse',
        anonymous: false,
        closesAt: null,
        answered: false,
        questionCount: 3,
      },
    ]);
    const beforeOpening = await listOpenWaves(db, {
      organizationId: fx.organizationId,
      groupId: fx.groups.supplier,
      stakeholderId: fx.stakeholders.sam.id,
      now: '2026-10-01T00:00:00.000Z',
    });
    expect(beforeOpening).toEqual([]);
  });

  it('gives a wave with its questions in order, and hides it from other groups', async () => {
    const survey = await getWaveSurvey(db, {
      organizationId: fx.organizationId,
      waveId: fx.surveys.employee.waveId,
      groupId: fx.groups.employee,
    });
    expect(survey).toMatchObject({ anonymous: true, status: 'open', intro: null });
    expect(survey.questions.map((q) => [q.position, q.type, q.scale, q.required])).toEqual([
      [1, 'rating', 'likert5', true],
      [2, 'rating', 'likert5', true],
      [3, 'rating', 'likert5', false],
      [4, 'rating', 'nps11', false],
      [5, 'single_choice', null, false],
      [6, 'multi_choice', null, false],
      [7, 'text', null, false],
    ]);
    expect(survey.questions[0]?.dimension).toEqual({
      id: fx.dimensions.recognition,
      label: { fr: 'recognition (fr)', en: 'recognition' },
    });
    expect(survey.questions[4]?.options?.map((o) => o.value)).toEqual(['good', 'ok', 'bad']);
    const elsewhere = getWaveSurvey(db, {
      organizationId: fx.organizationId,
      waveId: fx.surveys.employee.waveId,
      groupId: fx.groups.supplier,
    });
    await expect(elsewhere).rejects.toMatchObject({ kind: 'not_found', field: 'waveId' });
    const other = await buildFixture(db);
    const crossOrg = getWaveSurvey(db, { organizationId: other.organizationId, waveId: fx.surveys.employee.waveId });
    await expect(crossOrg).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('lists the waves of a group that hold responses, oldest first, text-only answers included', async () => {
    const args = { organizationId: fx.organizationId, groupId: fx.groups.employee };
    expect(await listWavesWithData(db, args)).toEqual([]);
    const q = fx.surveys.employee.questions;
    const send = (
      who: 'alice' | 'bob',
      waveId: string,
      now: string,
      answers: { questionId: string; value?: number; text?: string }[],
    ) => {
      const s = fx.stakeholders[who];
      return submitResponse(db, {
        organizationId: fx.organizationId,
        waveId,
        stakeholderId: s.id,
        groupId: s.groupId,
        segments: s.segments,
        idempotencyKey: newId(),
        answers,
        now,
        newId,
      });
    };
    await send('bob', fx.surveys.employee.waveId, fx.now, [
      { questionId: q.recognition_lived!, value: 4 },
      { questionId: q.recognition_expected!, value: 4 },
    ]);
    // The earlier wave, reopened for the time of a submission that only comments.
    const closed = fx.surveys.employee.closedWaveId;
    await db
      .updateTable('question')
      .set({ required: 0 })
      .where('survey_id', '=', fx.surveys.employee.surveyId)
      .execute();
    await db.updateTable('wave').set({ status: 'open' }).where('id', '=', closed).execute();
    await send('alice', closed, '2026-07-10T09:00:00.000Z', [{ questionId: q.comment!, text: 'Only a comment' }]);
    await db.updateTable('wave').set({ status: 'closed' }).where('id', '=', closed).execute();

    expect(await listWavesWithData(db, args)).toEqual([
      {
        id: closed,
        label: 'Q3',
        sequence: 1,
        surveyId: fx.surveys.employee.surveyId,
        opensAt: '2026-07-01T00:00:00.000Z',
        closesAt: '2026-08-01T00:00:00.000Z',
        status: 'closed',
      },
      {
        id: fx.surveys.employee.waveId,
        label: 'Q4',
        sequence: 2,
        surveyId: fx.surveys.employee.surveyId,
        opensAt: '2026-11-01T00:00:00.000Z',
        closesAt: null,
        status: 'open',
      },
    ]);
    expect(await listWavesWithData(db, { ...args, groupId: fx.groups.supplier })).toEqual([]);
    const other = await buildFixture(db);
    expect(await listWavesWithData(db, { organizationId: other.organizationId, groupId: fx.groups.employee })).toEqual(
      [],
    );
  });
});
