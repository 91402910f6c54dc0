import { createHash } from 'node:crypto';
import {
  type Database,
  getOrganizationSettings,
  getOutboxMessage,
  getSsoConfig,
  getStaffMember,
  importInvitations,
  inTransaction,
  type ModelChange,
  type OrganizationSettings,
  recordAuditEvent,
  redactSecretLinks,
  removeSsoConfig,
  removeStaffMember,
  requireSurvey,
  requireWave,
  retryMessage,
  type SecretLinkKind,
  type SsoConfig,
  type StaffMember,
  secretLinksIn,
  setSsoConfig,
  setStaffPerson,
  updateOrganizationSettings,
  updateStaffMember,
  updateSurvey,
} from '@facets/db';
import {
  type AuditAction,
  type AuditDetails,
  changesOf,
  DomainError,
  emailDomainAllowed,
  type OutboxStatus,
  type SsoRole,
  textIn,
  waveState,
} from '@facets/domain';
import type { Kysely } from 'kysely';
import type { Context, TenantContext } from './context.ts';

/**
 * The audited actions: each runs its action and writes its one audit event in one transaction, so a refused or failed
 * action leaves no event and no event exists without its action. What goes into an event is chosen here, and only
 * this: staff names and roles, setting values, counts, labels of waves and tables; never a respondent, a response or
 * an answer.
 */

/** A member's procedure context (trpc.ts): the tenant and the call's instant come from it, never from the input. */
export type Ctx = Pick<TenantContext, 'db' | 'member' | 'tenant' | 'now' | 'newId' | 'baseUrl' | 'mailDelivery'>;

export function audit(
  ctx: Ctx,
  db: Kysely<Database>,
  event: { action: AuditAction; target: string | null; details: AuditDetails },
) {
  return recordAuditEvent(db, {
    ...ctx.tenant,
    actorMemberId: ctx.member.memberId,
    ...event,
    now: ctx.now,
    newId: ctx.newId,
  });
}

const staffDetails = (m: StaffMember) => ({ name: m.name, email: m.email, role: m.role, department: m.department });

/** Settings changed, old → new for each setting that changed; a change to nothing is no event. */
export function updateSettingsAudited(ctx: Ctx, changes: Partial<OrganizationSettings>) {
  const { organizationId } = ctx.tenant;
  return inTransaction(ctx.db, async (trx) => {
    const before = await getOrganizationSettings(trx, organizationId);
    const after = await updateOrganizationSettings(trx, { organizationId, changes });
    const flat = (s: OrganizationSettings) => ({
      ...s,
      languages: s.languages.join(', '),
      fatigueRule: s.fatigueRule === null ? 'off' : `${s.fatigueRule.maxSurveys} / ${s.fatigueRule.periodDays} d`,
      // The image itself stays out of the log: a digest tells one logo from another.
      logo: s.logo === null ? 'none' : `image ${createHash('sha256').update(s.logo).digest('hex').slice(0, 12)}`,
    });
    const changed = changesOf(flat(before), flat(after));
    if (Object.keys(changed).length > 0) {
      await audit(ctx, trx, { action: 'settings.update', target: null, details: changed });
    }
    return after;
  });
}

/**
 * A survey's texts and mode saved, and its primary breakdown when given: a change of the breakdown (which segments
 * are published exactly first) is a disclosure setting, recorded old → new with the survey and its group.
 */
export function updateSurveyAudited(
  ctx: Ctx,
  input: Omit<Parameters<typeof updateSurvey>[1], 'organizationId'>,
): Promise<void> {
  const { organizationId } = ctx.tenant;
  return inTransaction(ctx.db, async (trx) => {
    const { primarySegmentKey } = await updateSurvey(trx, { organizationId, ...input });
    if (primarySegmentKey.from === primarySegmentKey.to) return;
    const survey = await requireSurvey(trx, { organizationId, surveyId: input.surveyId });
    await audit(ctx, trx, {
      action: 'surveys.primary_breakdown',
      target: survey.id,
      // The survey's title in the organisation's default language.
      details: {
        survey: textIn(input.title)[ctx.member.organization.defaultLocale === 'fr' ? 'fr' : 'en'],
        group: survey.groupCode,
        primarySegmentKey,
      },
    });
  });
}

/** A role (and department) changed, old → new; setting the same role again is no event. */
export function updateRoleAudited(ctx: Ctx, input: { memberId: string; role: string; department?: string | null }) {
  const { organizationId } = ctx.tenant;
  return inTransaction(ctx.db, async (trx) => {
    const before = await getStaffMember(trx, { organizationId, memberId: input.memberId });
    const after = await updateStaffMember(trx, { organizationId, ...input });
    const changed = before
      ? changesOf(
          { role: before.role, department: before.department },
          { role: after.role, department: after.department },
        )
      : {};
    if (Object.keys(changed).length > 0) {
      await audit(ctx, trx, {
        action: 'members.update_role',
        target: after.memberId,
        details: { name: after.name, email: after.email, ...changed },
      });
    }
    return after;
  });
}

/** A manager linked to their person in the directory, or unlinked, old → new by the person's name. */
export function setPersonAudited(ctx: Ctx, input: { memberId: string; person: string | null }) {
  const { organizationId } = ctx.tenant;
  return inTransaction(ctx.db, async (trx) => {
    const before = await getStaffMember(trx, { organizationId, memberId: input.memberId });
    const after = await setStaffPerson(trx, { organizationId, ...input });
    const name = (m: StaffMember | undefined) => m?.person?.name ?? null;
    if (before?.person?.id !== after.person?.id) {
      await audit(ctx, trx, {
        action: 'members.set_person',
        target: after.memberId,
        details: { name: after.name, email: after.email, person: { from: name(before), to: name(after) } },
      });
    }
    return after;
  });
}

export function removeMemberAudited(ctx: Ctx, input: { memberId: string }) {
  const { organizationId } = ctx.tenant;
  return inTransaction(ctx.db, async (trx) => {
    const member = await getStaffMember(trx, { organizationId, memberId: input.memberId });
    const removed = await removeStaffMember(trx, {
      organizationId,
      memberId: input.memberId,
      actorMemberId: ctx.member.memberId,
      now: ctx.now,
    });
    if (member)
      await audit(ctx, trx, { action: 'members.remove', target: member.memberId, details: staffDetails(member) });
    return removed;
  });
}

/** The invitation (or a new one) of a staff member, in the transaction that writes it. */
export function auditInvitation(ctx: Ctx, trx: Kysely<Database>, member: StaffMember, resent: boolean) {
  return audit(ctx, trx, {
    action: resent ? 'members.resend_invitation' : 'members.invite',
    target: member.memberId,
    details: staffDetails(member),
  });
}

/**
 * Imports invitations and records the import — flagged `invitations.import_open_wave` when people were added to a
 * wave that is already taking answers — with how many and which wave, never who.
 */
export function importInvitationsAudited(ctx: Ctx, input: { waveId: string; csv: string }) {
  const { organizationId } = ctx.tenant;
  return inTransaction(ctx.db, async (trx) => {
    const outcome = await importInvitations(trx, {
      organization: ctx.member.organization,
      ...input,
      now: ctx.now,
      baseUrl: ctx.baseUrl,
      newId: ctx.newId,
    });
    if (outcome.status !== 'imported') return outcome;
    const { survey, wave } = await requireWave(trx, { organizationId, waveId: input.waveId });
    const open = waveState(wave, ctx.now) === 'open';
    const { summary } = outcome;
    await audit(ctx, trx, {
      action: open && summary.invited > 0 ? 'invitations.import_open_wave' : 'invitations.import',
      target: wave.id,
      details: {
        surveyId: survey.id,
        group: survey.groupCode,
        wave: wave.label,
        waveOpensAt: wave.opensAt,
        rows: summary.rows,
        invited: summary.invited,
        created: summary.created,
        updated: summary.updated,
      },
    });
    return outcome;
  });
}

/** The links a reader may see in a message: none by SMTP; by hand, invitations and password links, never sign-in. */
const readable = (ctx: Pick<Context, 'mailDelivery'>) => (kind: SecretLinkKind) =>
  ctx.mailDelivery === 'outbox' && (kind === 'invitation' || kind === 'set_password');

export interface OutboxItem {
  id: string;
  to: string;
  subject: string;
  body: string;
  createdAt: string;
  sentAt: string | null;
  attempts: number;
  lastError: string | null;
  status: OutboxStatus;
  failedAt: string | null;
  /** The secret links the message carries, and whether `admin.outbox.read` shows each to this reader. */
  links: { kind: SecretLinkKind; readable: boolean }[];
}

/** A message as a list shows it: every secret link replaced by a placeholder saying what was there. */
export function outboxItem(
  ctx: Pick<Context, 'mailDelivery'>,
  m: Omit<OutboxItem, 'links'>,
  show: (kind: SecretLinkKind) => boolean = () => false,
): OutboxItem {
  return {
    id: m.id,
    to: m.to,
    subject: m.subject,
    body: redactSecretLinks(m.body, 'hidden', show),
    createdAt: m.createdAt,
    sentAt: m.sentAt,
    attempts: m.attempts,
    // A server may quote what it refused: its words pass, never a link of the message.
    lastError: m.lastError === null ? null : redactSecretLinks(m.lastError, 'hidden'),
    status: m.status,
    failedAt: m.failedAt,
    links: secretLinksIn(m.body).map((kind) => ({ kind, readable: readable(ctx)(kind) })),
  };
}

/**
 * One message with the links this reader may see (to deliver it by hand); a reading that shows a link is recorded.
 * Sign-in links are never shown: an admin must not be able to sign in as a colleague. A password link is staff's, so
 * its event names the recipient; a survey invitation's does not name the stakeholder.
 */
export function readOutboxMessage(ctx: Ctx, input: { messageId: string }) {
  return inTransaction(ctx.db, async (trx) => {
    const message = await getOutboxMessage(trx, { ...ctx.tenant, ...input });
    if (!message) throw new DomainError('not_found', 'messageId: no such message', 'messageId');
    const item = outboxItem(ctx, message, readable(ctx));
    const shown = item.links.filter((l) => l.readable).map((l) => l.kind);
    if (shown.length > 0) {
      await audit(ctx, trx, {
        action: 'outbox.read',
        target: message.id,
        details: { links: shown, ...(shown.includes('set_password') ? { to: message.to } : {}) },
      });
    }
    return item;
  });
}

/**
 * Puts a bounced or failed message back for delivery, and records it. The event names the message and the status it
 * had, not its recipient: a survey invitation's recipient is a stakeholder.
 */
export function retryOutboxAudited(ctx: Ctx, input: { messageId: string }) {
  return inTransaction(ctx.db, async (trx) => {
    const before = await getOutboxMessage(trx, { ...ctx.tenant, ...input });
    const message = await retryMessage(trx, { ...ctx.tenant, ...input });
    await audit(ctx, trx, { action: 'outbox.retry', target: message.id, details: { status: before?.status ?? null } });
    return outboxItem(ctx, message);
  });
}

/**
 * One change of the organisation's model and its audit event (`model.create`, `update`, `archive`, `delete`), in one
 * transaction: a refused change writes neither.
 */
export function modelChangeAudited<T>(ctx: Ctx, change: (trx: Kysely<Database>) => Promise<ModelChange<T>>) {
  return inTransaction(ctx.db, async (trx) => {
    const done = await change(trx);
    await audit(ctx, trx, {
      action: `model.${done.change}`,
      target: done.target,
      details: { item: done.item, ...done.details },
    });
    return done.result;
  });
}

const ssoFields = (c: SsoConfig | null) => ({
  issuer: c?.issuer ?? null,
  clientId: c?.clientId ?? null,
  domains: c ? c.domains.join(', ') : null,
  role: c?.role ?? null,
  requireSso: c?.requireSso ?? null,
});

/**
 * Sets the organisation's single sign-on provider, audited old → new (the secret never in the log). Requiring it is
 * refused while the admin doing it could not sign in through it: their address must be of an allowed domain.
 */
export function setSsoAudited(
  ctx: Ctx,
  input: {
    issuer: string;
    clientId: string;
    clientSecret?: string | undefined;
    domains: string[];
    role: SsoRole;
    requireSso: boolean;
  },
): Promise<SsoConfig> {
  const { organizationId } = ctx.tenant;
  if (input.requireSso && !emailDomainAllowed(ctx.member.user.email, input.domains)) {
    throw new DomainError(
      'conflict',
      'requireSso: your own address is not of an allowed domain; requiring single sign-on would lock you out',
      'requireSso',
      'sso_lockout',
    );
  }
  return inTransaction(ctx.db, async (trx) => {
    const before = await getSsoConfig(trx, { organizationId });
    const after = await setSsoConfig(trx, { organizationId, ...input, now: ctx.now, newId: ctx.newId });
    const details = {
      ...changesOf(ssoFields(before), ssoFields(after)),
      ...(input.clientSecret !== undefined ? { clientSecret: true } : {}),
    };
    if (Object.keys(details).length > 0) await audit(ctx, trx, { action: 'sso.set', target: null, details });
    return after;
  });
}

export function removeSsoAudited(ctx: Ctx): Promise<{ removed: true }> {
  const { organizationId } = ctx.tenant;
  return inTransaction(ctx.db, async (trx) => {
    const before = await getSsoConfig(trx, { organizationId });
    if (!before || !(await removeSsoConfig(trx, { organizationId }))) {
      throw new DomainError('not_found', 'the organisation has no single sign-on provider', undefined, 'not_found');
    }
    await audit(ctx, trx, { action: 'sso.remove', target: null, details: { issuer: before.issuer } });
    return { removed: true as const };
  });
}
