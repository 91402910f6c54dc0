import { Transform } from 'node:stream';
import { appRouter, createContextInner, INTERNAL_MESSAGE } from '@facets/api';
import { type Database, newId } from '@facets/db';
import helmet from '@fastify/helmet';
import { type FastifyTRPCPluginOptions, fastifyTRPCPlugin } from '@trpc/server/adapters/fastify';
import { fromNodeHeaders } from 'better-auth/node';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyRequest } from 'fastify';
import { type Kysely, sql } from 'kysely';
import pino from 'pino';
import { createAccounts } from './accounts.ts';
import { type Auth, CLIENT_IP_HEADER } from './auth.ts';
import { createSubmissionLimiter, isSubmission, type Limits, PRODUCTION_LIMITS } from './limits.ts';
import { registerPortals } from './portals.ts';

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
  clock?: () => Date;
  /** Submission limits (limits.ts); production's when not given. Sign-in limits are the auth's own (auth.ts). */
  limits?: Limits;
  /** Who delivers e-mail (env.ts `mailDelivery`); `smtp` when not given, so that no secret link is ever shown. */
  mailDelivery?: 'smtp' | 'outbox';
}

/** The whole HTTP surface on one port: tRPC, auth, health, the built portals. Nothing listens until the caller says. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { db, auth } = options;
  const clock = options.clock ?? (() => new Date());
  const limiter = createSubmissionLimiter(options.limits ?? PRODUCTION_LIMITS);
  const accounts = createAccounts(auth);
  const app = Fastify({
    loggerInstance: options.logger ?? pino({ level: 'silent' }),
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

  await app.register(authRoutes(auth));

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
      createContext: async ({ req, info }) => {
        // Counted before the session lookup, so that a flood from one address costs no database work.
        const submissions = info.calls.filter((c) => isSubmission(c.path)).length;
        await limiter.fromAddress(req.ip, submissions);
        const session = await auth.api.getSession({ headers: fromNodeHeaders(req.headers) });
        if (session) await limiter.fromUser(session.user.id, submissions);
        return createContextInner({
          db,
          session: session ? { userId: session.user.id } : null,
          clock,
          newId,
          baseUrl: options.baseUrl,
          log: req.log,
          accounts,
          mailDelivery: options.mailDelivery ?? 'smtp',
        });
      },
      onError: ({ error, path, req }) => {
        // Procedure failures were logged where they were caught; this catches those outside any procedure.
        if (error.code === 'INTERNAL_SERVER_ERROR' && error.cause)
          req.log.error({ err: error.cause, path }, 'trpc failed');
      },
    } satisfies FastifyTRPCPluginOptions<typeof appRouter>['trpcOptions'],
  });

  await registerPortals(app, options.portalsDir);
  app.get('/', (_request, reply) => reply.redirect('/console/', 302));
  return app;
}

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
function authRoutes(auth: Auth) {
  return async (app: FastifyInstance) => {
    // Raw bodies: better-auth parses them itself (and an empty JSON body must not be an error here).
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
    app.route({
      method: ['GET', 'POST'],
      url: '/api/auth/*',
      handler: async (request, reply) => {
        const response = await auth.handler(toFetchRequest(request));
        reply.code(response.status);
        for (const [name, value] of response.headers) if (name !== 'set-cookie') reply.header(name, value);
        const cookies = response.headers.getSetCookie();
        if (cookies.length > 0) reply.header('set-cookie', cookies);
        return reply.send(response.body ? Buffer.from(await response.arrayBuffer()) : null);
      },
    });
  };
}

function toFetchRequest(request: FastifyRequest): Request {
  const url = new URL(request.url, `${request.protocol}://${request.host}`);
  const body = request.body instanceof Buffer && request.body.length > 0 ? new Uint8Array(request.body) : undefined;
  const headers = fromNodeHeaders(request.headers);
  // The client's address as this server sees it (never a value the client sent), for better-auth's rate limits.
  headers.set(CLIENT_IP_HEADER, request.ip);
  return new Request(url, { method: request.method, headers, body });
}
