import type { Db } from '@facets/db';
import { TRPCError } from '@trpc/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fieldOf } from '../errors.ts';
import { buildOrg, callerFor, type Org, openDb } from '../test-setup.ts';
import { addSegmentAttribute, answerEmployees, people, runPulse } from './testing.ts';

/**
 * Surveys grouped into one programme: the quarterly survey (Q3 in July, Q4 in November) and a one-question pulse on
 * recognition (Pulse 1 in September, between them; Pulse 2 after Q4), HR having grouped the pulse into the quarterly
 * programme; and an onboarding survey that stays on its own. Each dimension shows its latest measurement in the
 * programme and the wave it comes from; trends compare a dimension's successive measurements, skipping the waves
 * that do not ask it; nothing of the onboarding survey enters.
 *
 * Recognition (lived, 1–5 → 0–100): Q3 75 (n 4), Pulse 1 100 (n 4), Q4 25 (n 6), Pulse 2 50 (n 3); expected 75 in
 * Q3, 100 in Q4, never asked by the pulse. Transparency: Q3 100, Q4 0. eNPS: Q3 +100, Q4 −100. Onboarding: 0 (n 3).
 */

let db: Db;
let org: Org;
let pulse: { surveyId: string; waves: [string, string] };
let onboarding: { surveyId: string; waveId: string };

const LATER = { now: '2026-12-01T12:00:00.000Z' };
const leadership = () => callerFor(db.db, org.leadership.userId, LATER);
const hr = () => callerFor(db.db, org.staff.hr.userId, LATER);
const quarterly = () => org.surveys.employee.surveyId;

beforeEach(async () => {
  db = await openDb();
  org = await buildOrg(db.db, { kThreshold: 3 });
  await addSegmentAttribute(db.db, org, { groupId: org.groups.employee, key: 'department', values: ['it', 'ops'] });
  await answerEmployees(db.db, org, people(4, { department: 'it' }, { lived: 4, enps: 9, transparency: 5 }), {
    wave: 'closed',
  });
  const first = await runPulse(db.db, org, {
    lived: [5, 5, 5, 5],
    title: { fr: 'Pulse reconnaissance', en: 'Recognition pulse' },
    opensAt: '2026-09-01T09:00:00.000Z',
  });
  onboarding = await runPulse(db.db, org, {
    lived: [1, 1, 1],
    title: { fr: 'Intégration', en: 'Onboarding' },
    label: 'Cohort 1',
    opensAt: '2026-10-01T09:00:00.000Z',
  });
  await answerEmployees(db.db, org, [
    ...people(3, { department: 'it' }, { lived: 2, expected: 5, enps: 3, transparency: 1 }),
    ...people(3, { department: 'ops' }, { lived: 2, expected: 5, enps: 3, transparency: 1 }),
  ]);
  const second = await runPulse(db.db, org, { lived: [3, 3, 3], label: 'Pulse 2', surveyId: first.surveyId });
  pulse = { surveyId: first.surveyId, waves: [first.waveId, second.waveId] };
});
afterEach(() => db.close());

const employeesOf = <T extends { id: string }>(groups: readonly T[]) =>
  groups.find((g) => g.id === org.groups.employee)!;
const dimensionOf = <T extends { id: string }>(dimensions: readonly T[], id: string) =>
  dimensions.find((d) => d.id === id)!;
const group = () =>
  hr().then((api) => api.surveys.setProgramme({ surveyId: pulse.surveyId, programmeSurveyId: quarterly() }));

describe('a programme of several surveys', () => {
  it('keeps a pulse that is not grouped a programme of its own', async () => {
    const employees = employeesOf((await (await leadership()).insights.overview()).groups);
    expect(employees.programme).toEqual({ surveyId: quarterly(), chosenWave: null });
    expect(employees.wave?.label).toBe('Q4');
    expect(employees.programmes.map((p) => [p.surveyId, p.waves.map((w) => w.label)])).toEqual([
      [quarterly(), ['Q3', 'Q4']],
      [pulse.surveyId, ['Pulse 1', 'Pulse 2']],
      [onboarding.surveyId, ['Cohort 1']],
    ]);
    const recognition = dimensionOf(employees.dimensions, org.dimensions.recognition);
    expect(recognition.measuredIn).toMatchObject({ label: 'Q4', surveyId: quarterly() });
    expect(recognition.trend).toMatchObject({ value: -50, since: { label: 'Q3' } });
  });

  it('shows each dimension from its latest measurement in the programme, naming the wave', async () => {
    await group();
    const api = await leadership();
    const employees = employeesOf((await api.insights.overview()).groups);
    expect(employees.programme).toEqual({ surveyId: quarterly(), chosenWave: null });
    expect(employees.wave?.label).toBe('Pulse 2');
    expect(employees.respondents).toEqual({ n: 3, hidden: null });
    const [programme, ...others] = employees.programmes;
    expect(programme).toMatchObject({
      surveyId: quarterly(),
      surveys: [{ surveyId: quarterly() }, { surveyId: pulse.surveyId, title: { en: 'Recognition pulse' } }],
    });
    // The waves of both surveys, in the order their results came; the onboarding survey stays apart.
    expect(programme!.waves.map((w) => [w.label, w.surveyId])).toEqual([
      ['Q3', quarterly()],
      ['Pulse 1', pulse.surveyId],
      ['Q4', quarterly()],
      ['Pulse 2', pulse.surveyId],
    ]);
    expect(others.map((p) => [p.surveyId, p.waves.map((w) => w.label)])).toEqual([[onboarding.surveyId, ['Cohort 1']]]);

    // Recognition from the pulse, compared with its previous measurement (Q4), not with the onboarding survey.
    const recognition = dimensionOf(employees.dimensions, org.dimensions.recognition);
    expect(recognition).toMatchObject({
      lived: { n: 3, score: 50, hidden: null },
      // The pulse does not ask what was expected: no figure, and no gap, rather than a gap across two waves.
      expected: { n: 0, score: null },
      expectationGap: null,
      targetGap: -30,
      measuredIn: { id: pulse.waves[1], label: 'Pulse 2', surveyId: pulse.surveyId },
      // …and says the pulse does not ask it, so that it reads "not asked" rather than "no data".
      asked: { expected: false, lived: true },
      trend: { value: 25, n: 3, hidden: null, since: { label: 'Q4' } },
    });
    // Transparency, which the pulse does not ask, stays on Q4; its trend skips Pulse 1 and goes back to Q3.
    const transparency = dimensionOf(employees.dimensions, org.dimensions.transparency);
    expect(transparency).toMatchObject({
      lived: { n: 6, score: 0, hidden: null },
      measuredIn: { id: org.surveys.employee.waveId, label: 'Q4', surveyId: quarterly() },
      asked: { expected: false, lived: true },
      trend: { value: -100, n: 6, hidden: null, since: { label: 'Q3' } },
    });
    // So does the eNPS.
    expect(employees.outcomes).toEqual([
      expect.objectContaining({
        scale: 'nps11',
        value: -100,
        n: 6,
        hidden: null,
        measuredIn: expect.objectContaining({ label: 'Q4' }),
      }),
    ]);

    // Alerts stand on the same measurements: the shortfall on the pulse (n 3), the drift on Q3 → Q4, the waves that
    // ask both facets ((100 − 75) − (25 − 75) = 75, n 6); neither on n = 0.
    const alerts = employees.alerts.filter((a) => a.dimensionId === org.dimensions.recognition);
    expect(alerts.filter((a) => a.kind !== 'uncovered_intent')).toEqual([
      expect.objectContaining({ kind: 'promise_drift', value: 75, n: 6 }),
      expect.objectContaining({ kind: 'target_shortfall', value: -30, n: 3 }),
    ]);
    expect((await api.insights.alerts()).filter((a) => a.n === 0)).toEqual([]);

    // The dimension page's trend runs across the programme's waves.
    const page = await api.insights.dimension({
      groupId: org.groups.employee,
      dimensionId: org.dimensions.recognition,
    });
    expect(page.trend.map((t) => t.wave.label)).toEqual(['Q3', 'Pulse 1', 'Q4', 'Pulse 2']);
    expect(page.measuredIn).toMatchObject({ label: 'Pulse 2', surveyId: pulse.surveyId });
    expect(page.distribution).toMatchObject({ wave: { label: 'Pulse 2' }, n: 3 });

    // Transparency, which the pulses do not ask: its page stays on Q4, its trend skips the pulses, and its questions
    // are the quarterly survey's.
    const transparencyPage = await api.insights.dimension({
      groupId: org.groups.employee,
      dimensionId: org.dimensions.transparency,
    });
    expect(transparencyPage.measuredIn).toMatchObject({ label: 'Q4', surveyId: quarterly() });
    expect(transparencyPage.trend.map((t) => [t.wave.label, t.lived.value])).toEqual([
      ['Q3', 100],
      ['Q4', 0],
    ]);
    expect(transparencyPage.distribution).toMatchObject({ wave: { label: 'Q4' }, n: 6, hidden: null });
    expect(transparencyPage.questions.map((q) => [q.id, q.score.value, q.score.n])).toEqual([
      [org.surveys.employee.questions.transparency_lived, 0, 6],
    ]);
  });

  it('reports on a chosen wave of the programme, whichever survey it is of, with trends up to it', async () => {
    await group();
    const api = await leadership();
    const atQ4 = employeesOf((await api.insights.overview({ waveId: org.surveys.employee.waveId })).groups);
    expect(atQ4.programme).toEqual({ surveyId: quarterly(), chosenWave: org.surveys.employee.waveId });
    const recognition = dimensionOf(atQ4.dimensions, org.dimensions.recognition);
    expect(recognition).toMatchObject({
      lived: { n: 6, score: 25 },
      measuredIn: { label: 'Q4' },
      // Q4 against the pulse of September, the previous measurement of recognition in the programme.
      trend: { value: -75, since: { label: 'Pulse 1' } },
    });

    const atPulse = employeesOf(
      (await api.insights.overview({ surveyId: quarterly(), waveId: pulse.waves[0] })).groups,
    );
    expect(atPulse.wave?.label).toBe('Pulse 1');
    expect(dimensionOf(atPulse.dimensions, org.dimensions.recognition)).toMatchObject({
      lived: { n: 4, score: 100 },
      measuredIn: { label: 'Pulse 1' },
      trend: { value: 25, since: { label: 'Q3' } },
    });
    expect(dimensionOf(atPulse.dimensions, org.dimensions.transparency)).toMatchObject({
      lived: { n: 4, score: 100 },
      measuredIn: { label: 'Q3' },
      trend: { value: null, since: null },
    });

    // A member's id selects its programme.
    const byMember = employeesOf((await api.insights.overview({ surveyId: pulse.surveyId })).groups);
    expect(byMember.programme).toEqual({ surveyId: quarterly(), chosenWave: null });
    expect(byMember.wave?.label).toBe('Pulse 2');
  });

  it('keeps the heatmaps and the drivers on the fullest wave unless a pulse is chosen', async () => {
    await group();
    const api = await leadership();
    // Pulse 2 is the programme's latest wave, but it asks recognition only: the heatmaps stay on Q4.
    const breakdown = await api.insights.breakdown({ groupId: org.groups.employee, segmentKey: 'department' });
    expect(breakdown.wave?.label).toBe('Q4');
    const cell = (rows: typeof breakdown.rows, value: string, dimensionId: string) =>
      rows.find((r) => r.value === value)?.cells.find((c) => c.dimensionId === dimensionId);
    expect(cell(breakdown.rows, 'ops', org.dimensions.transparency)).toMatchObject({ value: 0, n: 3 });
    const compare = await api.insights.compareGroups({ metric: 'lived' });
    expect(compare.groups.find((g) => g.id === org.groups.employee)?.wave?.label).toBe('Q4');
    expect((await api.insights.drivers({ groupId: org.groups.employee })).wave?.label).toBe('Q4');

    // Employees' "you said, we did" reads the same wave, and its change since the quarterly wave before (Q3).
    const results = await (await callerFor(db.db, org.stakeholders.alice.userId, LATER)).portal.results.get();
    expect(results.wave?.label).toBe('Q4');
    expect(results.dimensions.find((d) => d.id === org.dimensions.transparency)).toMatchObject({
      lived: { value: 0, n: 6 },
      change: -100,
    });

    // Chosen, the pulse is reported on as it is: recognition only, the rest without data.
    const atPulse = await api.insights.breakdown({
      groupId: org.groups.employee,
      segmentKey: 'department',
      waveId: pulse.waves[1],
    });
    expect(atPulse.wave?.label).toBe('Pulse 2');
    expect(atPulse.total.cells.find((c) => c.dimensionId === org.dimensions.recognition)).toMatchObject({
      value: 50,
      n: 3,
    });
    expect(atPulse.total.cells.find((c) => c.dimensionId === org.dimensions.transparency)).toMatchObject({
      value: null,
      hidden: 'no_data',
    });
  });

  it('never lets the onboarding survey into the programme', async () => {
    await group();
    const api = await leadership();
    await expect(api.insights.overview({ surveyId: quarterly(), waveId: onboarding.waveId })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringMatching(/^waveId: /),
    });
    const own = employeesOf((await api.insights.overview({ surveyId: onboarding.surveyId })).groups);
    expect(own.programme?.surveyId).toBe(onboarding.surveyId);
    expect(dimensionOf(own.dimensions, org.dimensions.recognition)).toMatchObject({
      lived: { n: 3, score: 0 },
      measuredIn: { label: 'Cohort 1' },
      trend: { value: null, since: null },
    });
    const page = await api.insights.dimension({
      groupId: org.groups.employee,
      dimensionId: org.dimensions.recognition,
      surveyId: quarterly(),
    });
    expect(page.trend.map((t) => t.wave.label)).not.toContain('Cohort 1');
  });

  it('says each survey’s programme, and takes a pulse out of it again', async () => {
    await group();
    const api = await hr();
    const listed = await api.surveys.list({ groupId: org.groups.employee });
    expect(listed.map((s) => [s.id, s.programmeSurveyId, s.programmeMembers]).sort()).toEqual(
      [
        [quarterly(), null, 1],
        [pulse.surveyId, quarterly(), 0],
        [onboarding.surveyId, null, 0],
      ].sort(),
    );
    expect((await api.surveys.get({ surveyId: pulse.surveyId })).programmeSurveyId).toBe(quarterly());

    await api.surveys.setProgramme({ surveyId: pulse.surveyId, programmeSurveyId: null });
    const employees = employeesOf((await (await leadership()).insights.overview()).groups);
    expect(employees.wave?.label).toBe('Q4');
    expect(employees.programmes.map((p) => p.surveyId)).toEqual([quarterly(), pulse.surveyId, onboarding.surveyId]);
  });

  it('refuses a chain, another group’s survey, itself and a lead with members, naming the field, changing nothing', async () => {
    await group();
    const api = await hr();
    const snapshot = async () =>
      (await api.surveys.list()).map((s) => [s.id, s.programmeSurveyId, s.programmeMembers]).sort();
    const before = await snapshot();
    const cases: [{ surveyId: string; programmeSurveyId: string | null }, string, RegExp][] = [
      // The pulse is part of the quarterly programme: nothing may join it.
      [{ surveyId: onboarding.surveyId, programmeSurveyId: pulse.surveyId }, 'BAD_REQUEST', /part of another survey/],
      [
        { surveyId: onboarding.surveyId, programmeSurveyId: org.surveys.supplier.surveyId },
        'BAD_REQUEST',
        /another group/,
      ],
      [{ surveyId: onboarding.surveyId, programmeSurveyId: onboarding.surveyId }, 'BAD_REQUEST', /its own programme/],
      [{ surveyId: quarterly(), programmeSurveyId: onboarding.surveyId }, 'CONFLICT', /take them out/],
      [{ surveyId: onboarding.surveyId, programmeSurveyId: 'nope' }, 'NOT_FOUND', /no such survey/],
      [{ surveyId: onboarding.surveyId, programmeSurveyId: '' }, 'BAD_REQUEST', /./],
    ];
    for (const [input, code, message] of cases) {
      const refused = await api.surveys.setProgramme(input).catch((e: unknown) => e);
      expect(refused, JSON.stringify(input)).toBeInstanceOf(TRPCError);
      expect(refused).toMatchObject({ code, message: expect.stringMatching(/^programmeSurveyId: /) });
      expect((refused as TRPCError).message).toMatch(message);
      expect(fieldOf(refused as TRPCError)).toBe('programmeSurveyId');
    }
    expect(await snapshot()).toEqual(before);
    // The analyst reads and changes nothing.
    const analyst = await callerFor(db.db, org.staff.analyst.userId, LATER);
    await expect(
      analyst.surveys.setProgramme({ surveyId: onboarding.surveyId, programmeSurveyId: quarterly() }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await snapshot()).toEqual(before);
  });
});
