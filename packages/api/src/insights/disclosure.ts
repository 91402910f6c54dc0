import { COMPANY_KEY } from '@facets/db';
import {
  checkFilter,
  disjointUnionConflicts,
  type HiddenReason,
  overlapConflicts,
  suppressSiblings,
} from '@facets/domain';
import {
  cellKey,
  facetCells,
  groupRespondents,
  type Segment,
  type SegmentRow,
  segmentId,
  type WaveData,
  wholeCells,
} from './cells.ts';
import type { FacetCell } from './figures.ts';

/**
 * The one place where disclosure control is decided (design.md §2, anonymity). Every view — overview, comparison,
 * breakdown, dimension page, a manager's department — reads its cells through `rowsOf`, so a figure withheld in one
 * view is withheld in all of them and no two views can be subtracted to reveal a small group:
 * - a cell below k is hidden, and its siblings (the other values of the same segment key, plus the respondents who
 *   carry no value for that key) are hidden until the hidden ones total at least k;
 * - segments are judged once per group × wave across all keys (respondent counts, siblings, then overlaps between
 *   keys, for the segment as a whole and again per cell), so the same segment is shown or hidden whichever view asks.
 * Comments follow the same rules on commenters and texts (comments.ts).
 */

/** Who never shows: the respondents of a group who carry no value for the key being broken down. */
const REST = '\u0000rest';

/**
 * Which segments of a wave may be shown at all, across every key: respondents below k and their complementary
 * siblings first, then pairs of segments of different keys whose memberships differ by fewer than k people.
 */
export function segmentVisibility(data: WaveData, k: number): Map<string, { n: number; hidden: HiddenReason | null }> {
  const whole = groupRespondents(data);
  const byKey = new Map<string, { value: string; n: number }[]>();
  for (const r of data.respondents) {
    if (r.segmentKey === '') continue;
    byKey.set(r.segmentKey, [...(byKey.get(r.segmentKey) ?? []), { value: r.segmentValue, n: r.n }]);
  }
  const result = new Map<string, { n: number; hidden: HiddenReason | null }>();
  for (const [key, values] of byKey) {
    const reasons = suppressSiblings(withRest(values, whole), k);
    for (const v of values)
      result.set(segmentId({ key, value: v.value }), { n: v.n, hidden: reasons.get(v.value) ?? null });
  }
  const visible = [...result].filter(([, s]) => s.hidden === null).map(([id, s]) => ({ id, n: s.n }));
  const intersections = data.overlaps.map((o) => ({
    a: segmentId({ key: o.keyA, value: o.valueA }),
    b: segmentId({ key: o.keyB, value: o.valueB }),
    n: o.n,
  }));
  for (const id of overlapConflicts(visible, intersections, k)) {
    const s = result.get(id);
    if (s) result.set(id, { n: s.n, hidden: 'overlap' });
  }
  const stillVisible = [...result].filter(([, s]) => s.hidden === null).map(([id, s]) => ({ id, n: s.n }));
  for (const id of disjointUnionConflicts(stillVisible, disjointIn(data), whole, k)) {
    const s = result.get(id);
    if (s) result.set(id, { n: s.n, hidden: 'complementary' });
  }
  return result;
}

/**
 * Whether two segments (ids 'key=value') share nobody in a wave: values of one key never do; values of two keys do
 * not when no respondent carries both (no overlap row).
 */
function disjointIn(data: WaveData): (a: string, b: string) => boolean {
  const common = new Set(
    data.overlaps
      .filter((o) => o.n > 0)
      .map((o) => pairId(segmentId({ key: o.keyA, value: o.valueA }), segmentId({ key: o.keyB, value: o.valueB }))),
  );
  return (a, b) => keyOfId(a) === keyOfId(b) || !common.has(pairId(a, b));
}

const keyOfId = (id: string) => id.slice(0, id.indexOf('='));

/** Siblings and, when some respondents carry no value, the rest of the parent as one more (never shown) sibling. */
export function withRest(values: readonly { value: string; n: number }[], parentN: number) {
  const cells = values.map((v) => ({ id: v.value, n: v.n }));
  const rest = parentN - values.reduce((s, v) => s + v.n, 0);
  return rest > 0 ? [...cells, { id: REST, n: rest }] : cells;
}

/**
 * Every value of one segment key (`''` for the whole group) with its cells judged (see `judgeSegments`).
 */
export function rowsOf(data: WaveData, key: string, k: number): SegmentRow[] {
  if (key === '') {
    const n = groupRespondents(data);
    const whole = wholeCells(data);
    const cells = new Map([...whole].map(([id, c]) => [id, { ...c, hidden: belowK(c.n, k) }]));
    const row = { value: '', respondents: { n, hidden: belowK(n, k) }, cells };
    return [data.countsCompanies ? byCompanies(data, k).judgeWhole(row) : row];
  }
  const rows = judgeSegments(data, k).get(key) ?? [];
  return data.countsCompanies ? byCompanies(data, k).judgeSegments(key, rows) : rows;
}

/**
 * Groups counted in companies (suppliers, design.md §2): besides k respondents, a figure needs k distinct companies
 * behind it, so that a supplier's five contacts never make one company's view visible. Companies are read from the
 * `company` segment of the aggregates (respondents without a company count together as one more company, the least
 * they can be):
 * - the whole group: a cell's companies are the company segments with answers in that cell — exact;
 * - a segment of another key (a supplier category): its companies are those sharing respondents with it (overlap
 *   rows); a cell of n answers stands on at least ⌈n / the largest company's contacts in the segment⌉ companies, the
 *   lower bound judged; the values of the key are then siblings in companies as they are in respondents;
 * - the company key itself: every value is one company, never shown.
 * The reasons of the respondent rules stand; the company rule only hides more, as `companies_below_k`.
 */
function byCompanies(data: WaveData, k: number) {
  const inCompany = (x: { segmentKey: string }) => x.segmentKey === COMPANY_KEY;
  const companies = data.respondents.filter((r) => inCompany(r) && r.n > 0);
  // One pass over the company cells: per cell of the whole group, the answers of each company (scales summed).
  const byCell = new Map<string, Map<string, number>>();
  for (const c of data.cells) {
    if (!inCompany(c) || c.n <= 0) continue;
    const id = cellKey(c.dimensionId, c.facet, c.scale);
    const perCompany = byCell.get(id) ?? new Map<string, number>();
    perCompany.set(c.segmentValue, (perCompany.get(c.segmentValue) ?? 0) + c.n);
    byCell.set(id, perCompany);
  }
  const attachedTotal = companies.reduce((s, c) => s + c.n, 0);
  const wholeUnits = groupRespondents(data) > attachedTotal ? companies.length + 1 : companies.length;
  /** Distinct companies behind a cell of the whole group. */
  const cellUnits = (cellId: string, n: number) => {
    const perCompany = byCell.get(cellId);
    const attached = [...(perCompany?.values() ?? [])].reduce((s, x) => s + x, 0);
    return (perCompany?.size ?? 0) + (n > attached ? 1 : 0);
  };
  const stricter = (hidden: HiddenReason | null, units: number, n: number): HiddenReason | null =>
    hidden ?? (n > 0 && units < k ? 'companies_below_k' : null);

  const judgeWhole = (row: SegmentRow): SegmentRow => {
    const cells = new Map<string, FacetCell>();
    for (const [id, c] of row.cells) cells.set(id, { ...c, hidden: stricter(c.hidden, cellUnits(id, c.n), c.n) });
    const hidden = stricter(row.respondents.hidden, wholeUnits, row.respondents.n);
    return { ...row, respondents: { ...row.respondents, hidden }, cells };
  };

  const judgeSegments = (key: string, rows: SegmentRow[]): SegmentRow[] => {
    if (key === COMPANY_KEY) {
      return rows.map((r) => ({
        ...r,
        respondents: { ...r.respondents, hidden: stricter(r.respondents.hidden, 1, r.respondents.n) },
        cells: new Map([...r.cells].map(([id, c]) => [id, { ...c, hidden: stricter(c.hidden, 1, c.n) }])),
      }));
    }
    /** Per value of the key: its companies, and the most respondents one company (or the unattached) has in it. */
    const sharesOf = new Map<string, number[]>();
    for (const o of data.overlaps) {
      if (o.n <= 0) continue;
      const value =
        o.keyA === COMPANY_KEY && o.keyB === key
          ? o.valueB
          : o.keyB === COMPANY_KEY && o.keyA === key
            ? o.valueA
            : null;
      if (value !== null) sharesOf.set(value, [...(sharesOf.get(value) ?? []), o.n]);
    }
    const shape = new Map(
      rows.map((r) => {
        const shares = sharesOf.get(r.value) ?? [];
        const unattached = Math.max(0, r.respondents.n - shares.reduce((s, n) => s + n, 0));
        const units = shares.length + (unattached > 0 ? 1 : 0);
        return [r.value, { units, largest: Math.max(1, unattached, ...shares) }];
      }),
    );
    const unitsOf = (value: string, n: number) => {
      const s = shape.get(value)!;
      return n <= 0 ? 0 : Math.min(s.units, Math.ceil(n / s.largest));
    };
    const asCompanies = (reason: HiddenReason | null | undefined): HiddenReason | null =>
      reason === 'below_k' ? 'companies_below_k' : reason === 'complementary' ? 'complementary' : null;
    const respondentReasons = suppressSiblings(
      withRest(
        rows.map((r) => ({ value: r.value, n: unitsOf(r.value, r.respondents.n) })),
        wholeUnits,
      ),
      k,
    );
    const cellIds = new Set(rows.flatMap((r) => [...r.cells.keys()]));
    const whole = wholeCells(data);
    const cellReasons = new Map(
      [...cellIds].map((id) => {
        const siblings = rows.map((r) => ({ value: r.value, n: unitsOf(r.value, r.cells.get(id)?.n ?? 0) }));
        const parentUnits = Math.max(
          cellUnits(id, whole.get(id)?.n ?? 0),
          siblings.reduce((s, x) => s + x.n, 0),
        );
        return [id, suppressSiblings(withRest(siblings, parentUnits), k)];
      }),
    );
    return rows.map((r) => {
      const cells = new Map<string, FacetCell>();
      for (const [id, c] of r.cells) {
        const hidden = c.n > 0 ? (c.hidden ?? asCompanies(cellReasons.get(id)?.get(r.value))) : c.hidden;
        cells.set(id, { ...c, hidden });
      }
      const hidden =
        r.respondents.n > 0
          ? (r.respondents.hidden ?? asCompanies(respondentReasons.get(r.value)))
          : r.respondents.hidden;
      return { ...r, respondents: { ...r.respondents, hidden }, cells };
    });
  };
  return { judgeWhole, judgeSegments };
}

/**
 * Every segment of a wave, all keys at once, since a segment's cell depends on the other keys' too:
 * 1. a segment hidden as a whole (`segmentVisibility`) has all its cells hidden for the same reason;
 * 2. per cell, the values of a key are siblings (with the respondents who carry none): `suppressSiblings`;
 * 3. per cell, two shown segments of different keys must not differ by 1 to k − 1 answers. Only respondent
 *    intersections are stored, so the smallest difference the cells allow is assumed: an optional question answered
 *    by one more person in one of two nearly equal segments would otherwise give that answer away.
 */
function judgeSegments(data: WaveData, k: number): Map<string, SegmentRow[]> {
  const visibility = segmentVisibility(data, k);
  const byKey = new Map<string, Map<string, Map<string, FacetCell>>>();
  for (const r of data.respondents) {
    if (r.segmentKey === '') continue;
    const values = byKey.get(r.segmentKey) ?? new Map<string, Map<string, FacetCell>>();
    values.set(r.segmentValue, new Map());
    byKey.set(r.segmentKey, values);
  }
  const segmentKeys = new Set(
    data.cells.filter((c) => c.segmentKey !== '').map((c) => `${c.segmentKey}\n${c.segmentValue}`),
  );
  for (const id of segmentKeys) {
    const [key, value] = id.split('\n') as [string, string];
    const inValue = (x: { segmentKey: string; segmentValue: string }) =>
      x.segmentKey === key && x.segmentValue === value;
    const values = byKey.get(key) ?? new Map<string, Map<string, FacetCell>>();
    values.set(value, facetCells(data.cells.filter(inValue), data.bins.filter(inValue)));
    byKey.set(key, values);
  }
  const rows = new Map<string, SegmentRow[]>();
  for (const [key, values] of byKey) {
    rows.set(
      key,
      [...values.keys()].sort().map((value) => ({
        value,
        respondents: visibility.get(segmentId({ key, value })) ?? { n: 0, hidden: 'no_data' },
        cells: new Map(),
      })),
    );
  }
  const respondentsIn = new Map([...visibility].map(([id, s]) => [id, s.n]));
  const commonRespondents = new Map(
    data.overlaps.map((o) => [
      pairId(segmentId({ key: o.keyA, value: o.valueA }), segmentId({ key: o.keyB, value: o.valueB })),
      o.n,
    ]),
  );
  const disjoint = disjointIn(data);
  for (const [cellId, parent] of wholeCells(data)) {
    const shown: { key: string; id: string; n: number; cell: FacetCell; row: SegmentRow }[] = [];
    for (const [key, keyRows] of rows) {
      const cellOf = (value: string) => byKey.get(key)?.get(value)?.get(cellId);
      const siblings = keyRows.map((r) => ({ value: r.value, n: cellOf(r.value)?.n ?? 0 }));
      const reasons = suppressSiblings(withRest(siblings, parent.n), k);
      for (const row of keyRows) {
        const cell = cellOf(row.value);
        if (!cell) continue;
        const hidden = cell.n === 0 ? 'no_data' : (row.respondents.hidden ?? reasons.get(row.value) ?? null);
        row.cells.set(cellId, { ...cell, hidden });
        if (hidden === null) shown.push({ key, id: segmentId({ key, value: row.value }), n: cell.n, cell, row });
      }
    }
    const worstCase = [];
    for (const [i, a] of shown.entries()) {
      for (const b of shown.slice(i + 1)) {
        if (a.key === b.key) continue;
        const common = commonRespondents.get(pairId(a.id, b.id)) ?? 0;
        const same = (respondentsIn.get(a.id) ?? 0) + (respondentsIn.get(b.id) ?? 0) - 2 * common === 0;
        const smallest = same ? 0 : Math.max(1, a.n + b.n - 2 * Math.min(a.n, b.n, common));
        worstCase.push({ a: a.id, b: b.id, n: (a.n + b.n - smallest) / 2 });
      }
    }
    const conflicts = overlapConflicts(
      shown.map((s) => ({ id: s.id, n: s.n })),
      worstCase,
      k,
    );
    for (const s of shown) if (conflicts.has(s.id)) s.row.cells.set(cellId, { ...s.cell, hidden: 'overlap' });
    // Shown cells of segments that share nobody add up: the whole group's cell minus them must leave 0 or >= k.
    const rest = shown.filter((s) => !conflicts.has(s.id));
    for (const id of disjointUnionConflicts(rest, disjoint, parent.n, k)) {
      const s = rest.find((r) => r.id === id);
      if (s) s.row.cells.set(cellId, { ...s.cell, hidden: 'complementary' });
    }
  }
  return rows;
}

const pairId = (a: string, b: string) => (a < b ? `${a}\n${b}` : `${b}\n${a}`);

const belowK = (n: number, k: number): HiddenReason | null => (n === 0 ? 'no_data' : n < k ? 'below_k' : null);

/** The row of one population: the whole group, or one segment value (an empty row when nobody carries it). */
export function populationRow(data: WaveData, segment: Segment | null, k: number): SegmentRow {
  const rows = rowsOf(data, segment?.key ?? '', k);
  const value = segment?.value ?? '';
  return rows.find((r) => r.value === value) ?? { value, respondents: { n: 0, hidden: 'no_data' }, cells: new Map() };
}

/** Is a filter on `segment` refused outright, because the rest of the group is a handful of people? */
export function filterRefusal(data: WaveData, segment: Segment, k: number): HiddenReason | null {
  const filterN =
    data.respondents.find((r) => r.segmentKey === segment.key && r.segmentValue === segment.value)?.n ?? 0;
  return checkFilter({ parentN: groupRespondents(data), filterN, k });
}
