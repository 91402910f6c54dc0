import type { Db } from '@facets/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, buildOrg, callerFor, type Org, openDb } from '../test-setup.ts';
import {
  addCommentQuestion,
  addSegmentAttribute,
  answerEmployees,
  answerSuppliers,
  people,
  runPulse,
} from './testing.ts';

/**
 * No figure, count or alert stands on nothing or on fewer than k — in any view, for any reader. An organisation
 * shaped unlike the demo (k = 3, comments from 5): a closed quarter with a one-person HR team and a Legal department
 * nobody answered for, a later quarter, a pulse with two answers still open, an onboarding-style survey closed with
 * two answers, and suppliers from two companies. Every view is read by leadership, HR, the analyst, the IT manager
 * and a Legal manager (an empty department), every segment and dimension of it, and the whole output is walked:
 * every object that carries an `n` must show nothing when 0 < n < k, and a value only when n ≥ k.
 */

const K = 3;
const COMMENT_K = 5;
const LATER = { now: '2026-12-01T12:00:00.000Z' };

let db: Db;
let org: Org;
let legalManager: string;

beforeAll(async () => {
  db = await openDb();
  org = await buildOrg(db.db, { kThreshold: K });
  const e = org.groups.employee;
  await addSegmentAttribute(db.db, org, { groupId: e, key: 'department', values: ['it', 'ops', 'hr', 'legal'] });
  await addSegmentAttribute(db.db, org, { groupId: e, key: 'site', values: ['lyon', 'paris'] });
  const commentQuestionId = await addCommentQuestion(db.db, org);
  await answerEmployees(
    db.db,
    org,
    [
      ...people(4, { department: 'it', site: 'lyon' }, { lived: 4, enps: 9, transparency: 4, comment: 'Good team' }),
      ...people(3, { department: 'ops', site: 'paris' }, { lived: 2, enps: 5, comment: 'Too busy' }),
      ...people(1, { department: 'hr', site: 'paris' }, { lived: 1, enps: 0, transparency: 1, comment: 'Alone here' }),
    ],
    { wave: 'closed', commentQuestionId },
  );
  await answerEmployees(
    db.db,
    org,
    [
      ...people(3, { department: 'it', site: 'lyon' }, { lived: 3, enps: 8 }),
      ...people(2, { department: 'ops', site: 'lyon' }, { lived: 5, enps: 10, comment: 'Better' }),
      ...people(1, { department: 'hr', site: 'paris' }, { lived: 2, transparency: 2 }),
    ],
    { commentQuestionId },
  );
  // Two answers each from Operations: a pulse still under way at LATER, and an onboarding-style survey closed.
  await runPulse(db.db, org, {
    lived: [5, 5],
    department: 'ops',
    keepOpen: true,
    closesAt: '2026-12-20T09:00:00.000Z',
  });
  await runPulse(db.db, org, {
    lived: [5, 5],
    department: 'ops',
    title: { fr: 'Arrivée', en: 'Onboarding' },
    label: 'Onboarding 1',
  });
  await answerSuppliers(db.db, org, 'Acme', 2, { wave: 'closed' });
  await answerSuppliers(db.db, org, 'Globex', 1, { wave: 'closed' });
  const legal = await addMember(db.db, org, 'legal-manager', 'manager');
  await db.db.updateTable('member').set({ department: 'legal' }).where('id', '=', legal.memberId).execute();
  legalManager = legal.userId;
});
afterAll(() => db.close());

interface Finding {
  path: string;
  n: number;
  value: unknown;
}

/** Every object in `output` that shows a value on n = 0, or anything at all on 0 < n < k. */
function belowK(output: unknown, k: number, path = '$'): Finding[] {
  if (Array.isArray(output)) return output.flatMap((item, i) => belowK(item, k, `${path}[${i}]`));
  if (output === null || typeof output !== 'object') return [];
  const record = output as Record<string, unknown>;
  const found: Finding[] = [];
  if (typeof record.n === 'number') {
    const value = record.value ?? record.score ?? null;
    const shown = typeof value === 'number';
    if ((record.n > 0 && record.n < k) || (shown && record.n < k)) found.push({ path, n: record.n, value });
  }
  if (typeof record.commenters === 'number' && record.commenters > 0 && record.commenters < COMMENT_K) {
    found.push({ path: `${path}.commenters`, n: record.commenters, value: record.items });
  }
  for (const [key, value] of Object.entries(record)) found.push(...belowK(value, k, `${path}.${key}`));
  return found;
}

type Caller = Awaited<ReturnType<typeof callerFor>>;

/** Every view a staff reader may open, over every group, selection, segment and dimension it offers. */
async function everyView(api: Caller, manager: boolean): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  const read = async (name: string, call: () => Promise<unknown>) => {
    try {
      out[name] = await call();
    } catch (error) {
      // A view the reader may not open is refused, which shows nothing.
      out[name] = { refused: (error as { code?: string }).code ?? String(error) };
    }
  };
  const overview = await api.insights.overview();
  out.overview = overview;
  await read('alerts', () => api.insights.alerts());
  for (const metric of ['lived', 'expected', 'expectationGap', 'favourability'] as const) {
    await read(`compare.${metric}`, () => api.insights.compareGroups({ metric }));
  }
  await read('maturity', () => api.insights.maturity.get());
  for (const group of overview.groups) {
    for (const programme of group.programmes) {
      for (const wave of [undefined, ...programme.waves.map((w) => w.id)]) {
        const selection = { surveyId: programme.surveyId, ...(wave ? { waveId: wave } : {}) };
        const at = `${group.code}.${programme.surveyId}.${wave ?? 'latest'}`;
        await read(`overview.${at}`, () => api.insights.overview({ groupId: group.id, ...selection }));
        await read(`plan.${at}`, () => api.actionPlans.get({ groupId: group.id, ...selection }));
        await read(`drivers.${at}`, () => api.insights.drivers({ groupId: group.id, ...selection }));
        for (const d of group.dimensions) {
          await read(`dimension.${at}.${d.code}`, () =>
            api.insights.dimension({ groupId: group.id, dimensionId: d.id, ...selection }),
          );
        }
        if (manager) continue;
        await read(`coverage.${at}`, () => api.actionPlans.coverage({ groupId: group.id, ...selection }));
        const segments = await api.insights.segments({ groupId: group.id, ...selection });
        out[`segments.${at}`] = segments;
        for (const s of segments.segments) {
          await read(`breakdown.${at}.${s.key}`, () =>
            api.insights.breakdown({ groupId: group.id, segmentKey: s.key, ...selection }),
          );
          for (const v of s.values) {
            const segment = { key: s.key, value: v.value };
            const where = `${at}.${s.key}=${v.value}`;
            await read(`overview.${where}`, () => api.insights.overview({ groupId: group.id, segment, ...selection }));
            await read(`plan.${where}`, () => api.actionPlans.get({ groupId: group.id, segment, ...selection }));
            for (const d of group.dimensions) {
              await read(`dimension.${where}.${d.code}`, () =>
                api.insights.dimension({ groupId: group.id, dimensionId: d.id, segment, ...selection }),
              );
            }
          }
        }
      }
    }
  }
  return out;
}

describe('no figure on nothing, nor on fewer than k', () => {
  const readers = [
    ['leadership', () => org.leadership.userId, false],
    ['HR', () => org.staff.hr.userId, false],
    ['the analyst', () => org.staff.analyst.userId, false],
    ['the IT manager', () => org.staff.manager.userId, true],
    ['the manager of an empty department', () => legalManager, true],
  ] as const;

  for (const [name, userOf, manager] of readers) {
    it(`in every view ${name} can open`, async () => {
      const views = await everyView(await callerFor(db.db, userOf(), LATER), manager);
      expect(Object.keys(views).length).toBeGreaterThan(manager ? 30 : 200);
      expect(belowK(views, K)).toEqual([]);
      // The scan saw something: figures shown on k or more, and populations withheld (the one-person HR team).
      const text = JSON.stringify(views);
      if (userOf() !== legalManager) expect(text).toMatch(/"(value|score)":\d+(\.\d+)?,"n":([3-9]|\d\d)/);
      if (!manager) expect(text).toContain('"hidden":"below_k"');
    });
  }

  it('in what employees read in "You said, we did", whatever their team', async () => {
    for (const stakeholder of [org.stakeholders.alice, org.stakeholders.bob, org.stakeholders.carol]) {
      const api = await callerFor(db.db, stakeholder.userId, LATER);
      expect(belowK(await api.portal.results.get(), K)).toEqual([]);
    }
  });

  it('finds what it looks for: the scan itself flags a figure on two people and a count of two', () => {
    expect(belowK({ a: [{ value: 50, n: 2 }], b: { n: 2, hidden: 'below_k' }, c: { score: 10, n: 0 } }, K)).toEqual([
      { path: '$.a[0]', n: 2, value: 50 },
      { path: '$.b', n: 2, value: null },
      { path: '$.c', n: 0, value: 10 },
    ]);
    expect(belowK({ value: null, n: 0, hidden: 'no_data' }, K)).toEqual([]);
  });
});
