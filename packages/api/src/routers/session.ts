import { publicProcedure, router } from '../trpc.ts';
import { sessionView } from '../views.ts';

export const sessionRouter = router({
  me: publicProcedure.query(({ ctx }) => (ctx.member ? sessionView(ctx.member) : null)),
});
