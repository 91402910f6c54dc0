import {
  breakdownChoices,
  closeWave,
  createSurvey,
  csvHeaders,
  duplicateSurvey,
  getSurveyDetail,
  listDimensions,
  listSegmentAttributes,
  listSurveys,
  listTemplatePreviews,
  type MemberContext,
  openWave,
  previewInvitationImport,
  rollPeriodWaves,
  saveQuestions,
  scheduleWave,
  setHeadlineSurvey,
  setLifecycleTrigger,
  setReminderSchedule,
  setSurveyCadence,
  setSurveyPeriod,
  setSurveyProgramme,
  triggerInteractionSurvey,
  waveResponseRate,
} from '@facets/db';
import { countFromK, type GroupKind, SURVEY_BUILDERS } from '@facets/domain';
import { importInvitationsAudited, updateSurveyAudited } from '../audit.ts';
import { inviteFromDirectoryAudited } from '../people/audited.ts';
import { DirectoryInviteInput } from '../people/inputs.ts';
import {
  CreateSurveyInput,
  CsvInput,
  GroupIdInput,
  ListSurveysInput,
  SaveQuestionsInput,
  ScheduleWaveInput,
  SetCadenceInput,
  SetHeadlineInput,
  SetPeriodInput,
  SetProgrammeInput,
  SetRemindersInput,
  SetTriggerInput,
  SurveyIdInput,
  TriggerSurveyInput,
  UpdateSurveyInput,
  WaveIdInput,
} from '../surveys/inputs.ts';
import { router, staffProcedure } from '../trpc.ts';

/**
 * Admin, leadership and HR build and launch surveys; analysts and managers read them. A manager reads employee surveys
 * only (their remit is their department's employees) and, there, the whole wave's participation counts — a count of
 * responses, never who answered.
 */
const builders = staffProcedure(...SURVEY_BUILDERS);
const readers = staffProcedure();

const scope = (member: MemberContext): { groupKinds?: readonly GroupKind[] } =>
  member.role === 'manager' ? { groupKinds: ['employee'] } : {};

/**
 * Participation counts as every reader sees them: responses and links used from k on (0 says nobody), else null
 * ("fewer than k"); the rate stands on a shown count only.
 */
interface Counts {
  invited: number;
  used: number;
  responses: number;
}

type Shown<W extends Counts> = Omit<W, 'used' | 'responses'> & { used: number | null; responses: number | null };

function participation<W extends Counts>(wave: W, k: number): Shown<W> {
  return { ...wave, used: countFromK(wave.used, k), responses: countFromK(wave.responses, k) };
}

function withParticipation<W extends Counts, S extends { waves: W[] }>(
  survey: S & { waves: W[] },
  k: number,
): Omit<S, 'waves'> & { waves: Shown<W>[] } {
  return { ...survey, waves: survey.waves.map((w) => participation(w, k)) };
}

export const surveysRouter = router({
  list: readers.input(ListSurveysInput).query(async ({ ctx, input }) => {
    await rollPeriodWaves(ctx.db, { ...ctx.tenant, now: ctx.now, newId: ctx.newId });
    const surveys = await listSurveys(ctx.db, {
      ...ctx.tenant,
      now: ctx.now,
      ...scope(ctx.member),
      ...(input ?? {}),
    });
    return surveys.map((s) => withParticipation(s, ctx.member.organization.kThreshold));
  }),

  get: readers.input(SurveyIdInput).query(async ({ ctx, input }) => {
    await rollPeriodWaves(ctx.db, { ...ctx.tenant, now: ctx.now, newId: ctx.newId });
    const detail = await getSurveyDetail(ctx.db, {
      ...ctx.tenant,
      ...input,
      now: ctx.now,
      ...scope(ctx.member),
    });
    const where = { ...ctx.tenant, groupId: detail.group.id };
    // New work takes active dimensions and attributes only; a dimension the survey already asks stays named.
    const [dimensions, attributes] = await Promise.all([
      listDimensions(ctx.db, where),
      listSegmentAttributes(ctx.db, { ...where, active: true }),
    ]);
    const asked = new Set(detail.questions.map((q) => q.dimensionId));
    return {
      ...withParticipation(detail, ctx.member.organization.kThreshold),
      dimensions: dimensions
        .filter((d) => !d.archived || asked.has(d.id))
        .map((d) => ({ id: d.id, code: d.code, label: d.label, archived: d.archived })),
      /** What an invitation file for this group may hold: its headers, and the values of each segment column. */
      invitationColumns: { headers: csvHeaders(attributes), attributes },
      /** The segment attributes the survey may be published by first (`update`'s `primarySegmentKey`). */
      primaryBreakdowns: breakdownChoices(attributes).map((a) => ({ key: a.key, label: a.label })),
    };
  }),

  /** The templates for a group's kind, each with its dimensions matched to the group's, and the group's dimensions. */
  templates: builders.input(GroupIdInput).query(async ({ ctx, input }) => {
    const where = { ...ctx.tenant, ...input };
    const templates = await listTemplatePreviews(ctx.db, { ...where, organizationName: ctx.member.organization.name });
    const dimensions = await listDimensions(ctx.db, { ...where, active: true });
    return { templates, dimensions: dimensions.map((d) => ({ id: d.id, code: d.code, label: d.label })) };
  }),

  create: builders.input(CreateSurveyInput).mutation(({ ctx, input }) =>
    createSurvey(ctx.db, {
      ...ctx.tenant,
      organizationName: ctx.member.organization.name,
      ...input,
      now: ctx.now,
      newId: ctx.newId,
    }),
  ),

  /** Texts, mode and, when given, the primary breakdown (audited: it decides which segments are published exactly). */
  update: builders.input(UpdateSurveyInput).mutation(({ ctx, input }) => updateSurveyAudited(ctx, input)),

  /**
   * Makes a survey its group's headline survey, the one every results view reports on unless the reader chooses
   * another (`false` removes the mark: the group's oldest survey with results is the default again).
   */
  setHeadline: builders
    .input(SetHeadlineInput)
    .mutation(({ ctx, input }) => setHeadlineSurvey(ctx.db, { ...ctx.tenant, ...input })),

  /**
   * Makes a survey part of the programme another survey of its group leads (the quarterly survey and its pulses are
   * reported together: one wave list, trends across them), or (null) its own programme again.
   */
  setProgramme: builders
    .input(SetProgrammeInput)
    .mutation(({ ctx, input }) => setSurveyProgramme(ctx.db, { ...ctx.tenant, ...input })),

  /**
   * Makes a continuous survey (onboarding, exit, post-interaction) report by calendar month or quarter: each period is
   * a wave of its own, opened when the previous ends and published when it closes; null: waves by hand again.
   */
  setPeriod: builders
    .input(SetPeriodInput)
    .mutation(({ ctx, input }) => setSurveyPeriod(ctx.db, { ...ctx.tenant, ...input, now: ctx.now, newId: ctx.newId })),

  /**
   * Makes a survey recur: the server opens each wave of its cadence on its day and hour (the organisation's time zone),
   * with the survey's questions, invites the cadence's audience from the directory, and closes it after its days, so
   * its results are published; null: waves by hand again. Returns the cadence and its next openings.
   */
  setCadence: builders
    .input(SetCadenceInput)
    .mutation(({ ctx, input }) => setSurveyCadence(ctx.db, { ...ctx.tenant, ...input, now: ctx.now })),

  /**
   * Reminds the invited who have not answered some days after a wave opens and/or before it closes (server job
   * `reminders.send`): each time with a fresh link, never to someone who answered, at most once a day per person.
   */
  setReminders: builders
    .input(SetRemindersInput)
    .mutation(({ ctx, input }) => setReminderSchedule(ctx.db, { ...ctx.tenant, ...input })),

  /**
   * Sends a continuous onboarding survey to each employee some days after their start date, or an exit survey some
   * days before their end date (server job `programmes.upkeep`): into the current period's wave, once per person,
   * under the organisation's fatigue rule; null: no trigger.
   */
  setTrigger: builders
    .input(SetTriggerInput)
    .mutation(({ ctx, input }) => setLifecycleTrigger(ctx.db, { ...ctx.tenant, ...input, ...scope(ctx.member) })),

  duplicate: builders
    .input(SurveyIdInput)
    .mutation(({ ctx, input }) => duplicateSurvey(ctx.db, { ...ctx.tenant, ...input, now: ctx.now, newId: ctx.newId })),

  questions: router({
    save: builders
      .input(SaveQuestionsInput)
      .mutation(({ ctx, input }) => saveQuestions(ctx.db, { ...ctx.tenant, ...input, newId: ctx.newId })),
  }),

  waves: router({
    schedule: builders
      .input(ScheduleWaveInput)
      .mutation(({ ctx, input }) => scheduleWave(ctx.db, { ...ctx.tenant, ...input, now: ctx.now, newId: ctx.newId })),
    open: builders
      .input(WaveIdInput)
      .mutation(({ ctx, input }) => openWave(ctx.db, { ...ctx.tenant, ...input, now: ctx.now })),
    close: builders
      .input(WaveIdInput)
      .mutation(({ ctx, input }) => closeWave(ctx.db, { ...ctx.tenant, ...input, now: ctx.now })),
  }),

  invitations: router({
    /** Checks a file and says what importing it would do; writes nothing. */
    preview: builders
      .input(CsvInput)
      .mutation(({ ctx, input }) =>
        previewInvitationImport(ctx.db, { organization: ctx.member.organization, ...input, now: ctx.now }),
      ),
    import: builders.input(CsvInput).mutation(({ ctx, input }) => importInvitationsAudited(ctx, input)),
    /** The active people of the wave's group, all or those of some segment values, each invited once. */
    fromDirectory: builders
      .input(DirectoryInviteInput)
      .mutation(({ ctx, input }) => inviteFromDirectoryAudited(ctx, input)),
  }),

  /**
   * A post-interaction survey sent to one person, once per interaction reference, under the fatigue rule (db
   * lifecycle/ `triggerInteractionSurvey`): what it did, and whether an earlier call with the reference did it.
   */
  trigger: builders.input(TriggerSurveyInput).mutation(async ({ ctx, input }) => ({
    ...(await triggerInteractionSurvey(ctx.db, {
      ...ctx.tenant,
      ...input,
      now: ctx.now,
      newId: ctx.newId,
      baseUrl: ctx.baseUrl,
    })),
    reference: input.reference,
  })),

  responseRate: readers.input(WaveIdInput).query(async ({ ctx, input }) => {
    const rate = await waveResponseRate(ctx.db, {
      ...ctx.tenant,
      ...input,
      now: ctx.now,
      ...scope(ctx.member),
    });
    const shown = participation(rate, ctx.member.organization.kThreshold);
    return {
      ...shown,
      k: ctx.member.organization.kThreshold,
      rate: shown.responses === null ? null : rate.rate,
    };
  }),
});
