import { z } from 'zod';
import type { StaffRole } from './roles.ts';

/**
 * Staff single sign-on through an organisation's OpenID Connect provider. A first sign-in creates the account with
 * one of these roles: never admin (an identity provider's say-so must not hand out the organisation's keys), never
 * manager (a manager needs a department someone chooses).
 */
export const SSO_ROLES = ['leadership', 'hr', 'analyst'] as const satisfies readonly StaffRole[];
export const SsoRole = z.enum(SSO_ROLES);
export type SsoRole = z.infer<typeof SsoRole>;

/** A bare e-mail domain, lower case: `example.org`, `mail.example.co.uk`. */
export const EmailDomain = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'must be a domain such as example.org');

/** The domain of an address, lower case; empty when there is none. */
export function emailDomainOf(email: string): string {
  const at = email.lastIndexOf('@');
  return at < 0
    ? ''
    : email
        .slice(at + 1)
        .trim()
        .toLowerCase();
}

/** Whether an address belongs to one of the allowed domains (exactly: a subdomain is a domain of its own). */
export function emailDomainAllowed(email: string, domains: readonly string[]): boolean {
  const domain = emailDomainOf(email);
  return domain !== '' && domains.some((d) => d.toLowerCase() === domain);
}

/** Why a sign-in through an organisation's provider is refused (machine-readable; the console words it). */
export const SSO_REFUSALS = ['domain_not_allowed', 'membership_removed', 'member_elsewhere', 'not_staff'] as const;
export type SsoRefusal = (typeof SSO_REFUSALS)[number];
