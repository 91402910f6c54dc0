export { type Accounts, PASSWORD_LINK_DAYS } from './accounts.ts';
export { type Context, type ContextParts, createContextInner, type MailDelivery, type Session } from './context.ts';
export { type ErrorData, type ErrorLog, INTERNAL_MESSAGE, zodReason } from './errors.ts';
export type { DimensionView } from './insights/dimension.ts';
export type { Cell, ComparisonFigure, Figure } from './insights/figures.ts';
export { type AppRouter, appRouter, createCaller, type RouterInputs, type RouterOutputs } from './root.ts';
export { setPasswordLink } from './staff-messages.ts';
export { authedProcedure, publicProcedure, staffProcedure, stakeholderProcedure } from './trpc.ts';
