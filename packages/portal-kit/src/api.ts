import type { AppRouter } from '@facets/api';
import { QueryCache, QueryClient } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import { createTRPCContext, type inferOutput, type TRPCOptionsProxy } from '@trpc/tanstack-react-query';

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

type Api = TRPCOptionsProxy<AppRouter>;
export type Me = NonNullable<inferOutput<Api['session']['me']>>;
export type SurveyListItem = inferOutput<Api['portal']['survey']['list']>[number];
/** A survey as its respondents see it: one wave's title, introduction and questions. */
export type PortalSurvey = inferOutput<Api['portal']['survey']['get']>;
export type SurveyQuestion = PortalSurvey['questions'][number];
export type DimensionItem = inferOutput<Api['portal']['dimension']['list']>[number];
export type MyFeedbackItem = inferOutput<Api['portal']['feedback']['list']>[number];
export type InboxItem = inferOutput<Api['feedback']['inbox']>[number];
export type Overview = inferOutput<Api['insights']['overview']>;
export type OverviewGroup = Overview['groups'][number];
export type OverviewDimension = OverviewGroup['dimensions'][number];
export type OrgGroup = inferOutput<Api['org']['groups']>[number];
export type InvitationDetail = inferOutput<Api['portal']['invitation']['get']>;
export type PortalResults = inferOutput<Api['portal']['results']['get']>;
export type PortalRules = inferOutput<Api['portal']['rules']['get']>;

/** The server refused a request body over its limit (HTTP 413), before any procedure ran. */
export class PayloadTooLargeError extends Error {
  constructor() {
    super('payload too large');
    this.name = 'PayloadTooLargeError';
  }
}

/**
 * The tRPC error code of a failure (UNAUTHORIZED, BAD_REQUEST…), 'PAYLOAD_TOO_LARGE' for a body over the server's
 * limit, 'NETWORK' when no server answered.
 */
export function errorCode(error: unknown): string {
  if (error instanceof PayloadTooLargeError) return 'PAYLOAD_TOO_LARGE';
  if (error instanceof TRPCClientError) {
    if (error.cause instanceof PayloadTooLargeError) return 'PAYLOAD_TOO_LARGE';
    const code = (error.data as { code?: unknown } | undefined)?.code;
    return typeof code === 'string' ? code : 'NETWORK';
  }
  return error instanceof TypeError ? 'NETWORK' : 'UNKNOWN';
}

/** The server's English message, or '' (for logs and API clients: screens word `refusalOf`, refusal.ts). */
export function errorDetail(error: unknown): string {
  return error instanceof TRPCClientError ? error.message : '';
}

const ME_PATH = ['session', 'me'];

function isMeQuery(queryKey: readonly unknown[]): boolean {
  const path = queryKey[0];
  return Array.isArray(path) && path.length === 2 && path[0] === ME_PATH[0] && path[1] === ME_PATH[1];
}

/** The query client and the tRPC client of one app: same-origin '/trpc', session cookie included. */
export function createClients() {
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      // A session that ends mid-visit sends the person back to sign-in instead of a broken page.
      onError: (error, query) => {
        if (errorCode(error) === 'UNAUTHORIZED' && !isMeQuery(query.queryKey)) {
          void queryClient.invalidateQueries({ predicate: (q) => isMeQuery(q.queryKey) });
        }
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // Retrying a refusal (401, 403, 400, 404) cannot succeed; a lost connection may.
        retry: (count, error) =>
          count < 2 && ['NETWORK', 'INTERNAL_SERVER_ERROR', 'UNKNOWN'].includes(errorCode(error)),
      },
    },
  });
  const trpcClient = createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: '/trpc',
        // The server refuses a batch of more than 50 calls (apps/server MAX_BATCH_SIZE); a page that asks for more
        // sends several batches.
        maxItems: 25,
        fetch: async (url, options) => {
          const response = await fetch(url, { ...(options as RequestInit), credentials: 'same-origin' });
          // The body limit answers before tRPC does, with no tRPC error to read.
          if (response.status === 413) throw new PayloadTooLargeError();
          return response;
        },
      }),
    ],
  });
  return { queryClient, trpcClient };
}

export { isMeQuery };
