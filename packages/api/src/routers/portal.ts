import {
  addReply,
  createFeedback,
  currentPeriodWave,
  getInvitationSurvey,
  getPortalSettings,
  getWaveSurvey,
  invitedWaves,
  listDimensions,
  listFeedbackForStakeholder,
  listOpenWaves,
  requireInvitedIfTargeted,
  respondentSegments,
  rollForInvitation,
  rollPeriodWaves,
  submitBatched,
  submitByInvitation,
  withTeam,
} from '@facets/db';
import { DomainError, INVITED_ONLY_KINDS } from '@facets/domain';
import type { TenantContext } from '../context.ts';
import { SubmitSurveyInput, WaveInput } from '../inputs.ts';
import { scopeOf } from '../insights/scope.ts';
import {
  InvitationInput,
  InvitationSubmitInput,
  MyFeedbackInput,
  PortalFeedbackInput,
  PortalReplyInput,
} from '../portal/inputs.ts';
import { resultsView } from '../portal/results.ts';
import { invitationRulesView, rulesView } from '../portal/rules.ts';
import { publicProcedure, router, stakeholderProcedure } from '../trpc.ts';
import { invitationView, surveyView } from '../views.ts';

/**
 * What a stakeholder does in their portal. The organisation, group and stakeholder always come from the signed-in
 * member (stakeholderProcedure), never from the input, so nobody can reach another group's or person's data. The one
 * exception is an invitation link: its token stands for one stakeholder and one survey, and nothing else.
 */
/** The wave an answer to `waveId` goes to: a continuous survey's current period once the chosen one has ended. */
const periodOf = (ctx: Pick<TenantContext, 'db' | 'tenant' | 'now' | 'newId'>, waveId: string) =>
  currentPeriodWave(ctx.db, { ...ctx.tenant, waveId, now: ctx.now, newId: ctx.newId });

const surveyRouter = router({
  list: stakeholderProcedure().query(async ({ ctx }) => {
    const where = { ...ctx.tenant, stakeholderId: ctx.stakeholder.id };
    // A continuous survey whose period ended opens its next period first (repositories/periods.ts).
    await rollPeriodWaves(ctx.db, { ...ctx.tenant, now: ctx.now, newId: ctx.newId });
    const waves = await listOpenWaves(ctx.db, { ...where, groupId: ctx.group.id, now: ctx.now });
    const targeted = waves.filter((w) => INVITED_ONLY_KINDS.includes(w.kind)).map((w) => w.waveId);
    const invited = await invitedWaves(ctx.db, { ...where, waveIds: targeted });
    return waves.filter((w) => !INVITED_ONLY_KINDS.includes(w.kind) || invited.has(w.waveId));
  }),

  get: stakeholderProcedure()
    .input(WaveInput)
    .query(async ({ ctx, input }) => {
      const waveId = await periodOf(ctx, input.waveId);
      await requireInvitedIfTargeted(ctx.db, {
        ...ctx.tenant,
        stakeholderId: ctx.stakeholder.id,
        waveId,
      });
      const survey = await getWaveSurvey(ctx.db, {
        ...ctx.tenant,
        waveId,
        groupId: ctx.group.id,
      });
      // A wave still in preparation is not shown, as if it did not exist.
      if (survey.status === 'draft') throw new DomainError('not_found', 'waveId: no such survey', 'waveId');
      return surveyView(survey);
    }),

  submit: stakeholderProcedure()
    .input(SubmitSurveyInput)
    .mutation(async ({ ctx, input }) => {
      const waveId = await periodOf(ctx, input.waveId);
      await requireInvitedIfTargeted(ctx.db, {
        ...ctx.tenant,
        stakeholderId: ctx.stakeholder.id,
        waveId,
      });
      return submitBatched(ctx.db, {
        ...ctx.tenant,
        groupId: ctx.group.id,
        stakeholderId: ctx.stakeholder.id,
        // The team at the time of the answer: the response counts in the team of every manager above.
        segments: await withTeam(ctx.db, {
          ...ctx.tenant,
          stakeholderId: ctx.stakeholder.id,
          segments: respondentSegments({ ...ctx.stakeholder, groupKind: ctx.group.kind }),
        }),
        ...input,
        waveId,
        now: ctx.now,
        newId: ctx.newId,
      });
    }),
});

/** An invitation link, for someone who may have no account: the token alone opens its one survey, until answered. */
const invitationRouter = router({
  get: publicProcedure.input(InvitationInput).query(async ({ ctx, input }) => {
    await rollForInvitation(ctx.db, { token: input.token, now: ctx.now, newId: ctx.newId });
    return invitationView(await getInvitationSurvey(ctx.db, { token: input.token, now: ctx.now }));
  }),

  submit: publicProcedure.input(InvitationSubmitInput).mutation(async ({ ctx, input }) => {
    await rollForInvitation(ctx.db, { token: input.token, now: ctx.now, newId: ctx.newId });
    return submitByInvitation(ctx.db, { ...input, now: ctx.now, newId: ctx.newId });
  }),

  /** The reporting rules, for the page an invitation links to: the same as `portal.rules.get`, for its organisation. */
  rules: publicProcedure.input(InvitationInput).query(({ ctx, input }) => invitationRulesView(ctx.db, input.token)),
});

const dimensionRouter = router({
  list: stakeholderProcedure().query(async ({ ctx }) =>
    (await listDimensions(ctx.db, { ...ctx.tenant, groupId: ctx.group.id, active: true })).map((d) => ({
      id: d.id,
      code: d.code,
      label: d.label,
    })),
  ),
});

const feedbackRouter = router({
  submit: stakeholderProcedure()
    .input(PortalFeedbackInput)
    .mutation(({ ctx, input }) => {
      const { anonymous, followKey, ...feedback } = input;
      return createFeedback(ctx.db, {
        ...ctx.tenant,
        groupId: ctx.group.id,
        stakeholderId: anonymous ? null : ctx.stakeholder.id,
        followKey: anonymous ? followKey : null,
        ...feedback,
        now: ctx.now,
        newId: ctx.newId,
        notify: { baseUrl: ctx.baseUrl },
      });
    }),

  list: stakeholderProcedure()
    .input(MyFeedbackInput)
    .query(({ ctx, input }) =>
      listFeedbackForStakeholder(ctx.db, {
        ...ctx.tenant,
        stakeholderId: ctx.stakeholder.id,
        groupId: ctx.group.id,
        followKeys: input?.followKeys ?? [],
      }),
    ),

  reply: stakeholderProcedure()
    .input(PortalReplyInput)
    .mutation(({ ctx, input }) =>
      addReply(ctx.db, {
        ...ctx.tenant,
        feedbackId: input.feedbackId,
        author: input.followKey
          ? { kind: 'anonymous', followKey: input.followKey }
          : { kind: 'stakeholder', stakeholderId: ctx.stakeholder.id },
        body: input.body,
        now: ctx.now,
        newId: ctx.newId,
      }),
    ),
});

export const portalRouter = router({
  survey: surveyRouter,
  invitation: invitationRouter,
  dimension: dimensionRouter,
  feedback: feedbackRouter,
  /** "You said, we did": the group's latest closed results and the initiatives published for it. */
  results: router({
    get: stakeholderProcedure().query(({ ctx }) =>
      resultsView(ctx.db, scopeOf(ctx.member, ctx.now), ctx.group, ctx.stakeholder.segments),
    ),
  }),
  /** The reporting rules in force, for the page that explains them and the forms that follow them. */
  rules: router({
    get: stakeholderProcedure().query(async ({ ctx }) =>
      rulesView(ctx.member.organization, ctx.group.kind, await getPortalSettings(ctx.db, ctx.tenant.organizationId)),
    ),
  }),
});
