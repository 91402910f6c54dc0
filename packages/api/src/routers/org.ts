import { listGroups } from '@facets/db';
import { router, staffProcedure } from '../trpc.ts';

export const orgRouter = router({
  groups: staffProcedure().query(({ ctx }) => listGroups(ctx.db, ctx.member.organization.id)),
});
