import { listNotifications, MAX_NOTIFICATIONS_PAGE, markNotificationsRead } from '@facets/db';
import { z } from 'zod';
import { authedProcedure, router } from '../trpc.ts';
import { recipientOf } from './account.ts';

/**
 * The caller's own in-app notifications, staff and stakeholders alike: what the bell of the console and of every
 * portal lists. Nobody reads or marks anyone else's: every query is keyed by the caller's own recipient.
 */

const ListInput = z
  .strictObject({
    limit: z.int().min(1).max(MAX_NOTIFICATIONS_PAGE).optional(),
    cursor: z.string().min(1).max(500).nullish(),
    /** Sent by infinite queries; the list reads newest first only. */
    direction: z.literal('forward').optional(),
  })
  .optional()
  .transform((input) => input ?? {});

const MarkReadInput = z.union([
  z.strictObject({ id: z.string().min(1).max(100) }),
  z.strictObject({ all: z.literal(true) }),
]);

const mine = (member: Parameters<typeof recipientOf>[0]) => ({
  organizationId: member.organization.id,
  recipient: recipientOf(member),
});

export const notificationsRouter = router({
  /** A page, newest first, the cursor of the next, and how many are unread. */
  list: authedProcedure.input(ListInput).query(async ({ ctx, input }) => {
    const page = await listNotifications(ctx.db, {
      ...mine(ctx.member),
      limit: input.limit ?? 20,
      cursor: input.cursor ?? null,
    });
    return {
      unread: page.unread,
      nextCursor: page.nextCursor,
      items: page.items.map((n) => ({
        id: n.id,
        kind: n.params.kind,
        params: n.params,
        link: n.link,
        createdAt: n.createdAt,
        readAt: n.readAt,
      })),
    };
  }),
  /** Marks one of the caller's notifications read (`{ id }`), or all of them (`{ all: true }`). */
  markRead: authedProcedure
    .input(MarkReadInput)
    .mutation(({ ctx, input }) => markNotificationsRead(ctx.db, { ...mine(ctx.member), which: input, now: ctx.now })),
});
