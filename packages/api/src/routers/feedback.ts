import { addReply, assignFeedback, inboxSummary, listInbox, listStaffMembers, setFeedbackStatus } from '@facets/db';
import { FEEDBACK_READERS, PLAN_RUNNERS } from '@facets/domain';
import { AssignInput, InboxInput } from '../inbox-inputs.ts';
import { ReplyInput, SetStatusInput } from '../inputs.ts';
import { router, staffProcedure } from '../trpc.ts';

/**
 * The staff side of feedback, a helpdesk: admin, leadership, HR and analysts read the inbox (not managers, see
 * domain roles.ts); admin, leadership and HR reply, change the status and assign. The stakeholder follows it in
 * their portal.
 */
const readers = staffProcedure(...FEEDBACK_READERS);
const handlers = staffProcedure(...PLAN_RUNNERS);

export const feedbackRouter = router({
  inbox: readers.input(InboxInput).query(({ ctx, input }) => {
    const { assignee, ...filter } = input ?? {};
    return listInbox(ctx.db, {
      ...ctx.tenant,
      ...filter,
      ...(assignee === undefined ? {} : { assignee: assignee === 'me' ? ctx.member.memberId : assignee }),
      limit: filter.limit ?? 50,
    });
  }),

  /** Counts for the inbox's tabs: per status, unassigned and assigned to the caller (open ones). */
  inboxSummary: readers.query(({ ctx }) => inboxSummary(ctx.db, { ...ctx.tenant, memberId: ctx.member.memberId })),

  /** Who feedback can be assigned to: current staff whose role may reply. */
  assignees: readers.query(async ({ ctx }) =>
    (await listStaffMembers(ctx.db, ctx.tenant))
      .filter((m) => PLAN_RUNNERS.includes(m.role))
      .map((m) => ({ memberId: m.memberId, name: m.name, role: m.role })),
  ),

  assign: handlers.input(AssignInput).mutation(({ ctx, input }) =>
    assignFeedback(ctx.db, {
      ...ctx.tenant,
      ...input,
      roles: PLAN_RUNNERS,
      now: ctx.now,
    }),
  ),

  reply: handlers.input(ReplyInput).mutation(({ ctx, input }) =>
    addReply(ctx.db, {
      ...ctx.tenant,
      feedbackId: input.feedbackId,
      author: { kind: 'staff', memberId: ctx.member.memberId },
      body: input.body,
      now: ctx.now,
      newId: ctx.newId,
      notify: { baseUrl: ctx.baseUrl },
    }),
  ),

  setStatus: handlers.input(SetStatusInput).mutation(({ ctx, input }) =>
    setFeedbackStatus(ctx.db, {
      ...ctx.tenant,
      ...input,
      now: ctx.now,
      notify: { baseUrl: ctx.baseUrl, newId: ctx.newId },
    }),
  ),
});
