import { sso } from '@better-auth/sso';
import { admitSsoUser, type Database, ssoRequiredForUser } from '@facets/db';
import type { SsoRefusal } from '@facets/domain';
import { APIError } from 'better-auth/api';
import type { Kysely } from 'kysely';

/**
 * Staff single sign-on with OpenID Connect, one provider per organisation (db `repositories/sso.ts`), through
 * better-auth's SSO plugin: it runs the authorization-code flow with PKCE, checks the ID token against the issuer's
 * keys and makes the session. The hooks below decide who may come in, at each step that would write a row:
 *
 * - a user is created only for an address of the provider's allowed domains, so a refused domain creates nothing;
 * - an account is linked, and a session made, only for a current staff member of the provider's organisation or a
 *   user with no membership anywhere, who then joins it with the configured role. A removed member, a member of
 *   another organisation and a stakeholder are refused: an address alone never joins an account to an organisation;
 * - once an organisation requires SSO, a password or sign-in link never makes a session for its staff.
 *
 * A refusal carries its reason as the error code; the plugin sends the browser back to the sign-in page with it.
 * The plugin's own provider management (`/sso/register` and the rest) is not served (app.ts): admins use `admin.sso`.
 */

/** The only paths of the plugin the server serves: starting a sign-in and the provider's callback. */
export const isServedSsoPath = (path: string) =>
  path === '/api/auth/sign-in/sso' || path.startsWith('/api/auth/sso/callback/');

const CALLBACK = '/sso/callback/';
const SSO_REQUIRED = 'SSO_REQUIRED';

const MESSAGES: Record<SsoRefusal | typeof SSO_REQUIRED, string> = {
  domain_not_allowed: 'This address is not of a domain the organisation signs in with.',
  membership_removed: 'This account no longer belongs to the organisation.',
  member_elsewhere: 'This account belongs to another organisation.',
  not_staff: 'This account is not a staff account of the organisation.',
  SSO_REQUIRED: 'Your organisation signs you in with its own account: use "Sign in with your organisation’s account".',
};

const refuse = (code: SsoRefusal | typeof SSO_REQUIRED) => new APIError('FORBIDDEN', { code, message: MESSAGES[code] });

interface HookContext {
  path?: string;
  params?: Record<string, string | undefined>;
}

const providerOf = (ctx: HookContext | null | undefined): string | null => {
  if (!ctx?.path?.startsWith(CALLBACK)) return null;
  return ctx.params?.providerId ?? null;
};

export function ssoPlugin() {
  return sso({
    modelName: 'sso_provider',
    fields: {
      issuer: 'issuer',
      oidcConfig: 'oidc_config',
      samlConfig: 'saml_config',
      userId: 'user_id',
      providerId: 'provider_id',
      organizationId: 'organization_id',
      domain: 'domain',
    },
    schema: {
      ssoProvider: {
        fields: { domainVerified: 'domain_verified' },
        // Ours (db repositories/sso.ts writes them); declared so that better-auth's schema check knows them.
        additionalFields: {
          staffRole: { type: 'string', required: true, input: false, fieldName: 'staff_role' },
          createdAt: { type: 'string', required: true, input: false, fieldName: 'created_at' },
          updatedAt: { type: 'string', required: true, input: false, fieldName: 'updated_at' },
        },
      },
    },
    // The organisation's admin declares the domains its provider speaks for (admin.sso.set): with that declaration
    // the provider may sign in an existing account of those domains, which the hooks then still judge.
    domainVerification: { enabled: true },
    trustEmailVerified: false,
    // Only our hooks create users; registering providers through the plugin is not served.
    providersLimit: 0,
  });
}

export function ssoHooks(db: Kysely<Database>, args: { newId: () => string; clock: () => Date }) {
  return {
    userCreate: async (user: { email: string }, ctx: HookContext | null | undefined) => {
      const providerId = providerOf(ctx);
      if (!providerId) return;
      const admission = await admitSsoUser(db, { providerId, email: user.email, userId: null });
      if (!admission.ok) throw refuse(admission.reason);
    },
    accountCreate: async (account: { userId: string }, ctx: HookContext | null | undefined) => {
      const providerId = providerOf(ctx);
      if (!providerId) return;
      const user = await db.selectFrom('auth_user').select('email').where('id', '=', account.userId).executeTakeFirst();
      if (!user) throw refuse('not_staff');
      const admission = await admitSsoUser(db, { providerId, email: user.email, userId: account.userId });
      if (!admission.ok) throw refuse(admission.reason);
    },
    sessionCreate: async (session: { userId: string }, ctx: HookContext | null | undefined) => {
      const providerId = providerOf(ctx);
      if (providerId) {
        const user = await db
          .selectFrom('auth_user')
          .select('email')
          .where('id', '=', session.userId)
          .executeTakeFirst();
        if (!user) throw refuse('not_staff');
        const admission = await admitSsoUser(db, {
          providerId,
          email: user.email,
          userId: session.userId,
          join: { now: args.clock().toISOString(), newId: args.newId },
        });
        if (!admission.ok) throw refuse(admission.reason);
        return;
      }
      const path = ctx?.path ?? '';
      if (
        (path === '/sign-in/email' || path.startsWith('/magic-link/')) &&
        (await ssoRequiredForUser(db, session.userId))
      )
        throw refuse(SSO_REQUIRED);
    },
  };
}
