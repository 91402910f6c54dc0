import { ACTION_PLANNERS, SETTINGS_READERS } from '@facets/domain';
import {
  ActionInput,
  ActionPlanInput,
  ActionProgressInput,
  AddFocusAreaInput,
  CreateActionInput,
  FocusAreaInput,
  PlanCoverageInput,
  PublishActionInput,
  UpdateActionInput,
} from '../action-plans/inputs.ts';
import { actionPlanView, planCoverageView } from '../action-plans/view.ts';
import {
  addFocus,
  createAction,
  deleteAction,
  progressAction,
  publishAction,
  removeFocus,
  updateAction,
  type Writer,
} from '../action-plans/writes.ts';
import type { TenantContext } from '../context.ts';
import { scopeOf } from '../insights/scope.ts';
import { router, staffProcedure } from '../trpc.ts';

/**
 * Action plans: every staff role reads the plans of what it may see (a manager: their department's); managers write
 * their own department's plan, admin, leadership and HR any scope's; the analyst reads only. HR follows which
 * managers have results and no plan yet.
 */
const readers = staffProcedure();
const planners = staffProcedure(...ACTION_PLANNERS);
const followers = staffProcedure(...SETTINGS_READERS);

const writer = (ctx: TenantContext): Writer => ({
  db: ctx.db,
  scope: scopeOf(ctx.member, ctx.now),
  memberId: ctx.member.memberId,
  now: ctx.now,
  newId: ctx.newId,
});

export const actionPlansRouter = router({
  get: readers
    .input(ActionPlanInput)
    .query(({ ctx, input }) => actionPlanView(ctx.db, scopeOf(ctx.member, ctx.now), input)),
  /** Each manager's plan for a wave of an employee group: who has results and no plan yet. */
  coverage: followers
    .input(PlanCoverageInput)
    .query(({ ctx, input }) => planCoverageView(ctx.db, scopeOf(ctx.member, ctx.now), input)),
  focus: router({
    add: planners.input(AddFocusAreaInput).mutation(({ ctx, input }) => addFocus(writer(ctx), input)),
    remove: planners.input(FocusAreaInput).mutation(({ ctx, input }) => removeFocus(writer(ctx), input)),
  }),
  actions: router({
    create: planners.input(CreateActionInput).mutation(({ ctx, input }) => createAction(writer(ctx), input)),
    update: planners.input(UpdateActionInput).mutation(({ ctx, input }) => updateAction(writer(ctx), input)),
    /** A new status, a note on what was done, or both; cancelling unpublishes. */
    progress: planners.input(ActionProgressInput).mutation(({ ctx, input }) => progressAction(writer(ctx), input)),
    /** Shows (or withdraws) the action in its scope's "you said, we did". */
    publish: planners.input(PublishActionInput).mutation(({ ctx, input }) => publishAction(writer(ctx), input)),
    delete: planners.input(ActionInput).mutation(({ ctx, input }) => deleteAction(writer(ctx), input)),
  }),
});
