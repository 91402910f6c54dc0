import { MATURITY_ASSESSORS, STAFF_ROLES, WHOLE_ORGANISATION_READERS } from '@facets/domain';
import {
  AssessMaturityInput,
  BreakdownInput,
  ChainInput,
  CompareGroupsInput,
  DimensionInput,
  DriversInput,
  OverviewInput,
  SegmentsInput,
} from '../inputs.ts';
import { alertsView } from '../insights/alerts.ts';
import { breakdownView } from '../insights/breakdown.ts';
import { chainView } from '../insights/chain.ts';
import { compareGroupsView } from '../insights/compare.ts';
import { dimensionView } from '../insights/dimension.ts';
import { driversView } from '../insights/drivers.ts';
import { assessView, maturityView } from '../insights/maturity.ts';
import { overviewView } from '../insights/overview.ts';
import { requireReadableGroup, scopeOf, selectionOf } from '../insights/scope.ts';
import { segmentsView } from '../insights/segments.ts';
import { router, staffProcedure } from '../trpc.ts';

/**
 * Insights read aggregate cells only, never raw answers (comments excepted), and every figure goes through the
 * disclosure rules of insights/disclosure.ts whoever asks. Managers see employee groups through their department.
 */
const anyStaff = staffProcedure(...STAFF_ROLES);
/** Views that cut a group into segments or read it whole: not for managers, who see their department only. */
const wholeOrganisation = staffProcedure(...WHOLE_ORGANISATION_READERS);

export const insightsRouter = router({
  overview: anyStaff
    .input(OverviewInput)
    .query(({ ctx, input }) => overviewView(ctx.db, scopeOf(ctx.member, ctx.now), input)),
  compareGroups: anyStaff
    .input(CompareGroupsInput)
    .query(({ ctx, input }) => compareGroupsView(ctx.db, scopeOf(ctx.member, ctx.now), input)),
  breakdown: wholeOrganisation
    .input(BreakdownInput)
    .query(({ ctx, input }) => breakdownView(ctx.db, scopeOf(ctx.member, ctx.now), input)),
  /** Cuts two groups into segments: the roles that read whole groups, not managers (their department only). */
  chain: wholeOrganisation
    .input(ChainInput)
    .query(({ ctx, input }) => chainView(ctx.db, scopeOf(ctx.member, ctx.now), input)),
  dimension: anyStaff
    .input(DimensionInput)
    .query(({ ctx, input }) => dimensionView(ctx.db, scopeOf(ctx.member, ctx.now), input)),
  drivers: wholeOrganisation.input(DriversInput).query(async ({ ctx, input }) => {
    const scope = scopeOf(ctx.member, ctx.now);
    return driversView(
      ctx.db,
      scope,
      await requireReadableGroup(ctx.db, scope, input.groupId),
      undefined,
      selectionOf(input),
    );
  }),
  segments: wholeOrganisation
    .input(SegmentsInput)
    .query(({ ctx, input }) => segmentsView(ctx.db, scopeOf(ctx.member, ctx.now), input)),
  alerts: anyStaff.query(({ ctx }) => alertsView(ctx.db, scopeOf(ctx.member, ctx.now))),
  maturity: router({
    get: wholeOrganisation.query(({ ctx }) => maturityView(ctx.db, scopeOf(ctx.member, ctx.now), new Date(ctx.now))),
    assess: staffProcedure(...MATURITY_ASSESSORS)
      .input(AssessMaturityInput)
      .mutation(({ ctx, input }) =>
        assessView(ctx.db, scopeOf(ctx.member, ctx.now), {
          memberId: ctx.member.memberId,
          ...input,
          now: ctx.now,
        }),
      ),
  }),
});
