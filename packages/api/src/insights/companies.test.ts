import type { Db } from '@facets/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildOrg, callerFor, type Org, openDb } from '../test-setup.ts';
import { addSegmentAttribute, answerSuppliers } from './testing.ts';

/**
 * Suppliers are counted in companies in every console view (k = 3): five contacts of two companies are two
 * companies, not five people, whoever asks and whichever view they ask.
 */

let db: Db;
let org: Org;

beforeEach(async () => {
  db = await openDb();
  org = await buildOrg(db.db, { kThreshold: 3 });
});
afterEach(() => db.close());

const leadership = () => callerFor(db.db, org.leadership.userId);
const supplierGroup = (o: Awaited<ReturnType<Awaited<ReturnType<typeof leadership>>['insights']['overview']>>) =>
  o.groups.find((g) => g.id === org.groups.supplier)!;

describe('suppliers counted in companies', () => {
  it('hides the overview, the heatmap and the dimension page while fewer than k companies answered', async () => {
    await answerSuppliers(db.db, org, 'Atelier Durand', 3);
    await answerSuppliers(db.db, org, 'Scierie Martin', 2);
    const api = await leadership();
    const wave = { id: org.surveys.supplier.waveId, label: expect.any(String), sequence: expect.any(Number) };
    // The wave is published withheld: it stays the current one, with no figure, no count, and the reason
    const group = supplierGroup(await api.insights.overview());
    expect(group.wave).toEqual(wave);
    expect(group.withheldWaves).toEqual([{ wave, hidden: 'companies_below_k' }]);
    expect(group.respondents).toEqual({ n: 0, hidden: 'companies_below_k' });
    const payment = group.dimensions.find((d) => d.id === org.dimensions.payment)!;
    expect(payment.lived).toEqual({ n: 0, score: null, hidden: 'companies_below_k' });
    expect(payment.favourability).toMatchObject({ n: 0, value: null, hidden: 'companies_below_k' });

    const compare = await api.insights.compareGroups({ metric: 'lived' });
    for (const c of compare.cells.filter((x) => x.groupId === org.groups.supplier)) {
      expect(c).toMatchObject({ value: null, n: 0 });
    }
    const page = await api.insights.dimension({ groupId: org.groups.supplier, dimensionId: org.dimensions.payment });
    // The page says what its group is, so that its counts are worded in contacts and its rule in companies.
    expect(page.group.kind).toBe('supplier');
    expect(page.trend.map((t) => t.lived)).toEqual([{ value: null, n: 0, hidden: 'companies_below_k' }]);
    expect(page.withheldWaves).toEqual([{ wave, hidden: 'companies_below_k' }]);
    expect(page.distribution).toMatchObject({ bins: [], n: 0, hidden: 'companies_below_k' });
    expect(page.ipa).toBeNull();
    const breakdown = await api.insights
      .breakdown({ groupId: org.groups.supplier, segmentKey: 'company' })
      .catch((e: unknown) => e);
    expect(breakdown).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/^segmentKey: /) });

    await answerSuppliers(db.db, org, 'Verrerie du Rhône', 1, { payment: 2 });
    const shown = supplierGroup(await (await leadership()).insights.overview());
    expect(shown.respondents).toEqual({ n: 6, hidden: null });
    // (3 × 75 + 2 × 75 + 25) / 6 = 66.7
    expect(shown.dimensions.find((d) => d.id === org.dimensions.payment)!.lived).toEqual({
      n: 6,
      score: 66.7,
      hidden: null,
    });
  });

  it('never breaks the group down by company, and judges a category by the companies in it', async () => {
    await addSegmentAttribute(db.db, org, {
      groupId: org.groups.supplier,
      key: 'category',
      values: ['logistics', 'packaging'],
    });
    await addSegmentAttribute(db.db, org, {
      groupId: org.groups.supplier,
      key: 'company',
      values: ['transports_alpha'],
    });
    // Logistics: 6 contacts of 2 companies; packaging: 6 contacts of 3 companies.
    await answerSuppliers(db.db, org, 'Transports Alpha', 3, { segments: { category: 'logistics' } });
    await answerSuppliers(db.db, org, 'Transports Beta', 3, { segments: { category: 'logistics' } });
    for (const name of ['Cartons Gamma', 'Cartons Delta', 'Cartons Epsilon']) {
      await answerSuppliers(db.db, org, name, 2, { segments: { category: 'packaging' } });
    }
    const api = await leadership();
    const offered = await api.insights.segments({ groupId: org.groups.supplier });
    expect(offered.segments.map((a) => a.key)).toEqual(['category']);
    // One company is never k companies: no view is cut by company, even where the key is configured.
    await expect(api.insights.breakdown({ groupId: org.groups.supplier, segmentKey: 'company' })).rejects.toMatchObject(
      {
        code: 'BAD_REQUEST',
        message: expect.stringMatching(/^segmentKey: /),
      },
    );
    await expect(
      api.insights.dimension({
        groupId: org.groups.supplier,
        dimensionId: org.dimensions.payment,
        segment: { key: 'company', value: 'transports_alpha' },
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/^segment: /) });
    const byCategory = await api.insights.breakdown({ groupId: org.groups.supplier, segmentKey: 'category' });
    expect(byCategory.groupKind).toBe('supplier');
    const rows = Object.fromEntries(byCategory.rows.map((r) => [r.value, r]));
    // Logistics stands on 2 companies; packaging, shown, would give it away as the whole group minus packaging,
    // whose complement is those 2 companies: both withheld for want of companies, with no count.
    for (const value of ['logistics', 'packaging']) {
      expect(rows[value]?.respondents).toEqual({ n: 0, hidden: 'companies_below_k' });
      expect(rows[value]?.cells.every((c) => c.value === null && c.n === 0)).toBe(true);
    }
    expect(byCategory.total.respondents).toEqual({ n: 12, hidden: null });
  });
});
