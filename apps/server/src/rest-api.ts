import { callRestRoute, type ErrorLog, openApiDocument, REST_ROUTES, type RestError } from '@facets/api';
import { type Database, newId, verifyApiKey } from '@facets/db';
import type { ErrorReason } from '@facets/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { ApiKeyLimiter } from './limits.ts';

/**
 * The public REST API under `/api/v1` (api `rest/`): `Authorization: Bearer <key>` on every route but the OpenAPI
 * description; no cookie, no session. A key is verified (one indexed read, a constant-time compare), counted against
 * its per-minute limit, then the route's procedure runs for it. Every refusal is JSON naming its reason and field.
 */
export interface RestApiOptions {
  db: Kysely<Database>;
  baseUrl: string;
  clock: () => Date;
  limiter: ApiKeyLimiter;
  log?: ErrorLog;
  mailDelivery: 'smtp' | 'outbox';
}

export const REST_PREFIX = '/api/v1';

const refuse = (reply: FastifyReply, status: number, reason: ErrorReason, message: string) =>
  reply.code(status).send({ error: { reason, message, field: null } } satisfies RestError);

/** The bearer token of a request; undefined when it sent none (or another scheme). */
function bearerOf(request: FastifyRequest): string | undefined {
  const value = request.headers.authorization;
  const match = typeof value === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(value) : null;
  return match?.[1];
}

export function restApiRoutes(options: RestApiOptions) {
  return async (app: FastifyInstance) => {
    app.setErrorHandler((error: { statusCode?: number; message: string }, request, reply) => {
      const status = error.statusCode ?? 500;
      if (status === 413) return refuse(reply, 413, 'payload_too_large', 'The request body is too large.');
      if (status < 500) return refuse(reply, status, 'invalid_format', `The request is malformed: ${error.message}`);
      request.log.error({ err: error }, 'api request failed');
      return refuse(reply, 500, 'internal', 'Internal server error');
    });
    app.setNotFoundHandler((_request, reply) => refuse(reply, 404, 'not_found', 'No such route of the API.'));

    app.get('/openapi.json', async () => openApiDocument(options.baseUrl));

    for (const route of REST_ROUTES) {
      app.route({
        method: route.method,
        url: route.path.replace(/\{(\w+)\}/g, ':$1'),
        handler: async (request, reply) => {
          const token = bearerOf(request);
          if (!token) {
            reply.header('www-authenticate', 'Bearer');
            return refuse(reply, 401, 'unauthenticated', 'Send an API key: Authorization: Bearer <key>.');
          }
          const now = options.clock();
          const key = await verifyApiKey(options.db, { token, now: now.toISOString() });
          if (!key) {
            reply.header('www-authenticate', 'Bearer error="invalid_token"');
            return refuse(reply, 401, 'unauthenticated', 'This API key is not valid.');
          }
          const wait = await options.limiter.consume(key.id);
          if (wait !== null) {
            reply.header('retry-after', String(wait));
            return refuse(reply, 429, 'rate_limited', `Too many calls with this key: please try again in ${wait} s.`);
          }
          const answer = await callRestRoute(
            {
              db: options.db,
              clock: () => now,
              newId,
              baseUrl: options.baseUrl,
              log: options.log ?? request.log,
              mailDelivery: options.mailDelivery,
            },
            key,
            route,
            {
              params: request.params as Record<string, string>,
              query: request.query as Record<string, unknown>,
              body: request.body,
            },
          );
          return reply.code(answer.status).send(answer.body);
        },
      });
    }
  };
}
