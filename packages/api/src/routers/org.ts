import { listGroups } from '@facets/db';
import { router, staffProcedure } from '../trpc.ts';

export const orgRouter = router({
  /**
   * Every group, archived ones included and marked: reports still read them, pickers of new work (a new survey) leave
   * them out.
   */
  groups: staffProcedure().query(async ({ ctx }) => {
    const { organizationId } = ctx.tenant;
    const [all, active] = await Promise.all([
      listGroups(ctx.db, organizationId),
      listGroups(ctx.db, organizationId, { active: true }),
    ]);
    const open = new Set(active.map((g) => g.id));
    return all.map((g) => ({ ...g, archived: !open.has(g.id) }));
  }),
});
