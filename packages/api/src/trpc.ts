import type { GroupRef, MemberContext } from '@facets/db';
import { type GroupKind, STAFF_ROLES, type StaffRole } from '@facets/domain';
import { initTRPC, TRPCError } from '@trpc/server';
import type { Context, Tenant } from './context.ts';
import { errorData, INTERNAL_MESSAGE, toPublicError } from './errors.ts';

const t = initTRPC.context<Context>().create({
  // Stack traces never leave the server, whatever NODE_ENV says.
  isDev: false,
  errorFormatter({ shape, error }) {
    const internal = error.code === 'INTERNAL_SERVER_ERROR';
    return {
      ...shape,
      message: internal ? INTERNAL_MESSAGE : shape.message,
      // field, reason (domain `ErrorReason`) and the limit when there is one: what front-ends word, never the message.
      data: { code: shape.data.code, httpStatus: shape.data.httpStatus, path: shape.data.path, ...errorData(error) },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** First in every chain, so that input parsing, role checks and resolvers all fail the same way. */
const publicErrors = t.middleware(async ({ ctx, next, getRawInput }) => {
  const result = await next();
  if (!result.ok) throw toPublicError(result.error, ctx.log, await getRawInput().catch(() => undefined));
  return result;
});

/**
 * `ctx.now`: the call's instant as the ISO text stored in the database, read once from the injected clock. A
 * procedure uses it, never the clock, so that everything one call writes and reads stands on one time.
 */
const stamped = t.middleware(({ ctx, next }) => next({ ctx: { now: ctx.clock().toISOString() } }));

export const publicProcedure = t.procedure.use(publicErrors).use(stamped);

/**
 * Signed in and a member of an organisation; everything below reads the organisation from the member, as
 * `ctx.tenant` (`{ organizationId }`), which a procedure spreads into its repository calls.
 */
export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.session) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in to continue.' });
  if (!ctx.member) throw new TRPCError({ code: 'FORBIDDEN', message: 'You are not a member of an organisation.' });
  const tenant: Tenant = { organizationId: ctx.member.organization.id };
  return next({ ctx: { member: ctx.member, tenant } });
});

/** Staff with one of `roles` (all staff roles when none is given). */
export function staffProcedure(...roles: StaffRole[]) {
  const allowed = new Set<string>(roles.length > 0 ? roles : STAFF_ROLES);
  return authedProcedure.use(({ ctx, next }) => {
    if (!allowed.has(ctx.member.role)) throw new TRPCError({ code: 'FORBIDDEN', message: 'Your role cannot do this.' });
    return next();
  });
}

export type StakeholderMember = MemberContext & { stakeholder: NonNullable<MemberContext['stakeholder']> };

/** A stakeholder (of a group of one of `kinds`, any group when none is given), with their stakeholder and group. */
export function stakeholderProcedure(...kinds: GroupKind[]) {
  return authedProcedure.use(({ ctx, next }) => {
    const member = ctx.member;
    const stakeholder = member.role === 'stakeholder' ? member.stakeholder : null;
    if (!stakeholder || (kinds.length > 0 && !kinds.includes(stakeholder.group.kind))) {
      throw new TRPCError({ code: 'FORBIDDEN', message: 'This portal is for stakeholders of another group.' });
    }
    const narrowed: StakeholderMember = { ...member, stakeholder };
    const group: GroupRef = stakeholder.group;
    return next({ ctx: { member: narrowed, stakeholder, group } });
  });
}
