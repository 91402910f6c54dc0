import { addReply, assignFeedback, inboxSummary, listInbox, listStaffMembers, setFeedbackStatus } from '@facets/db';
import { FEEDBACK_READERS, PLAN_RUNNERS } from '@facets/domain';
import { nowIso } from '../context.ts';
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
      organizationId: ctx.member.organization.id,
      ...filter,
      ...(assignee === undefined ? {} : { assignee: assignee === 'me' ? ctx.member.memberId : assignee }),
      limit: filter.limit ?? 50,
    });
  }),

  /** Counts for the inbox's tabs: per status, unassigned and assigned to the caller (open ones). */
  inboxSummary: readers.query(({ ctx }) =>
    inboxSummary(ctx.db, { organizationId: ctx.member.organization.id, memberId: ctx.member.memberId }),
  ),

  /** Who feedback can be assigned to: current staff whose role may reply. */
  assignees: readers.query(async ({ ctx }) =>
    (await listStaffMembers(ctx.db, { organizationId: ctx.member.organization.id }))
      .filter((m) => PLAN_RUNNERS.includes(m.role))
      .map((m) => ({ memberId: m.memberId, name: m.name, role: m.role })),
  ),

  assign: handlers.input(AssignInput).mutation(({ ctx, input }) =>
    assignFeedback(ctx.db, {
      organizationId: ctx.member.organization.id,
      ...input,
      roles: PLAN_RUNNERS,
      now: nowIso(ctx),
    }),
  ),

  reply: handlers.input(ReplyInput).mutation(({ ctx, input }) =>
    addReply(ctx.db, {
      organizationId: ctx.member.organization.id,
      feedbackId: input.feedbackId,
      author: { kind: 'staff', memberId: ctx.member.memberId },
      body: input.body,
      now: nowIso(ctx),
      newId: ctx.newId,
      notify: { baseUrl: ctx.baseUrl },
    }),
  ),

  setStatus: handlers.input(SetStatusInput).mutation(({ ctx, input }) =>
    setFeedbackStatus(ctx.db, {
      organizationId: ctx.member.organization.id,
      ...input,
      now: nowIso(ctx),
      notify: { baseUrl: ctx.baseUrl, newId: ctx.newId },
    }),
  ),
});
