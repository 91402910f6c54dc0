import {
  addStaffMember,
  checkStaffDepartment,
  enqueueMessage,
  findUserMemberships,
  getOrganizationSettings,
  getSsoConfig,
  getStaffMember,
  inTransaction,
  listApiKeys,
  listManagerDepartments,
  listOutboxPage,
  listStaffMembers,
  type StaffMember,
} from '@facets/db';
import { ADMINS, CreateApiKeyInput, DomainError, SETTINGS_READERS } from '@facets/domain';
import {
  ApiKeyInput,
  InviteMemberInput,
  MemberInput,
  OutboxListInput,
  OutboxMessageInput,
  SetMemberPersonInput,
  SetSsoInput,
  UpdateMemberRoleInput,
  UpdateSettingsInput,
} from '../admin-inputs.ts';
import { createApiKeyAudited, revokeApiKeyAudited } from '../api-keys/audited.ts';
import {
  auditInvitation,
  outboxItem,
  readOutboxMessage,
  removeMemberAudited,
  removeSsoAudited,
  retryOutboxAudited,
  setPersonAudited,
  setSsoAudited,
  updateRoleAudited,
  updateSettingsAudited,
} from '../audit.ts';
import type { Context, TenantContext } from '../context.ts';
import { invitationMessage, setPasswordLink } from '../staff-messages.ts';
import { router, staffProcedure } from '../trpc.ts';
import { webhooksRouter } from './webhooks.ts';

/**
 * People, roles and the organisation's settings (thresholds, language, anonymous feedback — what the portals follow
 * too), and the e-mail outbox. Admins change them; leadership, HR and analysts may read people and settings (who can
 * see results is no secret among those who see them all); managers do not. Only admins read the outbox.
 */
const readers = staffProcedure(...SETTINGS_READERS);
const admins = staffProcedure(...ADMINS);

/**
 * Writes the invitation into the outbox, in the transaction `db` may be. The password link is issued beforehand,
 * outside any transaction of ours: the accounts service writes through its own connection.
 */
async function sendInvitation(
  ctx: Pick<TenantContext, 'member' | 'tenant' | 'now' | 'newId' | 'baseUrl'>,
  db: Context['db'],
  member: StaffMember,
  { token, expiresAt }: { token: string; expiresAt: string },
) {
  const settings = await getOrganizationSettings(db, ctx.tenant.organizationId);
  const message = invitationMessage({
    locale: settings.defaultLocale,
    organizationName: settings.name,
    name: member.name,
    invitedBy: ctx.member.user.name,
    role: member.role,
    link: setPasswordLink(ctx.baseUrl, token),
    expiresAt,
  });
  await enqueueMessage(db, {
    ...ctx.tenant,
    to: member.email,
    ...message,
    now: ctx.now,
    newId: ctx.newId,
  });
}

const membersRouter = router({
  list: readers.query(({ ctx }) => listStaffMembers(ctx.db, ctx.tenant)),

  /** The departments a manager can be given (the employee groups' `department` values). */
  departments: readers.query(({ ctx }) => listManagerDepartments(ctx.db, ctx.tenant)),

  /**
   * Adds a staff member and sends them a link to choose their password. Everything that can be refused is checked
   * before an account is made; the membership and its message are written together.
   */
  invite: admins.input(InviteMemberInput).mutation(async ({ ctx, input }) => {
    const { organizationId } = ctx.tenant;
    await checkStaffDepartment(ctx.db, organizationId, input.role, input.department);
    const existing = await findUserMemberships(ctx.db, input.email);
    for (const m of existing?.memberships ?? []) {
      if (m.removed) continue;
      const ours = m.organizationId === organizationId;
      const message = ours
        ? 'is already a member of this organisation'
        : 'belongs to an account of another organisation';
      throw new DomainError('conflict', `email: ${message}`, 'email', ours ? 'duplicate' : 'member_elsewhere');
    }
    const { userId } = await ctx.accounts.ensureUser({ email: input.email, name: input.name });
    const link = await ctx.accounts.issuePasswordToken(userId);
    return inTransaction(ctx.db, async (trx) => {
      const member = await addStaffMember(trx, {
        organizationId,
        userId,
        role: input.role,
        department: input.department ?? null,
        now: ctx.now,
        newId: ctx.newId,
      });
      await sendInvitation(ctx, trx, member, link);
      await auditInvitation(ctx, trx, member, false);
      return member;
    });
  }),

  /** A new password link for someone who has not chosen a password yet (the old link stops mattering when used). */
  resendInvitation: admins.input(MemberInput).mutation(async ({ ctx, input }) => {
    const member = await getStaffMember(ctx.db, { ...ctx.tenant, ...input });
    if (!member) throw new DomainError('not_found', 'memberId: no such staff member', 'memberId');
    if (member.status !== 'invited') {
      throw new DomainError(
        'conflict',
        'memberId: this person has already chosen a password',
        'memberId',
        'wrong_state',
      );
    }
    const link = await ctx.accounts.issuePasswordToken(member.userId);
    return inTransaction(ctx.db, async (trx) => {
      await sendInvitation(ctx, trx, member, link);
      await auditInvitation(ctx, trx, member, true);
      return member;
    });
  }),

  updateRole: admins.input(UpdateMemberRoleInput).mutation(({ ctx, input }) => updateRoleAudited(ctx, input)),

  /** Links a manager to their own person in the employee directory (they then read their team), or unlinks them. */
  setPerson: admins.input(SetMemberPersonInput).mutation(({ ctx, input }) => setPersonAudited(ctx, input)),

  remove: admins.input(MemberInput).mutation(({ ctx, input }) => removeMemberAudited(ctx, input)),
});

const settingsRouter = router({
  get: readers.query(({ ctx }) => getOrganizationSettings(ctx.db, ctx.tenant.organizationId)),
  update: admins.input(UpdateSettingsInput).mutation(({ ctx, input }) => updateSettingsAudited(ctx, input)),
});

/**
 * Staff single sign-on through the organisation's OpenID provider (server sso.ts): admins alone read and change it,
 * and no answer ever carries the client secret (`hasClientSecret` says whether one is stored).
 */
const ssoRouter = router({
  get: admins.query(({ ctx }) => getSsoConfig(ctx.db, ctx.tenant)),
  set: admins.input(SetSsoInput).mutation(({ ctx, input }) => setSsoAudited(ctx, input)),
  remove: admins.mutation(({ ctx }) => removeSsoAudited(ctx)),
});

/**
 * The organisation's e-mail, sent or not, and failed deliveries (the console's delivery page). The list is paged,
 * searched and counted by status, and never shows the secret links messages carry (a placeholder says which link was
 * there); `read` shows one message's invitation or password link when admins deliver e-mail by hand (no SMTP server),
 * and records that reading in the audit log. Sign-in links are never shown. `retry` puts a bounced or failed message
 * back for delivery, audited.
 */
const outboxRouter = router({
  list: admins.input(OutboxListInput).query(async ({ ctx, input }) => {
    const page = await listOutboxPage(ctx.db, { ...ctx.tenant, ...input });
    return { ...page, messages: page.messages.map((m) => outboxItem(ctx, m)) };
  }),
  read: admins.input(OutboxMessageInput).mutation(({ ctx, input }) => readOutboxMessage(ctx, input)),
  retry: admins.input(OutboxMessageInput).mutation(({ ctx, input }) => retryOutboxAudited(ctx, input)),
});

/** The organisation's background jobs that failed past their retries, with their error (server `jobs/`). */
const jobsRouter = router({
  failed: admins.query(({ ctx }) => ctx.jobs.failed({ ...ctx.tenant, limit: 100 })),
});

/**
 * Keys of the public REST API (`/api/v1`, README *Integrations*): admins alone list, create and revoke them. The list
 * shows each key's prefix and last use, never its secret; `create` answers with the whole key, once.
 */
const apiKeysRouter = router({
  list: admins.query(({ ctx }) => listApiKeys(ctx.db, ctx.tenant)),
  create: admins.input(CreateApiKeyInput).mutation(({ ctx, input }) => createApiKeyAudited(ctx, input)),
  revoke: admins.input(ApiKeyInput).mutation(({ ctx, input }) => revokeApiKeyAudited(ctx, input)),
});

export const adminRouter = router({
  members: membersRouter,
  settings: settingsRouter,
  sso: ssoRouter,
  outbox: outboxRouter,
  jobs: jobsRouter,
  apiKeys: apiKeysRouter,
  webhooks: webhooksRouter,
});
