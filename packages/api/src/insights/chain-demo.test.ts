import { type Db, DEMO_ORGANIZATION, seedDemo } from '@facets/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor, openDb } from '../test-setup.ts';

/**
 * The experience chain on the demo organisation (Maison Lumière), as leadership reads it: employees and customers
 * both carry the site (employees where they work, customers the site that serves their region), and the employee
 * survey, published department first, shows its sites because each is a union of whole departments (operations'
 * two halves large enough on their own). Over the four sites, employees' lived recognition lines up with
 * customers' satisfaction: Lille lowest on both sides, Bordeaux highest.
 */

const NOW = '2026-11-22T10:00:00.000Z';
const K = DEMO_ORGANIZATION.kThreshold;
const SITES = ['lyon', 'paris', 'lille', 'bordeaux'];
const EMPLOYEES = 'demo-group-employee';
const CUSTOMERS = 'demo-group-customer';
const recognition = { kind: 'dimension', dimensionId: 'demo-dim-recognition', facet: 'lived' } as const;

let db: Db;

beforeAll(async () => {
  db = await openDb();
  await seedDemo(db.db, { now: new Date(NOW), hashPassword: async (p) => `hash:${p}` });
}, 120_000);
afterAll(() => db.close());

const leadership = () => callerFor(db.db, 'demo-user-leadership', { now: NOW });
const chainOf = async (y: { kind: 'outcome'; scale: 'csat5' | 'nps11' }) =>
  (await leadership()).insights.chain({
    attribute: 'site',
    x: { groupId: EMPLOYEES, measure: recognition },
    y: { groupId: CUSTOMERS, measure: y },
  });

describe('the demo’s experience chain', () => {
  it('sets employees’ recognition against customers’ CSAT over four sites, with a clear positive r', async () => {
    const view = await chainOf({ kind: 'outcome', scale: 'csat5' });
    expect(view.units.map((u) => u.value)).toEqual(SITES);
    expect(view.shared).toBe(4);
    expect(view.excluded).toBe(0);
    for (const u of view.units) {
      expect(u.x.n).toBeGreaterThanOrEqual(K);
      expect(u.y.n).toBeGreaterThanOrEqual(K);
    }
    const { pearson, spearman, direction } = view.correlation;
    expect(pearson!.r).toBeGreaterThan(0.95);
    // Even over four units the 95 % interval leaves out 0.
    expect(pearson!.ci95.low).toBeGreaterThan(0);
    expect(spearman).toBe(1);
    expect(direction).toBe('positive');
    // The story a reader sees: Lille lowest on both sides, Bordeaux highest.
    const by = (axis: 'x' | 'y') => [...view.units].sort((a, b) => a[axis].value! - b[axis].value!).map((u) => u.value);
    expect(by('x')[0]).toBe('lille');
    expect(by('y')[0]).toBe('lille');
    expect(by('x').at(-1)).toBe('bordeaux');
    expect(by('y').at(-1)).toBe('bordeaux');
  });

  it('lines recognition up with customers’ NPS too, in the same order at both ends', async () => {
    const view = await chainOf({ kind: 'outcome', scale: 'nps11' });
    expect(view.correlation.n).toBe(4);
    expect(view.correlation.pearson!.r).toBeGreaterThan(0.7);
    const order = [...view.units].sort((a, b) => a.y.value! - b.y.value!).map((u) => u.value);
    expect([order[0], order.at(-1)]).toEqual(['lille', 'bordeaux']);
  });

  it('shows for each site exactly the figure the group drill-down shows, nothing of its own', async () => {
    const caller = await leadership();
    const view = await chainOf({ kind: 'outcome', scale: 'csat5' });
    const employees = await caller.insights.breakdown({ groupId: EMPLOYEES, segmentKey: 'site' });
    for (const u of view.units) {
      const row = employees.rows.find((r) => r.value === u.value)!;
      const cell = row.cells.find((c) => c.dimensionId === recognition.dimensionId)!;
      expect({ value: u.x.value, n: u.x.n }).toEqual({ value: cell.value, n: cell.n });
    }
  });

  it('leaves a reader who subtracts a department from a site, or a region from a site, no fewer than k people', async () => {
    // Every closed wave of both groups: each site × department (site × region for customers) holds 0 or ≥ k.
    const rows = await db.db
      .selectFrom('response as r')
      .innerJoin('wave as w', 'w.id', 'r.wave_id')
      .select(['r.group_id', 'r.wave_id', 'r.segments'])
      .where('w.status', '=', 'closed')
      .where('r.group_id', 'in', [EMPLOYEES, CUSTOMERS])
      .execute();
    const cells = new Map<string, number>();
    for (const r of rows) {
      const s = JSON.parse(r.segments) as Record<string, string>;
      const other = r.group_id === EMPLOYEES ? s.department : s.region;
      expect(SITES).toContain(s.site);
      expect(other).toBeDefined();
      const key = `${r.wave_id} ${s.site} × ${other}`;
      cells.set(key, (cells.get(key) ?? 0) + 1);
    }
    expect(cells.size).toBeGreaterThan(0);
    const small = [...cells].filter(([, n]) => n < K);
    expect(small).toEqual([]);
    // A customer region is served by one site: the site adds no population the region does not already make.
    const regions = new Map<string, Set<string>>();
    for (const r of rows.filter((x) => x.group_id === CUSTOMERS)) {
      const s = JSON.parse(r.segments) as Record<string, string>;
      regions.set(s.region!, (regions.get(s.region!) ?? new Set()).add(s.site!));
    }
    expect([...regions.values()].map((sites) => sites.size)).toEqual([1, 1, 1, 1]);
  });
});
