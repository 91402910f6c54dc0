import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TEAM_KEY, teamPath } from '../teams.ts';
import {
  atomOf,
  candidateOrder,
  type Measure,
  type Publication,
  populationId,
  primaryKeyOf,
  publish,
  type RespondentPattern,
  type Segment,
  WHOLE,
} from './publication.ts';

const CELL: Measure = { id: 'cell', threshold: 5, belowReason: 'below_k' };

/** `n` respondents with these segments, all answering `cell`. */
const people = (n: number, segments: Record<string, string>, measures: Record<string, number> = { cell: n }) => ({
  segments,
  n,
  measures,
});

const order = (patterns: RespondentPattern[], keys: string[], primaryKey: string | null = null) =>
  candidateOrder({ patterns, keys, primaryKey });

const accepted = (p: Publication) => p.populations.map((x) => populationId(x.segment));

describe('publish', () => {
  it('refuses the segment that would leave one person by inclusion–exclusion (whole − it − paris + under_1y)', () => {
    // 16 respondents: it ∩ paris ∩ under_1y 5, it only 5, paris only 5, and one person in none of them.
    const patterns = [
      people(5, { department: 'it', site: 'paris', tenure: 'under_1y' }),
      people(5, { department: 'it', site: 'lyon', tenure: 'over_1y' }),
      people(5, { department: 'sales', site: 'paris', tenure: 'over_1y' }),
      people(1, { department: 'sales', site: 'lyon', tenure: 'over_1y' }),
    ];
    const result = publish({
      patterns,
      candidates: order(patterns, ['department', 'site', 'tenure'], 'department'),
      k: 5,
      measures: [CELL],
      companyKey: null,
    });
    expect(result.whole).toBeNull();
    // Tenure splits nobody further (under_1y is exactly IT at Paris' 5, over_1y the rest): both are shown.
    expect(accepted(result)).toEqual(['department=it', 'department=sales', 'tenure=over_1y', 'tenure=under_1y']);
    expect(result.refused).toEqual(
      expect.arrayContaining([
        { segment: { key: 'site', value: 'paris' }, reason: 'complementary' },
        { segment: { key: 'site', value: 'lyon' }, reason: 'overlap' },
      ]),
    );
    // No atom of what is published holds fewer than 5 people.
    expect(Math.min(...result.atoms)).toBeGreaterThanOrEqual(5);
  });

  it('hides a small department and the sibling that would give it away', () => {
    const patterns = [
      people(10, { department: 'it' }),
      people(10, { department: 'sales' }),
      people(3, { department: 'legal' }),
    ];
    const result = publish({
      patterns,
      candidates: order(patterns, ['department']),
      k: 5,
      measures: [CELL],
      companyKey: null,
    });
    expect(accepted(result)).toEqual(['department=it']);
    expect(result.refused).toEqual([
      { segment: { key: 'department', value: 'sales' }, reason: 'complementary' },
      { segment: { key: 'department', value: 'legal' }, reason: 'below_k' },
    ]);
  });

  it('publishes nothing over a whole group below k, and says so for every measure and segment', () => {
    const patterns = [people(4, { department: 'it' })];
    const result = publish({
      patterns,
      candidates: order(patterns, ['department']),
      k: 5,
      measures: [CELL],
      companyKey: null,
    });
    expect(result.whole).toBe('below_k');
    expect(result.populations).toEqual([]);
    expect(result.refused).toEqual([{ segment: { key: 'department', value: 'it' }, reason: 'below_k' }]);
    expect(result.measures.cell).toEqual({ shownIn: [], hidden: { [WHOLE]: 'below_k' } });
  });

  it('withholds a question in a segment where fewer than k answered it, and keeps it elsewhere', () => {
    // 20 people, 10 in IT; an optional question answered by 9 in IT and 4 outside: outside IT it would describe 4.
    const patterns = [
      people(9, { department: 'it' }, { cell: 9, optional: 9 }),
      people(1, { department: 'it' }, { cell: 1 }),
      people(4, { department: 'sales' }, { cell: 4, optional: 4 }),
      people(6, { department: 'sales' }, { cell: 6 }),
    ];
    const optional: Measure = { id: 'optional', threshold: 5, belowReason: 'below_k' };
    const result = publish({
      patterns,
      candidates: order(patterns, ['department']),
      k: 5,
      measures: [CELL, optional],
      companyKey: null,
    });
    expect(accepted(result)).toEqual(['department=it', 'department=sales']);
    expect(result.measures.cell!.shownIn).toEqual([WHOLE, 'department=it', 'department=sales']);
    // The whole group's 13 answers are shown; IT's 9 would leave 4 outside: withheld there, and in Sales (4).
    expect(result.measures.optional!.shownIn).toEqual([WHOLE]);
    expect(result.measures.optional!.hidden).toEqual({
      'department=it': 'complementary',
      'department=sales': 'below_k',
    });
  });

  it('counts suppliers in companies: five contacts of two companies show nothing; no company dominates an atom', () => {
    const two = [people(3, { company: 'a', category: 'glass' }), people(2, { company: 'b', category: 'glass' })];
    const k = 3;
    const none = publish({ patterns: two, candidates: [], k, measures: [CELL], companyKey: 'company' });
    expect(none.whole).toBe('companies_below_k');

    // Three companies, but one carries 8 of 10 answers: it would dominate the figure.
    const dominated = [people(8, { company: 'a' }), people(1, { company: 'b' }), people(1, { company: 'c' })];
    expect(publish({ patterns: dominated, candidates: [], k, measures: [CELL], companyKey: 'company' }).whole).toBe(
      'companies_below_k',
    );

    const fine = [
      people(2, { company: 'a', category: 'glass' }),
      people(2, { company: 'b', category: 'glass' }),
      people(2, { company: 'c', category: 'glass' }),
      people(2, { company: 'd', category: 'wood' }),
      people(2, { company: 'e', category: 'wood' }),
    ];
    const result = publish({
      patterns: fine,
      candidates: order(fine, ['company', 'category']),
      k,
      measures: [CELL],
      companyKey: 'company',
    });
    expect(result.whole).toBeNull();
    // Never a company; glass (3 companies) leaves wood with 2 companies: refused.
    expect(result.populations).toEqual([]);
    expect(result.refused.filter((r) => r.segment.key === 'company').map((r) => r.reason)).toEqual(
      Array(5).fill('companies_below_k'),
    );
    expect(result.refused.find((r) => r.segment.value === 'glass')?.reason).toBe('companies_below_k');
  });

  it('republishes a measure only over populations it was shown over before', () => {
    // Comments: shown over IT with a threshold of 5; under 6, a fresh choice could show them over Paris instead,
    // and the two lists together would isolate the commenters of IT ∩ Paris.
    const patterns = [
      people(4, { department: 'it', site: 'paris' }, { comments: 4 }),
      people(3, { department: 'it', site: 'lyon' }, { comments: 3 }),
      people(3, { department: 'sales', site: 'paris' }, { comments: 3 }),
      people(8, { department: 'sales', site: 'lyon' }, { comments: 8 }),
    ];
    const comments = (threshold: number): Measure => ({ id: 'comments', threshold, belowReason: 'comments_below_k' });
    const run = (threshold: number, previous?: Record<string, string[]>) =>
      publish({
        patterns,
        candidates: order(patterns, ['department', 'site'], 'department'),
        k: 3,
        measures: [comments(threshold)],
        companyKey: null,
        ...(previous ? { previous } : {}),
      });
    const before = run(5).measures.comments!.shownIn;
    const after = run(6, { comments: before }).measures.comments!.shownIn;
    for (const population of after) expect(before).toContain(population);
  });

  it('maps a snapshot to its atom: values of refused segments are dropped', () => {
    const publication = {
      populations: [{ segment: { key: 'department', value: 'it' }, n: 10 }],
    };
    const toAtom = atomOf(publication, ['company']);
    expect(toAtom({ department: 'it', site: 'paris', company: 'x' })).toEqual({ department: 'it', company: 'x' });
    expect(toAtom({ department: 'legal', site: 'paris' })).toEqual({});
  });
});

/** Independent check of the guarantee: group patterns by their membership in the published populations. */
function atomsOf(
  patterns: readonly RespondentPattern[],
  populations: readonly Segment[],
  count: (p: RespondentPattern) => number,
) {
  const atoms = new Map<string, RespondentPattern[]>();
  for (const p of patterns) {
    const member = (s: Segment) =>
      s.key === TEAM_KEY
        ? (managersAbove.get(p.segments[TEAM_KEY]?.split(' ')[0] ?? '') ?? []).includes(s.value)
        : p.segments[s.key] === s.value;
    const signature = populations.map((s) => (member(s) ? '1' : '0')).join('');
    atoms.set(signature, [...(atoms.get(signature) ?? []), p]);
  }
  return [...atoms.values()].map((a) => ({
    total: a.reduce((s, p) => s + count(p), 0),
    byCompany: a.reduce((m, p) => {
      const c = count(p);
      if (c > 0) m.set(p.segments.company ?? '', (m.get(p.segments.company ?? '') ?? 0) + c);
      return m;
    }, new Map<string, number>()),
  }));
}

/** A reporting line of five managers (m1 at the top; m2, m3 under m1; m4 under m2; m5 under m4), walked by hand. */
const MANAGER_OF: Record<string, string | null> = { m1: null, m2: 'm1', m3: 'm1', m4: 'm2', m5: 'm4' };
const managersAbove = new Map(
  Object.keys(MANAGER_OF).map((direct) => {
    const chain: string[] = [];
    for (let m: string | null = direct; m !== null; m = MANAGER_OF[m]!) chain.push(m);
    return [direct, chain] as const;
  }),
);

const arbitraryPatterns = fc.array(
  fc.record({
    manager: fc.constantFrom('', 'm1', 'm2', 'm3', 'm4', 'm5'),
    department: fc.constantFrom('a', 'b', 'c', 'd', ''),
    site: fc.constantFrom('x', 'y', 'z'),
    tenure: fc.constantFrom('t1', 't2', 't3', ''),
    company: fc.constantFrom('c1', 'c2', 'c3', 'c4', 'c5', 'c6'),
    n: fc.integer({ min: 1, max: 6 }),
    answered: fc.integer({ min: 0, max: 6 }),
    commented: fc.integer({ min: 0, max: 6 }),
  }),
  { maxLength: 30 },
);

describe("publish, managers' teams", () => {
  // The team of m is everyone under m: its value on a snapshot lists the managers above, nearest first.
  const under = (n: number, managers: string[], segments: Record<string, string> = {}) =>
    people(n, { ...segments, [TEAM_KEY]: teamPath(managers) });
  const teams = (patterns: RespondentPattern[], keys = [TEAM_KEY]) =>
    publish({ patterns, candidates: order(patterns, keys), k: 5, measures: [CELL], companyKey: null });

  it('counts a respondent in the team of every manager above them, larger teams tried first', () => {
    const patterns = [under(9, ['m2', 'm']), under(6, ['m']), people(6, {})];
    expect(order(patterns, [TEAM_KEY]).map(populationId)).toEqual(['team=m', 'team=m2']);
    const result = teams(patterns);
    expect(result.populations).toEqual([
      { segment: { key: TEAM_KEY, value: 'm' }, n: 15 },
      { segment: { key: TEAM_KEY, value: 'm2' }, n: 9 },
    ]);
    // m's team minus m2's is its own atom: the 6 under m and not under m2.
    expect(result.atoms).toEqual([6, 6, 9]);
  });

  it('refuses a sub-team whose difference with the team shown above it is below k (the subtraction attack)', () => {
    // m's team is 12: m2's 9 and 3 more. Showing both would give those 3 by subtraction: m − m2.
    const patterns = [under(9, ['m2', 'm']), under(3, ['m']), people(6, {})];
    const result = teams(patterns);
    expect(accepted(result)).toEqual(['team=m']);
    expect(result.refused).toEqual([{ segment: { key: TEAM_KEY, value: 'm2' }, reason: 'complementary' }]);
    expect(Math.min(...result.atoms)).toBeGreaterThanOrEqual(5);
  });

  it("refuses a team under k and a top manager's team that is everyone but one", () => {
    // The top manager answered too: their team is the whole group but them.
    const patterns = [under(4, ['m2', 'top']), under(10, ['top']), people(1, {})];
    const result = teams(patterns);
    expect(result.populations).toEqual([]);
    expect(result.refused).toEqual([
      { segment: { key: TEAM_KEY, value: 'top' }, reason: 'complementary' },
      { segment: { key: TEAM_KEY, value: 'm2' }, reason: 'below_k' },
    ]);
  });

  it('refuses a team that would split a shown department below k, and the reverse', () => {
    // IT is 10; m's team is 7 of them: IT − m would be 3.
    const patterns = [
      under(7, ['m'], { department: 'it' }),
      people(3, { department: 'it' }),
      people(8, { department: 'sales' }),
    ];
    const result = teams(patterns, ['department', TEAM_KEY]);
    expect(accepted(result)).toEqual(['department=it', 'department=sales']);
    expect(result.refused).toEqual([{ segment: { key: TEAM_KEY, value: 'm' }, reason: 'complementary' }]);
  });

  it('keeps the accepted managers of a team path in its atom', () => {
    const toAtom = atomOf({ populations: [{ segment: { key: TEAM_KEY, value: 'm' }, n: 15 }] });
    expect(toAtom({ [TEAM_KEY]: teamPath(['m2', 'm', 'top']), site: 'x' })).toEqual({ [TEAM_KEY]: 'm' });
    expect(toAtom({ [TEAM_KEY]: teamPath(['m3']) })).toEqual({});
  });
});

describe('primaryKeyOf', () => {
  it('takes the key a survey names, else department when the group has it, else none', () => {
    expect(primaryKeyOf('site', ['department', 'site'])).toBe('site');
    expect(primaryKeyOf(null, ['site', 'department'])).toBe('department');
    expect(primaryKeyOf(null, ['site', 'tenure'])).toBeNull();
  });

  it('puts the named key first in the candidate order, then the others in their order', () => {
    const patterns = [people(6, { department: 'it', site: 'lyon' }), people(4, { department: 'hr', site: 'paris' })];
    expect(
      order(patterns, ['department', 'site'], primaryKeyOf('site', ['department', 'site'])).map(populationId),
    ).toEqual(['site=lyon', 'site=paris', 'department=it', 'department=hr']);
  });
});

describe('publish, the guarantee over random organisations', () => {
  for (const companies of [false, true]) {
    it(`every atom of what is published holds 0 or at least k${companies ? ' companies' : ''}, per measure too`, () => {
      fc.assert(
        fc.property(arbitraryPatterns, fc.integer({ min: 3, max: 6 }), (rows, k) => {
          const patterns: RespondentPattern[] = rows.map((r) => {
            const segments: Record<string, string> = { site: r.site };
            if (r.department) segments.department = r.department;
            if (r.tenure) segments.tenure = r.tenure;
            if (companies) segments.company = r.company;
            if (r.manager) segments[TEAM_KEY] = teamPath(managersAbove.get(r.manager)!);
            return {
              segments,
              n: r.n,
              measures: { cell: Math.min(r.n, r.answered), comments: Math.min(r.n, r.commented) },
            };
          });
          const measures: Measure[] = [
            { id: 'cell', threshold: k, belowReason: 'below_k' },
            { id: 'comments', threshold: k + 1, belowReason: 'comments_below_k' },
          ];
          const companyKey = companies ? 'company' : null;
          const keys = [...(companies ? ['company'] : []), 'department', TEAM_KEY, 'site', 'tenure'];
          const result = publish({
            patterns,
            candidates: candidateOrder({ patterns, keys, primaryKey: 'department' }),
            k,
            measures,
            companyKey,
          });
          const ok = (a: { total: number; byCompany: Map<string, number> }, threshold: number) =>
            a.total === 0 ||
            (a.total >= threshold &&
              (!companies || (a.byCompany.size >= threshold && Math.max(...a.byCompany.values()) * 2 <= a.total)));
          if (result.whole !== null) {
            expect(result.populations).toEqual([]);
            for (const m of measures) expect(result.measures[m.id]!.shownIn).toEqual([]);
            return;
          }
          const segments = result.populations.map((p) => p.segment);
          expect(segments.some((s) => s.key === 'company')).toBe(false);
          for (const atom of atomsOf(patterns, segments, (p) => p.n)) expect(ok(atom, k)).toBe(true);
          for (const m of measures) {
            const shown = result.measures[m.id]!.shownIn;
            if (shown.length === 0) continue;
            const over = segments.filter((s) => shown.includes(populationId(s)));
            for (const atom of atomsOf(patterns, over, (p) => p.measures[m.id] ?? 0)) {
              expect(ok(atom, m.threshold)).toBe(true);
            }
          }
          // Every candidate carried by someone is either published or refused with a reason.
          const decided = new Set([...segments, ...result.refused.map((r) => r.segment)].map(populationId));
          for (const p of patterns)
            for (const [key, value] of Object.entries(p.segments)) {
              const values = key === TEAM_KEY ? managersAbove.get(value.split(' ')[0]!)! : [value];
              for (const v of values) expect(decided.has(populationId({ key, value: v }))).toBe(true);
            }
        }),
        { numRuns: 300 },
      );
    });
  }

  it('decides from counts only: the same counts in another order publish the same populations', () => {
    fc.assert(
      fc.property(arbitraryPatterns, (rows) => {
        const patterns = rows.map((r) => ({
          segments: { department: r.department || 'none', site: r.site },
          n: r.n,
          measures: { cell: r.n },
        }));
        const run = (ps: RespondentPattern[]) =>
          publish({
            patterns: ps,
            candidates: candidateOrder({ patterns: ps, keys: ['department', 'site'], primaryKey: null }),
            k: 4,
            measures: [CELL],
            companyKey: null,
          });
        expect(accepted(run([...patterns].reverse()))).toEqual(accepted(run(patterns)));
      }),
    );
  });
});
