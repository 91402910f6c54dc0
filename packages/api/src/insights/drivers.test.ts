import type { Db } from '@facets/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildOrg, callerFor, type Org, openDb } from '../test-setup.ts';
import { answerEmployees, type Respondent } from './testing.ts';

/** Key drivers of the eNPS among the employee dimensions, as n allows: nothing, correlations, then weights. */

let db: Db;
let org: Org;

beforeEach(async () => {
  db = await openDb();
  org = await buildOrg(db.db); // k = 3
});
afterEach(() => db.close());

/** Recognition drives the eNPS (eNPS = 2 × recognition, ± 1); transparency follows another pattern. */
const crowd = (count: number): Respondent[] =>
  Array.from({ length: count }, (_, i) => {
    const lived = 1 + (i % 5);
    return { lived, transparency: 1 + ((i * 3 + 1) % 5), enps: Math.min(10, 2 * lived + (i % 2)) };
  });

const drivers = async () =>
  (await callerFor(db.db, org.leadership.userId)).insights.drivers({ groupId: org.groups.employee });

describe('insights.drivers', () => {
  it('weighs the dimensions from 50 respondents, strongest first', async () => {
    await answerEmployees(db.db, org, crowd(55));
    const d = await drivers();
    expect(d).toMatchObject({
      wave: { id: org.surveys.employee.waveId },
      outcome: { variable: 'outcome:nps11', scale: 'nps11' },
      status: 'ok',
      n: 55,
      hidden: null,
      thresholds: { correlation: 30, weights: 50 },
    });
    expect(d.drivers.map((x) => x.dimensionId)).toEqual([org.dimensions.recognition, org.dimensions.transparency]);
    const [recognition, transparency] = d.drivers;
    expect(recognition).toMatchObject({ n: 55, sign: 'positive', hidden: null });
    expect(recognition!.r).toBeGreaterThan(0.95);
    expect(recognition!.relativeWeight).toBeGreaterThan(transparency!.relativeWeight!);
    expect(recognition!.relativeWeight! + transparency!.relativeWeight!).toBeCloseTo(1, 2);
    expect(d.rSquared).toBeGreaterThan(0.9);
    expect(d.rSquared).toBeLessThanOrEqual(1);
  });

  it('gives the importance–performance matrix its importance: the relative weights, not the expected level', async () => {
    await answerEmployees(db.db, org, crowd(55));
    const d = await drivers();
    const page = await (await callerFor(db.db, org.leadership.userId)).insights.dimension({
      groupId: org.groups.employee,
      dimensionId: org.dimensions.transparency,
    });
    const weight = (id: string) => d.drivers.find((x) => x.dimensionId === id)!.relativeWeight! * 100;
    expect(page.ipa?.importanceSource).toBe('drivers');
    expect(page.ipa?.points.map((p) => [p.dimensionId, p.importance])).toEqual(
      [org.dimensions.recognition, org.dimensions.transparency].map((id) => [id, Math.round(weight(id) * 10) / 10]),
    );
    // Recognition drives the eNPS: it is the important one. Both lived means are 50 (each score 1–5 given 11 times),
    // so both sit on the performance mean, which counts as high: recognition keep_up, transparency possible_overkill.
    expect(page.ipa?.points.map((p) => [p.dimensionId, p.performance, p.quadrant])).toEqual([
      [org.dimensions.recognition, 50, 'keep_up'],
      [org.dimensions.transparency, 50, 'possible_overkill'],
    ]);
    expect(page.ipa?.quadrant).toBe('possible_overkill');
  });

  it('gives correlations only from 30 to 49 respondents', async () => {
    await answerEmployees(db.db, org, crowd(35));
    const d = await drivers();
    expect(d).toMatchObject({ status: 'correlation_only', n: 35, rSquared: null, hidden: null });
    expect(d.drivers.every((x) => x.r !== null && x.relativeWeight === null)).toBe(true);
  });

  it('gives no r at all below 30 respondents', async () => {
    await answerEmployees(db.db, org, crowd(10));
    const d = await drivers();
    expect(d).toMatchObject({ status: 'insufficient', n: 10, rSquared: null, hidden: null });
    expect(d.drivers.every((x) => x.r === null && x.sign === null)).toBe(true);
  });

  it('shows nothing when the organisation’s k is above the analysis’ n', async () => {
    await db.db.updateTable('organization').set({ k_threshold: 40 }).where('id', '=', org.organizationId).execute();
    await answerEmployees(db.db, org, crowd(35));
    const d = await drivers();
    // The whole group is withheld in its only published wave: no figure, no n, and the reason.
    expect(d).toMatchObject({
      wave: { id: org.surveys.employee.waveId },
      outcome: null,
      status: 'insufficient',
      n: 0,
      rSquared: null,
      hidden: 'below_k',
    });
    expect(d.drivers).toEqual([]);
  });

  it('has nothing to explain without an outcome item', async () => {
    await answerEmployees(
      db.db,
      org,
      crowd(5).map(({ enps: _, ...r }) => r),
    );
    expect(await drivers()).toMatchObject({
      outcome: null,
      status: 'insufficient',
      n: 0,
      hidden: 'no_data',
      drivers: [],
    });
  });
});
