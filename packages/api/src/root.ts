import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { accountRouter } from './routers/account.ts';
import { actionPlansRouter } from './routers/action-plans.ts';
import { adminRouter } from './routers/admin.ts';
import { auditRouter } from './routers/audit.ts';
import { feedbackRouter } from './routers/feedback.ts';
import { insightsRouter } from './routers/insights.ts';
import { modelRouter } from './routers/model.ts';
import { notificationsRouter } from './routers/notifications.ts';
import { orgRouter } from './routers/org.ts';
import { peopleRouter } from './routers/people.ts';
import { planRouter } from './routers/plan.ts';
import { portalRouter } from './routers/portal.ts';
import { sessionRouter } from './routers/session.ts';
import { surveysRouter } from './routers/surveys.ts';
import { createCallerFactory, router } from './trpc.ts';

export const appRouter = router({
  session: sessionRouter,
  account: accountRouter,
  notifications: notificationsRouter,
  portal: portalRouter,
  insights: insightsRouter,
  feedback: feedbackRouter,
  org: orgRouter,
  surveys: surveysRouter,
  people: peopleRouter,
  plan: planRouter,
  actionPlans: actionPlansRouter,
  admin: adminRouter,
  model: modelRouter,
  audit: auditRouter,
});

export type AppRouter = typeof appRouter;
/** What each procedure returns and takes, for front-ends that name these shapes (`import type` only). */
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type RouterInputs = inferRouterInputs<AppRouter>;

const callerFactory = createCallerFactory(appRouter);

/** Calls procedures in-process with a context (tests, scripts): `createCaller(await createContextInner(…))`. */
export const createCaller = (ctx: Parameters<typeof callerFactory>[0]) => callerFactory(ctx);
