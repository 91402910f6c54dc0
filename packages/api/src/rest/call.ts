import { findMemberByUserId, type VerifiedApiKey } from '@facets/db';
import { API_SCOPE_ROLE, DomainError, type ErrorReason } from '@facets/domain';
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import type { Context, ContextParts } from '../context.ts';
import { errorData, INTERNAL_MESSAGE, toPublicError } from '../errors.ts';
import { createCaller } from '../root.ts';
import { type RestRoute, restInput } from './routes.ts';

/** A REST answer: the procedure's result as JSON, or an error naming the field and a machine-readable reason. */
export interface RestAnswer {
  status: number;
  body: unknown;
}

export interface RestError {
  error: { reason: ErrorReason; message: string; field: string | null; minimum?: number; maximum?: number };
}

const failure = (status: number, reason: ErrorReason, message: string, field: string | null = null): RestAnswer => ({
  status,
  body: { error: { reason, message, field } } satisfies RestError,
});

/**
 * Calls a route's procedure for a verified key: refused unless the key holds the route's scope; otherwise the key's
 * organisation is the caller's, with the staff member it acts for as author (replies, audit) and the role of the
 * scope (domain `API_SCOPE_ROLE`) as permissions. No session, no cookie.
 */
export async function callRestRoute(
  parts: Omit<ContextParts, 'session'>,
  key: VerifiedApiKey,
  route: RestRoute,
  request: { params: Record<string, string>; query: Record<string, unknown>; body: unknown },
): Promise<RestAnswer> {
  if (!key.scopes.includes(route.scope)) {
    return failure(403, 'scope_missing', `This API key lacks the scope ${route.scope}.`);
  }
  const member = await findMemberByUserId(parts.db, key.userId, key.organizationId);
  if (!member) return failure(401, 'unauthenticated', 'This API key is not valid.');
  const ctx: Context = {
    db: parts.db,
    session: { userId: key.userId },
    member: { ...member, role: API_SCOPE_ROLE[route.scope], department: null, stakeholder: null },
    clock: parts.clock,
    newId: parts.newId,
    baseUrl: parts.baseUrl.replace(/\/+$/, ''),
    log: parts.log ?? console,
    accounts: { ensureUser: refuseAccounts, issuePasswordToken: refuseAccounts },
    mailDelivery: parts.mailDelivery ?? 'smtp',
    webhooks: parts.webhooks ?? null,
    jobs: { failed: async () => [] },
  };
  try {
    const input = restInput(route, request);
    const caller = createCaller(ctx) as unknown as Record<string, unknown>;
    const procedure = route.procedure
      .split('.')
      .reduce<unknown>((node, step) => (node as Record<string, unknown>)[step], caller);
    const result = await (procedure as (input: unknown) => Promise<unknown>)(input);
    return { status: 200, body: result ?? null };
  } catch (thrown) {
    const error =
      thrown instanceof TRPCError
        ? toPublicError(thrown, ctx.log)
        : toPublicError(new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause: thrown }), ctx.log);
    const data = errorData(error);
    const message = error.code === 'INTERNAL_SERVER_ERROR' ? INTERNAL_MESSAGE : error.message;
    return {
      status: getHTTPStatusCodeFromError(error),
      body: { error: { ...data, message } } satisfies RestError,
    };
  }
}

/** No REST route creates accounts. */
const refuseAccounts = async (): Promise<never> => {
  throw new DomainError('forbidden', 'Not available through the API.');
};
