import { adminRouter } from './routers/admin.ts';
import { feedbackRouter } from './routers/feedback.ts';
import { insightsRouter } from './routers/insights.ts';
import { orgRouter } from './routers/org.ts';
import { planRouter } from './routers/plan.ts';
import { portalRouter } from './routers/portal.ts';
import { sessionRouter } from './routers/session.ts';
import { createCallerFactory, router } from './trpc.ts';

export const appRouter = router({
  session: sessionRouter,
  portal: portalRouter,
  insights: insightsRouter,
  feedback: feedbackRouter,
  org: orgRouter,
  plan: planRouter,
  admin: adminRouter,
});

export type AppRouter = typeof appRouter;

const callerFactory = createCallerFactory(appRouter);

/** Calls procedures in-process with a context (tests, scripts): `createCaller(await createContextInner(…))`. */
export const createCaller = (ctx: Parameters<typeof callerFactory>[0]) => callerFactory(ctx);
