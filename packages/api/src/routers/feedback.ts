import { addReply, listInbox, setFeedbackStatus } from '@facets/db';
import { nowIso } from '../context.ts';
import { InboxInput, ReplyInput, SetStatusInput } from '../inputs.ts';
import { router, staffProcedure } from '../trpc.ts';

/** The staff side of feedback: every staff role reads the inbox, only admin, leadership and HR act on it. */
export const feedbackRouter = router({
  inbox: staffProcedure()
    .input(InboxInput)
    .query(({ ctx, input }) => listInbox(ctx.db, { organizationId: ctx.member.organization.id, ...input })),

  reply: staffProcedure('admin', 'leadership', 'hr')
    .input(ReplyInput)
    .mutation(({ ctx, input }) =>
      addReply(ctx.db, {
        organizationId: ctx.member.organization.id,
        feedbackId: input.feedbackId,
        author: { kind: 'staff', memberId: ctx.member.memberId },
        body: input.body,
        now: nowIso(ctx),
        newId: ctx.newId,
      }),
    ),

  setStatus: staffProcedure('admin', 'leadership', 'hr')
    .input(SetStatusInput)
    .mutation(({ ctx, input }) =>
      setFeedbackStatus(ctx.db, { organizationId: ctx.member.organization.id, ...input, now: nowIso(ctx) }),
    ),
});
