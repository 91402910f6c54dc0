import type { Db } from '@facets/db';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addMember, buildOrg, callerFor, type Org, openDb } from '../test-setup.ts';
import { addCommentQuestion, addSegmentAttribute, answerEmployees, people } from './testing.ts';

/**
 * Attempts to read a small group's scores through the insights views (k = 3): small segments, the complement of a
 * filter, segments of two keys that nearly coincide, respondents with no value for a key. Each view must withhold the
 * same figures, whoever asks and however the question is put.
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

const leadership = () => callerFor(db.db, org.leadership.userId);
const recognitionOf = (row: {
  cells: { dimensionId: string; value: number | null; n: number; hidden: string | null }[];
}) => row.cells.find((c) => c.dimensionId === org.dimensions.recognition)!;

async function managerOf(department: string) {
  const m = await addMember(db.db, org, `manager-${department}`, 'manager');
  await db.db.updateTable('member').set({ department }).where('id', '=', m.memberId).execute();
  return callerFor(db.db, m.userId);
}

async function breakdown(segmentKey: string) {
  const b = await (await leadership()).insights.breakdown({ groupId: org.groups.employee, segmentKey });
  return new Map(b.rows.map((r) => [r.value, { respondents: r.respondents, recognition: recognitionOf(r) }]));
}

async function segmentLived(key: string, value: string) {
  const d = await (await leadership()).insights.dimension({
    groupId: org.groups.employee,
    dimensionId: org.dimensions.recognition,
    segment: { key, value },
  });
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
      respondents: { n: 2, hidden: 'below_k' },
      recognition: { dimensionId: org.dimensions.recognition, value: null, n: 2, hidden: 'below_k' },
    });
    expect(rows.get('sales')).toEqual({
      respondents: { n: 5, hidden: 'complementary' },
      recognition: { dimensionId: org.dimensions.recognition, value: null, n: 5, hidden: 'complementary' },
    });
    expect(rows.get('it')?.recognition).toMatchObject({ value: 100, n: 6, hidden: null });
  });

  it('withholds the same figures through a segment filter on the dimension page', async () => {
    const hr = await segmentLived('department', 'hr');
    expect(hr.lived).toEqual({ value: null, n: 2, hidden: 'below_k' });
    expect(hr.distribution).toMatchObject({ bins: [], hidden: 'below_k' });
    expect(hr.favourability).toMatchObject({ value: null, hidden: 'below_k' });
    const sales = await segmentLived('department', 'sales');
    expect(sales.lived).toEqual({ value: null, n: 5, hidden: 'complementary' });
    expect(sales.distribution).toMatchObject({ bins: [], hidden: 'complementary' });
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
      const recognition = overview.groups[0]!.dimensions.find((d) => d.id === org.dimensions.recognition)!;
      expect(recognition.lived).toMatchObject({ score: null, hidden });
      expect(recognition.targetGap).toBeNull();
      expect(recognition.favourability.value).toBeNull();
      const compare = await api.insights.compareGroups({ metric: 'lived' });
      expect(compare.cells.every((c) => c.value === null)).toBe(true);
      const page = await api.insights.dimension({
        groupId: org.groups.employee,
        dimensionId: org.dimensions.recognition,
      });
      expect(page.trend.at(-1)!.lived).toMatchObject({ value: null, hidden });
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
    const recognition = (await legal.insights.overview()).groups[0]!.dimensions.find(
      (d) => d.id === org.dimensions.recognition,
    )!;
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
    expect(rows.get('sales')?.recognition).toMatchObject({ value: null, hidden: 'complementary' });
    expect(rows.get('it')?.recognition).toMatchObject({ value: 100, hidden: null });
    expect((await segmentLived('department', 'sales')).lived.hidden).toBe('complementary');
  });
});

describe('a filter whose complement is a handful of people', () => {
  beforeEach(async () => {
    await answerEmployees(db.db, org, [
      ...people(6, { department: 'it' }, { lived: 5 }),
      ...people(2, { department: 'hr' }, { lived: 1 }),
    ]);
  });

  it('is refused on the dimension page with a message naming the segment', async () => {
    const api = await leadership();
    const error = await api.insights
      .dimension({
        groupId: org.groups.employee,
        dimensionId: org.dimensions.recognition,
        segment: { key: 'department', value: 'it' },
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'BAD_REQUEST',
      message: 'segment: complement_below_k: fewer than 3 people of the group fall outside this segment',
    });
    // and the breakdown hides IT as HR's complementary sibling
    const rows = await breakdown('department');
    expect(rows.get('it')?.recognition).toMatchObject({ value: null, hidden: 'complementary' });
  });

  it('refuses the manager of the large department, and hides everything from the small one’s', async () => {
    const it = await managerOf('it');
    for (const call of [
      () => it.insights.overview(),
      () => it.insights.compareGroups({ metric: 'lived' }),
      () => it.insights.alerts(),
      () => it.insights.dimension({ groupId: org.groups.employee, dimensionId: org.dimensions.recognition }),
    ]) {
      await expect(call()).rejects.toMatchObject({
        code: 'FORBIDDEN',
        message: expect.stringMatching(/^complement_below_k: /),
      });
    }
    const hr = await managerOf('hr');
    const recognition = (await hr.insights.overview()).groups[0]!.dimensions.find(
      (d) => d.id === org.dimensions.recognition,
    )!;
    expect(recognition.lived).toMatchObject({ score: null, n: 2, hidden: 'below_k' });
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

  it('hides the smaller of the two, in the breakdown of either key', async () => {
    const departments = await breakdown('department');
    expect(departments.get('it')).toEqual({
      respondents: { n: 6, hidden: 'overlap' },
      recognition: { dimensionId: org.dimensions.recognition, value: null, n: 6, hidden: 'overlap' },
    });
    expect(departments.get('hr')?.recognition).toMatchObject({ n: 4, hidden: null });
    expect(departments.get('sales')?.recognition).toMatchObject({ n: 6, hidden: null });
    const sites = await breakdown('site');
    expect(sites.get('lyon')?.recognition).toMatchObject({ n: 7, hidden: null, value: 85.7 }); // (6 × 100 + 0) / 7
    expect(sites.get('paris')?.recognition).toMatchObject({ n: 9, hidden: null });
  });

  it('hides it through a segment filter and from its manager as well', async () => {
    expect((await segmentLived('department', 'it')).lived).toEqual({ value: null, n: 6, hidden: 'overlap' });
    const manager = await managerOf('it');
    const recognition = (await manager.insights.overview()).groups[0]!.dimensions.find(
      (d) => d.id === org.dimensions.recognition,
    )!;
    expect(recognition.lived).toMatchObject({ score: null, hidden: 'overlap' });
  });
});

describe('an optional question answered by one more person in the larger of two segments', () => {
  it('hides the smaller segment’s cell for that question only', async () => {
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
    const b = await (await leadership()).insights.breakdown({ groupId: org.groups.employee, segmentKey: 'department' });
    const it = b.rows.find((r) => r.value === 'it')!;
    const transparency = (row: typeof it) => row.cells.find((c) => c.dimensionId === org.dimensions.transparency)!;
    expect(recognitionOf(it)).toMatchObject({ value: 100, n: 6, hidden: null });
    expect(transparency(it)).toMatchObject({ value: null, n: 4, hidden: 'overlap' });
    const sites = await (await leadership()).insights.breakdown({ groupId: org.groups.employee, segmentKey: 'site' });
    expect(transparency(sites.rows.find((r) => r.value === 'lyon')!)).toMatchObject({ n: 5, hidden: null });
  });
});

/**
 * A patient attacker: every figure any view shows of recognition (the overview, the dimension page under each
 * filter, whole or one segment at a time and wave by wave, each breakdown, each department's manager), collected over
 * two waves of random organisations, then combined: a shown population minus any set of disjoint shown populations
 * inside it — successive filters, a filter and its siblings, one key's segments against another's — must leave
 * nobody or at least k people. Every shown figure must also be exactly its population's mean.
 */
describe('every figure the views show, combined', () => {
  const DEPARTMENTS = ['it', 'sales', 'hr'] as const;
  const SITES = ['lyon', 'paris'] as const;
  const person = fc.record({
    department: fc.constantFrom(...DEPARTMENTS, null),
    site: fc.constantFrom(...SITES, null),
    lived: fc.integer({ min: 1, max: 5 }),
  });
  type Person = { department: string | null; site: string | null; lived: number };
  type Figure = { wave: string; members: Set<number>; n: number; value: number };
  const SEED = Number(process.env.ATTACK_SEED ?? Date.now() % 1_000_000);

  it('never leaves fewer than k people between figures', { timeout: 120_000 }, async () => {
    console.info(`attacks: seed ${SEED} (ATTACK_SEED=${SEED} to replay)`);
    await fc.assert(
      fc.asyncProperty(
        fc.array(person, { minLength: 3, maxLength: 14 }),
        fc.array(person, { minLength: 3, maxLength: 14 }),
        async (closed, open) => {
          await db.close();
          db = await openDb();
          org = await buildOrg(db.db); // k = 3
          const e = org.groups.employee;
          await addSegmentAttribute(db.db, org, { groupId: e, key: 'department', values: [...DEPARTMENTS] });
          await addSegmentAttribute(db.db, org, { groupId: e, key: 'site', values: [...SITES] });
          const asRespondents = (ps: Person[]) =>
            ps.map((p) => ({
              segments: {
                ...(p.department ? { department: p.department } : {}),
                ...(p.site ? { site: p.site } : {}),
              },
              lived: p.lived,
            }));
          await answerEmployees(db.db, org, asRespondents(closed), { wave: 'closed' });
          await answerEmployees(db.db, org, asRespondents(open));
          const waves = { [org.surveys.employee.closedWaveId]: closed, [org.surveys.employee.waveId]: open };
          const figures = await collect(waves);
          for (const f of figures) {
            const members = [...f.members].map((i) => waves[f.wave]![i]!);
            expect(f.n).toBe(members.length);
            const mean = members.reduce((s, p) => s + ((p.lived - 1) / 4) * 100, 0) / members.length;
            expect(Math.abs(f.value - mean)).toBeLessThan(0.051);
          }
          for (const wave of Object.keys(waves)) {
            const shown = figures.filter((f) => f.wave === wave);
            for (const outer of shown) {
              const inside = shown.filter((s) => s !== outer && [...s.members].every((m) => outer.members.has(m)));
              for (const rest of leftovers(outer.members, inside)) {
                expect(rest === 0 || rest >= 3, `${rest} people between figures of ${wave}`).toBe(true);
              }
            }
          }
        },
      ),
      { seed: SEED, numRuns: 8, endOnFailure: true },
    );
  });

  /** How many of `outer` are left once any set of pairwise disjoint `inside` populations is taken away. */
  function leftovers(outer: Set<number>, inside: Figure[]): number[] {
    const sizes: number[] = [];
    const walk = (i: number, taken: Set<number>) => {
      if (i === inside.length) {
        sizes.push(outer.size - taken.size);
        return;
      }
      walk(i + 1, taken);
      const next = inside[i]!;
      if ([...next.members].some((m) => taken.has(m))) return;
      walk(i + 1, new Set([...taken, ...next.members]));
    };
    walk(0, new Set());
    return sizes;
  }

  async function collect(waves: Record<string, Person[]>): Promise<Figure[]> {
    const figures: Figure[] = [];
    const add = (
      wave: string,
      match: (p: Person) => boolean,
      f: { n: number; value: number | null; hidden: string | null },
    ) => {
      if (f.value === null || f.hidden !== null) return;
      const members = new Set(waves[wave]!.flatMap((p, i) => (match(p) ? [i] : [])));
      figures.push({ wave, members, n: f.n, value: f.value });
    };
    const api = await leadership();
    const dimensionId = org.dimensions.recognition;
    const filters: (null | { key: 'department' | 'site'; value: string })[] = [
      null,
      ...DEPARTMENTS.map((value) => ({ key: 'department' as const, value })),
      ...SITES.map((value) => ({ key: 'site' as const, value })),
    ];
    for (const segment of filters) {
      const page = await api.insights
        .dimension({ groupId: org.groups.employee, dimensionId, ...(segment ? { segment } : {}) })
        .catch(() => null);
      for (const t of page?.trend ?? []) {
        add(t.wave.id, (p) => !segment || p[segment.key] === segment.value, t.lived);
      }
    }
    for (const key of ['department', 'site'] as const) {
      const b = await api.insights.breakdown({ groupId: org.groups.employee, segmentKey: key }).catch(() => null);
      for (const row of b?.rows ?? []) add(b!.wave!.id, (p) => p[key] === row.value, recognitionOf(row));
    }
    const overview = await api.insights.overview();
    // Each view says which wave it reports on: a wave still short of k leaves a population at its previous one.
    const employees = overview.groups.find((g) => g.id === org.groups.employee);
    const whole = employees?.dimensions.find((d) => d.id === dimensionId);
    if (whole && employees?.wave)
      add(employees.wave.id, () => true, { n: whole.lived.n, value: whole.lived.score, hidden: whole.lived.hidden });
    for (const department of DEPARTMENTS) {
      const manager = await managerOf(department);
      const o = await manager.insights.overview().catch(() => null);
      const d = o?.groups[0]?.dimensions.find((x) => x.id === dimensionId);
      const wave = o?.groups[0]?.wave;
      if (d && wave)
        add(wave.id, (p) => p.department === department, {
          n: d.lived.n,
          value: d.lived.score,
          hidden: d.lived.hidden,
        });
    }
    return figures;
  }
});

describe('a filter across waves', () => {
  it('withholds an earlier wave in which the filter’s complement was below k, and shows the current one', async () => {
    await answerEmployees(
      db.db,
      org,
      [...people(5, { department: 'it' }, { lived: 5 }), ...people(2, { department: 'hr' }, { lived: 1 })],
      {
        wave: 'closed',
      },
    );
    await answerEmployees(db.db, org, [
      ...people(5, { department: 'it' }, { lived: 5 }),
      ...people(4, { department: 'hr' }, { lived: 1 }),
    ]);
    const page = await (await leadership()).insights.dimension({
      groupId: org.groups.employee,
      dimensionId: org.dimensions.recognition,
      segment: { key: 'department', value: 'it' },
    });
    expect(page.trend.map((t) => [t.wave.id, t.lived])).toEqual([
      [org.surveys.employee.closedWaveId, { value: null, n: 5, hidden: 'complement_below_k' }],
      [org.surveys.employee.waveId, { value: 100, n: 5, hidden: null }],
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
    const api = await leadership();
    const commentsOf = async (segment?: { key: string; value: string }) =>
      (
        await api.insights.dimension({
          groupId: org.groups.employee,
          dimensionId: org.dimensions.recognition,
          ...(segment ? { segment } : {}),
        })
      ).comments;
    const whole = await commentsOf();
    expect(whole.items).toContain('Nobody ever notices');
    const shown = [
      await commentsOf({ key: 'department', value: 'it' }),
      await commentsOf({ key: 'department', value: 'sales' }),
      await commentsOf({ key: 'department', value: 'hr' }),
      await commentsOf({ key: 'site', value: 'lyon' }),
      await commentsOf({ key: 'site', value: 'paris' }),
    ].filter((c) => c.hidden === null);
    // Any two shown lists (the whole group's included) differ by nothing or by at least the threshold's texts.
    const lists = [whole, ...shown].map((c) => c.items);
    for (const a of lists) {
      for (const b of lists) {
        const left = [...b];
        const extra = a.filter((t) => {
          const at = left.indexOf(t);
          if (at === -1) return true;
          left.splice(at, 1);
          return false;
        });
        if (left.length === 0) expect(extra.length === 0 || extra.length >= 5).toBe(true);
      }
    }
    expect(shown.flatMap((c) => c.items)).not.toContain('I feel invisible');
    expect(shown.flatMap((c) => c.items)).not.toContain('Nobody ever notices');
  });
});
