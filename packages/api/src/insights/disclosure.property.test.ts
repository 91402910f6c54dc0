import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMember, buildOrg, callerFor, openDb } from '../test-setup.ts';
import { addSegmentAttribute, answerEmployees, type Respondent } from './testing.ts';

/**
 * For random groups of employees (departments and sites, some missing, of every size), whatever the views:
 * - every segment figure is the same, shown or withheld, in the breakdown, behind a segment filter and for the
 *   department's manager;
 * - within a key, when the group total is shown, the withheld cells (plus those with no value for the key) hold 0
 *   or at least k people, so the total minus the shown cells reveals nobody;
 * - two shown segments of different keys differ by 0 or at least k people, also on an optional question;
 * - no shown figure stands on fewer than k people.
 */

const K = 3;
const DEPARTMENTS = ['it', 'hr', 'sales'] as const;
const SITES = ['lyon', 'paris'] as const;

const person = fc.record({
  department: fc.constantFrom(...DEPARTMENTS, null),
  site: fc.constantFrom(...SITES, null),
  lived: fc.integer({ min: 1, max: 5 }),
  /** Optional: answered by some only. */
  transparency: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
});

type Person = typeof person extends fc.Arbitrary<infer T> ? T : never;
type Shown = { value: number | null; n: number; hidden: string | null };

describe('disclosure across views', () => {
  it('holds for random groups', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(person, { minLength: 0, maxLength: 24 }), async (crowd) => {
        const db = await openDb();
        try {
          await check(db, crowd);
        } finally {
          await db.close();
        }
      }),
      { numRuns: 15 },
    );
  });
});

async function check(db: Awaited<ReturnType<typeof openDb>>, crowd: Person[]) {
  const org = await buildOrg(db.db, { kThreshold: K });
  const groupId = org.groups.employee;
  await addSegmentAttribute(db.db, org, { groupId, key: 'department', values: [...DEPARTMENTS] });
  await addSegmentAttribute(db.db, org, { groupId, key: 'site', values: [...SITES] });
  const respondents: Respondent[] = crowd.map((p) => ({
    lived: p.lived,
    ...(p.transparency === undefined ? {} : { transparency: p.transparency }),
    segments: {
      ...(p.department ? { department: p.department } : {}),
      ...(p.site ? { site: p.site } : {}),
    },
  }));
  await answerEmployees(db.db, org, respondents);
  if (crowd.length === 0) return;
  const api = await callerFor(db.db, org.leadership.userId);
  const managers = new Map<string, Awaited<ReturnType<typeof callerFor>>>();
  for (const department of DEPARTMENTS) managers.set(department, await managerOf(db, org, department));

  for (const dimensionId of [org.dimensions.recognition, org.dimensions.transparency]) {
    const answered = (i: number) => dimensionId === org.dimensions.recognition || crowd[i]!.transparency !== undefined;
    const members = (key: string, value: string) =>
      new Set(
        crowd.flatMap((p, i) => ((key === 'department' ? p.department : p.site) === value && answered(i) ? [i] : [])),
      );
    const everyone = crowd.filter((_, i) => answered(i)).length;
    const shown: { key: string; value: string }[] = [];
    for (const key of ['department', 'site']) {
      const b = await api.insights.breakdown({ groupId, segmentKey: key });
      const cells = b.rows.map((r) => ({ value: r.value, cell: r.cells.find((c) => c.dimensionId === dimensionId)! }));
      // when the total is shown, the withheld cells and the people without a value hold 0 or >= k answers
      const total = b.total.cells.find((c) => c.dimensionId === dimensionId)!;
      expect(total.n).toBe(everyone);
      const rest = everyone - cells.reduce((s, c) => s + c.cell.n, 0);
      const withheld = rest + cells.filter((c) => c.cell.hidden !== null).reduce((s, c) => s + c.cell.n, 0);
      if (total.hidden === null) expect(withheld === 0 || withheld >= K, `${key}: ${withheld} withheld`).toBe(true);
      else expect(cells.every((c) => c.cell.hidden !== null)).toBe(true);
      for (const { value, cell } of cells) {
        expect(cell.n).toBe(members(key, value).size);
        if (cell.hidden === null && cell.n > 0) {
          expect(cell.n).toBeGreaterThanOrEqual(K);
          shown.push({ key, value });
        }
        same(await viaPage(() => api.insights.dimension({ groupId, dimensionId, segment: { key, value } })), cell);
        if (key === 'department') {
          const manager = managers.get(value)!;
          same(await viaPage(() => manager.insights.dimension({ groupId, dimensionId })), cell);
        }
      }
    }
    // two shown segments of different keys differ by 0 or at least k answers
    for (const a of shown.filter((s) => s.key === 'department')) {
      for (const b of shown.filter((s) => s.key === 'site')) {
        const [ma, mb] = [members(a.key, a.value), members(b.key, b.value)];
        const difference = [...ma].filter((i) => !mb.has(i)).length + [...mb].filter((i) => !ma.has(i)).length;
        expect(difference === 0 || difference >= K, `${a.value} vs ${b.value}: ${difference}`).toBe(true);
      }
    }
  }
}

/** A view that is not refused (n = −1 marks a refusal, which shows nothing) shows exactly what the breakdown shows. */
function same(actual: Shown, breakdownCell: Shown & { dimensionId: string }) {
  const { dimensionId: _, ...cell } = breakdownCell;
  if (actual.n !== -1) expect(actual).toEqual(cell);
}

/** The current lived figure of a dimension page; a refused page (n = −1) withholds it. */
async function viaPage(page: () => Promise<{ trend: { lived: Shown }[] }>): Promise<Shown> {
  try {
    const lived = (await page()).trend.at(-1)?.lived ?? { value: null, n: 0, hidden: 'no_data' };
    return lived;
  } catch (error) {
    expect(error).toMatchObject({ message: expect.stringContaining('complement_below_k') });
    return { value: null, n: -1, hidden: 'complement_below_k' };
  }
}

async function managerOf(
  db: Awaited<ReturnType<typeof openDb>>,
  org: Awaited<ReturnType<typeof buildOrg>>,
  department: string,
) {
  const m = await addMember(db.db, org, `manager-${department}`, 'manager');
  await db.db.updateTable('member').set({ department }).where('id', '=', m.memberId).execute();
  return callerFor(db.db, m.userId);
}
