import { Transform } from 'node:stream';
import { appRouter, createContextInner, INTERNAL_MESSAGE, SCIM_PREFIX } from '@facets/api';
import { type Database, type JobQueue, newId, ssoProviderIdForSlug, type WebhookSettings } from '@facets/db';
import helmet from '@fastify/helmet';
import { type FastifyTRPCPluginOptions, fastifyTRPCPlugin } from '@trpc/server/adapters/fastify';
import { fromNodeHeaders } from 'better-auth/node';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyRequest } from 'fastify';
import { type Kysely, sql } from 'kysely';
import pino from 'pino';
import { createAccounts } from './accounts.ts';
import { type Auth, CLIENT_IP_HEADER } from './auth.ts';
import { type LimitStore, MEMORY_STORE } from './limit-store.ts';
import {
  createApiKeyLimiter,
  createReadLimiter,
  createSignInLimiter,
  createSubmissionLimiter,
  isSubmission,
  type Lang,
  type Limits,
  langOf,
  MAX_BATCH_SIZE,
  PRODUCTION_LIMITS,
  type SignInLimiter,
} from './limits.ts';
import { checkOrigin } from './origin.ts';
import { registerPortals } from './portals.ts';
import { serializeError, serializeRequest } from './request-log.ts';
import { REST_PREFIX, restApiRoutes } from './rest-api.ts';
import { scimRoutes } from './scim.ts';
import { type SetupCode, setupRoutes } from './setup.ts';
import { isServedSsoPath } from './sso.ts';
import { UpdateUserBody, zodMessage } from './update-user.ts';

export const BODY_LIMIT = 1024 * 1024;
/**
 * Invitation files (surveys.invitations.preview and .import) carry up to 2 MB of CSV text inside JSON: those two
 * procedures alone may send bodies up to this size; every other call keeps BODY_LIMIT.
 */
export const UPLOAD_BODY_LIMIT = 3 * 1024 * 1024;
const UPLOAD_PROCEDURES = new Set(['/trpc/surveys.invitations.preview', '/trpc/surveys.invitations.import']);

export interface AppOptions {
  db: Kysely<Database>;
  auth: Auth;
  /** A pino logger; silent when not given (tests). */
  logger?: FastifyBaseLogger;
  /** The folder holding the front-end apps (apps/); each is served from its dist/ when built. */
  portalsDir: string;
  /** The public origin (BASE_URL): links in messages the API writes point there. */
  baseUrl: string;
  /** Page origins trusted besides BASE_URL's (env.ts `trustedOrigins`); none when not given. */
  trustedOrigins?: readonly string[];
  clock?: () => Date;
  /**
   * Submission, read and per-account sign-in limits (limits.ts); production's when not given. Sign-in attempts per
   * address are counted by the auth itself (auth.ts).
   */
  limits?: Limits;
  /** Where the limits count (limit-store.ts `limitStoreFor`); in the process when not given. */
  limitStore?: LimitStore;
  /** Who delivers e-mail (env.ts `mailDelivery`); `smtp` when not given, so that no secret link is ever shown. */
  mailDelivery?: 'smtp' | 'outbox';
  /** The first-run setup code (setup.ts), issued by `start` while the database holds no organisation. */
  setup?: SetupCode | null;
  /** The job runner's failed jobs, for admins (jobs/); none when not given. */
  jobs?: Pick<JobQueue, 'failed'>;
  /** The key webhook secrets are sealed with and whether http to loopback is allowed; no webhooks when not given. */
  webhooks?: WebhookSettings;
}

/** The whole HTTP surface on one port: tRPC, auth, health, the built portals. Nothing listens until the caller says. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { db, auth } = options;
  const clock = options.clock ?? (() => new Date());
  const limits = options.limits ?? PRODUCTION_LIMITS;
  const limitStore = options.limitStore ?? MEMORY_STORE;
  const limiter = createSubmissionLimiter(limits, limitStore);
  const reads = createReadLimiter(limits, limitStore);
  const accounts = createAccounts(auth);
  const apiKeys = createApiKeyLimiter(limits, limitStore);
  const logger = options.logger ?? pino({ level: 'silent' });
  const app = Fastify({
    // Request lines and errors go through request-log.ts: tokens in paths and query strings never reach the log.
    loggerInstance: logger.child({}, { serializers: { req: serializeRequest, err: serializeError } }),
    bodyLimit: BODY_LIMIT,
    // tRPC batches put every procedure path in the URL.
    routerOptions: { maxParamLength: 5000 },
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // React and the charts set inline style attributes; scripts stay strictly same-origin.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
  });

  app.setErrorHandler((error: { statusCode?: number; code?: string; message: string }, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status === 413) {
      return reply
        .code(413)
        .send({ error: 'payload_too_large', message: `The request body exceeds ${BODY_LIMIT} bytes.` });
    }
    if (status < 500) return reply.code(status).send({ error: 'bad_request', message: error.message });
    request.log.error({ err: error }, 'request failed');
    return reply.code(500).send({ error: 'internal_error', message: INTERNAL_MESSAGE });
  });
  app.setNotFoundHandler((_request, reply) => reply.code(404).send({ error: 'not_found' }));

  app.get('/healthz', async (_request, reply) => {
    try {
      await sql`select 1`.execute(db);
      return { status: 'ok' };
    } catch (err) {
      app.log.error({ err }, 'health check: database unreachable');
      return reply.code(503).send({ status: 'unavailable' });
    }
  });

  // Every mutation comes from a page of ours (origin.ts); a cross-site POST is refused before anything runs.
  app.addHook('onRequest', async (request, reply) => {
    if (!isApi(request.url) || SAFE_METHODS.has(request.method)) return;
    const verdict = checkOrigin({
      origin: request.headers.origin,
      fetchSite: header(request, 'sec-fetch-site'),
      requestOrigin: `${request.protocol}://${request.host}`,
      baseUrl: options.baseUrl,
      trusted: options.trustedOrigins,
    });
    if (verdict.ok) return;
    const lang = langOf(header(request, 'accept-language'));
    // The public address is in every e-mail link already; the sign-in page shows it to say where to open Facets.
    const baseUrl = new URL(options.baseUrl).origin;
    return reply
      .code(403)
      .send({ error: 'forbidden_origin', message: ORIGIN_REFUSAL[lang](verdict.origin, baseUrl), baseUrl });
  });
  // API answers are personal and change with every write: no browser or proxy may keep one.
  app.addHook('onSend', async (request, reply) => {
    if (isApi(request.url)) reply.header('cache-control', 'no-store');
  });

  await app.register(authRoutes(db, auth, createSignInLimiter(limits, limitStore)));
  await app.register(
    setupRoutes({
      db,
      setup: options.setup ?? null,
      perMinute: limits.signInPerMinute,
      limitStore,
      clock: () => new Date(),
    }),
  );

  await app.register(
    restApiRoutes({
      db,
      baseUrl: options.baseUrl,
      clock,
      limiter: apiKeys,
      mailDelivery: options.mailDelivery ?? 'smtp',
    }),
    { prefix: REST_PREFIX },
  );
  // One limiter for both: a key's calls of the REST API and of SCIM count together.
  await app.register(scimRoutes({ db, baseUrl: options.baseUrl, clock, limiter: apiKeys }), { prefix: SCIM_PREFIX });

  // The tRPC route admits upload-sized bodies; every request but an upload is held to BODY_LIMIT as it streams in.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/trpc/')) route.bodyLimit = UPLOAD_BODY_LIMIT;
  });
  app.addHook('preParsing', async (request, _reply, payload) =>
    !request.url.startsWith('/trpc/') || UPLOAD_PROCEDURES.has(request.url.split('?')[0] ?? '')
      ? payload
      : limitBody(payload, BODY_LIMIT),
  );

  await app.register(fastifyTRPCPlugin, {
    prefix: '/trpc',
    trpcOptions: {
      router: appRouter,
      maxBatchSize: MAX_BATCH_SIZE,
      createContext: async ({ req, info }) => {
        // Counted before the session lookup, so that a flood from one address costs no database work.
        const submissions = info.calls.filter((c) => isSubmission(c.path)).length;
        await limiter.fromAddress(req.ip, submissions);
        const session = await auth.api.getSession({ headers: fromNodeHeaders(req.headers) });
        if (session) {
          await limiter.fromUser(session.user.id, submissions);
          if (info.type === 'query')
            await reads.fromUser(session.user.id, info.calls.length, langOf(header(req, 'accept-language')));
        }
        return createContextInner({
          db,
          session: session ? { userId: session.user.id } : null,
          clock,
          newId,
          baseUrl: options.baseUrl,
          log: req.log,
          accounts,
          mailDelivery: options.mailDelivery ?? 'smtp',
          ...(options.jobs ? { jobs: options.jobs } : {}),
          ...(options.webhooks ? { webhooks: options.webhooks } : {}),
        });
      },
      onError: ({ error, path, req }) => {
        // Procedure failures were logged where they were caught; this catches those outside any procedure.
        if (error.code === 'INTERNAL_SERVER_ERROR' && error.cause)
          req.log.error({ err: error.cause, path }, 'trpc failed');
      },
    } satisfies FastifyTRPCPluginOptions<typeof appRouter>['trpcOptions'],
  });

  await registerPortals(app, options.portalsDir, db);
  app.get('/', (_request, reply) => reply.redirect('/console/', 302));
  return app;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const isApi = (url: string) => url.startsWith('/trpc/') || url === '/trpc' || url.startsWith('/api/');
const header = (request: FastifyRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

const ORIGIN_REFUSAL: Record<Lang, (origin: string | null, baseUrl: string) => string> = {
  en: (origin, baseUrl) =>
    `This request comes from ${origin ? `another site (${origin})` : 'another site'}: changes are accepted only from Facets' own pages. Open Facets at ${baseUrl} and try again.`,
  fr: (origin, baseUrl) =>
    `Cette demande vient ${origin ? `d’un autre site (${origin})` : 'd’un autre site'} : les modifications ne sont acceptées que depuis les pages de Facets. Ouvrez Facets à l’adresse ${baseUrl} et réessayez.`,
};

/** The body as a stream that fails with a 413 once more than `limit` bytes went through. */
function limitBody(payload: NodeJS.ReadableStream, limit: number): NodeJS.ReadableStream {
  let seen = 0;
  const counted = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > limit) done(Object.assign(new Error('Request body is too large'), { statusCode: 413 }));
      else done(null, chunk);
    },
  });
  payload.on('error', (error) => counted.destroy(error));
  return payload.pipe(counted);
}

/**
 * better-auth's handler at /api/auth/*: the Fastify request becomes a Fetch Request (raw body, original headers), and
 * the Fetch Response is copied back, every Set-Cookie included.
 */
function authRoutes(db: Kysely<Database>, auth: Auth, signIns: SignInLimiter) {
  return async (app: FastifyInstance) => {
    // Raw bodies: better-auth parses them itself (and an empty JSON body must not be an error here).
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
    app.route({
      method: ['GET', 'POST'],
      url: '/api/auth/*',
      handler: async (request, reply) => {
        const path = request.url.split('?')[0] ?? '';
        const lang = langOf(header(request, 'accept-language'));
        // Of the SSO plugin, only sign-in and its callback: providers are an organisation's admins' (admin.sso).
        if ((path.startsWith('/api/auth/sso/') || path.startsWith('/api/auth/sign-in/sso')) && !isServedSsoPath(path))
          return reply.code(404).send({ error: 'not_found' });
        if (request.method === 'POST' && path === '/api/auth/update-user') {
          // A person may change their name; e-mail, role, organisation and any other field are the organisation's.
          const body = jsonBody(request);
          const parsed = UpdateUserBody.safeParse(body);
          if (!parsed.success) {
            const { message, ...data } = zodMessage(parsed.error, body);
            return reply.code(400).send({ error: 'bad_request', code: 'INVALID_INPUT', message, ...data });
          }
        }
        const account = request.method === 'POST' && SIGN_IN_PATHS.has(path) ? emailOf(jsonBody(request)) : null;
        if (account !== null) {
          const refusal = await signIns.attempt(account, lang);
          if (refusal) {
            return reply
              .code(429)
              .header('x-retry-after', String(refusal.seconds))
              .send({ code: 'TOO_MANY_REQUESTS', message: refusal.message });
          }
        }
        let body: Buffer | undefined;
        if (request.method === 'POST' && path === '/api/auth/sign-in/sso') {
          const rewritten = await ssoSignInBody(db, jsonBody(request));
          if (rewritten === null)
            return reply.code(404).send({ code: 'SSO_NOT_CONFIGURED', message: SSO_NOT_CONFIGURED[lang] });
          body = rewritten;
        }
        const response = await auth.handler(toFetchRequest(request, body));
        if (account !== null && path === '/api/auth/sign-in/email' && response.ok) await signIns.succeeded(account);
        reply.code(response.status);
        for (const [name, value] of response.headers) if (name !== 'set-cookie') reply.header(name, value);
        const cookies = response.headers.getSetCookie();
        if (cookies.length > 0) reply.header('set-cookie', cookies);
        return reply.send(response.body ? Buffer.from(await response.arrayBuffer()) : null);
      },
    });
  };
}

/**
 * A single sign-on started by the organisation's slug names its provider instead: the plugin would look the slug up
 * in better-auth's organisation plugin, which Facets does not use (organisations are ours). Null: no such provider.
 * Any other body goes on unchanged (by e-mail: the plugin finds the provider of its domain).
 */
async function ssoSignInBody(db: Kysely<Database>, body: unknown): Promise<Buffer | undefined | null> {
  if (typeof body !== 'object' || body === null || !('organizationSlug' in body)) return undefined;
  const { organizationSlug, providerId: _ignored, ...rest } = body as Record<string, unknown>;
  const providerId =
    typeof organizationSlug === 'string' ? await ssoProviderIdForSlug(db, organizationSlug) : undefined;
  if (!providerId) return null;
  return Buffer.from(JSON.stringify({ ...rest, providerId }));
}

const SSO_NOT_CONFIGURED: Record<Lang, string> = {
  en: 'No organisation signs in with its own account under this name.',
  fr: 'Aucune organisation ne se connecte avec son propre compte sous ce nom.',
};

/** The sign-in calls counted per account: a password attempt, a request for a sign-in link. */
const SIGN_IN_PATHS = new Set(['/api/auth/sign-in/email', '/api/auth/sign-in/magic-link']);

/** The raw body as JSON, undefined when it is not JSON (better-auth then refuses it itself). */
function jsonBody(request: FastifyRequest): unknown {
  if (!(request.body instanceof Buffer) || request.body.length === 0) return undefined;
  try {
    return JSON.parse(request.body.toString('utf8'));
  } catch {
    return undefined;
  }
}

const emailOf = (body: unknown): string | null => {
  const email = (body as { email?: unknown } | null | undefined)?.email;
  return typeof email === 'string' && email.trim() !== '' ? email : null;
};

function toFetchRequest(request: FastifyRequest, replaced?: Buffer): Request {
  const url = new URL(request.url, `${request.protocol}://${request.host}`);
  const raw = replaced ?? request.body;
  const body = raw instanceof Buffer && raw.length > 0 ? new Uint8Array(raw) : undefined;
  const headers = fromNodeHeaders(request.headers);
  // The client's address as this server sees it (never a value the client sent), for better-auth's rate limits.
  headers.set(CLIENT_IP_HEADER, request.ip);
  return new Request(url, { method: request.method, headers, body });
}
