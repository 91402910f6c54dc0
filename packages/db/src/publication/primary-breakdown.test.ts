import { populationId } from '@facets/domain';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../create-db.ts';
import { addStakeholder } from '../fixture.ts';
import { newId } from '../ids.ts';
import { submitResponse } from '../repositories/responses.ts';
import { updateSurvey } from '../repositories/survey-builder.ts';
import { closeWave } from '../repositories/waves.ts';
import type { Database } from '../schema.ts';
import { addSegmentAttributeValues, buildFixture, type Fixture, openTestDb, testDialects } from '../testing.ts';
import { publishClosedWaves, readPublications } from './index.ts';

const dialects = await testDialects();
const K = 5;

/**
 * 20 respondents, two departments and two sites that cut across them: it at lyon 7, it at paris 3, hr at lyon 3, hr
 * at paris 7. Departments first, both are shown and a site would split each into 7 and 3: sites are hidden. Sites
 * first, the reverse.
 */
const PEOPLE: [department: string, site: string, n: number][] = [
  ['it', 'lyon', 7],
  ['it', 'paris', 3],
  ['hr', 'lyon', 3],
  ['hr', 'paris', 7],
];

async function organisation(db: Kysely<Database>, primarySegmentKey: string | null): Promise<Fixture> {
  const fx = await buildFixture(db, { kThreshold: K });
  const tenant = { organizationId: fx.organizationId, groupId: fx.groups.employee };
  await addSegmentAttributeValues(db, {
    ...tenant,
    key: 'department',
    label: { fr: 'Service', en: 'Department' },
    values: [
      ['it', 'Informatique', 'IT'],
      ['hr', 'RH', 'HR'],
    ],
  });
  await addSegmentAttributeValues(db, {
    ...tenant,
    key: 'site',
    label: { fr: 'Site', en: 'Site' },
    values: [
      ['lyon', 'Lyon', 'Lyon'],
      ['paris', 'Paris', 'Paris'],
    ],
  });
  if (primarySegmentKey !== null) {
    await updateSurvey(db, {
      organizationId: fx.organizationId,
      surveyId: fx.surveys.employee.surveyId,
      title: { fr: 'Pulse (fr)', en: 'Pulse' },
      intro: null,
      anonymous: true,
      primarySegmentKey,
    });
  }
  const q = fx.surveys.employee.questions;
  let i = 0;
  for (const [department, site, n] of PEOPLE) {
    for (let j = 0; j < n; j++, i++) {
      const segments = { department, site };
      const person = await addStakeholder(db, fx, { groupId: fx.groups.employee, segments });
      await submitResponse(db, {
        organizationId: fx.organizationId,
        waveId: fx.surveys.employee.waveId,
        stakeholderId: person.id,
        groupId: fx.groups.employee,
        segments,
        idempotencyKey: `primary-${i}-${newId()}`,
        answers: [
          { questionId: q.recognition_lived!, value: (i % 5) + 1 },
          { questionId: q.recognition_expected!, value: ((i + 2) % 5) + 1 },
        ],
        now: fx.now,
        newId,
      });
    }
  }
  await closeWave(db, { organizationId: fx.organizationId, waveId: fx.surveys.employee.waveId, now: fx.now });
  await publishClosedWaves(db, { organizationId: fx.organizationId, k: K, commentK: K, now: fx.now });
  return fx;
}

describe.each(dialects)('a survey whose primary breakdown is site (%s)', (dialect) => {
  let handle: Db;
  beforeAll(async () => {
    handle = await openTestDb(dialect);
  });
  afterAll(() => handle?.close());

  const published = async (fx: Fixture) => {
    const p = (
      await readPublications(handle.db, { organizationId: fx.organizationId, groupId: fx.groups.employee })
    ).get(fx.surveys.employee.waveId)!;
    return {
      shown: p.populations.map((x) => populationId(x.segment)).sort(),
      refused: Object.fromEntries(p.refused.map((r) => [populationId(r.segment), r.reason])),
      smallest: p.atoms.smallest,
    };
  };

  it('publishes its sites first and keeps them, where departments first would hide them', async () => {
    const byDepartment = await published(await organisation(handle.db, null));
    expect(byDepartment.shown).toEqual(['department=hr', 'department=it']);
    expect(Object.keys(byDepartment.refused).sort()).toEqual(['site=lyon', 'site=paris']);

    const bySite = await published(await organisation(handle.db, 'site'));
    expect(bySite.shown).toEqual(['site=lyon', 'site=paris']);
    expect(Object.keys(bySite.refused).sort()).toEqual(['department=hr', 'department=it']);
    // Either way every atom holds at least k respondents: the order chooses what is shown, never how much.
    expect(byDepartment.smallest).toBeGreaterThanOrEqual(K);
    expect(bySite.smallest).toBeGreaterThanOrEqual(K);
  });
});
