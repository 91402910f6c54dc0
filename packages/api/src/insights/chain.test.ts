import type { Db } from '@facets/db';
import type { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, buildOrg, callerFor, type Org, openDb } from '../test-setup.ts';
import { addSegmentAttribute, answerEmployees, answerSuppliers, people } from './testing.ts';

/**
 * The experience chain on an organisation built here (k = 3), by site, figures computed by hand:
 * - employees' recognition (lived, likert5 → 0, 25, 50, 75, 100) and eNPS: Lyon 4, 4, 5 (83.3; eNPS 10, 9, 10: 100),
 *   Paris 3, 4, 4 (66.7; 9, 7, 6: 0), Lille 2, 3, 3 (41.7; 3, 5, 6: −100), Nantes 3, 3, 3 (50; 9, 8, 2: 0), Brest two
 *   people (under k: withheld) and one employee without a site (so the rest of the group, Brest's two and them, is 3);
 * - suppliers' payment reliability (lived), three companies of one contact per site: Lyon 5, 4, 5 (91.7), Paris 4, 4,
 *   3 (66.7), Lille 2, 2, 3 (33.3), Nantes 3, 4, 3 (58.3), Brest 1, 1, 1 (0: shown for suppliers, not a unit).
 * Recognition × payment over the four units: means 60.425 and 62.5, Sxy = 1284.86, Sxx = 1021.9475, Syy = 1740.56,
 * r = 1284.86 / √(1021.9475 × 1740.56) = 0.963; Fisher z = atanh r ± 1.96 / √1 gives [0.031, 0.999]. Ranks agree
 * exactly: Spearman 1. eNPS × payment: x = 100, 0, −100, 0 (mean 0, Sxx = 20000), Sxy = 100 × 29.2 + 100 × 29.2 =
 * 5840, r = 5840 / √(20000 × 1740.56) = 0.990.
 */

let db: Db;
let org: Org;
const SITES = ['lyon', 'paris', 'lille', 'nantes', 'brest'];

beforeAll(async () => {
  db = await openDb();
  org = await buildOrg(db.db);
  await addSegmentAttribute(db.db, org, { groupId: org.groups.employee, key: 'site', values: SITES });
  await addSegmentAttribute(db.db, org, { groupId: org.groups.supplier, key: 'site', values: [...SITES, 'rennes'] });
  const site = (s: string, lived: number[], enps: number[]) =>
    lived.map((l, i) => ({ segments: { site: s }, lived: l, enps: enps[i]! }));
  await answerEmployees(db.db, org, [
    ...site('lyon', [4, 4, 5], [10, 9, 10]),
    ...site('paris', [3, 4, 4], [9, 7, 6]),
    ...site('lille', [2, 3, 3], [3, 5, 6]),
    ...site('nantes', [3, 3, 3], [9, 8, 2]),
    ...site('brest', [1, 1], [0, 0]),
    ...people(1, {}, { lived: 5, enps: 10 }),
  ]);
  const payments: Record<string, number[]> = {
    lyon: [5, 4, 5],
    paris: [4, 4, 3],
    lille: [2, 2, 3],
    nantes: [3, 4, 3],
    brest: [1, 1, 1],
  };
  for (const [s, values] of Object.entries(payments)) {
    for (const [i, payment] of values.entries()) {
      await answerSuppliers(db.db, org, `Fournisseur ${s} ${i}`, 1, { payment, segments: { site: s } });
    }
  }
});
afterAll(() => db.close());

const leadership = () => callerFor(db.db, org.leadership.userId);
const recognition = () => ({
  kind: 'dimension' as const,
  dimensionId: org.dimensions.recognition,
  facet: 'lived' as const,
});
const payment = () => ({ kind: 'dimension' as const, dimensionId: org.dimensions.payment, facet: 'lived' as const });
const chainOf = (x: Record<string, unknown>, y: Record<string, unknown> = {}) => ({
  attribute: 'site',
  x: { groupId: org.groups.employee, measure: recognition(), ...x },
  y: { groupId: org.groups.supplier, measure: payment(), ...y },
});

describe('insights.chain', () => {
  it('correlates two groups over the units both publish, by hand', async () => {
    const chain = await (await leadership()).insights.chain(chainOf({}));
    expect(chain.units.map((u) => [u.value, u.x.value, u.y.value])).toEqual([
      ['lyon', 83.3, 91.7],
      ['paris', 66.7, 66.7],
      ['lille', 41.7, 33.3],
      ['nantes', 50, 58.3],
    ]);
    expect(chain.units.map((u) => [u.x.n, u.y.n])).toEqual([
      [3, 3],
      [3, 3],
      [3, 3],
      [3, 3],
    ]);
    expect(chain.correlation).toEqual({
      n: 4,
      pearson: { r: 0.963, ci95: { low: 0.031, high: 0.999 } },
      spearman: 1,
      strength: 'strong',
      direction: 'positive',
      caveats: ['not_cause', 'few_units'],
    });
    // Five shared values (Rennes is the suppliers' only), four shown: Brest is counted, never named.
    expect(chain).toMatchObject({ shared: 5, excluded: 1 });
    expect(chain.x).toMatchObject({ group: { id: org.groups.employee }, wave: { label: 'Q4' } });
  });

  it('never shows a unit under k, nor anything of it', async () => {
    const chain = await (await leadership()).insights.chain(chainOf({}));
    const text = JSON.stringify(chain);
    expect(text).not.toContain('brest');
    expect(chain.units.some((u) => u.x.n === 2)).toBe(false);
    // What the group drill-down shows for each unit is exactly what the chain plots; Brest is withheld there too.
    const breakdown = await (await leadership()).insights.breakdown({
      groupId: org.groups.employee,
      segmentKey: 'site',
    });
    const shownThere = breakdown.rows
      .map((r) => ({ value: r.value, cell: r.cells.find((c) => c.dimensionId === org.dimensions.recognition)! }))
      .filter((r) => r.cell.value !== null);
    expect(shownThere.map((r) => [r.value, r.cell.value, r.cell.n])).toEqual(
      chain.units.map((u) => [u.value, u.x.value, u.x.n]),
    );
    expect(breakdown.rows.find((r) => r.value === 'brest')?.respondents).toEqual({ n: 0, hidden: 'below_k' });
  });

  it('reads an outcome of a side: employees’ eNPS by site', async () => {
    const chain = await (await leadership()).insights.chain(chainOf({ measure: { kind: 'outcome', scale: 'nps11' } }));
    expect(chain.units.map((u) => [u.value, u.x.value])).toEqual([
      ['lyon', 100],
      ['paris', 0],
      ['lille', -100],
      ['nantes', 0],
    ]);
    expect(chain.x.measure).toMatchObject({ kind: 'outcome', scale: 'nps11', metric: 'nps' });
    expect(chain.correlation.pearson?.r).toBe(0.99);
  });

  it('gives no figure under four units, and says so', async () => {
    const chain = await (await leadership()).insights.chain({
      ...chainOf({}),
      y: { groupId: org.groups.supplier, measure: { kind: 'outcome', scale: 'nps11' } },
    });
    // The supplier survey asks no NPS: no unit has both figures.
    expect(chain.units).toEqual([]);
    expect(chain).toMatchObject({ shared: 5, excluded: 5 });
    expect(chain.correlation).toMatchObject({
      n: 0,
      pearson: null,
      spearman: null,
      caveats: ['not_cause', 'few_units'],
    });
  });

  it('refuses a mistake naming the field, and managers', async () => {
    const api = await leadership();
    const refusal = async (input: unknown) => {
      try {
        await api.insights.chain(input as Parameters<typeof api.insights.chain>[0]);
      } catch (error) {
        const e = error as TRPCError & { cause?: unknown };
        return { code: e.code, message: e.message };
      }
      throw new Error('accepted');
    };
    expect(await refusal(chainOf({}, { groupId: org.groups.employee }))).toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('y.groupId'),
    });
    expect(await refusal({ ...chainOf({}), attribute: 'region' })).toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('attribute'),
    });
    expect(await refusal(chainOf({}, { measure: recognition() }))).toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('y.measure.dimensionId'),
    });
    expect(await refusal(chainOf({}, { surveyId: org.surveys.employee.surveyId }))).toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('y.surveyId'),
    });
    expect(
      await refusal(chainOf({ measure: { kind: 'dimension', dimensionId: 'x', facet: 'intended' } })),
    ).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('facet') });
    const m = await addMember(db.db, org, 'manager-it', 'manager');
    await db.db.updateTable('member').set({ department: 'it' }).where('id', '=', m.memberId).execute();
    await expect((await callerFor(db.db, m.userId)).insights.chain(chainOf({}))).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});
