import { appRouter, createContextInner, INTERNAL_MESSAGE } from '@facets/api';
import { type Database, newId } from '@facets/db';
import helmet from '@fastify/helmet';
import { type FastifyTRPCPluginOptions, fastifyTRPCPlugin } from '@trpc/server/adapters/fastify';
import { fromNodeHeaders } from 'better-auth/node';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyRequest } from 'fastify';
import { type Kysely, sql } from 'kysely';
import pino from 'pino';
import { createAccounts } from './accounts.ts';
import type { Auth } from './auth.ts';
import { registerPortals } from './portals.ts';

export const BODY_LIMIT = 1024 * 1024;

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
}

/** The whole HTTP surface on one port: tRPC, auth, health, the built portals. Nothing listens until the caller says. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { db, auth } = options;
  const clock = options.clock ?? (() => new Date());
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

  await app.register(fastifyTRPCPlugin, {
    prefix: '/trpc',
    trpcOptions: {
      router: appRouter,
      createContext: async ({ req }) => {
        const session = await auth.api.getSession({ headers: fromNodeHeaders(req.headers) });
        return createContextInner({
          db,
          session: session ? { userId: session.user.id } : null,
          clock,
          newId,
          baseUrl: options.baseUrl,
          log: req.log,
          accounts,
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
  return new Request(url, { method: request.method, headers: fromNodeHeaders(request.headers), body });
}
