import type { Db } from '@facets/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildOrg, callerFor, count, type Org, openDb } from '../test-setup.ts';
import { addInitiative, addPromise, answerEmployees, people } from './testing.ts';

/** The maturity stage from the evidence, with leadership's self-assessment beside it (never instead of it). */

let db: Db;
let org: Org;

beforeEach(async () => {
  db = await openDb();
  org = await buildOrg(db.db); // two groups, both with an intended experience
});
afterEach(() => db.close());

const maturity = async (now?: string) =>
  (await callerFor(db.db, org.leadership.userId, now ? { now } : {})).insights.maturity.get();

describe('insights.maturity', () => {
  it('starts at communication when no initiative is under way', async () => {
    const m = await maturity();
    expect(m).toMatchObject({
      stage: 1,
      evidenceStage: 1,
      selfStage: null,
      agreement: 'no_self_assessment',
      evidence: {
        groups: 2,
        groupsWithIntended: 2,
        initiatives: [],
        promisedCells: 0,
        promisesKept: 0,
        leadershipReview: false,
      },
      selfAssessment: null,
    });
    expect(m.reasons.length).toBeGreaterThan(0);
    expect(m.reasons[0]).toEqual({ fr: expect.any(String), en: expect.any(String) });
    expect(m.nextSteps.length).toBeGreaterThan(0);
  });

  it('rises with the evidence, and shows the self-assessment beside it', async () => {
    const e = org.groups.employee;
    const recognition = org.dimensions.recognition;
    for (const [kind, ownerDepartment] of [
      ['service', 'hr'],
      ['offer', 'marketing'],
      ['process', 'it'],
    ] as const) {
      await addInitiative(db.db, org, {
        kind,
        ownerDepartment,
        status: 'active',
        targets: [{ groupId: e, dimensionId: recognition }],
      });
    }
    expect(await maturity()).toMatchObject({
      stage: 4,
      evidence: {
        initiatives: expect.arrayContaining([{ kind: 'offer', ownerDepartment: 'marketing', status: 'active' }]),
      },
    });

    // a promise on recognition, kept: lived 75 against expected 75
    await addPromise(db.db, org, { groupId: e, dimensionId: recognition });
    await answerEmployees(db.db, org, people(3, {}, { lived: 4, expected: 4 }));
    const api = await callerFor(db.db, org.leadership.userId);
    const saved = await api.insights.maturity.assess({ stage: 3, answers: { why: 'We still design in silos' } });
    expect(saved).toEqual({ id: expect.any(String), stage: 3, createdAt: '2026-11-22T09:00:00.000Z' });
    expect(await count(db.db, 'maturity_assessment')).toBe(1);
    const m = await maturity();
    expect(m).toMatchObject({
      stage: 5,
      evidenceStage: 5,
      selfStage: 3,
      agreement: 'self_lower',
      evidence: { promisedCells: 1, promisesKept: 1, leadershipReview: true },
      selfAssessment: { stage: 3, createdAt: '2026-11-22T09:00:00.000Z' },
    });
    // a year and more later the review has lapsed, and the stage falls back
    const later = await maturity('2028-01-10T09:00:00.000Z');
    expect(later).toMatchObject({ stage: 4, evidence: { leadershipReview: false }, selfStage: 3 });
  });

  it('counts a promise only where both its expected and lived scores may be shown', async () => {
    await addPromise(db.db, org, { groupId: org.groups.employee, dimensionId: org.dimensions.recognition });
    await addPromise(db.db, org, { groupId: org.groups.supplier, dimensionId: null });
    await answerEmployees(db.db, org, people(2, {}, { lived: 1, expected: 5 })); // below k = 3
    expect((await maturity()).evidence).toMatchObject({ promisedCells: 0, promisesKept: 0 });
  });
});
