import { getPortalSettings, listOutbox, setPortalSettings } from '@facets/db';
import { OutboxInput, PortalSettingsInput } from '../portal/inputs.ts';
import { router, staffProcedure } from '../trpc.ts';

/**
 * Administration of what the portals depend on: the e-mail outbox (read by admins when no SMTP server is set, and to
 * see failed deliveries) and the organisation's portal settings. The organisation is always the admin's own.
 */
const admin = staffProcedure('admin');

export const adminRouter = router({
  outbox: router({
    list: admin.input(OutboxInput).query(async ({ ctx, input }) =>
      (await listOutbox(ctx.db, { organizationId: ctx.member.organization.id, ...input, limit: 200 })).map((m) => ({
        id: m.id,
        to: m.to,
        subject: m.subject,
        body: m.body,
        createdAt: m.createdAt,
        sentAt: m.sentAt,
        attempts: m.attempts,
        lastError: m.lastError,
      })),
    ),
  }),
  portalSettings: router({
    get: admin.query(({ ctx }) => getPortalSettings(ctx.db, ctx.member.organization.id)),
    update: admin
      .input(PortalSettingsInput)
      .mutation(({ ctx, input }) =>
        setPortalSettings(ctx.db, { organizationId: ctx.member.organization.id, ...input }),
      ),
  }),
});
