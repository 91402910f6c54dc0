import type { Database, DialectName } from '@facets/db';
import { betterAuth } from 'better-auth';
import { APIError } from 'better-auth/api';
import { magicLink } from 'better-auth/plugins';
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import { PASSWORD_TOKEN_PREFIX, passwordTokenIdentifier } from './accounts.ts';
import { authRateLimitStorage, type LimitStore, limitStoreFor } from './limit-store.ts';
import { PRODUCTION_LIMITS } from './limits.ts';
import { checkOrigin } from './origin.ts';
import { redactText } from './request-log.ts';
import { ssoHooks, ssoPlugin } from './sso.ts';
import { joinStakeholders, MAGIC_LINK_MINUTES, magicLinkSender } from './stakeholder-sign-in.ts';
import { UPDATABLE_USER_FIELDS } from './update-user.ts';

export interface AuthOptions {
  db: Kysely<Database>;
  dialect: DialectName;
  secret: string;
  /** The public origin (e.g. http://localhost:3000), trusted for cookie-bearing requests (origin.ts). */
  baseUrl: string;
  /** Origins trusted besides it (env.ts `trustedOrigins`). */
  trustedOrigins?: readonly string[];
  newId?: () => string;
  /** Where better-auth's own messages go (the server's pino logger); its console logger when not given. */
  logger?: FastifyBaseLogger;
  /** Sign-in attempts per minute and client address (0 = off); production's when not given. */
  signInPerMinute?: number;
  /** The time of sign-in messages; the system clock when not given. */
  clock?: () => Date;
  /** Identity providers reachable at private or loopback addresses (env.ts `ssoPrivateIssuers`, sso.ts). */
  ssoPrivateIssuers?: readonly string[];
  /** Where sign-in attempts are counted (limit-store.ts); from the dialect when not given (the database on PostgreSQL). */
  limitStore?: LimitStore;
}

/** The request header the server sets to the client's address (app.ts), from which better-auth counts attempts. */
export const CLIENT_IP_HEADER = 'x-facets-client-ip';

const timestamps = { createdAt: 'created_at', updatedAt: 'updated_at' } as const;

/**
 * better-auth on our own Kysely instance and snake_case tables (schema.ts). Staff and demo stakeholders are created
 * by the seed or an admin, never by self sign-up, so the public sign-up endpoint is off. Returning stakeholders may
 * also sign in with a link sent by e-mail (stakeholder-sign-in.ts), which creates their account on first use.
 */
export function createAuth(options: AuthOptions) {
  const newId = options.newId;
  const ids = newId ?? (() => crypto.randomUUID());
  const clock = options.clock ?? (() => new Date());
  const sso = ssoHooks(options.db, { newId: ids, clock });
  return betterAuth({
    appName: 'Facets',
    baseURL: options.baseUrl,
    basePath: '/api/auth',
    secret: options.secret,
    // The origins the server's own check admits (origin.ts, app.ts), so that better-auth's check agrees with it.
    // Private identity providers are listed too: better-auth asks this list before fetching a provider's keys and
    // tokens. Pages at their origins gain nothing by it: the server's own origin check (app.ts) comes first.
    trustedOrigins: (request) => {
      const configured = [options.baseUrl, ...(options.trustedOrigins ?? []), ...(options.ssoPrivateIssuers ?? [])];
      if (!request) return configured;
      const verdict = checkOrigin({
        origin: request.headers.get('origin') ?? undefined,
        fetchSite: request.headers.get('sec-fetch-site') ?? undefined,
        requestOrigin: new URL(request.url).origin,
        baseUrl: options.baseUrl,
        trusted: options.trustedOrigins,
      });
      return verdict.ok && verdict.origin ? [...configured, verdict.origin] : configured;
    },
    // Our columns hold ISO text for times and 0/1 integers for booleans on both dialects (schema.ts). The adapter's
    // 'sqlite' type is exactly "no native dates or booleans": it writes toISOString() and 0/1 and reads them back as
    // Date and boolean. Told 'postgres', it would send Date and boolean values that our text/integer columns refuse.
    // Its SQL is otherwise portable (INSERT … RETURNING, LOWER() LIKE), so the same setting serves PostgreSQL.
    database: { db: options.db, type: 'sqlite' },
    emailAndPassword: { enabled: true, disableSignUp: true },
    plugins: [
      magicLink({
        expiresIn: MAGIC_LINK_MINUTES * 60,
        storeToken: 'hashed',
        sendMagicLink: magicLinkSender({ db: options.db, newId: ids, clock, logger: options.logger }),
      }),
      ssoPlugin(),
    ],
    databaseHooks: {
      user: {
        // Behind the server's own check of update-user (update-user.ts): whatever reaches better-auth, a person's
        // update writes their name and nothing else, or nothing at all.
        update: {
          before: async (data, ctx) => {
            if (ctx?.path !== '/update-user') return;
            const refused = Object.entries(data)
              .filter(([key, value]) => value !== undefined && !UPDATABLE_USER_FIELDS.includes(key))
              .map(([key]) => key);
            if (refused.length > 0) {
              throw new APIError('BAD_REQUEST', { message: `${refused.join(', ')}: cannot be changed here` });
            }
          },
        },
        create: {
          before: async (user, ctx) => {
            await sso.userCreate(user, ctx);
          },
          // Only the e-mail sign-in creates users on its own, and only for addresses it sent a link to (and single
          // sign-on, for its organisation's domains: sso.ts).
          after: async (user, ctx) => {
            if (!ctx?.path?.startsWith('/magic-link/')) return;
            await joinStakeholders(options.db, user, { newId: ids, now: clock().toISOString() });
          },
        },
      },
      account: {
        create: {
          before: async (account, ctx) => {
            await sso.accountCreate(account, ctx);
          },
        },
      },
      session: {
        create: {
          before: async (session, ctx) => {
            await sso.sessionCreate(session, ctx);
          },
        },
      },
    },
    user: { modelName: 'auth_user', fields: { emailVerified: 'email_verified', ...timestamps } },
    session: {
      modelName: 'auth_session',
      fields: {
        userId: 'user_id',
        expiresAt: 'expires_at',
        ipAddress: 'ip_address',
        userAgent: 'user_agent',
        ...timestamps,
      },
    },
    account: {
      modelName: 'auth_account',
      fields: {
        userId: 'user_id',
        accountId: 'account_id',
        providerId: 'provider_id',
        accessToken: 'access_token',
        refreshToken: 'refresh_token',
        idToken: 'id_token',
        accessTokenExpiresAt: 'access_token_expires_at',
        refreshTokenExpiresAt: 'refresh_token_expires_at',
        ...timestamps,
      },
    },
    verification: {
      modelName: 'auth_verification',
      fields: { expiresAt: 'expires_at', ...timestamps },
      // Password links are stored as a hash: a copy of the database gives nobody a way to choose someone's password.
      // (Sign-in links hash their own token: `storeToken` above.) Rows stored plain before are still found.
      storeIdentifier: { default: 'plain', overrides: { [PASSWORD_TOKEN_PREFIX]: { hash: passwordTokenIdentifier } } },
    },
    advanced: {
      database: {
        // Wrapped: better-auth passes `{ model }`, which an id function with an optional argument would misread.
        ...(newId ? { generateId: () => newId() } : {}),
        // The schema check introspects with the dialect named above, which is SQLite's: on PostgreSQL it would query
        // SQLite's catalog. The same migrations create both schemas, and the sign-in tests run on both.
        validateSchema: options.dialect === 'sqlite',
      },
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
    },
    // On in every environment, not only in production: sign-in attempts per client address, other auth calls 100.
    rateLimit: {
      enabled: (options.signInPerMinute ?? PRODUCTION_LIMITS.signInPerMinute) > 0,
      // One mechanism for every limit (limit-store.ts): shared by the servers of one PostgreSQL database.
      customStorage: authRateLimitStorage(options.limitStore ?? limitStoreFor(options)),
      window: 60,
      max: 100,
      // The magic-link plugin's own rule (5 a minute) would otherwise apply to following a link, whatever is set here.
      customRules: Object.fromEntries(
        ['/sign-in/*', '/magic-link/*'].map((path) => [
          path,
          { window: 60, max: options.signInPerMinute ?? PRODUCTION_LIMITS.signInPerMinute },
        ]),
      ),
    },
    telemetry: { enabled: false },
    ...(options.logger ? { logger: { log: toPino(options.logger) } } : {}),
  });
}

export type Auth = ReturnType<typeof createAuth>;

/** better-auth's messages into pino, with any URL in them redacted (they may quote a link or a callback). */
function toPino(logger: FastifyBaseLogger) {
  return (level: 'debug' | 'info' | 'warn' | 'error', message: string, ...args: unknown[]) =>
    logger[level](
      { source: 'better-auth', ...(args.length > 0 ? { args: args.map(redactArgument) } : {}) },
      redactText(message),
    );
}

function redactArgument(arg: unknown): unknown {
  if (typeof arg === 'string') return redactText(arg);
  if (arg instanceof Error) return { name: arg.name, message: redactText(arg.message) };
  try {
    return redactText(JSON.stringify(arg) ?? String(arg));
  } catch {
    return String(arg);
  }
}

/**
 * Creates a user who signs in with email and password, the way sign-up would. Self sign-up is disabled, so the seed,
 * admin tools and tests use better-auth's internal adapter (same hashing, same rows) instead of the public endpoint.
 */
export async function createPasswordUser(
  auth: Auth,
  user: { email: string; name: string; password: string },
): Promise<{ id: string; email: string }> {
  const ctx = await auth.$context;
  const created = await ctx.internalAdapter.createUser(
    { email: user.email, name: user.name, emailVerified: true },
    { method: 'admin' },
  );
  await ctx.internalAdapter.linkAccount({
    userId: created.id,
    providerId: 'credential',
    accountId: created.id,
    password: await ctx.password.hash(user.password),
  });
  return { id: created.id, email: created.email };
}
