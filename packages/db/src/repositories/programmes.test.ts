import type { Kysely } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../create-db.ts';
import { newId } from '../ids.ts';
import type { Database } from '../schema.ts';
import { buildFixture, type Fixture, openTestDb, testDialects } from '../testing.ts';
import { listAskedCells, listProgrammes, setSurveyProgramme } from './programmes.ts';
import { listSurveys } from './survey-catalog.ts';
import { groupOfSurvey, setHeadlineSurvey } from './surveys.ts';

const dialects = await testDialects();

describe.each(dialects)('survey programmes (%s)', (dialect) => {
  let handle: Db;
  let db: Kysely<Database>;
  let fx: Fixture;
  let tenant: { organizationId: string };

  beforeAll(async () => {
    handle = await openTestDb(dialect);
    db = handle.db;
  });
  afterAll(() => handle?.close());
  beforeEach(async () => {
    fx = await buildFixture(db);
    tenant = { organizationId: fx.organizationId };
  });

  async function addSurvey(groupId: string, title: string, createdAt: string): Promise<string> {
    const id = newId();
    await db
      .insertInto('survey')
      .values({
        id,
        organization_id: fx.organizationId,
        group_id: groupId,
        kind: 'pulse',
        title: JSON.stringify({ fr: title, en: title }),
        intro: null,
        anonymous: 1,
        status: 'draft',
        created_at: createdAt,
        primary_segment_key: null,
      })
      .execute();
    return id;
  }

  const programmes = async (groupId = fx.groups.employee) =>
    (await listProgrammes(db, { ...tenant, groupId })).map((p) => [p.surveyId, p.surveys.map((s) => s.surveyId)]);
  const columns = async () =>
    (
      await db
        .selectFrom('survey')
        .select(['id', 'programme_survey_id'])
        .where('organization_id', '=', fx.organizationId)
        .orderBy('id')
        .execute()
    ).map((r) => [r.id, r.programme_survey_id]);

  it('groups a pulse into the quarterly programme, lists it with its lead, and takes it out again', async () => {
    const quarterly = fx.surveys.employee.surveyId;
    const pulse = await addSurvey(fx.groups.employee, 'Pulse', '2026-11-23T09:00:00.000Z');
    expect(await programmes()).toEqual([
      [quarterly, [quarterly]],
      [pulse, [pulse]],
    ]);

    await setSurveyProgramme(db, { ...tenant, surveyId: pulse, programmeSurveyId: quarterly });
    expect(await programmes()).toEqual([[quarterly, [quarterly, pulse]]]);
    const listed = await listSurveys(db, { ...tenant, now: fx.now, groupId: fx.groups.employee });
    expect(listed.map((s) => [s.id, s.programmeSurveyId, s.programmeMembers]).sort()).toEqual(
      [
        [quarterly, null, 1],
        [pulse, quarterly, 0],
      ].sort(),
    );
    // The lead's waves and the member's are one programme's: a selection may pair them.
    expect(await groupOfSurvey(db, { ...tenant, surveyId: pulse, waveId: fx.surveys.employee.waveId })).toBe(
      fx.groups.employee,
    );
    // A mark on a member makes its programme the headline.
    await setHeadlineSurvey(db, { ...tenant, surveyId: pulse, headline: true });
    expect((await listProgrammes(db, { ...tenant, groupId: fx.groups.employee }))[0]).toMatchObject({
      surveyId: quarterly,
      title: { fr: 'Pulse (fr)', en: 'Pulse' },
      headline: true,
    });

    await setSurveyProgramme(db, { ...tenant, surveyId: pulse, programmeSurveyId: null });
    expect(await programmes()).toEqual([
      [quarterly, [quarterly]],
      [pulse, [pulse]],
    ]);
    expect(await groupOfSurvey(db, { ...tenant, surveyId: pulse, waveId: fx.surveys.employee.waveId })).toBeNull();
  });

  it('refuses itself, another group, a chain, a lead with members and unknown ids, naming the field, changing nothing', async () => {
    const quarterly = fx.surveys.employee.surveyId;
    const pulse = await addSurvey(fx.groups.employee, 'Pulse', '2026-11-23T09:00:00.000Z');
    const other = await addSurvey(fx.groups.employee, 'Other pulse', '2026-11-24T09:00:00.000Z');
    await setSurveyProgramme(db, { ...tenant, surveyId: pulse, programmeSurveyId: quarterly });
    const before = await columns();
    const elsewhere = await buildFixture(db);
    const cases: [Parameters<typeof setSurveyProgramme>[1], string, string][] = [
      [{ ...tenant, surveyId: other, programmeSurveyId: other }, 'invalid', 'programmeSurveyId'],
      [{ ...tenant, surveyId: other, programmeSurveyId: fx.surveys.supplier.surveyId }, 'invalid', 'programmeSurveyId'],
      // The pulse is part of the quarterly programme: no survey may join it (no chains).
      [{ ...tenant, surveyId: other, programmeSurveyId: pulse }, 'invalid', 'programmeSurveyId'],
      // The quarterly survey leads a programme with a member: it joins no other.
      [{ ...tenant, surveyId: quarterly, programmeSurveyId: other }, 'conflict', 'programmeSurveyId'],
      [
        { ...tenant, surveyId: other, programmeSurveyId: elsewhere.surveys.employee.surveyId },
        'not_found',
        'programmeSurveyId',
      ],
      [{ ...tenant, surveyId: other, programmeSurveyId: 'nope' }, 'not_found', 'programmeSurveyId'],
      [{ ...tenant, surveyId: 'nope', programmeSurveyId: quarterly }, 'not_found', 'surveyId'],
      [{ ...tenant, surveyId: elsewhere.surveys.employee.surveyId, programmeSurveyId: null }, 'not_found', 'surveyId'],
    ];
    for (const [args, kind, field] of cases) {
      await expect(setSurveyProgramme(db, args), JSON.stringify(args)).rejects.toMatchObject({
        kind,
        field,
        message: expect.stringMatching(new RegExp(`^${field}: `)),
      });
    }
    expect(await columns()).toEqual(before);
  });

  it('says which cells each survey asks: dimensions by facet, outcome items by scale', async () => {
    const { employee, supplier } = fx.surveys;
    const asked = await listAskedCells(db, { ...tenant, surveyIds: [employee.surveyId, supplier.surveyId] });
    expect([...(asked.get(employee.surveyId) ?? [])].sort()).toEqual(
      [
        `${fx.dimensions.recognition}|expected`,
        `${fx.dimensions.recognition}|lived`,
        `${fx.dimensions.transparency}|lived`,
        '|outcome|nps11',
      ].sort(),
    );
    expect(asked.get(supplier.surveyId)?.has(`${fx.dimensions.payment}|lived`)).toBe(true);
    expect(await listAskedCells(db, { ...tenant, surveyIds: [] })).toEqual(new Map());
  });
});
