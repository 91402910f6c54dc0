import { readThemeCatalogue, updateTheme } from '@facets/db';
import { MATURITY_ASSESSORS, STAFF_ROLES, THEME_EDITORS, WHOLE_ORGANISATION_READERS } from '@facets/domain';
import type { ThemeCatalogue } from '@facets/domain/text';
import type { TenantContext } from '../context.ts';
import {
  AssessMaturityInput,
  BreakdownInput,
  ChainInput,
  CompareGroupsInput,
  DimensionInput,
  DriversInput,
  MapThemeInput,
  MergeThemeInput,
  OverviewInput,
  RenameThemeInput,
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
const themeEditors = staffProcedure(...THEME_EDITORS);
const themeChange = (ctx: Pick<TenantContext, 'tenant' | 'member' | 'now' | 'newId'>) => ({
  ...ctx.tenant,
  actorMemberId: ctx.member.memberId,
  now: ctx.now,
  newId: ctx.newId,
});

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
  /** The organisation's comment themes: their names, merges and dimensions, applied whenever comments are read. */
  themes: router({
    list: themeEditors.query(async ({ ctx }) => themeList(await readThemeCatalogue(ctx.db, ctx.tenant))),
    rename: themeEditors
      .input(RenameThemeInput)
      .mutation(async ({ ctx, input }) =>
        themeList(await updateTheme(ctx.db, { ...themeChange(ctx), code: input.code, change: { label: input.label } })),
      ),
    merge: themeEditors
      .input(MergeThemeInput)
      .mutation(async ({ ctx, input }) =>
        themeList(
          await updateTheme(ctx.db, { ...themeChange(ctx), code: input.code, change: { mergedInto: input.into } }),
        ),
      ),
    map: themeEditors.input(MapThemeInput).mutation(async ({ ctx, input }) =>
      themeList(
        await updateTheme(ctx.db, {
          ...themeChange(ctx),
          code: input.code,
          change: { dimensionId: input.dimensionId },
        }),
      ),
    ),
  }),
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

const themeList = (catalogue: ThemeCatalogue) => ({ themes: catalogue.themes });
