import {
  addReply,
  createFeedback,
  getWaveSurvey,
  listDimensions,
  listFeedbackForStakeholder,
  listOpenWaves,
  submitBatched,
} from '@facets/db';
import { DomainError } from '@facets/domain';
import { nowIso } from '../context.ts';
import { ReplyInput, SubmitFeedbackInput, SubmitSurveyInput, WaveInput } from '../inputs.ts';
import { router, stakeholderProcedure } from '../trpc.ts';
import { surveyView } from '../views.ts';

/**
 * What a stakeholder does in their portal. The organisation, group and stakeholder always come from the signed-in
 * member (stakeholderProcedure), never from the input, so nobody can reach another group's or person's data.
 */
const surveyRouter = router({
  list: stakeholderProcedure().query(({ ctx }) =>
    listOpenWaves(ctx.db, {
      organizationId: ctx.member.organization.id,
      groupId: ctx.group.id,
      stakeholderId: ctx.stakeholder.id,
      now: nowIso(ctx),
    }),
  ),

  get: stakeholderProcedure()
    .input(WaveInput)
    .query(async ({ ctx, input }) => {
      const survey = await getWaveSurvey(ctx.db, {
        organizationId: ctx.member.organization.id,
        waveId: input.waveId,
        groupId: ctx.group.id,
      });
      // A wave still in preparation is not shown, as if it did not exist.
      if (survey.status === 'draft') throw new DomainError('not_found', 'waveId: no such survey', 'waveId');
      return surveyView(survey);
    }),

  submit: stakeholderProcedure()
    .input(SubmitSurveyInput)
    .mutation(({ ctx, input }) =>
      submitBatched(ctx.db, {
        organizationId: ctx.member.organization.id,
        groupId: ctx.group.id,
        stakeholderId: ctx.stakeholder.id,
        segments: ctx.stakeholder.segments,
        ...input,
        now: nowIso(ctx),
        newId: ctx.newId,
      }),
    ),
});

const dimensionRouter = router({
  list: stakeholderProcedure().query(async ({ ctx }) =>
    (await listDimensions(ctx.db, { organizationId: ctx.member.organization.id, groupId: ctx.group.id })).map((d) => ({
      id: d.id,
      code: d.code,
      label: d.label,
    })),
  ),
});

const feedbackRouter = router({
  submit: stakeholderProcedure()
    .input(SubmitFeedbackInput)
    .mutation(({ ctx, input }) =>
      createFeedback(ctx.db, {
        organizationId: ctx.member.organization.id,
        groupId: ctx.group.id,
        stakeholderId: ctx.stakeholder.id,
        ...input,
        now: nowIso(ctx),
        newId: ctx.newId,
      }),
    ),

  list: stakeholderProcedure().query(({ ctx }) =>
    listFeedbackForStakeholder(ctx.db, {
      organizationId: ctx.member.organization.id,
      stakeholderId: ctx.stakeholder.id,
    }),
  ),

  reply: stakeholderProcedure()
    .input(ReplyInput)
    .mutation(({ ctx, input }) =>
      addReply(ctx.db, {
        organizationId: ctx.member.organization.id,
        feedbackId: input.feedbackId,
        author: { kind: 'stakeholder', stakeholderId: ctx.stakeholder.id },
        body: input.body,
        now: nowIso(ctx),
        newId: ctx.newId,
      }),
    ),
});

export const portalRouter = router({ survey: surveyRouter, dimension: dimensionRouter, feedback: feedbackRouter });
