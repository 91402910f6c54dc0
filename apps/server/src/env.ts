import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { type Limits, PRODUCTION_LIMITS } from './limits.ts';

/** The repository root (apps/server/src → ../../..): the default home of data/. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

const LogLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

/** Comma-separated origins (scheme, host and port), each checked. */
const OriginList = z
  .string()
  .optional()
  .transform((text, ctx) => {
    const origins: string[] = [];
    for (const item of (text ?? '').split(',').map((s) => s.trim())) {
      if (item === '') continue;
      const origin = originOf(item);
      if (origin === null) {
        ctx.addIssue({
          code: 'custom',
          message: `${item} is not an origin such as https://facets.example.org (scheme, host and port only)`,
        });
        return z.NEVER;
      }
      origins.push(origin);
    }
    return origins;
  });

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z.string().min(1).optional(),
  BETTER_AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  BASE_URL: z.url().optional(),
  /** More page origins trusted for sign-in and changes, comma-separated (https://facets.example.org,http://10.0.0.5:3000). */
  TRUSTED_ORIGINS: OriginList,
  /**
   * Origins of OpenID providers on a private network or loopback (an on-premises Keycloak), comma-separated: the server
   * fetches a provider's keys and tokens only from public addresses unless its origin is listed here.
   */
  SSO_PRIVATE_ISSUERS: OriginList,
  LOG_LEVEL: LogLevel.default('info'),
  // Abuse limits per minute (0 = off); see limits.ts. The bench raises them: its respondents share 127.0.0.1.
  SIGN_IN_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(PRODUCTION_LIMITS.signInPerMinute),
  SIGN_IN_LIMIT_PER_MINUTE_PER_ACCOUNT: z.coerce
    .number()
    .int()
    .min(0)
    .default(PRODUCTION_LIMITS.signInPerMinutePerAccount),
  SUBMIT_LIMIT_PER_MINUTE_PER_USER: z.coerce.number().int().min(0).default(PRODUCTION_LIMITS.submitPerMinutePerUser),
  SUBMIT_LIMIT_PER_MINUTE_PER_IP: z.coerce.number().int().min(0).default(PRODUCTION_LIMITS.submitPerMinutePerIp),
  READ_LIMIT_PER_MINUTE_PER_USER: z.coerce.number().int().min(0).default(PRODUCTION_LIMITS.readPerMinutePerUser),
  API_LIMIT_PER_MINUTE_PER_KEY: z.coerce.number().int().min(0).default(PRODUCTION_LIMITS.apiPerMinutePerKey),
  /** smtp://user:password@host:587 or smtps://…:465; without it, e-mail stays in the outbox. */
  SMTP_URL: z
    .url()
    .refine((u) => /^smtps?:\/\//.test(u), 'must start with smtp:// or smtps://')
    .optional(),
  /** The sender of e-mail, e.g. "Facets <no-reply@example.org>". */
  MAIL_FROM: z.string().min(3).max(200).optional(),
  /**
   * 1: webhooks may use http to a loopback host (127.0.0.1, ::1, localhost) — a receiver on the same machine, tests.
   * 0 (default): https only, and deliveries go only to public addresses.
   */
  WEBHOOK_ALLOW_HTTP_LOOPBACK: z.enum(['0', '1'], 'must be 0 or 1').default('0'),
  /** 1: `start` seeds the demo organisation into an empty database; 0: it seeds nothing (first-run page instead). */
  FACETS_DEMO: z.enum(['0', '1'], 'must be 0 or 1').default('1'),
  /** The first admin's password for `facets init` (scripts); checked there, with the rest of the command's input. */
  FACETS_ADMIN_PASSWORD: z.string().optional(),
});

export interface Env {
  port: number;
  host: string;
  databaseUrl: string;
  authSecret: string;
  baseUrl: string;
  /**
   * Page origins trusted besides BASE_URL's (origin.ts): TRUSTED_ORIGINS, and, when BASE_URL is left to its default
   * and the server listens on loopback, http://localhost:PORT and http://127.0.0.1:PORT (both name this server then).
   */
  trustedOrigins: string[];
  /** SSO_PRIVATE_ISSUERS: identity providers the server may reach at private or loopback addresses (sso.ts). */
  ssoPrivateIssuers: string[];
  logLevel: z.infer<typeof LogLevel>;
  dataDir: string;
  limits: Limits;
  /** Outgoing e-mail by SMTP, null when e-mail stays in the outbox. */
  smtp: { url: string; from: string } | null;
  /**
   * Who delivers e-mail: the server by SMTP (no reader of the outbox ever sees a message's secret links), or admins by
   * hand from the outbox (without SMTP_URL: invitation and password links readable to them, each reading audited).
   */
  mailDelivery: 'smtp' | 'outbox';
  /** Whether `start` seeds the demo organisation into an empty database (FACETS_DEMO). */
  demo: boolean;
  /** WEBHOOK_ALLOW_HTTP_LOOPBACK: webhooks may use http to loopback, and be delivered there. */
  webhookAllowHttpLoopback: boolean;
  /** FACETS_ADMIN_PASSWORD: `init` sets it instead of printing a link; null when unset. */
  adminPassword: string | null;
}

/**
 * The server's configuration, validated; the only place that reads the environment. A missing auth secret is made
 * once and kept in data/.auth-secret, so sessions survive restarts on a developer machine without any set-up.
 */
export function loadEnv(source: NodeJS.ProcessEnv = process.env, root: string = REPO_ROOT): Env {
  const parsed = EnvSchema.safeParse(blankToUndefined(source));
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid environment: ${issues}`);
  }
  const e = parsed.data;
  const dataDir = join(root, 'data');
  const baseUrl = (e.BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  const loopback = e.BASE_URL === undefined && listensOnLoopback(e.HOST);
  const implicit = loopback ? [`http://localhost:${e.PORT}`, `http://127.0.0.1:${e.PORT}`] : [];
  const base = new URL(baseUrl).origin;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL ?? join(dataDir, 'facets.sqlite'),
    authSecret: e.BETTER_AUTH_SECRET ?? persistedSecret(dataDir),
    baseUrl,
    trustedOrigins: [...new Set([...implicit, ...e.TRUSTED_ORIGINS])].filter((o) => o !== base),
    ssoPrivateIssuers: e.SSO_PRIVATE_ISSUERS,
    logLevel: e.LOG_LEVEL,
    dataDir,
    limits: {
      signInPerMinute: e.SIGN_IN_LIMIT_PER_MINUTE,
      signInPerMinutePerAccount: e.SIGN_IN_LIMIT_PER_MINUTE_PER_ACCOUNT,
      submitPerMinutePerUser: e.SUBMIT_LIMIT_PER_MINUTE_PER_USER,
      submitPerMinutePerIp: e.SUBMIT_LIMIT_PER_MINUTE_PER_IP,
      readPerMinutePerUser: e.READ_LIMIT_PER_MINUTE_PER_USER,
      apiPerMinutePerKey: e.API_LIMIT_PER_MINUTE_PER_KEY,
    },
    smtp: e.SMTP_URL
      ? { url: e.SMTP_URL, from: e.MAIL_FROM ?? `Facets <no-reply@${new URL(baseUrl).hostname}>` }
      : null,
    mailDelivery: e.SMTP_URL ? 'smtp' : 'outbox',
    demo: e.FACETS_DEMO === '1',
    webhookAllowHttpLoopback: e.WEBHOOK_ALLOW_HTTP_LOOPBACK === '1',
    adminPassword: e.FACETS_ADMIN_PASSWORD ?? null,
  };
}

/** `item`'s origin when it is one (http or https, no path, query or credentials), else null. */
function originOf(item: string): string | null {
  try {
    const url = new URL(item);
    const bare = url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
    return bare && (url.protocol === 'http:' || url.protocol === 'https:') ? url.origin : null;
  } catch {
    return null;
  }
}

/** Whether a server bound to `host` answers on 127.0.0.1: every interface, or loopback itself. */
function listensOnLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return ['0.0.0.0', '::', 'localhost', '::1'].includes(h) || /^127\./.test(h);
}

function blankToUndefined(source: NodeJS.ProcessEnv): Record<string, string | undefined> {
  const keys = Object.keys(EnvSchema.shape);
  return Object.fromEntries(keys.map((k) => [k, source[k]?.trim() ? source[k] : undefined]));
}

/** Reads data/.auth-secret, creating it (owner-only) on first use. */
export function persistedSecret(dataDir: string): string {
  const file = join(dataDir, '.auth-secret');
  if (existsSync(file)) {
    const secret = readFileSync(file, 'utf8').trim();
    if (secret.length >= 32) return secret;
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
