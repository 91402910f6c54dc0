import { type Db, newId, submitResponse } from '@facets/db';
import { addStakeholder } from '@facets/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrg, callerFor, type Org, openDb } from '../test-setup.ts';
import { addSegmentAttribute } from './testing.ts';

/**
 * Question-level results and comparison with the whole group, figures computed by hand (k = 3). One closed wave of
 * the employee survey, with a second lived item on recognition ("peers"):
 * - IT (4): recognition lived 5, 5, 4, 4; peers 4, 4, 4 and one skipped;
 * - sales (4): recognition lived 2, 2, 3, 1; peers 2, 2 and two skipped.
 * Index values (likert5: (x − 1) / 4 × 100): 5 → 100, 4 → 75, 3 → 50, 2 → 25, 1 → 0.
 */

let db: Db;
let org: Org;
let peers: string;

beforeAll(async () => {
  db = await openDb();
  org = await buildOrg(db.db);
  await addSegmentAttribute(db.db, org, { groupId: org.groups.employee, key: 'department', values: ['it', 'sales'] });
  peers = newId();
  const survey = org.surveys.employee;
  await db.db
    .insertInto('question')
    .values({
      id: peers,
      organization_id: org.organizationId,
      survey_id: survey.surveyId,
      position: 98,
      code: 'recognition_peers',
      type: 'rating',
      scale: 'likert5',
      facet: 'lived',
      dimension_id: org.dimensions.recognition,
      prompt: JSON.stringify({
        fr: 'Mes collègues reconnaissent mon travail.',
        en: 'My colleagues recognise my work.',
      }),
      options: null,
      required: 0,
    })
    .execute();
  const people = [
    ...[5, 5, 4, 4].map((lived, i) => ({ department: 'it', lived, peers: i < 3 ? 4 : null })),
    ...[2, 2, 3, 1].map((lived, i) => ({ department: 'sales', lived, peers: i < 2 ? 2 : null })),
  ];
  await db.db.updateTable('wave').set({ status: 'open' }).where('id', '=', survey.waveId).execute();
  let key = 0;
  for (const p of people) {
    const s = await addStakeholder(db.db, org, {
      groupId: org.groups.employee,
      segments: { department: p.department },
    });
    await submitResponse(db.db, {
      organizationId: org.organizationId,
      waveId: survey.waveId,
      stakeholderId: s.id,
      groupId: org.groups.employee,
      segments: s.segments,
      idempotencyKey: `questions-${++key}`,
      answers: [
        { questionId: survey.questions.recognition_lived!, value: p.lived },
        { questionId: survey.questions.recognition_expected!, value: 4 },
        ...(p.peers === null ? [] : [{ questionId: peers, value: p.peers }]),
      ],
      now: org.now,
      newId,
    });
  }
  await db.db.updateTable('wave').set({ status: 'closed' }).where('id', '=', survey.waveId).execute();
});
afterAll(() => db.close());

const dimension = async (segment?: { key: string; value: string }) =>
  (await callerFor(db.db, org.leadership.userId)).insights.dimension({
    groupId: org.groups.employee,
    dimensionId: org.dimensions.recognition,
    ...(segment ? { segment } : {}),
  });

describe('question-level results', () => {
  it('gives each rating question of the dimension its distribution, score and favourability', async () => {
    const view = await dimension();
    const lived = org.surveys.employee.questions.recognition_lived!;
    const expected = org.surveys.employee.questions.recognition_expected!;
    expect(view.questions.map((q) => q.id)).toEqual(expect.arrayContaining([lived, expected, peers]));
    const main = view.questions.find((q) => q.id === lived)!;
    expect(main.facet).toBe('lived');
    expect(main.distribution).toEqual({
      bins: [
        { value: 1, count: 1 },
        { value: 2, count: 2 },
        { value: 3, count: 1 },
        { value: 4, count: 2 },
        { value: 5, count: 2 },
      ],
      n: 8,
      hidden: null,
    });
    // (100 + 100 + 75 + 75 + 25 + 25 + 50 + 0) / 8 = 56.25
    expect(main.score).toEqual({ value: 56.3, n: 8, hidden: null });
    expect(main.favourability).toEqual({ value: 50, n: 8, hidden: null, neutral: 12.5, unfavourable: 37.5 });
    // Without a segment there is nothing to compare with.
    expect(main.vsWhole).toBeNull();
    const second = view.questions.find((q) => q.id === peers)!;
    expect(second.prompt.en).toBe('My colleagues recognise my work.');
    // (75 × 3 + 25 × 2) / 5 = 55
    expect(second.score).toEqual({ value: 55, n: 5, hidden: null });
  });

  it('compares a segment with the whole group, with a 95 % interval', async () => {
    const view = await dimension({ key: 'department', value: 'it' });
    const main = view.questions.find((q) => q.id === org.surveys.employee.questions.recognition_lived)!;
    expect(main.score).toEqual({ value: 87.5, n: 4, hidden: null });
    // IT 100, 100, 75, 75 (mean 87.5, s² 625 / 3); the rest 25, 25, 50, 0 (mean 25, s² 1250 / 3); whole 56.25.
    // Difference 31.25; SE = 0.5 × √(625 / 12 + 1250 / 12) = 6.25; interval 31.25 ± 12.25.
    expect(main.vsWhole).toEqual({ value: 31.3, ci95: { low: 19, high: 43.5 }, significant: true, n: 4, wholeN: 8 });
    // The dimension itself: per respondent, the mean of its lived items — IT 87.5, 87.5, 75, 75 (mean 81.25);
    // sales 25, 25, 50, 0 (mean 25); whole 53.125.
    expect(view.vsWhole?.value).toBe(28.1);
    expect(view.vsWhole?.significant).toBe(true);
  });

  it('withholds a question where its answers would single out fewer than k people, without its n', async () => {
    // Peers in IT: 3 answers, but sales would then be the whole's 5 minus IT's 3 = 2 people.
    const view = await dimension({ key: 'department', value: 'it' });
    const second = view.questions.find((q) => q.id === peers)!;
    expect(second.score).toEqual({ value: null, n: 0, hidden: 'complementary' });
    expect(second.distribution).toEqual({ bins: [], n: 0, hidden: 'complementary' });
    expect(second.favourability.value).toBeNull();
    expect(second.vsWhole).toBeNull();
  });

  it('gives a manager their department against the whole group', async () => {
    const view = await (await callerFor(db.db, org.staff.manager.userId)).insights.dimension({
      groupId: org.groups.employee,
      dimensionId: org.dimensions.recognition,
    });
    expect(view.segment).toEqual({ key: 'department', value: 'it' });
    const main = view.questions.find((q) => q.id === org.surveys.employee.questions.recognition_lived)!;
    expect(main.vsWhole?.value).toBe(31.3);
  });
});

describe('the heatmap against the whole group', () => {
  it('gives each shown value its difference from the total with its confidence', async () => {
    const view = await (await callerFor(db.db, org.leadership.userId)).insights.breakdown({
      groupId: org.groups.employee,
      segmentKey: 'department',
    });
    const cell = (value: string) =>
      view.rows.find((r) => r.value === value)!.cells.find((c) => c.dimensionId === org.dimensions.recognition)!;
    // IT 87.5, 87.5, 75, 75 (s² 156.25 / 3) against sales 25, 25, 50, 0 (s² 1250 / 3): difference 28.125,
    // SE = 0.5 × √(156.25 / 12 + 1250 / 12) ≈ 5.41, interval 28.125 ± 10.61.
    expect(cell('it')).toMatchObject({ value: 81.3, n: 4 });
    expect(cell('it').vsTotal).toEqual({
      value: 28.1,
      ci95: { low: 17.5, high: 38.7 },
      significant: true,
      n: 4,
      wholeN: 8,
    });
    expect(cell('sales').vsTotal?.value).toBe(-28.1);
    expect(view.total.cells.every((c) => c.vsTotal === null)).toBe(true);
  });
});
