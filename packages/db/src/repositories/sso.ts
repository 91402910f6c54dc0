import { DomainError, emailDomainAllowed, type SsoRefusal, type SsoRole } from '@facets/domain';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';
import { inTransaction } from './rows.ts';

/**
 * An organisation's OpenID Connect provider for staff (better-auth's SSO plugin signs people in through it; the
 * server's sso.ts decides who may). The client secret is written here and read by the plugin only: `getSsoConfig`
 * says whether one is set, never what it is.
 */

export interface SsoConfig {
  issuer: string;
  clientId: string;
  hasClientSecret: boolean;
  domains: string[];
  role: SsoRole;
  requireSso: boolean;
  /** The address the provider must send people back to (`<BASE_URL>/api/auth/sso/callback/<providerId>`). */
  providerId: string;
  updatedAt: string;
}

interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  pkce: boolean;
  scopes: string[];
  discoveryEndpoint?: string;
}

const parseConfig = (text: string | null): OidcConfig | null => {
  if (!text) return null;
  try {
    return JSON.parse(text) as OidcConfig;
  } catch {
    return null;
  }
};

/** The provider's key: one per organisation, stable across changes of its settings. */
const providerIdOf = (organizationId: string) => `org-${organizationId}`;

export async function getSsoConfig(db: Kysely<Database>, args: { organizationId: string }): Promise<SsoConfig | null> {
  const row = await db
    .selectFrom('sso_provider')
    .select(['provider_id', 'issuer', 'oidc_config', 'domain', 'staff_role', 'require_sso', 'updated_at'])
    .where('organization_id', '=', args.organizationId)
    .executeTakeFirst();
  if (!row) return null;
  const config = parseConfig(row.oidc_config);
  return {
    issuer: row.issuer,
    clientId: config?.clientId ?? '',
    hasClientSecret: Boolean(config?.clientSecret),
    domains: row.domain.split(',').filter(Boolean),
    role: row.staff_role as SsoRole,
    requireSso: Number(row.require_sso) === 1,
    providerId: row.provider_id,
    updatedAt: row.updated_at,
  };
}

/** Creates or replaces the organisation's provider; a missing secret keeps the one stored (a new one needs it). */
export async function setSsoConfig(
  db: Kysely<Database>,
  args: {
    organizationId: string;
    issuer: string;
    clientId: string;
    clientSecret?: string | undefined;
    domains: string[];
    role: SsoRole;
    requireSso: boolean;
    now: string;
    newId: () => string;
  },
): Promise<SsoConfig> {
  return inTransaction(db, async (trx) => {
    const existing = await trx
      .selectFrom('sso_provider')
      .select(['id', 'oidc_config'])
      .where('organization_id', '=', args.organizationId)
      .executeTakeFirst();
    const secret = args.clientSecret ?? parseConfig(existing?.oidc_config ?? null)?.clientSecret;
    if (!secret) throw new DomainError('invalid', 'clientSecret: is required', 'clientSecret', 'required');
    // Endpoints are left out: the plugin discovers them from the issuer at each sign-in, so a provider's new keys
    // or endpoints need no change here.
    const oidc: OidcConfig = {
      issuer: args.issuer,
      clientId: args.clientId,
      clientSecret: secret,
      pkce: true,
      scopes: ['openid', 'email', 'profile'],
    };
    const values = {
      issuer: args.issuer,
      oidc_config: JSON.stringify(oidc),
      domain: [...new Set(args.domains.map((d) => d.toLowerCase()))].join(','),
      domain_verified: 1,
      staff_role: args.role,
      require_sso: args.requireSso ? 1 : 0,
      updated_at: args.now,
    };
    if (existing) {
      await trx
        .updateTable('sso_provider')
        .set(values)
        .where('organization_id', '=', args.organizationId)
        .where('id', '=', existing.id)
        .execute();
    } else {
      await trx
        .insertInto('sso_provider')
        .values({
          id: args.newId(),
          organization_id: args.organizationId,
          provider_id: providerIdOf(args.organizationId),
          saml_config: null,
          user_id: null,
          created_at: args.now,
          ...values,
        })
        .execute();
    }
    const saved = await getSsoConfig(trx, args);
    if (!saved) throw new Error('sso_provider: row not found after writing it');
    return saved;
  });
}

/** The provider of the organisation with this slug, for a sign-in started by the organisation's name. */
export async function ssoProviderIdForSlug(db: Kysely<Database>, slug: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('sso_provider as p')
    .innerJoin('organization as o', 'o.id', 'p.organization_id')
    .select('p.provider_id')
    .where('o.slug', '=', slug.trim().toLowerCase())
    .executeTakeFirst();
  return row?.provider_id;
}

/** Removes the provider; staff sign in with their passwords (or links) again. */
export async function removeSsoConfig(db: Kysely<Database>, args: { organizationId: string }): Promise<boolean> {
  const result = await db.deleteFrom('sso_provider').where('organization_id', '=', args.organizationId).execute();
  return Number(result[0]?.numDeletedRows ?? 0) > 0;
}

/**
 * Whether a password or link sign-in of this address is refused: the address is a current staff member of an
 * organisation whose provider requires single sign-on.
 */
export async function ssoRequiredFor(db: Kysely<Database>, email: string): Promise<boolean> {
  const row = await db
    .selectFrom('auth_user as u')
    .innerJoin('member as m', 'm.user_id', 'u.id')
    .innerJoin('sso_provider as p', 'p.organization_id', 'm.organization_id')
    .select('m.id')
    .where(sql<string>`lower(u.email)`, '=', email.trim().toLowerCase())
    .where('m.removed_at', 'is', null)
    .where('m.role', '<>', 'stakeholder')
    .where('p.require_sso', '=', 1)
    .executeTakeFirst();
  return row !== undefined;
}

/** The same, by user id (a session about to be made). */
export async function ssoRequiredForUser(db: Kysely<Database>, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('member as m')
    .innerJoin('sso_provider as p', 'p.organization_id', 'm.organization_id')
    .select('m.id')
    .where('m.user_id', '=', userId)
    .where('m.removed_at', 'is', null)
    .where('m.role', '<>', 'stakeholder')
    .where('p.require_sso', '=', 1)
    .executeTakeFirst();
  return row !== undefined;
}

export type SsoAdmission =
  | { ok: true; organizationId: string; role: SsoRole; joined: boolean }
  | { ok: false; reason: SsoRefusal };

/**
 * Who may sign in through an organisation's provider: an address of its allowed domains, and an account that is a
 * current staff member of that organisation, or an account with no membership anywhere (its first sign-in: with
 * `join`, it becomes a staff member with the configured role). An account removed from the organisation, one that
 * belongs to another organisation, and a stakeholder's are refused: an e-mail address alone never joins an account
 * to an organisation it is not in (stakeholder-sign-in.ts).
 */
export async function admitSsoUser(
  db: Kysely<Database>,
  args: {
    providerId: string;
    email: string;
    userId: string | null;
    join?: { now: string; newId: () => string };
  },
): Promise<SsoAdmission> {
  const provider = await db
    .selectFrom('sso_provider')
    .select(['organization_id', 'domain', 'staff_role'])
    .where('provider_id', '=', args.providerId)
    .executeTakeFirst();
  if (!provider) return { ok: false, reason: 'not_staff' };
  if (!emailDomainAllowed(args.email, provider.domain.split(','))) return { ok: false, reason: 'domain_not_allowed' };
  const organizationId = provider.organization_id;
  const role = provider.staff_role as SsoRole;
  if (args.userId === null) return { ok: true, organizationId, role, joined: false };
  const userId = args.userId;
  const memberships = await db
    .selectFrom('member')
    .select(['organization_id', 'role', 'removed_at'])
    .where('user_id', '=', userId)
    .execute();
  const here = memberships.filter((m) => m.organization_id === organizationId);
  if (here.some((m) => m.removed_at === null && m.role !== 'stakeholder'))
    return { ok: true, organizationId, role, joined: false };
  if (memberships.some((m) => m.organization_id !== organizationId)) return { ok: false, reason: 'member_elsewhere' };
  if (here.some((m) => m.removed_at !== null)) return { ok: false, reason: 'membership_removed' };
  if (here.length > 0) return { ok: false, reason: 'not_staff' };
  if (args.join) {
    await db
      .insertInto('member')
      .values({
        id: args.join.newId(),
        organization_id: organizationId,
        user_id: userId,
        role,
        department: null,
        stakeholder_id: null,
        created_at: args.join.now,
        removed_at: null,
      })
      .execute();
  }
  return { ok: true, organizationId, role, joined: Boolean(args.join) };
}
