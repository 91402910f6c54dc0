import { type ErrorLog, SCIM_PREFIX, type ScimAnswer, scimCall, scimError } from '@facets/api';
import { type Database, newId, verifyApiKey } from '@facets/db';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { ApiKeyLimiter } from './limits.ts';

/**
 * SCIM 2.0 provisioning under `/scim/v2` (api `scim/`): an identity provider or HR system is given this base URL and
 * an API key with the `scim` scope as its bearer token. The key is verified as the REST API's keys are and counted
 * against the same per-key limit; every answer, refusals included, is `application/scim+json` in SCIM's format.
 */
export interface ScimOptions {
  db: Kysely<Database>;
  baseUrl: string;
  clock: () => Date;
  limiter: ApiKeyLimiter;
  log?: ErrorLog;
}

const SCIM_TYPE = 'application/scim+json';

const send = (reply: FastifyReply, answer: ScimAnswer) => {
  reply.code(answer.status).header('content-type', `${SCIM_TYPE}; charset=utf-8`);
  return answer.body === null ? reply.send() : reply.send(JSON.stringify(answer.body));
};

function bearerOf(request: FastifyRequest): string | undefined {
  const value = request.headers.authorization;
  const match = typeof value === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(value) : null;
  return match?.[1];
}

export function scimRoutes(options: ScimOptions) {
  return async (app: FastifyInstance) => {
    app.addContentTypeParser(SCIM_TYPE, { parseAs: 'string' }, app.getDefaultJsonParser('error', 'error'));
    app.addHook('onSend', async (_request, reply) => {
      reply.header('cache-control', 'no-store');
    });
    app.setErrorHandler((error: { statusCode?: number; message: string }, request, reply) => {
      const status = error.statusCode ?? 500;
      if (status === 413) return send(reply, scimError(413, 'The request body is too large.'));
      if (status === 415) return send(reply, scimError(415, `Send ${SCIM_TYPE} or application/json.`));
      if (status < 500)
        return send(reply, scimError(status, `The request is malformed: ${error.message}`, 'invalidSyntax'));
      request.log.error({ err: error }, 'scim request failed');
      return send(reply, scimError(500, 'Internal server error'));
    });
    app.route({
      method: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
      url: '/*',
      handler: async (request, reply) => {
        const token = bearerOf(request);
        if (!token) {
          reply.header('www-authenticate', 'Bearer');
          return send(reply, scimError(401, 'Send an API key with the scim scope: Authorization: Bearer <key>.'));
        }
        const now = options.clock();
        const key = await verifyApiKey(options.db, { token, now: now.toISOString() });
        if (!key) {
          reply.header('www-authenticate', 'Bearer error="invalid_token"');
          return send(reply, scimError(401, 'This API key is not valid.'));
        }
        const wait = await options.limiter.consume(key.id);
        if (wait !== null) {
          reply.header('retry-after', String(wait));
          return send(reply, scimError(429, `Too many calls with this key: please try again in ${wait} s.`, 'tooMany'));
        }
        const path = request.url.slice(SCIM_PREFIX.length);
        const answer = await scimCall(
          { db: options.db, clock: () => now, newId, baseUrl: options.baseUrl, log: options.log ?? request.log },
          key,
          { method: request.method, path, query: request.query as Record<string, unknown>, body: request.body },
        );
        return send(reply, answer);
      },
    });
  };
}
