import type { Db } from '@facets/db';
import { addStakeholder } from '@facets/db/testing';
import { TEAM_KEY } from '@facets/domain';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addMember, buildOrg, callerFor, type Org, openDb } from '../test-setup.ts';
import { addCommentQuestion, addSegmentAttribute, answerEmployees, closeWaves, people } from './testing.ts';

/**
 * Attempts to read a small group's scores through the insights views (k = 3): small segments, the complement of a
 * filter, segments of two keys that nearly coincide, respondents with no value for a key, sums and differences of
 * every shown population, comment lists subtracted, and reads before and after one submission. Each view must
 * withhold the same figures, whoever asks and however the question is put; a withheld figure shows no n.
 */

let db: Db;
let org: Org;

beforeEach(async () => {
  db = await openDb();
  org = await buildOrg(db.db); // k = 3
  const e = org.groups.employee;
  await addSegmentAttribute(db.db, org, { groupId: e, key: 'department', values: ['it', 'sales', 'hr'] });
  await addSegmentAttribute(db.db, org, { groupId: e, key: 'site', values: ['lyon', 'paris'] });
});
afterEach(() => db.close());

const K = 3;
const leadership = () => callerFor(db.db, org.leadership.userId);
const recognitionOf = (row: {
  cells: { dimensionId: string; value: number | null; n: number; hidden: string | null }[];
}) => row.cells.find((c) => c.dimensionId === org.dimensions.recognition)!;
const withheld = (hidden: string) => ({ value: null, n: 0, hidden });

async function managerOf(department: string) {
  const m = await addMember(db.db, org, `manager-${department}`, 'manager');
  await db.db.updateTable('member').set({ department }).where('id', '=', m.memberId).execute();
  return callerFor(db.db, m.userId);
}

async function breakdown(segmentKey: string) {
  const b = await (await leadership()).insights.breakdown({ groupId: org.groups.employee, segmentKey });
  return new Map(b.rows.map((r) => [r.value, { respondents: r.respondents, recognition: recognitionOf(r) }]));
}

async function segmentPage(key: string, value: string) {
  return (await leadership()).insights.dimension({
    groupId: org.groups.employee,
    dimensionId: org.dimensions.recognition,
    segment: { key, value },
  });
}

async function segmentLived(key: string, value: string) {
  const d = await segmentPage(key, value);
  return { lived: d.trend.at(-1)!.lived, distribution: d.distribution, favourability: d.trend.at(-1)!.favourability };
}

describe('a small segment and its complementary sibling', () => {
  beforeEach(async () => {
    // IT 6 people (lived 5), sales 5 (lived 4), HR 2 (lived 1)
    await answerEmployees(db.db, org, [
      ...people(6, { department: 'it' }, { lived: 5 }),
      ...people(5, { department: 'sales' }, { lived: 4 }),
      ...people(2, { department: 'hr' }, { lived: 1 }),
    ]);
  });

  it('hides HR below k and sales too, so that the total minus IT tells nothing about HR alone', async () => {
    const rows = await breakdown('department');
    expect(rows.get('hr')).toEqual({
      respondents: { n: 0, hidden: 'below_k' },
      recognition: { dimensionId: org.dimensions.recognition, ...withheld('below_k'), vsTotal: null },
    });
    expect(rows.get('sales')).toEqual({
      respondents: { n: 0, hidden: 'complementary' },
      recognition: { dimensionId: org.dimensions.recognition, ...withheld('complementary'), vsTotal: null },
    });
    expect(rows.get('it')?.recognition).toMatchObject({ value: 100, n: 6, hidden: null });
  });

  it('withholds the same figures through a segment filter on the dimension page', async () => {
    const hr = await segmentLived('department', 'hr');
    expect(hr.lived).toEqual(withheld('below_k'));
    expect(hr.distribution).toMatchObject({ bins: [], n: 0, hidden: 'below_k' });
    expect(hr.favourability).toMatchObject(withheld('below_k'));
    const sales = await segmentLived('department', 'sales');
    expect(sales.lived).toEqual(withheld('complementary'));
    expect(sales.distribution).toMatchObject({ bins: [], n: 0, hidden: 'complementary' });
    expect((await segmentLived('department', 'it')).lived).toEqual({ value: 100, n: 6, hidden: null });
  });

  it('withholds them from the managers of those departments too', async () => {
    for (const [department, hidden] of [
      ['hr', 'below_k'],
      ['sales', 'complementary'],
    ] as const) {
      const api = await managerOf(department);
      const overview = await api.insights.overview();
      expect(overview.segment).toEqual({ key: 'department', value: department });
      expect(overview.groups.map((g) => g.id)).toEqual([org.groups.employee]);
      expect(overview.groups[0]!.respondents).toEqual({ n: 0, hidden });
      expect(overview.groups[0]!.withheldWaves).toEqual([{ wave: overview.groups[0]!.wave, hidden }]);
      const recognition = overview.groups[0]!.dimensions.find((d) => d.id === org.dimensions.recognition)!;
      expect(recognition.lived).toEqual({ score: null, n: 0, hidden });
      expect(recognition.targetGap).toBeNull();
      expect(recognition.favourability.value).toBeNull();
      const compare = await api.insights.compareGroups({ metric: 'lived' });
      expect(compare.cells.every((c) => c.value === null && c.n === 0)).toBe(true);
      const page = await api.insights.dimension({
        groupId: org.groups.employee,
        dimensionId: org.dimensions.recognition,
      });
      expect(page.trend.at(-1)!.lived).toEqual(withheld(hidden));
      expect(page.distribution).toMatchObject({ bins: [], n: 0 });
      expect(page.drivers).toBeNull();
    }
    const it = await managerOf('it');
    const overview = await it.insights.overview();
    expect(overview.groups[0]!.dimensions.find((d) => d.id === org.dimensions.recognition)!.lived).toEqual({
      n: 6,
      score: 100,
      hidden: null,
    });
  });

  it('shows a department nobody answered from as empty, not as someone else’s figures', async () => {
    const legal = await managerOf('legal');
    const group = (await legal.insights.overview()).groups[0]!;
    expect(group.respondents).toEqual({ n: 0, hidden: 'no_data' });
    const recognition = group.dimensions.find((d) => d.id === org.dimensions.recognition)!;
    expect(recognition.lived).toEqual({ n: 0, score: null, hidden: null });
  });
});

describe('respondents with no value for the key', () => {
  it('count as a hidden sibling: two people without a department hide the smallest department', async () => {
    await answerEmployees(db.db, org, [
      ...people(6, { department: 'it' }, { lived: 5 }),
      ...people(5, { department: 'sales' }, { lived: 4 }),
      ...people(2, {}, { lived: 1 }),
    ]);
    const rows = await breakdown('department');
    expect(rows.get('sales')?.recognition).toMatchObject(withheld('complementary'));
    expect(rows.get('it')?.recognition).toMatchObject({ value: 100, hidden: null });
    expect((await segmentLived('department', 'sales')).lived).toEqual(withheld('complementary'));
  });
});

describe('a filter whose complement is a handful of people', () => {
  beforeEach(async () => {
    await answerEmployees(db.db, org, [
      ...people(6, { department: 'it' }, { lived: 5 }),
      ...people(2, { department: 'hr' }, { lived: 1 }),
    ]);
  });

  it('is withheld on the dimension page, with the reason and no figure', async () => {
    const page = await segmentPage('department', 'it');
    expect(page.segment).toEqual({ key: 'department', value: 'it' });
    expect(page.withheldWaves).toEqual([{ wave: page.trend.at(-1)!.wave, hidden: 'complementary' }]);
    expect(page.trend.map((t) => [t.lived, t.expected, t.favourability.value])).toEqual([
      [withheld('complementary'), withheld('complementary'), null],
    ]);
    expect(page.distribution).toMatchObject({ bins: [], n: 0, hidden: 'complementary' });
    expect(page.ipa).toBeNull();
    expect(page.comments).toMatchObject({ commenters: 0, items: [] });
    // and the breakdown hides IT as HR's complementary sibling
    const rows = await breakdown('department');
    expect(rows.get('it')).toEqual({
      respondents: { n: 0, hidden: 'complementary' },
      recognition: { dimensionId: org.dimensions.recognition, ...withheld('complementary'), vsTotal: null },
    });
  });

  it('withholds everything from the manager of the large department, as from the small one’s', async () => {
    for (const [department, hidden] of [
      ['it', 'complementary'],
      ['hr', 'below_k'],
    ] as const) {
      const api = await managerOf(department);
      const [group] = (await api.insights.overview()).groups;
      expect(group!.respondents).toEqual({ n: 0, hidden });
      expect(group!.withheldWaves).toEqual([{ wave: group!.wave, hidden }]);
      expect(group!.outcomes).toEqual([]);
      for (const d of group!.dimensions) {
        expect(d.lived).toMatchObject({ score: null, n: 0 });
        expect(d.expected).toMatchObject({ score: null, n: 0 });
        expect([d.expectationGap, d.targetGap, d.calibrationGap, d.favourability.value, d.trend.value]).toEqual([
          null,
          null,
          null,
          null,
          null,
        ]);
      }
      expect(group!.dimensions.find((d) => d.id === org.dimensions.recognition)!.lived.hidden).toBe(hidden);
      const compare = await api.insights.compareGroups({ metric: 'lived' });
      expect(compare.cells.every((c) => c.value === null && c.n === 0)).toBe(true);
      const alerts = await api.insights.alerts();
      expect(alerts.every((a) => a.value === null && a.n === null)).toBe(true);
      const page = await api.insights.dimension({
        groupId: org.groups.employee,
        dimensionId: org.dimensions.recognition,
      });
      expect(page.withheldWaves).toEqual([{ wave: page.trend.at(-1)!.wave, hidden }]);
      expect(page.trend.map((t) => t.lived)).toEqual([withheld(hidden)]);
      expect(page.distribution).toMatchObject({ bins: [], n: 0 });
    }
  });
});

describe('a filter that is the whole group', () => {
  it('is let through: its complement is empty, so it reveals nothing the group total does not', async () => {
    await answerEmployees(db.db, org, people(4, { site: 'lyon' }, { lived: 4 }));
    expect((await segmentLived('site', 'lyon')).lived).toEqual({ value: 75, n: 4, hidden: null });
  });
});

describe('segments of two keys that nearly coincide', () => {
  beforeEach(async () => {
    // IT: 6 at Lyon; sales: 6 at Paris; HR: 1 at Lyon and 3 at Paris. Lyon (7) minus IT (6) would be one HR person.
    await answerEmployees(db.db, org, [
      ...people(6, { department: 'it', site: 'lyon' }, { lived: 5 }),
      ...people(6, { department: 'sales', site: 'paris' }, { lived: 4 }),
      ...people(1, { department: 'hr', site: 'lyon' }, { lived: 1 }),
      ...people(3, { department: 'hr', site: 'paris' }, { lived: 3 }),
    ]);
  });

  it('keeps the departments (the primary breakdown) and hides both sites, either of which would give HR at Lyon away', async () => {
    const departments = await breakdown('department');
    expect(departments.get('it')?.recognition).toMatchObject({ value: 100, n: 6, hidden: null });
    expect(departments.get('hr')?.recognition).toMatchObject({ n: 4, hidden: null });
    expect(departments.get('sales')?.recognition).toMatchObject({ n: 6, hidden: null });
    const sites = await breakdown('site');
    // Lyon minus IT is the HR person at Lyon; Paris minus sales is HR at Paris, and HR minus that the same person.
    expect(sites.get('lyon')).toEqual({
      respondents: { n: 0, hidden: 'overlap' },
      recognition: { dimensionId: org.dimensions.recognition, ...withheld('overlap'), vsTotal: null },
    });
    expect(sites.get('paris')).toEqual({
      respondents: { n: 0, hidden: 'complementary' },
      recognition: { dimensionId: org.dimensions.recognition, ...withheld('complementary'), vsTotal: null },
    });
  });

  it('hides the sites through a segment filter as well, and shows IT to its manager', async () => {
    expect((await segmentLived('site', 'lyon')).lived).toEqual(withheld('overlap'));
    expect((await segmentLived('site', 'paris')).lived).toEqual(withheld('complementary'));
    expect((await segmentLived('department', 'it')).lived).toEqual({ value: 100, n: 6, hidden: null });
    const manager = await managerOf('it');
    const recognition = (await manager.insights.overview()).groups[0]!.dimensions.find(
      (d) => d.id === org.dimensions.recognition,
    )!;
    expect(recognition.lived).toEqual({ score: 100, n: 6, hidden: null });
  });
});

describe('an optional question answered by one more person in the larger of two segments', () => {
  it('hides the segments that would single out that person, for that question only', async () => {
    // IT (6, Lyon) and Lyon (9) differ by 3 respondents: enough for questions everyone answers. Transparency is
    // optional: 4 IT people and 1 HR person at Lyon answered it, so Lyon minus IT would be that HR person's answer.
    await answerEmployees(db.db, org, [
      ...people(4, { department: 'it', site: 'lyon' }, { lived: 5, transparency: 5 }),
      ...people(2, { department: 'it', site: 'lyon' }, { lived: 5 }),
      ...people(1, { department: 'hr', site: 'lyon' }, { lived: 3, transparency: 1 }),
      ...people(2, { department: 'hr', site: 'lyon' }, { lived: 3 }),
      ...people(3, { department: 'sales', site: 'paris' }, { lived: 4, transparency: 4 }),
      ...people(3, { department: 'sales', site: 'paris' }, { lived: 4 }),
    ]);
    const api = await leadership();
    const b = await api.insights.breakdown({ groupId: org.groups.employee, segmentKey: 'department' });
    const row = (rows: typeof b.rows, value: string) => rows.find((r) => r.value === value)!;
    const transparency = (r: (typeof b.rows)[number]) =>
      r.cells.find((c) => c.dimensionId === org.dimensions.transparency)!;
    expect(recognitionOf(row(b.rows, 'it'))).toMatchObject({ value: 100, n: 6, hidden: null });
    expect(transparency(row(b.rows, 'it'))).toMatchObject({ value: 100, n: 4, hidden: null });
    // sales (3 answers) would leave the HR person as the whole group (8) minus IT (4) minus sales
    expect(transparency(row(b.rows, 'sales'))).toMatchObject(withheld('complementary'));
    expect(transparency(row(b.rows, 'hr'))).toMatchObject(withheld('below_k'));
    const sites = await api.insights.breakdown({ groupId: org.groups.employee, segmentKey: 'site' });
    expect(transparency(row(sites.rows, 'lyon'))).toMatchObject(withheld('overlap'));
    expect(transparency(row(sites.rows, 'paris'))).toMatchObject(withheld('complementary'));
    // every population is shown for recognition, which everyone answered
    expect(recognitionOf(row(sites.rows, 'lyon'))).toMatchObject({ n: 9, hidden: null });
    expect(recognitionOf(row(b.rows, 'hr'))).toMatchObject({ n: 3, hidden: null });
    const whole = (await api.insights.overview()).groups.find((g) => g.id === org.groups.employee)!;
    expect(whole.dimensions.find((d) => d.id === org.dimensions.transparency)!.lived).toMatchObject({
      n: 8,
      hidden: null,
    });
  });
});

/** A respondent as the attacker knows them: their segments (known from the HR file) and, to check, their answer. */
type Known = { segments: Record<string, string>; lived: number; manager?: string; team?: readonly string[] };
/** A figure a view showed: the wave, who it stands on, its n and its value (null for a count). */
type Shown = { wave: string; members: Set<number>; n: number; value: number | null; from: string };
type Filter = { key: string; value: string } | null;
type Figure = { n: number; value: number | null; hidden: string | null };

/**
 * Every figure of recognition any view shows, to leadership, to each department's manager and to each team's: the
 * overview, the dimension page under every filter (its whole trend), each breakdown in each published wave (counts
 * and scores, by team too), and every manager's overview and page. A withheld figure must carry no n; a shown one is kept with its population.
 */
async function collectShown(waves: Record<string, Known[]>, keys: Record<string, readonly string[]>): Promise<Shown[]> {
  const shown: Shown[] = [];
  const add = (wave: string, population: Filter, f: Figure, from: string) => {
    if (f.hidden !== null || (f.value === null && f.n === 0)) {
      expect(f, `${from}: a withheld figure shows no n`).toMatchObject({ n: 0, value: null });
      return;
    }
    // A team is everyone under its manager, directly or not: the attacker knows the reporting line.
    const inPopulation = (p: Known) =>
      !population ||
      (population.key === TEAM_KEY
        ? (p.team ?? []).includes(population.value)
        : p.segments[population.key] === population.value);
    const members = new Set(waves[wave]!.flatMap((p, i) => (inPopulation(p) ? [i] : [])));
    shown.push({ wave, members, n: f.n, value: f.value, from });
  };
  const count = (r: { n: number; hidden: string | null }): Figure => ({ ...r, value: null });
  const dimensionId = org.dimensions.recognition;
  const groupId = org.groups.employee;
  const filters: Filter[] = [
    null,
    ...Object.entries(keys).flatMap(([key, values]) => values.map((value) => ({ key, value }))),
  ];
  const api = await leadership();
  for (const segment of filters) {
    const page = await api.insights.dimension({ groupId, dimensionId, ...(segment ? { segment } : {}) });
    for (const t of page.trend) add(t.wave.id, segment, t.lived, `dimension ${JSON.stringify(segment)}`);
    if (page.distribution.wave && page.distribution.hidden === null) {
      const inBins = page.distribution.bins.reduce((s, b) => s + b.count, 0);
      add(page.distribution.wave.id, segment, { n: inBins, value: null, hidden: null }, 'distribution');
    }
  }
  const published = (await api.insights.segments({ groupId })).waves;
  for (const key of Object.keys(keys)) {
    for (const wave of published) {
      const b = await api.insights.breakdown({ groupId, segmentKey: key, waveId: wave.id });
      add(wave.id, null, count(b.total.respondents), 'breakdown total');
      for (const row of b.rows) {
        const population = { key, value: row.value };
        add(wave.id, population, count(row.respondents), `breakdown ${key}`);
        add(wave.id, population, recognitionOf(row), `breakdown ${key}`);
      }
    }
  }
  const readOverview = async (caller: typeof api, population: Filter, who: string) => {
    const group = (await caller.insights.overview()).groups.find((g) => g.id === groupId);
    if (!group?.wave) return;
    add(group.wave.id, population, count(group.respondents), `${who} overview`);
    const d = group.dimensions.find((x) => x.id === dimensionId)!;
    add(group.wave.id, population, { n: d.lived.n, value: d.lived.score, hidden: d.lived.hidden }, `${who} overview`);
  };
  await readOverview(api, null, 'leadership');
  for (const department of keys.department ?? []) {
    const manager = await managerOf(department);
    const population = { key: 'department', value: department };
    await readOverview(manager, population, `manager ${department}`);
    const page = await manager.insights.dimension({ groupId, dimensionId });
    for (const t of page.trend) add(t.wave.id, population, t.lived, `manager ${department} page`);
  }
  // Each team's manager, linked to their person: their views default to their team.
  for (const person of keys[TEAM_KEY] ?? []) {
    const m = await addMember(db.db, org, `manager-team-${person}`, 'manager');
    await db.db
      .updateTable('member')
      .set({ department: 'it', person_id: person })
      .where('id', '=', m.memberId)
      .execute();
    const manager = await callerFor(db.db, m.userId);
    const population = { key: TEAM_KEY, value: person };
    await readOverview(manager, population, `manager of team ${person}`);
    const page = await manager.insights.dimension({ groupId, dimensionId });
    for (const t of page.trend) add(t.wave.id, population, t.lived, `manager of team ${person} page`);
  }
  return shown;
}

/** Checks what an attacker can do with the shown figures, wave by wave. */
function expectNothingIsolated(waves: Record<string, Known[]>, shown: Shown[]) {
  for (const f of shown) {
    const members = [...f.members].map((i) => waves[f.wave]![i]!);
    expect(f.n, f.from).toBe(members.length);
    if (f.value !== null) {
      const mean = members.reduce((s, p) => s + ((p.lived - 1) / 4) * 100, 0) / members.length;
      expect(Math.abs(f.value - mean), f.from).toBeLessThan(0.051);
    }
  }
  for (const wave of Object.keys(waves)) {
    const populations = distinct(shown.filter((f) => f.wave === wave).map((f) => f.members));
    // A shown population minus any set of disjoint shown populations inside it: nobody or at least k people.
    for (const outer of populations) {
      const inside = populations.filter((s) => s !== outer && [...s].every((m) => outer.has(m)));
      for (const rest of leftovers(outer, inside)) {
        expect(rest === 0 || rest >= K, `${rest} people between figures of ${wave}`).toBe(true);
      }
    }
    // Any sum and difference of them: every atom (people sharing one pattern of membership) holds at least k.
    for (const atom of atomsOf(waves[wave]!.length, populations)) {
      expect(atom.length >= K, `an atom of ${atom.length} in ${wave}`).toBe(true);
    }
  }
}

function distinct(sets: Set<number>[]): Set<number>[] {
  const seen = new Map<string, Set<number>>();
  for (const s of sets) seen.set([...s].sort((a, b) => a - b).join(','), s);
  return [...seen.values()];
}

/** People who fall in at least one shown population, grouped by which of them they fall in. */
function atomsOf(size: number, populations: Set<number>[]): number[][] {
  const atoms = new Map<string, number[]>();
  for (let i = 0; i < size; i++) {
    const pattern = populations.map((p) => (p.has(i) ? '1' : '0')).join('');
    if (!pattern.includes('1')) continue;
    atoms.set(pattern, [...(atoms.get(pattern) ?? []), i]);
  }
  return [...atoms.values()];
}

/** How many of `outer` are left once any set of pairwise disjoint `inside` populations is taken away. */
function leftovers(outer: Set<number>, inside: Set<number>[]): number[] {
  const sizes: number[] = [];
  const walk = (i: number, taken: Set<number>) => {
    if (i === inside.length) {
      sizes.push(outer.size - taken.size);
      return;
    }
    walk(i + 1, taken);
    const next = inside[i]!;
    if ([...next].some((m) => taken.has(m))) return;
    walk(i + 1, new Set([...taken, ...next]));
  };
  walk(0, new Set());
  return sizes;
}

const asRespondents = (ps: readonly Known[]) =>
  ps.map((p) => ({ segments: p.segments, lived: p.lived, ...(p.manager ? { manager: p.manager } : {}) }));
const known = (count: number, segments: Record<string, string>, lived: number): Known[] =>
  Array.from({ length: count }, () => ({ segments, lived }));

/**
 * A patient attacker: every figure any view shows of recognition, to every role, collected over two published waves
 * of random organisations with a reporting line (nested teams), then combined: a shown population minus any set of disjoint shown populations inside it
 * must leave nobody or at least k people, and every atom of the shown populations holds at least k. Every shown
 * figure must also be exactly its population's mean.
 */
describe('every figure the views show, combined', () => {
  const DEPARTMENTS = ['it', 'sales', 'hr'] as const;
  const SITES = ['lyon', 'paris'] as const;
  // A reporting line: T at the top, A under T, B under A; a respondent reports to one of them or to nobody.
  const MANAGERS = ['T', 'A', 'B'] as const;
  const ABOVE: Record<(typeof MANAGERS)[number], (typeof MANAGERS)[number][]> = {
    T: ['T'],
    A: ['A', 'T'],
    B: ['B', 'A', 'T'],
  };
  const person = fc.record({
    department: fc.constantFrom(...DEPARTMENTS, null),
    site: fc.constantFrom(...SITES, null),
    manager: fc.constantFrom(...MANAGERS, null),
    lived: fc.integer({ min: 1, max: 5 }),
  });
  type Person = {
    department: string | null;
    site: string | null;
    manager: (typeof MANAGERS)[number] | null;
    lived: number;
  };
  const SEED = Number(process.env.ATTACK_SEED ?? Date.now() % 1_000_000);
  let ids: Record<(typeof MANAGERS)[number], string> = { T: '', A: '', B: '' };
  const toKnown = (ps: Person[]): Known[] =>
    ps.map((p) => ({
      segments: { ...(p.department ? { department: p.department } : {}), ...(p.site ? { site: p.site } : {}) },
      lived: p.lived,
      ...(p.manager ? { manager: ids[p.manager], team: ABOVE[p.manager].map((m) => ids[m]) } : {}),
    }));

  it('never leaves fewer than k people between figures', { timeout: 120_000 }, async () => {
    console.info(`attacks: seed ${SEED} (ATTACK_SEED=${SEED} to replay)`);
    await fc.assert(
      fc.asyncProperty(
        fc.array(person, { minLength: 3, maxLength: 14 }),
        fc.array(person, { minLength: 3, maxLength: 14 }),
        async (earlier, later) => {
          await db.close();
          db = await openDb();
          org = await buildOrg(db.db); // k = 3
          const e = org.groups.employee;
          await addSegmentAttribute(db.db, org, { groupId: e, key: 'department', values: [...DEPARTMENTS] });
          await addSegmentAttribute(db.db, org, { groupId: e, key: 'site', values: [...SITES] });
          ids = { T: '', A: '', B: '' };
          for (const m of MANAGERS) {
            ids[m] = (await addStakeholder(db.db, org, { groupId: e, displayName: `Manager ${m}` })).id;
            const above = ABOVE[m][1];
            if (above)
              await db.db.updateTable('stakeholder').set({ manager_id: ids[above] }).where('id', '=', ids[m]).execute();
          }
          const waves = {
            [org.surveys.employee.closedWaveId]: toKnown(earlier),
            [org.surveys.employee.waveId]: toKnown(later),
          };
          // Both waves close with these answers (the helpers close them) and are published on the first read.
          await answerEmployees(db.db, org, asRespondents(toKnown(earlier)), { wave: 'closed' });
          await answerEmployees(db.db, org, asRespondents(toKnown(later)));
          const shown = await collectShown(waves, {
            department: DEPARTMENTS,
            site: SITES,
            [TEAM_KEY]: MANAGERS.map((m) => ids[m]),
          });
          expectNothingIsolated(waves, shown);
        },
      ),
      { seed: SEED, numRuns: 8, endOnFailure: true },
    );
  });
});

describe('a filter across waves', () => {
  it('withholds an earlier wave in which the filter’s complement was below k, and shows the current one', async () => {
    await answerEmployees(
      db.db,
      org,
      [...people(5, { department: 'it' }, { lived: 5 }), ...people(2, { department: 'hr' }, { lived: 1 })],
      { wave: 'closed' },
    );
    await answerEmployees(db.db, org, [
      ...people(5, { department: 'it' }, { lived: 5 }),
      ...people(4, { department: 'hr' }, { lived: 1 }),
    ]);
    const page = await segmentPage('department', 'it');
    expect(page.trend.map((t) => [t.wave.id, t.lived])).toEqual([
      [org.surveys.employee.waveId, { value: 100, n: 5, hidden: null }],
    ]);
    expect(page.withheldWaves).toEqual([
      { wave: expect.objectContaining({ id: org.surveys.employee.closedWaveId }), hidden: 'complementary' },
    ]);
  });
});

describe('comment lookups', () => {
  it('never let a list of comments minus another give away fewer than the comment threshold of people', async () => {
    const question = await addCommentQuestion(db.db, org);
    // Comment threshold 5: IT has 6 commenters, HR 2, sales 5; Lyon is IT plus one HR person.
    await answerEmployees(
      db.db,
      org,
      [
        ...people(6, { department: 'it', site: 'lyon' }, { comment: 'More thanks' }),
        ...people(1, { department: 'hr', site: 'lyon' }, { comment: 'Nobody ever notices' }),
        ...people(1, { department: 'hr', site: 'paris' }, { comment: 'I feel invisible' }),
        ...people(5, { department: 'sales', site: 'paris' }, { comment: 'Fine' }),
      ],
      { commentQuestionId: question },
    );
    const whole = await commentsOf();
    expect(whole.items).toContain('Nobody ever notices');
    const shown = (await segmentComments({ department: ['it', 'sales', 'hr'], site: ['lyon', 'paris'] })).filter(
      (c) => c.hidden === null,
    );
    // Any two shown lists (the whole group's included) differ by nothing or by at least the threshold's texts.
    const lists = [whole, ...shown].map((c) => c.items);
    for (const a of lists) {
      for (const b of lists) {
        const { rest, left } = minus(a, [b]);
        if (left === 0) expect(rest.length === 0 || rest.length >= 5).toBe(true);
      }
    }
    expect(shown.flatMap((c) => c.items)).not.toContain('I feel invisible');
    expect(shown.flatMap((c) => c.items)).not.toContain('Nobody ever notices');
  });
});

async function commentsOf(segment?: { key: string; value: string }) {
  const api = await leadership();
  const page = await api.insights.dimension({
    groupId: org.groups.employee,
    dimensionId: org.dimensions.recognition,
    ...(segment ? { segment } : {}),
  });
  return page.comments;
}

async function segmentComments(keys: Record<string, readonly string[]>) {
  const lists = [];
  for (const [key, values] of Object.entries(keys)) {
    for (const value of values) lists.push({ segment: { key, value }, ...(await commentsOf({ key, value })) });
  }
  return lists;
}

/** `a` minus every list of `bs` as multisets: what is left of `a`, and how many texts of `bs` were not in it. */
function minus(a: readonly string[], bs: readonly (readonly string[])[]) {
  const rest = [...a];
  let left = 0;
  for (const t of bs.flat()) {
    const at = rest.indexOf(t);
    if (at === -1) left += 1;
    else rest.splice(at, 1);
  }
  return { rest, left };
}

/** The four attacks of issue 10, kept as regression tests (the fourth, on the database file, is the db package's). */
describe('issue 10', () => {
  it('inclusion–exclusion: whole − IT − Paris + under 1 year, which would be one person, is never computable', async () => {
    const e = org.groups.employee;
    await addSegmentAttribute(db.db, org, { groupId: e, key: 'tenure', values: ['under_1y', 'over_1y'] });
    // 16 respondents: IT 10, Paris 10, under 1 year 5 (exactly IT at Paris); the one person neither in IT nor at
    // Paris is whole − IT − Paris + (IT ∩ Paris) = whole − IT − Paris + under 1 year.
    const waves = {
      [org.surveys.employee.waveId]: [
        ...known(5, { department: 'it', site: 'paris', tenure: 'under_1y' }, 5),
        ...known(5, { department: 'it', site: 'lyon', tenure: 'over_1y' }, 5),
        ...known(5, { department: 'sales', site: 'paris', tenure: 'over_1y' }, 5),
        ...known(1, { department: 'sales', site: 'lyon', tenure: 'over_1y' }, 1),
      ],
    };
    await answerEmployees(db.db, org, asRespondents(waves[org.surveys.employee.waveId]!));
    const keys = { department: ['it', 'sales', 'hr'], site: ['lyon', 'paris'], tenure: ['under_1y', 'over_1y'] };
    const shown = await collectShown(waves, keys);
    expectNothingIsolated(waves, shown);
    // The person's atom: everyone shown alongside them in exactly the same populations.
    const target = 15;
    const populations = distinct(shown.map((f) => f.members));
    const atom = atomsOf(16, populations).find((a) => a.includes(target))!;
    expect(atom.length).toBeGreaterThanOrEqual(K);
    // What the views say: IT and under 1 year are shown, Paris is not (it would split sales into 5 and 1).
    expect((await segmentLived('department', 'it')).lived).toEqual({ value: 100, n: 10, hidden: null });
    expect((await segmentLived('tenure', 'under_1y')).lived).toEqual({ value: 100, n: 5, hidden: null });
    expect((await segmentLived('site', 'paris')).lived).toEqual(withheld('complementary'));
    expect((await segmentLived('site', 'lyon')).lived).toEqual(withheld('overlap'));
  });

  it('comments subtracted: the whole list minus a department’s minus a site’s never leaves one person’s words', async () => {
    const question = await addCommentQuestion(db.db, org);
    const secret = 'I was harassed by my team lead';
    // Whole (13) − IT (6, all at Lyon) − Paris (6, all sales) = the one HR person at Lyon.
    await answerEmployees(
      db.db,
      org,
      [
        ...Array.from({ length: 6 }, (_, i) => ({ segments: { department: 'it', site: 'lyon' }, comment: `IT ${i}` })),
        ...Array.from({ length: 6 }, (_, i) => ({
          segments: { department: 'sales', site: 'paris' },
          comment: `Sales ${i}`,
        })),
        { segments: { department: 'hr', site: 'lyon' }, comment: secret },
      ],
      { commentQuestionId: question },
    );
    const whole = await commentsOf();
    expect(whole).toMatchObject({ hidden: null, commenters: 13 });
    const lists = await segmentComments({ department: ['it', 'sales', 'hr'], site: ['lyon', 'paris'] });
    const hidden = Object.fromEntries(lists.map((l) => [`${l.segment.key}=${l.segment.value}`, l.hidden]));
    expect(hidden).toEqual({
      'department=it': null,
      'department=sales': 'complementary',
      'department=hr': 'below_k', // one person: not a population at all
      'site=lyon': 'overlap',
      'site=paris': 'complementary',
    });
    for (const l of lists.filter((x) => x.hidden !== null)) expect(l).toMatchObject({ commenters: 0, items: [] });
    const shown = lists.filter((l) => l.hidden === null).map((l) => l.items);
    expect(shown.flat()).not.toContain(secret);
    // Every combination of shown lists taken from the whole list leaves nothing or at least the threshold's texts.
    for (let mask = 1; mask < 1 << shown.length; mask++) {
      const taken = shown.filter((_, i) => mask & (1 << i));
      const { rest, left } = minus(whole.items, taken);
      if (left === 0) expect(rest.length === 0 || rest.length >= 5, rest.join(' | ')).toBe(true);
    }
    // The HR manager cannot read their department's list either.
    const hr = await managerOf('hr');
    const page = await hr.insights.dimension({ groupId: org.groups.employee, dimensionId: org.dimensions.recognition });
    expect(page.comments).toEqual({ hidden: 'below_k', commenters: 0, items: [] });
  });

  it('before and after: one known person’s submission to an open wave moves no figure; once closed, the atom rule holds', async () => {
    const question = await addCommentQuestion(db.db, org);
    await answerEmployees(
      db.db,
      org,
      [...people(4, { department: 'it' }, { lived: 4 }), ...people(4, { department: 'hr' }, { lived: 2 })],
      { wave: 'closed' },
    );
    const q4: Known[] = [...known(3, { department: 'it' }, 3), ...known(3, { department: 'hr' }, 4)];
    await answerEmployees(db.db, org, asRespondents(q4), { keepOpen: true, commentQuestionId: question });
    const everything = async () => {
      const api = await leadership();
      const groupId = org.groups.employee;
      const dimensionId = org.dimensions.recognition;
      const manager = await callerFor(db.db, org.staff.manager.userId); // IT
      const views = [
        await api.insights.overview(),
        await api.insights.compareGroups({ metric: 'lived' }),
        await api.insights.alerts(),
        await api.insights.segments({ groupId }),
        await api.insights.drivers({ groupId }),
        await api.insights.breakdown({ groupId, segmentKey: 'department' }),
        await api.insights.dimension({ groupId, dimensionId }),
        await api.insights.dimension({ groupId, dimensionId, segment: { key: 'department', value: 'hr' } }),
        await manager.insights.overview(),
        await manager.insights.dimension({ groupId, dimensionId }),
        await (await callerFor(db.db, org.stakeholders.alice.userId)).portal.results.get(),
      ];
      return JSON.parse(JSON.stringify(views));
    };
    /** The views without the open wave's count (said from k on: it tells how many answered, no answer). */
    const withoutCounts = (views: unknown) =>
      JSON.parse(
        JSON.stringify(views, (key, v) =>
          key === 'pendingWaves' ? v.map((p: object) => ({ ...p, respondents: null })) : v,
        ),
      );
    const pendingCounts = (views: { pendingWaves?: { respondents: { n: number } }[] }[]) =>
      views.flatMap((v) => v.pendingWaves ?? []).map((p) => p.respondents.n);
    const before = await everything();
    expect(before[0].groups.find((g: { id: string }) => g.id === org.groups.employee).wave.label).toBe('Q3');
    // One known person answers, from HR, with a comment: every figure stays as it was.
    const newcomer: Known = { segments: { department: 'hr' }, lived: 1 };
    await answerEmployees(db.db, org, [{ ...asRespondents([newcomer])[0]!, comment: 'Mine' }], {
      keepOpen: true,
      commentQuestionId: question,
    });
    const after = await everything();
    expect(withoutCounts(after)).toEqual(withoutCounts(before));
    expect(pendingCounts(before).every((n) => n === 6)).toBe(true);
    expect(pendingCounts(after).every((n) => n === 7)).toBe(true);
    expect(JSON.stringify(after)).not.toContain('Mine');
    // Closed, the wave is published: its figures satisfy the atom rule, and the newcomer's comment, the only one,
    // stays withheld (fewer than 5 commenters).
    await closeWaves(db.db, org);
    const waves = {
      [org.surveys.employee.closedWaveId]: [...known(4, { department: 'it' }, 4), ...known(4, { department: 'hr' }, 2)],
      [org.surveys.employee.waveId]: [...q4, newcomer],
    };
    const shown = await collectShown(waves, { department: ['it', 'hr'] });
    expect(shown.some((f) => f.wave === org.surveys.employee.waveId)).toBe(true);
    expectNothingIsolated(waves, shown);
    expect((await commentsOf()).items).not.toContain('Mine');
  });
});
