import {
  EmailDomain,
  FatigueRule,
  FeedbackWaitDays,
  Id,
  Locale,
  OrganizationLanguages,
  OrganizationLogo,
  OutboxStatus,
  SsoRole,
  StaffRole,
  TimeZone,
} from '@facets/domain';
import { z } from 'zod';

/** Inputs of the admin.* procedures: strict objects, bounded lengths. */

const Department = z.string().trim().min(1).max(100);

export const InviteMemberInput = z.strictObject({
  name: z.string().trim().min(1).max(120),
  email: z.string().trim().toLowerCase().max(254).pipe(z.email()),
  role: StaffRole,
  /** Required for managers: the employee department whose results they see. */
  department: Department.nullable().optional(),
});

export const UpdateMemberRoleInput = z.strictObject({
  memberId: Id,
  role: StaffRole,
  department: Department.nullable().optional(),
});

export const MemberInput = z.strictObject({ memberId: Id });

/** A manager's own person in the employee directory, by external id or e-mail; null unlinks. */
export const SetMemberPersonInput = z.strictObject({
  memberId: Id,
  person: z.string().trim().min(1).max(254).nullable(),
});

export const OutboxMessageInput = z.strictObject({ messageId: Id });

/** A page of the outbox: searched in recipient and subject, of one status or all; 50 messages unless said. */
export const OutboxListInput = z
  .strictObject({
    search: z.string().trim().max(200).optional(),
    status: OutboxStatus.optional(),
    /** `nextCursor` of the page before. */
    cursor: z.string().min(1).max(200).optional(),
    limit: z.number().int().min(1).max(200).optional(),
  })
  .optional()
  .transform((input) => input ?? {});

/** Only the settings given change; thresholds never go below 3 (docs/architecture.md, The disclosure guarantee). */
export const UpdateSettingsInput = z
  .strictObject({
    name: z.string().trim().min(1).max(120).optional(),
    defaultLocale: Locale.optional(),
    kThreshold: z.number().int().min(3).max(100).optional(),
    commentThreshold: z.number().int().min(3).max(100).optional(),
    allowAnonymousFeedback: z.boolean().optional(),
    /** French, English or both: the languages its texts are required in. */
    languages: OrganizationLanguages.optional(),
    /** An IANA time zone (Europe/Paris): the hours of recurring programmes are read in it. */
    timeZone: TimeZone.optional(),
    /** At most so many invitations per person in so many days, whatever sends them; null: no rule. */
    fatigueRule: FatigueRule.nullable().optional(),
    /** Days named feedback may wait for a staff reply before its handlers are told; 0: never. */
    feedbackWaitDays: FeedbackWaitDays.optional(),
    /** A PNG or JPEG data URL of at most 64 KB, carried inside its e-mails; null: none. */
    logo: OrganizationLogo.nullable().optional(),
  })
  .refine((changes) => Object.keys(changes).length > 0, 'give at least one setting to change');

/**
 * The organisation's OpenID provider. The issuer is its https address (http only on loopback, for a provider on the
 * same machine); the secret may be left out to keep the one stored.
 */
export const SetSsoInput = z.strictObject({
  issuer: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .transform((u) => u.replace(/\/+$/, ''))
    .refine((u) => {
      const { protocol, hostname } = new URL(u);
      return protocol === 'https:' || ['localhost', '127.0.0.1', '[::1]'].includes(hostname);
    }, 'must be an https address'),
  clientId: z.string().trim().min(1).max(200),
  clientSecret: z.string().min(1).max(500).optional(),
  domains: z.array(EmailDomain).min(1).max(20),
  role: SsoRole,
  requireSso: z.boolean(),
});

export const ApiKeyInput = z.strictObject({ keyId: Id });
