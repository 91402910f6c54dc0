import { setNotification, turnedOff, unsubscribe } from '@facets/db';
import { NotificationKind, type StaffRole, staffNotifications } from '@facets/domain';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import type { TenantContext } from '../context.ts';
import { publicProcedure, router, staffProcedure } from '../trpc.ts';

/**
 * A person's own choices. Staff turn each kind of optional e-mail their role receives on or off; anyone holding an
 * e-mail's unsubscribe link turns that one kind off for its recipient, without signing in (the link is signed).
 */

const SetNotificationInput = z.strictObject({ kind: NotificationKind, on: z.boolean() });
const UnsubscribeInput = z.strictObject({ token: z.string().min(1).max(1000) });

const me = (ctx: Pick<TenantContext, 'tenant' | 'member'>) => ({
  ...ctx.tenant,
  recipient: { kind: 'member' as const, id: ctx.member.memberId },
});

export const accountRouter = router({
  notifications: router({
    get: staffProcedure().query(async ({ ctx }) => {
      const off = await turnedOff(ctx.db, me(ctx));
      return staffNotifications(ctx.member.role as StaffRole).map((kind) => ({ kind, on: !off.has(kind) }));
    }),
    set: staffProcedure()
      .input(SetNotificationInput)
      .mutation(async ({ ctx, input }) => {
        if (!staffNotifications(ctx.member.role as StaffRole).includes(input.kind)) {
          throw new TRPCError({ code: 'BAD_REQUEST', message: 'kind: your role receives no such e-mail' });
        }
        await setNotification(ctx.db, { ...me(ctx), ...input, now: ctx.now });
        return { kind: input.kind, on: input.on };
      }),
    /** From an e-mail's unsubscribe link: turns its kind off for its recipient. */
    unsubscribe: publicProcedure
      .input(UnsubscribeInput)
      .mutation(({ ctx, input }) => unsubscribe(ctx.db, { token: input.token, now: ctx.now })),
  }),
});
