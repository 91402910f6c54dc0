import type { DomainError } from '@facets/domain';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../create-db.ts';
import { inviteFromDirectory } from '../directory/invite.ts';
import { eraseStakeholder } from '../directory/people.ts';
import { newId } from '../ids.ts';
import { importInvitations, previewInvitationImport } from '../repositories/invitation-import.ts';
import { submitByInvitation } from '../repositories/invitation-responses.ts';
import { listOutbox } from '../repositories/outbox.ts';
import { setSurveyPeriod } from '../repositories/periods.ts';
import { updateOrganizationSettings } from '../repositories/settings.ts';
import { createSurvey, saveQuestions } from '../repositories/survey-builder.ts';
import { getSurveyDetail } from '../repositories/survey-catalog.ts';
import type { Database } from '../schema.ts';
import { buildFixture, type Fixture, openTestDb, testDialects } from '../testing.ts';
import { triggerInteractionSurvey } from './interaction.ts';
import { sendLifecycleInvitations } from './invite.ts';
import { setLifecycleTrigger } from './trigger.ts';

const dialects = await testDialects();
const BASE = 'https://facets.example.org';
const at = (day: string) => `${day}T09:00:00.000Z`;
const tokenIn = (body: string) => /\/i\/([A-Za-z0-9_-]+)/.exec(body)?.[1] ?? null;

describe.each(dialects)('lifecycle and interaction triggers, under the fatigue rule (%s)', (dialect) => {
  let handle: Db;
  let db: Kysely<Database>;
  let fx: Fixture;

  beforeAll(async () => {
    handle = await openTestDb(dialect);
    db = handle.db;
  });
  afterAll(() => handle?.close());
  beforeEach(async () => {
    fx = await buildFixture(db, { now: at('2026-10-01') });
  });

  const tenant = () => ({ organizationId: fx.organizationId });
  const organization = () => ({ id: fx.organizationId, name: 'Atelier Nord', defaultLocale: 'fr' });

  async function person(
    name: string,
    dates: { start?: string; end?: string } = {},
    options: { email?: string | null; groupId?: string; externalId?: string } = {},
  ): Promise<string> {
    const id = newId();
    await db
      .insertInto('stakeholder')
      .values({
        id,
        organization_id: fx.organizationId,
        group_id: options.groupId ?? fx.groups.employee,
        external_ref: options.externalId ?? null,
        email: options.email === undefined ? `${name}@atelier-nord.example` : options.email,
        display_name: name,
        segments: JSON.stringify({ department: 'it' }),
        start_date: dates.start ?? null,
        end_date: dates.end ?? null,
        created_at: at('2026-10-01'),
      })
      .execute();
    return id;
  }

  /** A continuous survey of the kind, reporting by month, with one question: its first period's wave opens. */
  async function continuous(
    kind: 'onboarding' | 'exit' | 'post_interaction',
    now: string,
    groupId = fx.groups.employee,
    anonymous = true,
  ) {
    const { surveyId } = await createSurvey(db, {
      ...tenant(),
      organizationName: 'Atelier Nord',
      groupId,
      kind,
      anonymous,
      title: { fr: `Enquête ${kind}`, en: `Survey ${kind}` },
      now,
      newId,
    });
    await saveQuestions(db, {
      ...tenant(),
      surveyId,
      newId,
      questions: [
        {
          type: 'rating',
          scale: 'likert5',
          facet: 'lived',
          dimensionId: fx.dimensions.transparency,
          prompt: { fr: 'Clair', en: 'Clear' },
          options: null,
          required: true,
        },
      ],
    });
    await setSurveyPeriod(db, { ...tenant(), surveyId, period: 'month', now, newId });
    return surveyId;
  }

  const run = (now: string) => sendLifecycleInvitations(db, { ...tenant(), now, baseUrl: BASE, newId });
  const invitationsOf = async (stakeholderId: string, surveyId?: string) => {
    let query = db
      .selectFrom('invitation as i')
      .innerJoin('wave as w', 'w.id', 'i.wave_id')
      .select(['i.id', 'i.created_at', 'w.survey_id'])
      .where('i.organization_id', '=', fx.organizationId)
      .where('i.stakeholder_id', '=', stakeholderId);
    if (surveyId) query = query.where('w.survey_id', '=', surveyId);
    return query.execute();
  };
  const mailTo = async (email: string) => listOutbox(db, { ...tenant(), to: email, limit: 50 });

  it('sends the onboarding survey to a new starter on day 30, exactly once, and never years back', async () => {
    const surveyId = await continuous('onboarding', at('2026-11-01'));
    await setLifecycleTrigger(db, { ...tenant(), surveyId, trigger: { event: 'start', daysAfter: 30 } });
    expect((await getSurveyDetail(db, { ...tenant(), surveyId, now: at('2026-11-01') })).lifecycleTrigger).toEqual({
      event: 'start',
      daysAfter: 30,
    });
    const dana = await person('dana', { start: '2026-11-02' });
    const veteran = await person('veteran', { start: '2019-03-04' });
    const missed = await person('missed', { start: '2026-10-10' }); // day 30 was 2026-11-09, > 14 days before
    expect((await run(at('2026-12-01'))).invited).toBe(0); // day 29
    const day30 = await run(at('2026-12-02'));
    expect(day30.invited).toBe(1);
    const [mail] = await mailTo('dana@atelier-nord.example');
    expect(mail?.subject).toContain('Enquête onboarding');
    // Later the same day, the next day, and after the period rolled: nothing more.
    for (const day of ['2026-12-02T15:00:00.000Z', at('2026-12-03'), at('2026-12-15'), at('2027-01-02')]) {
      expect((await run(day)).invited).toBe(0);
    }
    expect(await invitationsOf(dana)).toHaveLength(1);
    expect(await invitationsOf(veteran)).toEqual([]);
    expect(await invitationsOf(missed)).toEqual([]);
    expect(await mailTo('dana@atelier-nord.example')).toHaveLength(1);
  });

  it('sends the exit survey to a leaver a week before the end, or at once when the end is recorded late', async () => {
    const surveyId = await continuous('exit', at('2026-12-01'));
    await setLifecycleTrigger(db, { ...tenant(), surveyId, trigger: { event: 'end', daysBefore: 7 } });
    const leaver = await person('leo', { start: '2020-01-06', end: '2026-12-20' });
    const late = await person('lou', { start: '2021-01-04' });
    const stayer = await person('stan', { start: '2021-01-04' });
    expect((await run(at('2026-12-12'))).invited).toBe(0);
    expect((await run(at('2026-12-13'))).invited).toBe(1);
    // Lou's end date is recorded two days before it: the survey goes at once.
    await db.updateTable('stakeholder').set({ end_date: '2026-12-16' }).where('id', '=', late).execute();
    expect((await run(at('2026-12-14'))).invited).toBe(1);
    expect((await run(at('2026-12-19'))).invited).toBe(0);
    expect(await invitationsOf(leaver, surveyId)).toHaveLength(1);
    expect(await invitationsOf(late, surveyId)).toHaveLength(1);
    expect(await invitationsOf(stayer)).toEqual([]);
  });

  it('skips and counts people erased on request, deactivated or without an address, and invites an address added later', async () => {
    const surveyId = await continuous('onboarding', at('2026-11-01'));
    await setLifecycleTrigger(db, { ...tenant(), surveyId, trigger: { event: 'start', daysAfter: 30 } });
    const erased = await person('erin', { start: '2026-11-02' });
    await eraseStakeholder(db, { ...tenant(), stakeholderId: erased, now: at('2026-11-20') });
    const noMail = await person('nomail', { start: '2026-11-02' }, { email: null });
    const gone = await person('gone', { start: '2026-11-02' });
    await db.updateTable('stakeholder').set({ active: 0 }).where('id', '=', gone).execute();
    expect(await run(at('2026-12-02'))).toEqual({
      invited: 0,
      alreadyInvited: 0,
      overLimit: 0,
      withoutEmail: 1,
      erased: 1,
      inactive: 1,
    });
    await db.updateTable('stakeholder').set({ email: 'found@atelier-nord.example' }).where('id', '=', noMail).execute();
    expect((await run(at('2026-12-04'))).invited).toBe(1);
    expect(await invitationsOf(erased)).toEqual([]);
    expect(await invitationsOf(gone)).toEqual([]);
  });

  it('invites once when two servers run the job at the same moment', async () => {
    const surveyId = await continuous('onboarding', at('2026-11-01'));
    await setLifecycleTrigger(db, { ...tenant(), surveyId, trigger: { event: 'start', daysAfter: 30 } });
    const people = await Promise.all(['ana', 'ben', 'cid', 'dov'].map((n) => person(n, { start: '2026-11-02' })));
    const [a, b] = await Promise.all([run(at('2026-12-02')), run(at('2026-12-02'))]);
    expect(a.invited + b.invited).toBe(4);
    for (const id of people) expect(await invitationsOf(id)).toHaveLength(1);
    const outbox = await listOutbox(db, { ...tenant(), limit: 50 });
    expect(outbox.filter((m) => m.subject.includes('onboarding'))).toHaveLength(4);
  });

  it('holds everyone to the fatigue rule across waves, directory invitations, files and triggers', async () => {
    await updateOrganizationSettings(db, { ...tenant(), changes: { fatigueRule: { maxSurveys: 2, periodDays: 10 } } });
    const first = await continuous('exit', at('2026-12-01'));
    const second = await continuous('post_interaction', at('2026-12-01'));
    const onboarding = await continuous('onboarding', at('2026-12-01'));
    await setLifecycleTrigger(db, { ...tenant(), surveyId: onboarding, trigger: { event: 'start', daysAfter: 10 } });
    const nina = await person('nina', { start: '2026-11-23' }); // day 10: 2026-12-03
    const omar = await person('omar');
    const wave = async (surveyId: string) =>
      (await getSurveyDetail(db, { ...tenant(), surveyId, now: at('2026-12-01') })).waves.at(-1)!.id;
    const directory = (waveId: string, now: string, dryRun = false) =>
      inviteFromDirectory(db, { organization: organization(), waveId, now, baseUrl: BASE, newId, dryRun });
    // A cadence-like sequence: two waves on days 1 and 2 reach the limit.
    expect((await directory(await wave(first), at('2026-12-01'))).overLimit).toBe(0);
    expect((await directory(await wave(second), at('2026-12-02'))).overLimit).toBe(0);
    // The onboarding trigger on day 3 would be a third ask in 10 days: withheld, counted, retried.
    expect(await run(at('2026-12-03'))).toMatchObject({ invited: 0, overLimit: 1 });
    // A third directory invitation says so in its dry run, and then withholds the same people.
    const fourth = await continuous('exit', at('2026-12-03'));
    const dry = await directory(await wave(fourth), at('2026-12-03'), true);
    const people = dry.selected;
    expect(dry).toMatchObject({ invited: 0, overLimit: people });
    expect(await directory(await wave(fourth), at('2026-12-03'))).toMatchObject({ invited: 0, overLimit: people });
    // A file by hand: the rule applies, HR sees how many were withheld; a new person is invited.
    const csv = 'email,name\nomar@atelier-nord.example,Omar\nnew@atelier-nord.example,New\n';
    const file = { organization: organization(), waveId: await wave(fourth), csv, now: at('2026-12-03'), newId };
    const preview = await previewInvitationImport(db, file);
    expect(preview.status === 'valid' && preview.summary).toMatchObject({ invited: 1, overLimit: 1, created: 1 });
    const imported = await importInvitations(db, { ...file, baseUrl: BASE });
    expect(imported.status === 'imported' && imported.summary).toMatchObject({ invited: 1, overLimit: 1 });
    expect(await mailTo('new@atelier-nord.example')).toHaveLength(1);
    // Day 12: the first ask has left the 10 days, nina's day is still within catch-up: invited now, once.
    expect((await run(at('2026-12-12'))).invited).toBe(1);
    expect(await invitationsOf(nina, onboarding)).toHaveLength(1);
    // No one, ever, had more than 2 invitations within 10 days.
    for (const id of [nina, omar]) {
      const times = (await invitationsOf(id)).map((i) => Date.parse(i.created_at)).sort();
      for (const t of times)
        expect(times.filter((u) => u >= t && u < t + 10 * 86_400_000).length).toBeLessThanOrEqual(2);
    }
  });

  it('records who was asked, never who answered an anonymous survey', async () => {
    const surveyId = await continuous('onboarding', at('2026-11-01'));
    await setLifecycleTrigger(db, { ...tenant(), surveyId, trigger: { event: 'start', daysAfter: 30 } });
    const ids = await Promise.all(['pia', 'quin', 'rui'].map((n) => person(n, { start: '2026-11-02' })));
    await run(at('2026-12-02'));
    const rows = () =>
      db
        .selectFrom('triggered_invitation')
        .selectAll()
        .where('organization_id', '=', fx.organizationId)
        .orderBy('trigger_key')
        .execute();
    const before = await rows();
    expect(before.map((r) => r.stakeholder_id).sort()).toEqual([...ids].sort());
    expect(Object.keys(before[0]!).sort()).toEqual(
      ['created_at', 'organization_id', 'outcome', 'stakeholder_id', 'survey_id', 'trigger_key'].sort(),
    );
    const [mail] = await mailTo('quin@atelier-nord.example');
    const questionId = (await getSurveyDetail(db, { ...tenant(), surveyId, now: at('2026-12-02') })).questions[0]!.id;
    await submitByInvitation(db, {
      token: tokenIn(mail!.body)!,
      idempotencyKey: 'quin-answers',
      answers: [{ questionId, value: 4 }],
      now: at('2026-12-03'),
      newId,
    });
    // The answer changed nothing in the record: it cannot tell quin from the two who did not answer.
    expect(await rows()).toEqual(before);
  });

  describe('after an interaction', () => {
    it('invites a customer once per reference, adds an unknown address, and obeys the fatigue rule', async () => {
      const surveyId = await continuous('post_interaction', at('2026-12-01'), fx.groups.supplier, false);
      const known = await person('kim', {}, { groupId: fx.groups.supplier, externalId: 'C-1' });
      const call = (person: { externalId?: string; email?: string }, reference: string, now = at('2026-12-02')) =>
        triggerInteractionSurvey(db, { ...tenant(), surveyId, person, reference, now, newId, baseUrl: BASE });
      expect(await call({ externalId: 'C-1' }, 'ORDER-1')).toEqual({ outcome: 'invited', repeated: false });
      expect(await call({ externalId: 'C-1' }, 'ORDER-1')).toEqual({ outcome: 'invited', repeated: true });
      // A second interaction in the same period: kim is invited to that wave already.
      expect(await call({ externalId: 'C-1' }, 'ORDER-2')).toEqual({ outcome: 'already_invited', repeated: false });
      expect(await invitationsOf(known)).toHaveLength(1);
      expect(await call({ email: 'New.Customer@Example.org' }, 'ORDER-3')).toMatchObject({ outcome: 'invited' });
      expect(await mailTo('new.customer@example.org')).toHaveLength(1);
      // Kim answers in December; in January a new interaction would be a second ask in 60 days: withheld, and the
      // repeat keeps that answer even once the rule is lifted.
      await db
        .updateTable('invitation')
        .set({ used_at: at('2026-12-03') })
        .where('stakeholder_id', '=', known)
        .execute();
      await updateOrganizationSettings(db, {
        ...tenant(),
        changes: { fatigueRule: { maxSurveys: 1, periodDays: 60 } },
      });
      expect(await call({ externalId: 'C-1' }, 'ORDER-4', at('2027-01-02'))).toEqual({
        outcome: 'over_limit',
        repeated: false,
      });
      await updateOrganizationSettings(db, { ...tenant(), changes: { fatigueRule: null } });
      expect(await call({ externalId: 'C-1' }, 'ORDER-4', at('2027-01-03'))).toEqual({
        outcome: 'over_limit',
        repeated: true,
      });
      expect(await invitationsOf(known)).toHaveLength(1);
    });

    it('refuses, naming the field and changing nothing, what it cannot send', async () => {
      const interaction = await continuous('post_interaction', at('2026-12-01'), fx.groups.supplier);
      const exit = await continuous('exit', at('2026-12-01'));
      const call = (surveyId: string, person: object, reference = 'R-1') =>
        triggerInteractionSurvey(db, {
          ...tenant(),
          surveyId,
          person: person as { email: string },
          reference,
          now: at('2026-12-02'),
          newId,
          baseUrl: BASE,
        }).then(
          () => null,
          (e: DomainError) => [e.kind, e.field],
        );
      expect(await call(exit, { email: 'a@example.org' })).toEqual(['invalid', 'surveyId']);
      expect(await call(interaction, { externalId: 'nobody' })).toEqual(['not_found', 'person.externalId']);
      expect(await call(interaction, { email: 'not an address' })).toEqual(['invalid', 'person.email']);
      expect(await call(interaction, {})).toEqual(['invalid', 'person.externalId']);
      expect(await call(interaction, { email: 'a@example.org' }, '  ')).toEqual(['invalid', 'reference']);
      expect(await call('missing', { email: 'a@example.org' })).toEqual(['not_found', 'surveyId']);
      const rows = await db
        .selectFrom('triggered_invitation')
        .select('trigger_key')
        .where('organization_id', '=', fx.organizationId)
        .execute();
      expect(rows).toEqual([]);
    });
  });

  it('sets a trigger only on a continuous onboarding or exit survey of employees', async () => {
    const onboarding = await continuous('onboarding', at('2026-11-01'));
    const exit = await continuous('exit', at('2026-11-01'));
    const supplierExit = await continuous('exit', at('2026-11-01'), fx.groups.supplier);
    const refusal = (surveyId: string, trigger: unknown) =>
      setLifecycleTrigger(db, { ...tenant(), surveyId, trigger: trigger as null }).then(
        () => null,
        (e: DomainError) => [e.kind, e.field, e.reason],
      );
    expect(await refusal(exit, { event: 'start', daysAfter: 30 })).toEqual(['invalid', 'trigger', 'not_allowed']);
    expect(await refusal(onboarding, { event: 'start', daysAfter: -1 })).toEqual([
      'invalid',
      'trigger',
      'invalid_value',
    ]);
    expect(await refusal(supplierExit, { event: 'end', daysBefore: 7 })).toEqual(['invalid', 'trigger', 'not_allowed']);
    await setSurveyPeriod(db, { ...tenant(), surveyId: exit, period: null, now: at('2026-11-02'), newId });
    expect(await refusal(exit, { event: 'end', daysBefore: 7 })).toEqual(['conflict', 'trigger', 'wrong_state']);
    await setLifecycleTrigger(db, { ...tenant(), surveyId: onboarding, trigger: { event: 'start', daysAfter: 30 } });
    await expect(
      setSurveyPeriod(db, { ...tenant(), surveyId: onboarding, period: null, now: at('2026-11-02'), newId }),
    ).rejects.toMatchObject({ field: 'period', reason: 'in_use' });
    expect(await setLifecycleTrigger(db, { ...tenant(), surveyId: onboarding, trigger: null })).toEqual({
      trigger: null,
    });
  });
});
