import type { Cadence } from '@facets/domain';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../create-db.ts';
import { newId } from '../ids.ts';
import { keepProgrammesCurrent } from '../programmes/upkeep.ts';
import { setReminderSchedule } from '../reminders/schedule.ts';
import { sendDueReminders } from '../reminders/send.ts';
import { submitByInvitation } from '../repositories/invitation-responses.ts';
import { listOutbox } from '../repositories/outbox.ts';
import { setSurveyPeriod } from '../repositories/periods.ts';
import { getOrganizationSettings, updateOrganizationSettings } from '../repositories/settings.ts';
import { createSurvey, saveQuestions } from '../repositories/survey-builder.ts';
import { getSurveyDetail } from '../repositories/survey-catalog.ts';
import { scheduleWave } from '../repositories/waves.ts';
import type { Database } from '../schema.ts';
import { addSegmentAttributeValues, buildFixture, type Fixture, openTestDb, testDialects } from '../testing.ts';
import { openDueCadenceWaves } from './open.ts';
import { setSurveyCadence } from './schedule.ts';

const dialects = await testDialects();
const BASE = 'http://facets.test';
const tokenIn = (body: string) => /\/employee\/i\/([A-Za-z0-9_-]+)/.exec(body)?.[1] ?? null;

/** Every other Monday at 09:00 Paris time, five days, from Monday 4 January 2027, for the IT department. */
const FORTNIGHTLY: Cadence = {
  unit: 'week',
  every: 2,
  weekday: 1,
  hour: 9,
  openDays: 5,
  startDate: '2027-01-04',
  endDate: null,
  audience: { segments: { department: ['it'] } },
};

describe.each(dialects)('recurring programmes (%s)', (dialect) => {
  let handle: Db;
  let db: Kysely<Database>;
  let fx: Fixture;
  let surveyId: string;
  let questionId: string;

  beforeAll(async () => {
    handle = await openTestDb(dialect);
    db = handle.db;
  });
  afterAll(() => handle?.close());
  beforeEach(async () => {
    fx = await buildFixture(db, { now: '2026-12-01T10:00:00.000Z' });
    await addSegmentAttributeValues(db, {
      organizationId: fx.organizationId,
      groupId: fx.groups.employee,
      key: 'department',
      label: { fr: 'Service', en: 'Department' },
      values: [
        ['it', 'Informatique', 'IT'],
        ['hr', 'RH', 'HR'],
      ],
    });
    ({ surveyId } = await createSurvey(db, {
      organizationId: fx.organizationId,
      organizationName: 'Atelier Nord',
      groupId: fx.groups.employee,
      kind: 'pulse',
      title: { fr: 'Pouls', en: 'Pulse' },
      now: '2026-12-01T10:00:00.000Z',
      newId,
    }));
    await saveQuestions(db, {
      organizationId: fx.organizationId,
      surveyId,
      newId,
      questions: [
        {
          type: 'rating',
          scale: 'likert5',
          facet: 'lived',
          dimensionId: fx.dimensions.recognition,
          prompt: { fr: 'Reconnu', en: 'Recognised' },
          options: null,
          required: true,
        },
      ],
    });
    questionId = (
      await db.selectFrom('question').select('id').where('survey_id', '=', surveyId).executeTakeFirstOrThrow()
    ).id;
  });

  const tenant = () => ({ organizationId: fx.organizationId });
  const setCadence = (cadence: unknown, now = '2026-12-01T10:00:00.000Z') =>
    setSurveyCadence(db, { ...tenant(), surveyId, cadence, now });
  const upkeep = (now: string, on: Kysely<Database> = db) =>
    keepProgrammesCurrent(on, { ...tenant(), now, newId, baseUrl: BASE }).then((r) => r.opened);
  const waves = () =>
    db
      .selectFrom('wave')
      .select(['id', 'label', 'opens_at', 'closes_at'])
      .where('organization_id', '=', fx.organizationId)
      .where('survey_id', '=', surveyId)
      .orderBy('sequence')
      .execute();
  const invitedTo = async (waveId: string) =>
    (
      await db
        .selectFrom('invitation')
        .select('stakeholder_id')
        .where('organization_id', '=', fx.organizationId)
        .where('wave_id', '=', waveId)
        .execute()
    )
      .map((r) => r.stakeholder_id)
      .sort();
  const mailTo = (name: 'alice' | 'bob' | 'carol') =>
    listOutbox(db, { ...tenant(), to: fx.stakeholders[name].email, limit: 500 });

  it('is stored on the survey, shown with its next openings, and cleared with null', async () => {
    const { nextOpenings, timeZone } = await setCadence(FORTNIGHTLY);
    expect(timeZone).toBe('Europe/Paris');
    expect(nextOpenings.map((o) => o.opensAt)).toEqual([
      '2027-01-04T08:00:00.000Z',
      '2027-01-18T08:00:00.000Z',
      '2027-02-01T08:00:00.000Z',
    ]);
    const detail = await getSurveyDetail(db, { ...tenant(), surveyId, now: '2026-12-01T10:00:00.000Z' });
    expect(detail.cadence).toEqual(FORTNIGHTLY);
    expect(detail.nextOpenings).toEqual(nextOpenings);
    expect(await setCadence(null)).toEqual({ cadence: null, timeZone: 'Europe/Paris', nextOpenings: [] });
    expect((await getSurveyDetail(db, { ...tenant(), surveyId, now: '2026-12-01T10:00:00.000Z' })).cadence).toBeNull();
  });

  it('refuses what cannot recur, naming the field, and changes nothing', async () => {
    const refused = (cadence: unknown) => setCadence(cadence).catch((e) => ({ kind: e.kind, field: e.field }));
    expect(await refused({ ...FORTNIGHTLY, openDays: 14 })).toEqual({ kind: 'invalid', field: 'cadence.openDays' });
    expect(await refused({ ...FORTNIGHTLY, audience: { segments: { floor: ['3'] } } })).toEqual({
      kind: 'invalid',
      field: 'cadence.audience.segments.floor',
    });
    expect(await refused({ ...FORTNIGHTLY, audience: { segments: { department: ['moon'] } } })).toEqual({
      kind: 'invalid',
      field: 'cadence.audience.segments.department',
    });
    // A wave scheduled by hand is still to open.
    await scheduleWave(db, {
      ...tenant(),
      surveyId,
      label: 'Janvier',
      opensAt: '2027-01-10T08:00:00.000Z',
      closesAt: '2027-01-12T08:00:00.000Z',
      now: '2026-12-01T10:00:00.000Z',
      newId,
    });
    expect(await refused(FORTNIGHTLY)).toEqual({ kind: 'conflict', field: 'cadence' });
    expect((await getSurveyDetail(db, { ...tenant(), surveyId, now: '2026-12-01T10:00:00.000Z' })).cadence).toBeNull();

    // Continuous surveys report by calendar period and do not recur; a recurring survey takes no period.
    const { surveyId: exit } = await createSurvey(db, {
      ...tenant(),
      organizationName: 'Atelier Nord',
      groupId: fx.groups.employee,
      kind: 'exit',
      title: { fr: 'Départ', en: 'Exit' },
      now: '2026-12-01T10:00:00.000Z',
      newId,
    });
    await expect(
      setSurveyCadence(db, { ...tenant(), surveyId: exit, cadence: FORTNIGHTLY, now: '2026-12-01T10:00:00.000Z' }),
    ).rejects.toMatchObject({ kind: 'invalid', field: 'cadence', reason: 'not_allowed' });
    const pulse = fx.surveys.employee.surveyId;
    await db.updateTable('survey').set({ period: 'month' }).where('id', '=', pulse).execute();
    await expect(
      setSurveyCadence(db, { ...tenant(), surveyId: pulse, cadence: FORTNIGHTLY, now: '2026-12-01T10:00:00.000Z' }),
    ).rejects.toMatchObject({ kind: 'conflict', field: 'cadence', reason: 'not_allowed' });
    await db
      .updateTable('survey')
      .set({ period: null, cadence: JSON.stringify(FORTNIGHTLY) })
      .where('id', '=', exit)
      .execute();
    await expect(
      setSurveyPeriod(db, { ...tenant(), surveyId: exit, period: 'month', now: '2026-12-01T10:00:00.000Z', newId }),
    ).rejects.toMatchObject({ kind: 'conflict', field: 'period' });
    // A survey without questions.
    const { surveyId: blank } = await createSurvey(db, {
      ...tenant(),
      organizationName: 'Atelier Nord',
      groupId: fx.groups.employee,
      kind: 'pulse',
      title: { fr: 'Vide', en: 'Blank' },
      now: '2026-12-01T10:00:00.000Z',
      newId,
    });
    await expect(
      setSurveyCadence(db, { ...tenant(), surveyId: blank, cadence: FORTNIGHTLY, now: '2026-12-01T10:00:00.000Z' }),
    ).rejects.toMatchObject({ kind: 'invalid', field: 'surveyId', reason: 'too_few' });
    // Another organisation's survey is not found.
    const other = await buildFixture(db);
    await expect(
      setSurveyCadence(db, {
        organizationId: other.organizationId,
        surveyId,
        cadence: FORTNIGHTLY,
        now: '2026-12-01T10:00:00.000Z',
      }),
    ).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('runs a quarter by itself: waves open and close, the audience is invited once, reminders reach non-respondents', async () => {
    await setCadence(FORTNIGHTLY);
    await setReminderSchedule(db, { ...tenant(), surveyId, afterOpening: [2], beforeClosing: [] });
    // The job runs every six hours from 1 January to 1 April 2027; Alice answers each wave as soon as she is invited.
    const answered = new Set<string>();
    for (
      let t = Date.parse('2027-01-01T01:00:00.000Z');
      t < Date.parse('2027-04-01T00:00:00.000Z');
      t += 6 * 3_600_000
    ) {
      const now = new Date(t).toISOString();
      await upkeep(now);
      await sendDueReminders(db, { ...tenant(), now, baseUrl: BASE, newId });
      const [latest] = await mailTo('alice');
      const token = latest && tokenIn(latest.body);
      if (token && !answered.has(token)) {
        answered.add(token);
        await submitByInvitation(db, {
          token,
          idempotencyKey: `alice-${now}`,
          answers: [{ questionId, value: 4 }],
          now,
          newId,
        });
      }
    }
    const opened = await waves();
    // Every other Monday at 09:00 in Paris: 08:00 UTC in winter, 07:00 UTC from the change of 28 March.
    expect(opened.map((w) => [w.label, w.opens_at, w.closes_at])).toEqual([
      ['2027-01-04', '2027-01-04T08:00:00.000Z', '2027-01-09T08:00:00.000Z'],
      ['2027-01-18', '2027-01-18T08:00:00.000Z', '2027-01-23T08:00:00.000Z'],
      ['2027-02-01', '2027-02-01T08:00:00.000Z', '2027-02-06T08:00:00.000Z'],
      ['2027-02-15', '2027-02-15T08:00:00.000Z', '2027-02-20T08:00:00.000Z'],
      ['2027-03-01', '2027-03-01T08:00:00.000Z', '2027-03-06T08:00:00.000Z'],
      ['2027-03-15', '2027-03-15T08:00:00.000Z', '2027-03-20T08:00:00.000Z'],
      ['2027-03-29', '2027-03-29T07:00:00.000Z', '2027-04-03T07:00:00.000Z'],
    ]);
    const it = [fx.stakeholders.alice.id, fx.stakeholders.carol.id].sort();
    for (const wave of opened) expect(await invitedTo(wave.id)).toEqual(it);
    expect(answered.size).toBe(7);
    // Each closed wave was published by the upkeep; the open one is not.
    const published = await db
      .selectFrom('wave_publication')
      .select('wave_id')
      .where('organization_id', '=', fx.organizationId)
      .execute();
    const publishedIds = new Set(published.map((p) => p.wave_id));
    expect(opened.map((w) => publishedIds.has(w.id))).toEqual([true, true, true, true, true, true, false]);
    // Carol, who never answered, had her invitation and one reminder per wave; Alice no reminder; Bob (HR) nothing.
    const carol = await mailTo('carol');
    const reminder = (m: { subject: string }) => /^(Rappel|Reminder)/.test(m.subject);
    expect(carol.filter(reminder)).toHaveLength(7);
    expect(carol.filter((m) => !reminder(m))).toHaveLength(7);
    expect((await mailTo('alice')).filter(reminder)).toEqual([]);
    expect(await mailTo('bob')).toEqual([]);
    const reminded = await db
      .selectFrom('reminder')
      .select('stakeholder_id')
      .where('organization_id', '=', fx.organizationId)
      .execute();
    expect(new Set(reminded.map((r) => r.stakeholder_id))).toEqual(new Set([fx.stakeholders.carol.id]));
    // The survey is anonymous: Alice's answers name nobody and carry their wave's opening, not when she sent them.
    const responses = await db
      .selectFrom('response')
      .select(['wave_id', 'stakeholder_id', 'submitted_at'])
      .where('organization_id', '=', fx.organizationId)
      .where(
        'wave_id',
        'in',
        opened.map((w) => w.id),
      )
      .execute();
    expect(responses).toHaveLength(7);
    for (const r of responses) {
      expect(r.stakeholder_id).toBeNull();
      expect(r.submitted_at).toBe(opened.find((w) => w.id === r.wave_id)!.opens_at);
    }
  });

  it('opens at 09:00 Paris time: 08:00 UTC in winter, 07:00 UTC in summer', async () => {
    await setCadence({ ...FORTNIGHTLY, startDate: '2027-03-15' });
    expect(await upkeep('2027-03-15T07:59:00.000Z')).toEqual([]);
    expect(await upkeep('2027-03-15T08:00:00.000Z')).toHaveLength(1);
    expect(await upkeep('2027-03-29T06:59:00.000Z')).toEqual([]);
    expect(await upkeep('2027-03-29T07:00:00.000Z')).toHaveLength(1);
    // The organisation moves to New York: 09:00 there is 14:00 UTC in winter.
    await updateOrganizationSettings(db, { ...tenant(), changes: { timeZone: 'America/New_York' } });
    await setCadence({ ...FORTNIGHTLY, startDate: '2027-11-08' }, '2027-11-01T10:00:00.000Z');
    expect(await upkeep('2027-11-08T13:59:00.000Z')).toEqual([]);
    expect(await upkeep('2027-11-08T14:00:00.000Z')).toHaveLength(1);
  });

  it('opens one wave however many servers run at once', async () => {
    await setCadence(FORTNIGHTLY);
    const runs = await Promise.all(Array.from({ length: 4 }, () => upkeep('2027-01-04T08:01:00.000Z')));
    expect(runs.flat()).toHaveLength(1);
    expect(await invitedTo(runs.flat()[0]!)).toEqual([fx.stakeholders.alice.id, fx.stakeholders.carol.id].sort());
    expect(await mailTo('alice')).toHaveLength(1);
  });

  it('after three intervals without a server, opens only the current wave', async () => {
    await setCadence({ ...FORTNIGHTLY, every: 1, audience: { segments: {} } });
    expect(await upkeep('2027-01-04T09:00:00.000Z')).toHaveLength(1);
    // Down from 5 to 26 January: the waves of the 11th and 18th are not opened afterwards, the one of the 25th is.
    expect(await upkeep('2027-01-26T10:00:00.000Z')).toHaveLength(1);
    expect(await upkeep('2027-01-26T10:01:00.000Z')).toEqual([]);
    expect((await waves()).map((w) => [w.label, w.opens_at])).toEqual([
      ['2027-01-04', '2027-01-04T08:00:00.000Z'],
      ['2027-01-25', '2027-01-25T08:00:00.000Z'],
    ]);
    // Everyone active of the group, Bob too; down between two waves, nothing opens.
    expect(await invitedTo((await waves())[1]!.id)).toHaveLength(3);
    expect(await upkeep('2027-01-31T10:00:00.000Z')).toEqual([]);
  });

  it('waits for a wave opened by hand, then takes over where it closed', async () => {
    await scheduleWave(db, {
      ...tenant(),
      surveyId,
      label: 'Kick-off',
      opensAt: '2027-01-01T08:00:00.000Z',
      closesAt: '2027-01-05T12:00:00.000Z',
      now: '2026-12-01T10:00:00.000Z',
      newId,
    });
    await db
      .updateTable('wave')
      .set({ opens_at: '2026-12-28T08:00:00.000Z' })
      .where('survey_id', '=', surveyId)
      .execute();
    await setCadence(FORTNIGHTLY, '2027-01-02T10:00:00.000Z');
    expect(await upkeep('2027-01-04T08:00:00.000Z')).toEqual([]);
    expect(await upkeep('2027-01-05T12:00:00.000Z')).toHaveLength(1);
    expect((await waves()).map((w) => [w.label, w.opens_at, w.closes_at])).toEqual([
      ['Kick-off', '2026-12-28T08:00:00.000Z', '2027-01-05T12:00:00.000Z'],
      ['2027-01-04', '2027-01-05T12:00:00.000Z', '2027-01-09T08:00:00.000Z'],
    ]);
  });

  it('keeps the organisation’s time zone, Europe/Paris by default, checked', async () => {
    expect((await getOrganizationSettings(db, fx.organizationId)).timeZone).toBe('Europe/Paris');
    const after = await updateOrganizationSettings(db, { ...tenant(), changes: { timeZone: 'america/new_york' } });
    expect(after.timeZone).toBe('America/New_York');
    await expect(updateOrganizationSettings(db, { ...tenant(), changes: { timeZone: 'Paris' } })).rejects.toMatchObject(
      { kind: 'invalid', field: 'timeZone' },
    );
    expect((await getOrganizationSettings(db, fx.organizationId)).timeZone).toBe('America/New_York');
  });

  it('does nothing for a survey without a cadence', async () => {
    expect(
      await openDueCadenceWaves(db, { ...tenant(), now: '2027-01-04T09:00:00.000Z', newId, baseUrl: BASE }),
    ).toEqual([]);
  });
});
