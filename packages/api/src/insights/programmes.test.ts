import type { Db } from '@facets/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildOrg, callerFor, type Org, openDb } from '../test-setup.ts';
import { addSegmentAttribute, answerEmployees, people, runPulse } from './testing.ts';

/**
 * A group running more than one survey: the quarterly survey (Q3, Q4) and a short pulse after Q4. Every view reports
 * on the group's headline survey — by default its oldest survey with results — and its latest published wave; a
 * pulse never replaces it unless a reader chooses it; a chosen wave moves every figure, and trends never mix surveys.
 */

let db: Db;
let org: Org;
let pulse: { surveyId: string; waveId: string };

const LATER = { now: '2026-12-01T12:00:00.000Z' };
const leadership = () => callerFor(db.db, org.leadership.userId, LATER);
const hr = (now = LATER.now) => callerFor(db.db, org.staff.hr.userId, { now });

beforeEach(async () => {
  db = await openDb();
  org = await buildOrg(db.db, { kThreshold: 3 });
  await addSegmentAttribute(db.db, org, { groupId: org.groups.employee, key: 'department', values: ['it', 'ops'] });
  await answerEmployees(db.db, org, people(4, { department: 'it' }, { lived: 4, enps: 9, transparency: 5 }), {
    wave: 'closed',
  });
  await answerEmployees(db.db, org, [
    ...people(3, { department: 'it' }, { lived: 2, enps: 3, transparency: 1 }),
    ...people(3, { department: 'ops' }, { lived: 2, enps: 3, transparency: 1 }),
  ]);
  pulse = await runPulse(db.db, org, {
    lived: [5, 5, 5, 5],
    title: { fr: 'Pulse reconnaissance', en: 'Recognition pulse' },
  });
});
afterEach(() => db.close());

const employeesOf = <T extends { id: string }>(groups: readonly T[]) =>
  groups.find((g) => g.id === org.groups.employee)!;
const transparencyCell = (cells: readonly { groupId: string; dimensionId: string }[]) => {
  const found = cells.find((c) => c.groupId === org.groups.employee && c.dimensionId === org.dimensions.transparency);
  if (!found) return undefined;
  const { groupId: _g, dimensionId: _d, ...figure } = found;
  return figure;
};
const recognitionOf = <T extends { id: string }>(dimensions: readonly T[]) =>
  dimensions.find((d) => d.id === org.dimensions.recognition)!;

describe('the reporting selection', () => {
  it('keeps the quarterly survey as the headline after a pulse, in every view', async () => {
    const api = await leadership();
    const quarterly = org.surveys.employee.surveyId;
    const employees = employeesOf((await api.insights.overview()).groups);
    expect(employees.programme).toMatchObject({ surveyId: quarterly, chosenWave: null });
    expect(employees.wave?.label).toBe('Q4');
    expect(employees.respondents).toEqual({ n: 6, hidden: null });
    expect(employees.programmes.map((p) => [p.surveyId, p.waves.map((w) => w.label)])).toEqual([
      [quarterly, ['Q3', 'Q4']],
      [pulse.surveyId, ['Pulse 1']],
    ]);
    const recognition = recognitionOf(employees.dimensions);
    expect(recognition.lived).toEqual({ n: 6, score: 25, hidden: null });
    // The trend compares Q4 with Q3 of the same survey, never with the pulse.
    expect(recognition.trend).toMatchObject({ value: -50, since: { label: 'Q3' } });

    const compare = await api.insights.compareGroups({ metric: 'lived' });
    expect(employeesOf(compare.groups)).toMatchObject({ wave: { label: 'Q4' }, programme: { surveyId: quarterly } });
    // Transparency (shared with suppliers) was 1 on a 1–5 scale for all six in Q4: index 0.
    expect(transparencyCell(compare.cells)).toEqual({ value: 0, n: 6, hidden: null });

    const page = await api.insights.dimension({
      groupId: org.groups.employee,
      dimensionId: org.dimensions.recognition,
    });
    expect(page.trend.map((t) => t.wave.label)).toEqual(['Q3', 'Q4']);
    expect(page.distribution).toMatchObject({ wave: { label: 'Q4' }, n: 6 });

    const breakdown = await api.insights.breakdown({ groupId: org.groups.employee, segmentKey: 'department' });
    expect(breakdown.wave?.label).toBe('Q4');
    const segments = await api.insights.segments({ groupId: org.groups.employee });
    expect(segments.waves.map((w) => w.label)).toEqual(['Q3', 'Q4']);
  });

  it('reports on the pulse when a reader chooses it, with a trend of its own waves only', async () => {
    const api = await leadership();
    const employees = employeesOf((await api.insights.overview({ surveyId: pulse.surveyId })).groups);
    expect(employees.programme).toMatchObject({ surveyId: pulse.surveyId });
    expect(employees.wave?.label).toBe('Pulse 1');
    expect(employees.respondents).toEqual({ n: 4, hidden: null });
    const recognition = recognitionOf(employees.dimensions);
    expect(recognition.lived).toEqual({ n: 4, score: 100, hidden: null });
    expect(recognition.trend).toMatchObject({ value: null, since: null });
    // The pulse asks nothing of transparency: no figure, n = 0, and never a value.
    const transparency = employees.dimensions.find((d) => d.id === org.dimensions.transparency)!;
    expect(transparency.lived).toMatchObject({ n: 0, score: null });

    const page = await api.insights.dimension({
      groupId: org.groups.employee,
      dimensionId: org.dimensions.recognition,
      surveyId: pulse.surveyId,
    });
    expect(page.trend.map((t) => t.wave.label)).toEqual(['Pulse 1']);

    // Other groups keep their own default.
    const suppliers = (await api.insights.overview({ surveyId: pulse.surveyId })).groups.find(
      (g) => g.id === org.groups.supplier,
    )!;
    expect(suppliers.programme?.surveyId).toBe(org.surveys.supplier.surveyId);
  });

  it('reports on a past wave when it is chosen: every figure moves, nothing after it counts', async () => {
    const api = await leadership();
    const q3 = org.surveys.employee.closedWaveId;
    const employees = employeesOf((await api.insights.overview({ waveId: q3 })).groups);
    expect(employees.programme).toMatchObject({ surveyId: org.surveys.employee.surveyId, chosenWave: q3 });
    expect(employees.wave?.label).toBe('Q3');
    expect(employees.respondents).toEqual({ n: 4, hidden: null });
    expect(recognitionOf(employees.dimensions).lived).toEqual({ n: 4, score: 75, hidden: null });
    expect(recognitionOf(employees.dimensions).trend).toMatchObject({ value: null, since: null });

    const compare = await api.insights.compareGroups({ metric: 'lived', waveId: q3 });
    expect(employeesOf(compare.groups).wave?.label).toBe('Q3');
    // In Q3 the four answered transparency 5 of 5: index 100.
    expect(transparencyCell(compare.cells)).toEqual({ value: 100, n: 4, hidden: null });
    const breakdown = await api.insights.breakdown({
      groupId: org.groups.employee,
      segmentKey: 'department',
      waveId: q3,
    });
    expect(breakdown.wave?.label).toBe('Q3');
    const page = await api.insights.dimension({
      groupId: org.groups.employee,
      dimensionId: org.dimensions.recognition,
      waveId: q3,
    });
    expect(page.trend.map((t) => t.wave.label)).toEqual(['Q3']);
  });

  it('follows the headline survey HR sets, once it has results, and goes back when the mark is removed', async () => {
    await (await hr()).surveys.setHeadline({ surveyId: pulse.surveyId, headline: true });
    const listed = await (await hr()).surveys.list({ groupId: org.groups.employee });
    expect(listed.map((s) => [s.id, s.headline]).sort()).toEqual(
      [
        [pulse.surveyId, true],
        [org.surveys.employee.surveyId, false],
      ].sort(),
    );
    const api = await leadership();
    expect(employeesOf((await api.insights.overview()).groups).wave?.label).toBe('Pulse 1');

    // Marking the quarterly survey takes the mark from the pulse: one headline survey per group.
    await (await hr()).surveys.setHeadline({ surveyId: org.surveys.employee.surveyId, headline: true });
    const again = await (await hr()).surveys.list({ groupId: org.groups.employee });
    expect(again.filter((s) => s.headline).map((s) => s.id)).toEqual([org.surveys.employee.surveyId]);
    await (await hr()).surveys.setHeadline({ surveyId: org.surveys.employee.surveyId, headline: false });
    expect(employeesOf((await (await leadership()).insights.overview()).groups).wave?.label).toBe('Q4');
  });

  it('keeps a manager on the latest wave their department can be shown in, with the reason for the newer one', async () => {
    // ops answered Q4 but nobody of ops answered the pulse: an ops manager stays on Q4, the pulse names no figure.
    await db.db.updateTable('member').set({ department: 'ops' }).where('id', '=', org.staff.manager.memberId).execute();
    const manager = await callerFor(db.db, org.staff.manager.userId, LATER);
    const own = employeesOf((await manager.insights.overview()).groups);
    expect(own.wave?.label).toBe('Q4');
    expect(own.respondents).toEqual({ n: 3, hidden: null });
    const chosen = employeesOf((await manager.insights.overview({ surveyId: pulse.surveyId })).groups);
    expect(chosen.wave?.label).toBe('Pulse 1');
    expect(chosen.respondents).toMatchObject({ n: 0, hidden: expect.any(String) });
    expect(recognitionOf(chosen.dimensions).lived).toMatchObject({ n: 0, score: null });
    // A manager cannot choose a survey outside their remit.
    await expect(manager.insights.overview({ surveyId: org.surveys.supplier.surveyId })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/^surveyId: /),
    });
  });

  it('refuses a selection that does not fit, naming the field, and changes nothing', async () => {
    const api = await leadership();
    const cases: [Promise<unknown>, string, RegExp][] = [
      [api.insights.overview({ surveyId: 'nope' }), 'NOT_FOUND', /^surveyId: /],
      [api.insights.overview({ waveId: 'nope' }), 'NOT_FOUND', /^waveId: /],
      [
        api.insights.overview({ surveyId: pulse.surveyId, waveId: org.surveys.employee.closedWaveId }),
        'NOT_FOUND',
        /^waveId: /,
      ],
      [api.insights.overview({ groupId: org.groups.supplier, surveyId: pulse.surveyId }), 'BAD_REQUEST', /^surveyId: /],
      [
        api.insights.dimension({
          groupId: org.groups.employee,
          dimensionId: org.dimensions.recognition,
          surveyId: org.surveys.supplier.surveyId,
        }),
        'NOT_FOUND',
        /^surveyId: /,
      ],
      [
        api.insights.dimension({
          groupId: org.groups.employee,
          dimensionId: org.dimensions.recognition,
          surveyId: pulse.surveyId,
          waveId: org.surveys.employee.closedWaveId,
        }),
        'NOT_FOUND',
        /^waveId: no such wave in this survey/,
      ],
      // The supplier survey's open wave is published only when it closes: it cannot be chosen before.
      [api.insights.compareGroups({ metric: 'lived', waveId: org.surveys.supplier.waveId }), 'NOT_FOUND', /^waveId: /],
      [api.insights.overview({ surveyId: '' } as never), 'BAD_REQUEST', /^surveyId: /],
    ];
    for (const [call, code, message] of cases) {
      await expect(call).rejects.toMatchObject({ code, message: expect.stringMatching(message) });
    }
    expect(employeesOf((await api.insights.overview()).groups).wave?.label).toBe('Q4');
  });
});
