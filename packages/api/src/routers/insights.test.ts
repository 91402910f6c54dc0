import type { Db } from '@facets/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildOrg, callerFor, employeeAnswers, key, type Org, openDb, supplierAnswers } from '../test-setup.ts';

let db: Db;
let org: Org;

beforeEach(async () => {
  db = await openDb();
  org = await buildOrg(db.db); // k = 3
  const submit = async (userId: string, answers: { questionId: string; value: number }[], waveId: string) =>
    (await callerFor(db.db, userId)).portal.survey.submit({ waveId, idempotencyKey: key(), answers });
  const q = org.surveys.employee.questions;
  const employeeWave = org.surveys.employee.waveId;
  // recognition lived 5, 3, 4 → 100, 50, 75 (mean 75); expected 4, 5, 4 → 75, 100, 75 (mean 83.33).
  // transparency lived by two people only (alice 2 → 25, carol 5 → 100): below k = 3.
  await submit(
    org.stakeholders.alice.userId,
    [...employeeAnswers(org, 5, 4), { questionId: q.transparency_lived!, value: 2 }],
    employeeWave,
  );
  await submit(org.stakeholders.bob.userId, employeeAnswers(org, 3, 5), employeeWave);
  await submit(
    org.stakeholders.carol.userId,
    [...employeeAnswers(org, 4, 4), { questionId: q.transparency_lived!, value: 5 }],
    employeeWave,
  );
  await submit(org.stakeholders.sam.userId, supplierAnswers(org, 4), org.surveys.supplier.waveId);
  // The views report on published waves: these close with these answers.
  await db.db.updateTable('wave').set({ status: 'closed' }).where('organization_id', '=', org.organizationId).execute();
});
afterEach(() => db.close());

describe('insights.overview', () => {
  it('shows mean indices and gaps for cells of at least k respondents, hides the rest', async () => {
    const api = await callerFor(db.db, org.leadership.userId);
    const overview = await api.insights.overview();
    expect(overview.kThreshold).toBe(3);
    const employee = overview.groups.find((g) => g.code === 'employee')!;
    expect(employee.wave).toEqual({ id: org.surveys.employee.waveId, label: 'Q4', sequence: 2 });
    const recognition = employee.dimensions.find((d) => d.code === 'recognition')!;
    expect(recognition).toMatchObject({
      shared: false,
      intended: { target: 80, priority: 1 },
      expected: { n: 3, score: 83.3, hidden: null },
      lived: { n: 3, score: 75, hidden: null },
      expectationGap: -8.3, // 75 − 83.33
      targetGap: -5, // 75 − 80
    });
    const transparency = employee.dimensions.find((d) => d.code === 'transparency')!;
    expect(transparency).toMatchObject({
      shared: true,
      intended: null,
      expected: { n: 0, score: null, hidden: null },
      // Withheld: its n is not said either.
      lived: { n: 0, score: null, hidden: 'below_k' },
      expectationGap: null,
      targetGap: null,
    });
    const supplier = overview.groups.find((g) => g.code === 'supplier')!;
    const payment = supplier.dimensions.find((d) => d.code === 'payment')!;
    expect(payment).toMatchObject({ lived: { n: 0, score: null, hidden: 'below_k' }, targetGap: null });
  });

  it('reads the aggregates, not the raw answers', async () => {
    const api = await callerFor(db.db, org.staff.analyst.userId);
    const before = await api.insights.overview();
    await db.db.deleteFrom('answer').execute();
    expect(await api.insights.overview()).toEqual(before);
  });

  it('narrows to one group, and refuses a group it does not know', async () => {
    const api = await callerFor(db.db, org.staff.hr.userId);
    const overview = await api.insights.overview({ groupId: org.groups.supplier });
    expect(overview.groups.map((g) => g.code)).toEqual(['supplier']);
    await expect(api.insights.overview({ groupId: 'nope' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'groupId: no such group',
    });
  });

  it('gives another organisation’s leadership nothing of ours', async () => {
    const other = await buildOrg(db.db);
    const api = await callerFor(db.db, other.leadership.userId);
    const overview = await api.insights.overview();
    expect(overview.groups.map((g) => g.id).sort()).toEqual([other.groups.employee, other.groups.supplier].sort());
    for (const g of overview.groups) for (const d of g.dimensions) expect(d.lived.n).toBe(0);
    await expect(api.insights.overview({ groupId: org.groups.employee })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
