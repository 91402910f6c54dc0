import type { Db } from '@facets/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addInitiative, answerEmployees, answerSuppliers, closeWaves, people } from '../insights/testing.ts';
import { buildOrg, callerFor, type Org, openDb } from '../test-setup.ts';

/** "You said, we did" tried as a stakeholder would try to break it: small groups, open waves, few companies. */

let db: Db;
let org: Org;

beforeEach(async () => {
  db = await openDb();
  org = await buildOrg(db.db, { kThreshold: 3 });
});
afterEach(() => db.close());

const results = async (userId: string) => (await callerFor(db.db, userId)).portal.results.get();
const recognition = (r: Awaited<ReturnType<typeof results>>) => r.dimensions.find((d) => d.code === 'recognition')!;

describe('portal.results.get', () => {
  it('shows the latest closed wave of the group, never the open one that still moves', async () => {
    await answerEmployees(db.db, org, people(4, {}, { lived: 5, expected: 4 }), { wave: 'closed' });
    await answerEmployees(db.db, org, people(3, {}, { lived: 1, expected: 1 }), { keepOpen: true });
    const r = await results(org.stakeholders.alice.userId);
    expect(r.wave?.label).toBe('Q3');
    expect(r.respondents).toEqual({ n: 4, hidden: null });
    expect(recognition(r).lived).toEqual({ value: 100, n: 4, hidden: null });
    expect(recognition(r).expected).toEqual({ value: 75, n: 4, hidden: null });
    expect(recognition(r).change).toBeNull();
    // One more answer to the open wave moves nothing
    await answerEmployees(db.db, org, people(1, {}, { lived: 1, expected: 1 }), { keepOpen: true });
    expect(await results(org.stakeholders.alice.userId)).toEqual(r);
    // Once it closes, it is the wave shown
    await closeWaves(db.db, org);
    const closed = await results(org.stakeholders.alice.userId);
    expect(closed.wave?.label).toBe('Q4');
    expect(closed.respondents).toEqual({ n: 4, hidden: null });
    expect(recognition(closed).lived).toEqual({ value: 0, n: 4, hidden: null });
    expect(recognition(closed).change).toBe(-100);
  });

  it('hides what fewer than k people answered, and says why', async () => {
    await answerEmployees(db.db, org, people(2, {}, { lived: 5 }), { wave: 'closed' });
    const r = await results(org.stakeholders.alice.userId);
    expect(r.respondents).toEqual({ n: 0, hidden: 'below_k' });
    expect(recognition(r).lived).toEqual({ value: null, n: 0, hidden: 'below_k' });
    expect(recognition(r).expected).toEqual({ value: null, n: 0, hidden: 'below_k' });
    expect(r.outcomes).toEqual([]);
  });

  it('counts suppliers in companies: five contacts of two companies show nothing', async () => {
    await answerSuppliers(db.db, org, 'Atelier Durand', 3, { wave: 'closed' });
    await answerSuppliers(db.db, org, 'Scierie Martin', 2, { wave: 'closed' });
    const few = await results(org.stakeholders.sam.userId);
    expect(few.countsCompanies).toBe(true);
    expect(few.respondents).toEqual({ n: 0, hidden: 'companies_below_k' });
    const payment = () => few.dimensions.find((d) => d.code === 'payment')!;
    expect(payment().lived).toEqual({ value: null, n: 0, hidden: 'companies_below_k' });
    await answerSuppliers(db.db, org, 'Verrerie du Rhône', 1, { wave: 'closed', payment: 2 });
    const enough = await results(org.stakeholders.sam.userId);
    expect(enough.respondents).toEqual({ n: 6, hidden: null });
    expect(enough.dimensions.find((d) => d.code === 'payment')!.lived).toMatchObject({ n: 6, hidden: null });
  });

  it('lists the initiatives published for the group, not drafts, cancelled ones or other groups’', async () => {
    const target = [{ groupId: org.groups.employee, dimensionId: org.dimensions.recognition }];
    const published = await addInitiative(db.db, org, {
      kind: 'training',
      ownerDepartment: 'hr',
      status: 'active',
      targets: target,
    });
    const cancelled = await addInitiative(db.db, org, {
      kind: 'policy',
      ownerDepartment: 'hr',
      status: 'cancelled',
      targets: target,
    });
    await addInitiative(db.db, org, { kind: 'policy', ownerDepartment: 'hr', status: 'active', targets: target });
    const suppliers = await addInitiative(db.db, org, {
      kind: 'process',
      ownerDepartment: 'finance',
      status: 'active',
      targets: [{ groupId: org.groups.supplier, dimensionId: org.dimensions.payment }],
    });
    await db.db
      .updateTable('initiative')
      .set({ published: 1 })
      .where('id', 'in', [published, cancelled, suppliers])
      .execute();
    const r = await results(org.stakeholders.alice.userId);
    expect(r.initiatives.map((i) => [i.id, i.status, i.dimensions.map((d) => d.id)])).toEqual([
      [published, 'active', [org.dimensions.recognition]],
    ]);
    const s = await results(org.stakeholders.sam.userId);
    expect(s.initiatives.map((i) => i.id)).toEqual([suppliers]);
  });

  it('reads only the caller’s organisation', async () => {
    const other = await buildOrg(db.db, { kThreshold: 3 });
    await answerEmployees(db.db, other, people(5, {}, { lived: 5 }), { wave: 'closed' });
    const r = await results(org.stakeholders.alice.userId);
    expect(r.wave).toBeNull();
    expect(r.respondents).toEqual({ n: 0, hidden: 'no_data' });
  });
});

describe('portal.rules.get', () => {
  it('gives the thresholds and settings the portal explains', async () => {
    const api = await callerFor(db.db, org.stakeholders.sam.userId);
    expect(await api.portal.rules.get()).toEqual({
      organizationName: expect.any(String),
      kThreshold: 3,
      commentThreshold: 5,
      countsCompanies: true,
      allowAnonymousFeedback: true,
    });
    const admin = await callerFor(db.db, org.staff.admin.userId);
    await admin.admin.settings.update({ allowAnonymousFeedback: false });
    const employee = await callerFor(db.db, org.stakeholders.alice.userId);
    expect(await employee.portal.rules.get()).toMatchObject({ countsCompanies: false, allowAnonymousFeedback: false });
  });
});
