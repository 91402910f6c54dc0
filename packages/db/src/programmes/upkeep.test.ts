import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../create-db.ts';
import { newId } from '../ids.ts';
import { setSurveyPeriod } from '../repositories/periods.ts';
import { createSurvey, saveQuestions } from '../repositories/survey-builder.ts';
import { buildFixture, type Fixture, openTestDb, testDialects } from '../testing.ts';
import { keepProgrammesCurrent, listOrganizationIds } from './upkeep.ts';

const dialects = await testDialects();

describe.each(dialects)('programmes kept current without a reader (%s)', (dialect) => {
  let handle: Db;
  let fx: Fixture;

  beforeAll(async () => {
    handle = await openTestDb(dialect);
    fx = await buildFixture(handle.db, { now: '2026-11-01T10:00:00.000Z' });
  });
  afterAll(() => handle.close());

  it('opens the next month’s wave at the month’s end and publishes the month that ended, once', async () => {
    const { surveyId } = await createSurvey(handle.db, {
      organizationId: fx.organizationId,
      organizationName: 'Atelier Nord',
      groupId: fx.groups.employee,
      kind: 'onboarding',
      title: { fr: 'Arrivée', en: 'Onboarding' },
      now: '2026-11-01T10:00:00.000Z',
      newId,
    });
    await saveQuestions(handle.db, {
      organizationId: fx.organizationId,
      surveyId,
      newId,
      questions: [
        {
          type: 'rating',
          scale: 'likert5',
          facet: 'lived',
          dimensionId: fx.dimensions.recognition,
          prompt: { fr: 'Bien accueilli', en: 'Well welcomed' },
          options: null,
          required: true,
        },
      ],
    });
    const { waveId: november } = await setSurveyPeriod(handle.db, {
      organizationId: fx.organizationId,
      surveyId,
      period: 'month',
      now: '2026-11-05T10:00:00.000Z',
      newId,
    });
    const run = (now: string) =>
      keepProgrammesCurrent(handle.db, {
        organizationId: fx.organizationId,
        now,
        newId,
        baseUrl: 'http://facets.test',
      });
    const published = () =>
      handle.db
        .selectFrom('wave_publication')
        .select(['wave_id', 'k'])
        .where('organization_id', '=', fx.organizationId)
        .where('wave_id', '=', november!)
        .execute();

    expect((await run('2026-11-30T23:59:00.000Z')).opened).toEqual([]);
    expect(await published()).toEqual([]);
    const { opened } = await run('2026-12-01T00:01:00.000Z');
    expect(opened).toHaveLength(1);
    const december = await handle.db
      .selectFrom('wave')
      .select(['label', 'opens_at', 'closes_at', 'status'])
      .where('id', '=', opened[0]!)
      .executeTakeFirstOrThrow();
    expect(december).toEqual({
      label: '2026-12',
      opens_at: '2026-12-01T00:00:00.000Z',
      closes_at: '2027-01-01T00:00:00.000Z',
      status: 'open',
    });
    expect(await published()).toEqual([{ wave_id: november, k: 5 }]);
    expect((await run('2026-12-01T00:02:00.000Z')).opened).toEqual([]);
    expect(await published()).toHaveLength(1);
  });

  it('lists every organisation', async () => {
    expect(await listOrganizationIds(handle.db)).toContain(fx.organizationId);
  });
});
