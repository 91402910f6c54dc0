import type { Db } from '@facets/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addMember, buildOrg, callerFor, type Org, openDb } from '../test-setup.ts';
import { addSegmentAttribute, answerEmployees, answerSuppliers, people } from './testing.ts';

/**
 * A wave that has only begun (fewer than k answers) does not blank a group's results: every view reports on the
 * latest wave that may be shown and names the newer one as pending (k = 3; Q3 closed, Q4 open).
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

describe('a wave still short of k', () => {
  it('leaves every view on the previous wave, and says how many answered the new one', async () => {
    await answerEmployees(db.db, org, people(4, { department: 'it' }, { lived: 4 }), { wave: 'closed' });
    await answerEmployees(db.db, org, people(2, { department: 'it' }, { lived: 1 }));
    const api = await leadership();
    const employees = (await api.insights.overview()).groups.find((g) => g.id === org.groups.employee)!;
    expect(employees.wave?.label).toBe('Q3');
    expect(employees.respondents).toEqual({ n: 4, hidden: null });
    expect(employees.pendingWaves).toEqual([
      {
        wave: expect.objectContaining({ label: 'Q4' }),
        respondents: { n: 2, hidden: 'below_k' },
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
    expect(page.pendingWaves.map((p) => p.wave.label)).toEqual(['Q4']);

    const breakdown = await api.insights.breakdown({ groupId: org.groups.employee, segmentKey: 'department' });
    expect(breakdown.wave?.label).toBe('Q3');

    // The third answer brings Q4 to k: it becomes the current wave, Q3 the one its trend starts from.
    await answerEmployees(db.db, org, people(1, { department: 'it' }, { lived: 1 }));
    const now = (await (await leadership()).insights.overview()).groups.find((g) => g.id === org.groups.employee)!;
    expect(now.wave?.label).toBe('Q4');
    expect(now.pendingWaves).toEqual([]);
    expect(now.dimensions.find((d) => d.id === org.dimensions.recognition)!.trend).toMatchObject({
      value: -75,
      since: { label: 'Q3' },
    });
  });

  it('still shows a group’s only wave, hidden with its reason, when no wave reaches k', async () => {
    await answerEmployees(db.db, org, people(2, {}, { lived: 4 }));
    const employees = (await (await leadership()).insights.overview()).groups.find(
      (g) => g.id === org.groups.employee,
    )!;
    expect(employees.wave?.label).toBe('Q4');
    expect(employees.respondents).toEqual({ n: 2, hidden: 'below_k' });
    expect(employees.pendingWaves).toEqual([]);
  });

  it('leaves a manager on their department’s previous wave while it is short of k in the new one', async () => {
    await answerEmployees(db.db, org, [...people(3, { department: 'it' }), ...people(3, { department: 'hr' })], {
      wave: 'closed',
    });
    await answerEmployees(db.db, org, [...people(1, { department: 'it' }), ...people(4, { department: 'hr' })]);
    const m = await addMember(db.db, org, 'manager-it', 'manager');
    await db.db.updateTable('member').set({ department: 'it' }).where('id', '=', m.memberId).execute();
    const manager = await callerFor(db.db, m.userId);
    const [employees] = (await manager.insights.overview()).groups;
    expect(employees?.wave?.label).toBe('Q3');
    expect(employees?.respondents).toEqual({ n: 3, hidden: null });
    expect(employees?.pendingWaves).toEqual([
      {
        wave: expect.objectContaining({ label: 'Q4' }),
        respondents: { n: 1, hidden: 'below_k' },
        countsCompanies: false,
      },
    ]);
  });

  it('waits for k companies in a group counted in companies', async () => {
    for (const name of ['Atelier Durand', 'Scierie Martin', 'Verrerie du Rhône']) {
      await answerSuppliers(db.db, org, name, 1, { wave: 'closed' });
    }
    await answerSuppliers(db.db, org, 'Atelier Durand', 4);
    const suppliers = (await (await leadership()).insights.overview()).groups.find(
      (g) => g.id === org.groups.supplier,
    )!;
    expect(suppliers.respondents).toEqual({ n: 3, hidden: null });
    // Four contacts of one company: enough people, one company.
    expect(suppliers.pendingWaves).toEqual([
      { wave: expect.anything(), respondents: { n: 4, hidden: 'companies_below_k' }, countsCompanies: true },
    ]);
  });
});
