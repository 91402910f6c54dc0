import { choicesOf, type Recipient, setNotification, unsubscribe } from '@facets/db';
import {
  invalid,
  NotificationChannel,
  NotificationKind,
  STAKEHOLDER_NOTIFICATIONS,
  type StaffRole,
  staffNotifications,
} from '@facets/domain';
import { z } from 'zod';
import { authedProcedure, publicProcedure, router } from '../trpc.ts';

/**
 * A person's own choices. Staff and stakeholders turn each kind of optional notification their role receives on or
 * off, per channel (e-mail, in the app); anyone holding an e-mail's unsubscribe link turns that kind's e-mails off for
 * its recipient, without signing in (the link is signed).
 */

const SetNotificationInput = z.strictObject({ kind: NotificationKind, channel: NotificationChannel, on: z.boolean() });
const UnsubscribeInput = z.strictObject({ token: z.string().min(1).max(1000) });

type Signedin = {
  organization: { id: string };
  memberId: string;
  role: string;
  stakeholder: { id: string } | null;
};

/** Whom the caller's notifications are for: their stakeholder record in a portal, their member record on the staff. */
export const recipientOf = (member: Signedin): Recipient =>
  member.role === 'stakeholder' && member.stakeholder
    ? { kind: 'stakeholder', id: member.stakeholder.id }
    : { kind: 'member', id: member.memberId };

const me = (member: Signedin) => ({ organizationId: member.organization.id, recipient: recipientOf(member) });

/** The kinds the caller receives, hence may turn off. */
const kindsOf = (member: Signedin): readonly NotificationKind[] =>
  member.role === 'stakeholder' ? STAKEHOLDER_NOTIFICATIONS : staffNotifications(member.role as StaffRole);

export const accountRouter = router({
  notifications: router({
    /** Per kind the caller receives: whether each channel is on (null: the kind does not go by that channel). */
    get: authedProcedure.query(({ ctx }) => choicesOf(ctx.db, { ...me(ctx.member), kinds: kindsOf(ctx.member) })),
    set: authedProcedure.input(SetNotificationInput).mutation(async ({ ctx, input }) => {
      if (!kindsOf(ctx.member).includes(input.kind)) {
        throw invalid('kind', 'your role receives no such notification', 'not_allowed');
      }
      await setNotification(ctx.db, { ...me(ctx.member), ...input, now: ctx.now });
      return { kind: input.kind, channel: input.channel, on: input.on };
    }),
    /** From an e-mail's unsubscribe link: turns its kind's e-mails off for its recipient. */
    unsubscribe: publicProcedure
      .input(UnsubscribeInput)
      .mutation(({ ctx, input }) => unsubscribe(ctx.db, { token: input.token, now: ctx.now })),
  }),
});
