import { getGroup, loadOverview } from '@facets/db';
import { DomainError } from '@facets/domain';
import { OverviewInput } from '../inputs.ts';
import { overviewView } from '../overview.ts';
import { router, staffProcedure } from '../trpc.ts';

export const insightsRouter = router({
  /** Reads aggregate cells only, never raw answers; anonymity is applied before anything leaves (overview.ts). */
  overview: staffProcedure('admin', 'leadership', 'hr', 'analyst', 'manager')
    .input(OverviewInput)
    .query(async ({ ctx, input }) => {
      const organizationId = ctx.member.organization.id;
      const groupId = input?.groupId;
      if (groupId && !(await getGroup(ctx.db, { organizationId, groupId }))) {
        throw new DomainError('not_found', 'groupId: no such group', 'groupId');
      }
      return overviewView(await loadOverview(ctx.db, { organizationId, ...(groupId ? { groupId } : {}) }));
    }),
});
