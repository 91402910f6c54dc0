import { DomainError } from '@facets/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../create-db.ts';
import { newId } from '../ids.ts';
import { addDimension, buildFixture, type Fixture, openTestDb, testDialects } from '../testing.ts';
import { submitResponse } from './responses.ts';
import { createSurvey, duplicateSurvey, type QuestionInput, saveQuestions, updateSurvey } from './survey-builder.ts';
import { getSurveyDetail, listSurveys } from './survey-catalog.ts';
import { listTemplatePreviews } from './survey-templates.ts';
import { scheduleWave } from './waves.ts';

const dialects = await testDialects();
const now = '2026-12-01T09:00:00.000Z';
const t = (en: string) => ({ fr: `${en} (fr)`, en });

async function failure(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe.each(dialects)('survey builder (%s)', (dialect) => {
  let handle: Db;
  let fx: Fixture;
  let other: Fixture;
  const org = () => ({ organizationId: fx.organizationId, organizationName: 'Atelier Nord', now, newId });
  const countSurveys = async () => (await listSurveys(handle.db, { organizationId: fx.organizationId, now })).length;

  beforeAll(async () => {
    handle = await openTestDb(dialect);
    fx = await buildFixture(handle.db, { now });
    other = await buildFixture(handle.db, { now });
    for (const code of ['management', 'growth', 'workload', 'listening', 'tools']) {
      await addDimension(handle.db, { organizationId: fx.organizationId, code, groupIds: [fx.groups.employee], now });
    }
  });
  afterAll(() => handle.close());

  it('tells which dimensions of a template the group has and which it lacks', async () => {
    const previews = await listTemplatePreviews(handle.db, { ...org(), groupId: fx.groups.employee });
    expect(previews.map((p) => p.id)).toEqual([
      'employee_engagement',
      'employee_pulse',
      'employee_onboarding',
      'employee_exit',
    ]);
    const engagement = previews[0]!;
    expect(engagement.title.en).toBe('Your experience at Atelier Nord');
    expect(engagement.dimensions.filter((d) => d.dimension === null).map((d) => d.code)).toEqual(['wellbeing']);
    expect(engagement.dimensions.find((d) => d.code === 'recognition')).toMatchObject({
      items: 2,
      dimension: { id: fx.dimensions.recognition },
    });
    const supplier = await listTemplatePreviews(handle.db, { ...org(), groupId: fx.groups.supplier });
    expect(supplier.map((p) => p.id)).toEqual(['supplier_relationship']);
  });

  it('refuses a template whose missing dimension was neither mapped nor dropped, and writes nothing', async () => {
    const before = await countSurveys();
    const error = await failure(
      createSurvey(handle.db, { ...org(), groupId: fx.groups.employee, templateId: 'employee_engagement' }),
    );
    expect(error.field).toBe('dimensionChoices.wellbeing');
    expect(error.message).toMatch(/^dimensionChoices\.wellbeing: this group has no “wellbeing” dimension/);
    const wrong = await failure(
      createSurvey(handle.db, {
        ...org(),
        groupId: fx.groups.employee,
        templateId: 'employee_engagement',
        dimensionChoices: { wellbeing: fx.dimensions.payment },
      }),
    );
    expect(wrong.field).toBe('dimensionChoices.wellbeing');
    const kind = await failure(
      createSurvey(handle.db, { ...org(), groupId: fx.groups.employee, templateId: 'supplier_relationship' }),
    );
    expect(kind.field).toBe('templateId');
    expect(await countSurveys()).toBe(before);
  });

  it('builds a draft from a template, with the mapped items on the chosen dimension and the dropped ones gone', async () => {
    const { surveyId } = await createSurvey(handle.db, {
      ...org(),
      groupId: fx.groups.employee,
      templateId: 'employee_engagement',
      dimensionChoices: { wellbeing: fx.dimensions.recognition },
    });
    const detail = await getSurveyDetail(handle.db, { organizationId: fx.organizationId, surveyId, now });
    expect(detail).toMatchObject({ status: 'draft', anonymous: true, kind: 'pulse', locked: false, waves: [] });
    expect(detail.questions[0]).toMatchObject({
      code: 'enps',
      position: 1,
      scale: 'nps11',
      facet: 'outcome',
      dimensionId: null,
    });
    expect(detail.questions.find((q) => q.code === 'wellbeing_lived')?.dimensionId).toBe(fx.dimensions.recognition);
    expect(detail.questions.at(-1)).toMatchObject({ code: 'comment', type: 'text', required: false });

    const dropped = await createSurvey(handle.db, {
      ...org(),
      groupId: fx.groups.employee,
      templateId: 'employee_engagement',
      dimensionChoices: { wellbeing: null },
    });
    const codes = (
      await getSurveyDetail(handle.db, { organizationId: fx.organizationId, surveyId: dropped.surveyId, now })
    ).questions.map((q) => q.code);
    expect(codes).not.toContain('wellbeing_lived');
    expect(codes).toHaveLength(detail.questions.length - 1);
  });

  it('edits, reorders, adds and removes questions in one save, keeping the ids it was given', async () => {
    const { surveyId } = await createSurvey(handle.db, { ...org(), groupId: fx.groups.supplier, title: t('Blank') });
    const rating: QuestionInput = {
      type: 'rating',
      scale: 'likert5',
      facet: 'lived',
      dimensionId: fx.dimensions.payment,
      prompt: t('Invoices are paid on time'),
      options: null,
      required: true,
    };
    const choice: QuestionInput = {
      type: 'single_choice',
      scale: null,
      facet: null,
      dimensionId: null,
      prompt: t('How often do you deliver?'),
      options: [
        { value: 'weekly', label: t('Weekly') },
        { value: 'monthly', label: t('Monthly') },
      ],
      required: false,
    };
    await saveQuestions(handle.db, { organizationId: fx.organizationId, surveyId, questions: [rating, choice], newId });
    const first = await getSurveyDetail(handle.db, { organizationId: fx.organizationId, surveyId, now });
    const [a, b] = first.questions;
    await saveQuestions(handle.db, {
      organizationId: fx.organizationId,
      surveyId,
      questions: [
        { ...b!, prompt: t('How often do you deliver to us?') },
        { ...rating, type: 'text', scale: null, facet: null, dimensionId: null, prompt: t('Comment'), required: false },
      ],
      newId,
    });
    const second = await getSurveyDetail(handle.db, { organizationId: fx.organizationId, surveyId, now });
    expect(second.questions.map((q) => [q.id === b!.id, q.position, q.type, q.prompt.en])).toEqual([
      [true, 1, 'single_choice', 'How often do you deliver to us?'],
      [false, 2, 'text', 'Comment'],
    ]);
    expect(second.questions.some((q) => q.id === a!.id)).toBe(false);
  });

  it('refuses a question that breaks a rule, naming the field, and keeps the questions as they were', async () => {
    const surveyId = fx.surveys.supplier.surveyId;
    const before = await getSurveyDetail(handle.db, { organizationId: fx.organizationId, surveyId, now });
    const base: QuestionInput = {
      type: 'rating',
      scale: 'likert5',
      facet: 'lived',
      dimensionId: fx.dimensions.payment,
      prompt: t('Q'),
      options: null,
      required: false,
    };
    const cases: [QuestionInput[], string][] = [
      [[base, { ...base, dimensionId: null }], 'questions.1.dimensionId'],
      [[{ ...base, dimensionId: fx.dimensions.recognition }], 'questions.0.dimensionId'],
      [[{ ...base, id: other.surveys.supplier.questions.payment_lived! }], 'questions.0.id'],
      [
        [
          { ...base, code: 'x' },
          { ...base, code: 'x' },
        ],
        'questions.1.code',
      ],
    ];
    for (const [questions, field] of cases) {
      const error = await failure(
        saveQuestions(handle.db, { organizationId: fx.organizationId, surveyId, questions, newId }),
      );
      expect(error.field).toBe(field);
    }
    expect((await getSurveyDetail(handle.db, { organizationId: fx.organizationId, surveyId, now })).questions).toEqual(
      before.questions,
    );
  });

  it('freezes the questions once a wave has responses, and a duplicate can change them', async () => {
    const surveyId = fx.surveys.employee.surveyId;
    await submitResponse(handle.db, {
      organizationId: fx.organizationId,
      waveId: fx.surveys.employee.waveId,
      stakeholderId: fx.stakeholders.alice.id,
      groupId: fx.groups.employee,
      segments: fx.stakeholders.alice.segments,
      idempotencyKey: newId(),
      answers: [
        { questionId: fx.surveys.employee.questions.recognition_lived!, value: 4 },
        { questionId: fx.surveys.employee.questions.recognition_expected!, value: 5 },
      ],
      now,
      newId,
    });
    const locked = await getSurveyDetail(handle.db, { organizationId: fx.organizationId, surveyId, now });
    expect(locked.locked).toBe(true);
    const questions = locked.questions.slice(1);
    const error = await failure(
      saveQuestions(handle.db, { organizationId: fx.organizationId, surveyId, questions, newId }),
    );
    expect(error.kind).toBe('conflict');
    expect(error.message).toMatch(/already has responses.*duplicate the survey/);
    expect(
      (await getSurveyDetail(handle.db, { organizationId: fx.organizationId, surveyId, now })).questions,
    ).toHaveLength(locked.questions.length);

    const copy = await duplicateSurvey(handle.db, { organizationId: fx.organizationId, surveyId, now, newId });
    const duplicate = await getSurveyDetail(handle.db, {
      organizationId: fx.organizationId,
      surveyId: copy.surveyId,
      now,
    });
    expect(duplicate).toMatchObject({
      status: 'draft',
      locked: false,
      waves: [],
      anonymous: true,
      title: { en: 'Pulse (copy)' },
    });
    expect(duplicate.questions.map((q) => q.code)).toEqual(locked.questions.map((q) => q.code));
    await saveQuestions(handle.db, {
      organizationId: fx.organizationId,
      surveyId: copy.surveyId,
      questions: duplicate.questions.slice(1).map(({ id: _id, ...q }) => q),
      newId,
    });
  });

  it('keeps anonymity as promised once a wave is launched', async () => {
    const { surveyId } = await createSurvey(handle.db, {
      ...org(),
      groupId: fx.groups.employee,
      title: t('Quick pulse'),
    });
    await updateSurvey(handle.db, {
      organizationId: fx.organizationId,
      surveyId,
      title: t('Quick pulse'),
      intro: t('Hello'),
      anonymous: false,
    });
    await saveQuestions(handle.db, {
      organizationId: fx.organizationId,
      surveyId,
      questions: [
        {
          type: 'text',
          scale: null,
          facet: null,
          dimensionId: null,
          prompt: t('Anything?'),
          options: null,
          required: false,
        },
      ],
      newId,
    });
    await scheduleWave(handle.db, {
      organizationId: fx.organizationId,
      surveyId,
      label: 'Dec',
      opensAt: now,
      closesAt: '2026-12-20T00:00:00.000Z',
      now,
      newId,
    });
    const error = await failure(
      updateSurvey(handle.db, {
        organizationId: fx.organizationId,
        surveyId,
        title: t('Quick pulse'),
        intro: null,
        anonymous: true,
      }),
    );
    expect(error).toMatchObject({ kind: 'conflict', field: 'anonymous' });
    await updateSurvey(handle.db, {
      organizationId: fx.organizationId,
      surveyId,
      title: t('December pulse'),
      intro: null,
      anonymous: false,
    });
    expect(await getSurveyDetail(handle.db, { organizationId: fx.organizationId, surveyId, now })).toMatchObject({
      title: { en: 'December pulse' },
      intro: null,
      anonymous: false,
      status: 'open',
    });
  });

  it('finds nothing of another organisation', async () => {
    const surveyId = other.surveys.employee.surveyId;
    expect((await failure(getSurveyDetail(handle.db, { organizationId: fx.organizationId, surveyId, now }))).kind).toBe(
      'not_found',
    );
    expect(
      (await failure(duplicateSurvey(handle.db, { organizationId: fx.organizationId, surveyId, now, newId }))).kind,
    ).toBe('not_found');
    const group = await failure(createSurvey(handle.db, { ...org(), groupId: other.groups.employee, title: t('x') }));
    expect(group.kind).toBe('not_found');
  });
});
