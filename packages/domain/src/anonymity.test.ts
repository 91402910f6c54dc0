import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkFilter,
  commentsVisible,
  DISJOINT_SEARCH_BUDGET,
  disclosurePolicy,
  disjointUnionConflicts,
  overlapConflicts,
  suppressSiblings,
} from './anonymity.ts';

describe('disclosurePolicy', () => {
  it('defaults to 5 and never goes below 3', () => {
    expect(disclosurePolicy()).toEqual({ k: 5, commentK: 5 });
    expect(disclosurePolicy(2, 1)).toEqual({ k: 3, commentK: 3 });
    expect(disclosurePolicy(7, 10)).toEqual({ k: 7, commentK: 10 });
    // a fractional or broken setting never loosens the rule
    expect(disclosurePolicy(3.2, Number.NaN)).toEqual({ k: 4, commentK: 5 });
  });
});

describe('suppressSiblings', () => {
  it('hides small cells, then the next-smallest sibling until the hidden total reaches k', () => {
    // k = 5: a has no data; b (3) is below k; hidden total 3 < 5 would be revealed by the parent total minus the
    // visible cells, so the smallest visible sibling d (6) is hidden too → hidden total 3 + 6 = 9 >= 5
    const r = suppressSiblings(
      [
        { id: 'a', n: 0 },
        { id: 'b', n: 3 },
        { id: 'c', n: 8 },
        { id: 'd', n: 6 },
        { id: 'e', n: 12 },
      ],
      5,
    );
    expect(Object.fromEntries(r)).toEqual({ a: 'no_data', b: 'below_k', c: null, d: 'complementary', e: null });
  });

  it('breaks ties by id, and hides nothing more when nothing is hidden or the hidden cells already reach k', () => {
    // x (2) is below k; a and b both hold 7: a goes first
    const tie = suppressSiblings(
      [
        { id: 'x', n: 2 },
        { id: 'b', n: 7 },
        { id: 'a', n: 7 },
      ],
      5,
    );
    expect(Object.fromEntries(tie)).toEqual({ x: 'below_k', b: null, a: 'complementary' });
    const none = suppressSiblings(
      [
        { id: 'a', n: 5 },
        { id: 'b', n: 0 },
      ],
      5,
    );
    expect(Object.fromEntries(none)).toEqual({ a: null, b: 'no_data' });
    // 2 + 4 = 6 >= 5 hidden already: the big cell stays
    const enough = suppressSiblings(
      [
        { id: 'a', n: 2 },
        { id: 'b', n: 4 },
        { id: 'c', n: 40 },
      ],
      5,
    );
    expect(Object.fromEntries(enough)).toEqual({ a: 'below_k', b: 'below_k', c: null });
  });

  it('leaves no visible cell below k and a hidden total of 0 or at least k, unless nothing is visible', () => {
    const cells = fc.uniqueArray(fc.record({ id: fc.string({ maxLength: 3 }), n: fc.integer({ min: 0, max: 20 }) }), {
      selector: (c) => c.id,
      maxLength: 8,
    });
    fc.assert(
      fc.property(cells, fc.integer({ min: 3, max: 8 }), (list, k) => {
        const r = suppressSiblings(list, k);
        expect(r.size).toBe(list.length);
        const visible = list.filter((c) => r.get(c.id) === null);
        for (const c of visible) expect(c.n).toBeGreaterThanOrEqual(k);
        const hiddenTotal = list.filter((c) => r.get(c.id) !== null).reduce((s, c) => s + c.n, 0);
        if (visible.length > 0) expect(hiddenTotal === 0 || hiddenTotal >= k).toBe(true);
        for (const c of list) if (c.n === 0) expect(r.get(c.id)).toBe('no_data');
        expect(suppressSiblings([...list].reverse(), k)).toEqual(r);
      }),
    );
  });
});

describe('checkFilter', () => {
  it('refuses a small filter and a filter whose complement is small', () => {
    // parent 40: filter 37 leaves 3 people outside it (40 − 37 < 5); filter 4 is itself below k
    expect(checkFilter({ parentN: 40, filterN: 37, k: 5 })).toBe('complement_below_k');
    expect(checkFilter({ parentN: 40, filterN: 4, k: 5 })).toBe('below_k');
    expect(checkFilter({ parentN: 40, filterN: 35, k: 5 })).toBeNull(); // complement 5
    expect(checkFilter({ parentN: 40, filterN: 40, k: 5 })).toBeNull(); // the filter is the parent: nothing new
  });

  it('lets through only filters of at least k whose complement is 0 or at least k', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 3, max: 10 }),
        (a, b, k) => {
          const [filterN, parentN] = a <= b ? [a, b] : [b, a];
          const result = checkFilter({ parentN, filterN, k });
          const complement = parentN - filterN;
          if (filterN < k) expect(result).toBe('below_k');
          else if (complement >= 1 && complement <= k - 1) expect(result).toBe('complement_below_k');
          else expect(result).toBeNull();
        },
      ),
    );
  });
});

describe('overlapConflicts', () => {
  it('hides the smaller of two segments that differ by fewer than k people', () => {
    // site=Lyon 20, department=IT 18, both 17: they differ by 20 + 18 − 2·17 = 4 < 5 people → hide the smaller, IT.
    // tenure=new (10) shares 2 with Lyon: 10 + 20 − 4 = 26, no conflict.
    const hidden = overlapConflicts(
      [
        { id: 'site=Lyon', n: 20 },
        { id: 'department=IT', n: 18 },
        { id: 'tenure=new', n: 10 },
      ],
      [
        { a: 'site=Lyon', b: 'department=IT', n: 17 },
        { a: 'tenure=new', b: 'site=Lyon', n: 2 },
      ],
      5,
    );
    expect([...hidden]).toEqual(['department=IT']);
  });

  it('hides the later id on a tie, and repeats until no conflict is left', () => {
    // a=1 and b=1 both 12, sharing 10: 12 + 12 − 20 = 4 → hide b=1 (the later id)
    expect([
      ...overlapConflicts(
        [
          { id: 'b=1', n: 12 },
          { id: 'a=1', n: 12 },
        ],
        [{ a: 'a=1', b: 'b=1', n: 10 }],
        5,
      ),
    ]).toEqual(['b=1']);
    // A 30 ⊃ B 28 ⊃ C 26: A/B differ by 2 → hide B; A/C still differ by 30 + 26 − 52 = 4 → hide C too
    const chain = overlapConflicts(
      [
        { id: 'k1=A', n: 30 },
        { id: 'k2=B', n: 28 },
        { id: 'k3=C', n: 26 },
      ],
      [
        { a: 'k1=A', b: 'k2=B', n: 28 },
        { a: 'k2=B', b: 'k3=C', n: 26 },
        { a: 'k1=A', b: 'k3=C', n: 26 },
      ],
      5,
    );
    expect([...chain].sort()).toEqual(['k2=B', 'k3=C']);
  });

  it('leaves no two shown segments differing by 1 to k − 1 people, whatever the order of the input', () => {
    const person = fc.record({
      site: fc.constantFrom('a', 'b', 'c'),
      dept: fc.constantFrom('x', 'y', 'z'),
      tenure: fc.constantFrom('n', 'o'),
    });
    fc.assert(
      fc.property(fc.array(person, { maxLength: 60 }), fc.integer({ min: 3, max: 8 }), (people, k) => {
        const ids = (p: (typeof people)[number]) => [`site=${p.site}`, `dept=${p.dept}`, `tenure=${p.tenure}`];
        const counts = new Map<string, number>();
        const both = new Map<string, number>();
        for (const p of people) {
          const mine = ids(p);
          for (const id of mine) counts.set(id, (counts.get(id) ?? 0) + 1);
          for (const [i, a] of mine.entries())
            for (const b of mine.slice(i + 1)) both.set(`${a}|${b}`, (both.get(`${a}|${b}`) ?? 0) + 1);
        }
        const segments = [...counts].map(([id, n]) => ({ id, n }));
        const intersections = [...both].map(([key, n]) => {
          const [a, b] = key.split('|') as [string, string];
          return { a, b, n };
        });
        const hidden = overlapConflicts(segments, intersections, k);
        const shown = segments.filter((s) => s.n >= k && !hidden.has(s.id));
        const common = (a: string, b: string) =>
          intersections.find((i) => (i.a === a && i.b === b) || (i.a === b && i.b === a))?.n ?? 0;
        for (const [i, a] of shown.entries()) {
          for (const b of shown.slice(i + 1)) {
            const difference = a.n + b.n - 2 * common(a.id, b.id);
            expect(difference === 0 || difference >= k).toBe(true);
          }
        }
        for (const id of hidden) expect(counts.get(id)).toBeGreaterThanOrEqual(k);
        const swapped = [...intersections].reverse().map((i) => ({ a: i.b, b: i.a, n: i.n }));
        expect([...overlapConflicts([...segments].reverse(), swapped, k)].sort()).toEqual([...hidden].sort());
      }),
    );
  });
});

describe('disjointUnionConflicts', () => {
  const keyOf = (id: string) => id.split('=')[0];
  /** Values of one key never share anyone; across keys, the pairs listed here share nobody. */
  const disjointWith =
    (pairs: [string, string][]) =>
    (a: string, b: string): boolean =>
      keyOf(a) === keyOf(b) || pairs.some(([x, y]) => (x === a && y === b) || (x === b && y === a));

  it('hides the smaller of two disjoint segments of different keys that leave fewer than k people', () => {
    // A group of 8: HR (3, all at Lyon) and Paris (3) share nobody: 8 − 3 − 3 = 2 people left → hide one of them.
    // Both hold 3: the later id, site=paris, goes.
    const hidden = disjointUnionConflicts(
      [
        { id: 'department=hr', n: 3 },
        { id: 'site=paris', n: 3 },
      ],
      disjointWith([['department=hr', 'site=paris']]),
      8,
      3,
    );
    expect([...hidden]).toEqual(['site=paris']);
  });

  it('lets disjoint segments show when they leave nobody or at least k', () => {
    const disjoint = disjointWith([['department=hr', 'site=paris']]);
    const segments = [
      { id: 'department=hr', n: 3 },
      { id: 'site=paris', n: 3 },
    ];
    expect(disjointUnionConflicts(segments, disjoint, 6, 3).size).toBe(0); // 6 − 3 − 3 = 0
    expect(disjointUnionConflicts(segments, disjoint, 9, 3).size).toBe(0); // 9 − 3 − 3 = 3
    // Segments that share people are left to overlapConflicts: here HR and Paris may overlap, nothing adds up.
    expect(disjointUnionConflicts(segments, () => false, 8, 3).size).toBe(0);
  });

  it('finds a union of several segments, and repeats until none is left', () => {
    // 20 people: IT (8, all at Paris), sales (6, all at Lyon), Lyon (10). IT and Lyon share nobody: 20 − 8 − 10 = 2
    // people → hide the smaller, IT. What is left shares people (sales is at Lyon) or leaves enough (20 − 6 = 14).
    const hidden = disjointUnionConflicts(
      [
        { id: 'department=it', n: 8 },
        { id: 'department=sales', n: 6 },
        { id: 'site=lyon', n: 10 },
      ],
      disjointWith([['department=it', 'site=lyon']]),
      20,
      3,
    );
    expect([...hidden]).toEqual(['department=it']);
  });

  it('never leaves a shown disjoint union 1 to k − 1 short of the parent', () => {
    const person = fc.record({ dept: fc.constantFrom('x', 'y', 'z', null), site: fc.constantFrom('a', 'b', null) });
    fc.assert(
      fc.property(fc.array(person, { maxLength: 40 }), fc.integer({ min: 3, max: 6 }), (people, k) => {
        const members = new Map<string, Set<number>>();
        people.forEach((p, i) => {
          for (const id of [p.dept && `dept=${p.dept}`, p.site && `site=${p.site}`]) {
            if (id) members.set(id, (members.get(id) ?? new Set()).add(i));
          }
        });
        const segments = [...members].map(([id, m]) => ({ id, n: m.size }));
        const disjoint = (a: string, b: string) => ![...members.get(a)!].some((i) => members.get(b)!.has(i));
        const hidden = disjointUnionConflicts(segments, disjoint, people.length, k);
        const shown = segments.filter((s) => !hidden.has(s.id));
        // every pairwise disjoint subset of what is shown leaves 0 or at least k people
        const check = (from: number, chosen: string[], sum: number) => {
          if (chosen.length > 0) expect(people.length - sum === 0 || people.length - sum >= k).toBe(true);
          for (let i = from; i < shown.length; i++) {
            const next = shown[i]!;
            if (chosen.every((c) => disjoint(c, next.id))) check(i + 1, [...chosen, next.id], sum + next.n);
          }
        };
        check(0, [], 0);
        expect([...disjointUnionConflicts([...segments].reverse(), disjoint, people.length, k)].sort()).toEqual(
          [...hidden].sort(),
        );
      }),
    );
  });

  it('hides conservatively when the search runs out of budget', () => {
    // Twelve disjoint segments of 3 in a parent of 30 (window 28–29: no sum of threes hits it, so nothing conflicts),
    // searched with a budget too small to prove it: the smallest (ties: the later id) go until the search fits.
    const segments = Array.from({ length: 12 }, (_, i) => ({ id: `k${String(i).padStart(2, '0')}=v`, n: 3 }));
    expect(disjointUnionConflicts(segments, () => true, 30, 3).size).toBe(0);
    const hidden = disjointUnionConflicts(segments, () => true, 30, 3, 20);
    expect(hidden.size).toBeGreaterThan(0);
    expect([...hidden][0]).toBe('k11=v');
    expect(DISJOINT_SEARCH_BUDGET).toBeGreaterThanOrEqual(10_000);
  });
});

describe('commentsVisible', () => {
  it('shows comments only from commentK distinct commenters', () => {
    const policy = disclosurePolicy(5, 5);
    expect(commentsVisible(3, policy)).toBe('comments_below_k'); // a team of three
    expect(commentsVisible(5, policy)).toBeNull();
    expect(commentsVisible(0, policy)).toBe('no_data');
  });
});
