import type { Db } from '@facets/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addMember, buildOrg, callerFor, type Org, openDb } from '../test-setup.ts';
import { addSegmentAttribute, answerEmployees, answerSuppliers, closeWaves, people } from './testing.ts';

/**
 * A wave still taking answers does not blank a group's results, and shows none of its own: every view reports on the
 * latest published wave and names the open one as pending, with its whole count from k on (k = 3; Q3 closed, Q4
 * open until a test closes it).
 */

let db: Db;
let org: Org;

beforeEach(async () => {
  db = await openDb();
  org = await buildOrg(db.db, { kThreshold: 3 });
  await addSegmentAttribute(db.db, org, { groupId: org.groups.employee, key: 'department', values: ['it', 'hr'] });
});
afterEach(() => db.close());

const leadership = () => callerFor(db.db, org.leadership.userId);

describe('a wave still taking answers', () => {
  it('leaves every view on the latest published wave, and says how many answered the new one from k on', async () => {
    await answerEmployees(db.db, org, people(4, { department: 'it' }, { lived: 4 }), { wave: 'closed' });
    await answerEmployees(db.db, org, people(2, { department: 'it' }, { lived: 1 }), { keepOpen: true });
    const api = await leadership();
    const employees = (await api.insights.overview()).groups.find((g) => g.id === org.groups.employee)!;
    expect(employees.wave?.label).toBe('Q3');
    expect(employees.respondents).toEqual({ n: 4, hidden: null });
    // Two answers: fewer than k, so not even the count is said
    expect(employees.pendingWaves).toEqual([
      {
        wave: expect.objectContaining({ label: 'Q4' }),
        respondents: { n: 0, hidden: 'below_k' },
        survey: expect.objectContaining({ id: org.surveys.employee.surveyId }),
        countsCompanies: false,
      },
    ]);
    const recognition = employees.dimensions.find((d) => d.id === org.dimensions.recognition)!;
    expect(recognition.lived).toEqual({ n: 4, score: 75, hidden: null });

    const compare = await api.insights.compareGroups({ metric: 'lived' });
    expect(compare.groups.find((g) => g.id === org.groups.employee)?.wave?.label).toBe('Q3');

    const page = await api.insights.dimension({
      groupId: org.groups.employee,
      dimensionId: org.dimensions.recognition,
    });
    expect(page.trend.map((t) => t.wave.label)).toEqual(['Q3']);
    expect(page.distribution).toMatchObject({ wave: { label: 'Q3' }, n: 4, hidden: null });
    expect(page.pendingWaves.map((p) => [p.wave.label, p.respondents])).toEqual([['Q4', { n: 0, hidden: 'below_k' }]]);

    const breakdown = await api.insights.breakdown({ groupId: org.groups.employee, segmentKey: 'department' });
    expect(breakdown.wave?.label).toBe('Q3');

    // The third answer brings Q4 to k: its count is said, and still no figure of it while it is open.
    await answerEmployees(db.db, org, people(1, { department: 'it' }, { lived: 1 }), { keepOpen: true });
    const open = (await (await leadership()).insights.overview()).groups.find((g) => g.id === org.groups.employee)!;
    expect(open.wave?.label).toBe('Q3');
    expect(open.respondents).toEqual({ n: 4, hidden: null });
    expect(open.dimensions.find((d) => d.id === org.dimensions.recognition)!.lived).toEqual(recognition.lived);
    expect(open.pendingWaves).toEqual([
      {
        wave: expect.objectContaining({ label: 'Q4' }),
        respondents: { n: 3, hidden: null },
        survey: expect.objectContaining({ id: org.surveys.employee.surveyId }),
        countsCompanies: false,
      },
    ]);

    // Once it closes, Q4 is published and becomes the current wave, Q3 the one its trend starts from.
    await closeWaves(db.db, org);
    const now = (await (await leadership()).insights.overview()).groups.find((g) => g.id === org.groups.employee)!;
    expect(now.wave?.label).toBe('Q4');
    expect(now.pendingWaves).toEqual([]);
    expect(now.dimensions.find((d) => d.id === org.dimensions.recognition)!.trend).toMatchObject({
      value: -75,
      since: { label: 'Q3' },
    });
  });

  it('shows no figure and no count of a group’s only wave while it is open and short of k', async () => {
    await answerEmployees(db.db, org, people(2, {}, { lived: 4 }), { keepOpen: true });
    const employees = (await (await leadership()).insights.overview()).groups.find(
      (g) => g.id === org.groups.employee,
    )!;
    expect(employees.wave).toBeNull();
    expect(employees.respondents).toEqual({ n: 0, hidden: 'no_data' });
    expect(employees.dimensions.every((d) => d.lived.score === null && d.lived.n === 0)).toBe(true);
    expect(employees.pendingWaves).toEqual([
      {
        wave: expect.objectContaining({ label: 'Q4' }),
        respondents: { n: 0, hidden: 'below_k' },
        survey: expect.objectContaining({ id: org.surveys.employee.surveyId }),
        countsCompanies: false,
      },
    ]);
  });

  it('keeps a group’s only wave, withheld with its reason, when it closed short of k', async () => {
    await answerEmployees(db.db, org, people(2, {}, { lived: 4 }));
    const employees = (await (await leadership()).insights.overview()).groups.find(
      (g) => g.id === org.groups.employee,
    )!;
    expect(employees.wave?.label).toBe('Q4');
    expect(employees.respondents).toEqual({ n: 0, hidden: 'below_k' });
    expect(employees.dimensions.find((d) => d.id === org.dimensions.recognition)!.lived).toEqual({
      n: 0,
      score: null,
      hidden: 'below_k',
    });
    expect(employees.withheldWaves).toEqual([{ wave: expect.objectContaining({ label: 'Q4' }), hidden: 'below_k' }]);
    expect(employees.pendingWaves).toEqual([]);
  });

  it('leaves a manager on their department’s previous wave, and gives them the whole wave’s count', async () => {
    await answerEmployees(db.db, org, [...people(3, { department: 'it' }), ...people(3, { department: 'hr' })], {
      wave: 'closed',
    });
    await answerEmployees(db.db, org, [...people(1, { department: 'it' }), ...people(4, { department: 'hr' })], {
      keepOpen: true,
    });
    const m = await addMember(db.db, org, 'manager-it', 'manager');
    await db.db.updateTable('member').set({ department: 'it' }).where('id', '=', m.memberId).execute();
    const manager = await callerFor(db.db, m.userId);
    const [employees] = (await manager.insights.overview()).groups;
    expect(employees?.wave?.label).toBe('Q3');
    expect(employees?.respondents).toEqual({ n: 3, hidden: null });
    // The count is the whole wave's (five), never the department's (one)
    expect(employees?.pendingWaves).toEqual([
      {
        wave: expect.objectContaining({ label: 'Q4' }),
        respondents: { n: 5, hidden: null },
        survey: expect.objectContaining({ id: org.surveys.employee.surveyId }),
        countsCompanies: false,
      },
    ]);
    // Closed, Q4 withholds IT (one person): the manager stays on Q3 and is told why Q4 is not shown
    await closeWaves(db.db, org);
    const [closed] = (await (await callerFor(db.db, m.userId)).insights.overview()).groups;
    expect(closed?.wave?.label).toBe('Q3');
    expect(closed?.respondents).toEqual({ n: 3, hidden: null });
    expect(closed?.pendingWaves).toEqual([]);
    expect(closed?.withheldWaves).toEqual([{ wave: expect.objectContaining({ label: 'Q4' }), hidden: 'below_k' }]);
  });

  it('waits for k companies in a group counted in companies', async () => {
    for (const name of ['Atelier Durand', 'Scierie Martin', 'Verrerie du Rhône']) {
      await answerSuppliers(db.db, org, name, 1, { wave: 'closed' });
    }
    await answerSuppliers(db.db, org, 'Atelier Durand', 4, { keepOpen: true });
    const suppliers = (await (await leadership()).insights.overview()).groups.find(
      (g) => g.id === org.groups.supplier,
    )!;
    expect(suppliers.respondents).toEqual({ n: 3, hidden: null });
    // Four contacts of one company: enough people, one company, so no count either.
    expect(suppliers.pendingWaves).toEqual([
      {
        wave: expect.anything(),
        respondents: { n: 0, hidden: 'companies_below_k' },
        survey: expect.objectContaining({ id: org.surveys.supplier.surveyId }),
        countsCompanies: true,
      },
    ]);
    // Two more companies, one contact each: three companies, but one holds four of six answers.
    await answerSuppliers(db.db, org, 'Scierie Martin', 1, { keepOpen: true });
    await answerSuppliers(db.db, org, 'Verrerie du Rhône', 1, { keepOpen: true });
    const dominated = (await (await leadership()).insights.overview()).groups.find(
      (g) => g.id === org.groups.supplier,
    )!;
    expect(dominated.pendingWaves.map((p) => p.respondents)).toEqual([{ n: 0, hidden: 'companies_below_k' }]);
    await answerSuppliers(db.db, org, 'Scierie Martin', 2, { keepOpen: true });
    const enough = (await (await leadership()).insights.overview()).groups.find((g) => g.id === org.groups.supplier)!;
    expect(enough.pendingWaves.map((p) => p.respondents)).toEqual([{ n: 8, hidden: null }]);
    expect(enough.respondents).toEqual({ n: 3, hidden: null });
  });
});
