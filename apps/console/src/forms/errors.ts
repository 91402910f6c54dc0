import { errorCode, errorDetail } from '@facets/portal-kit';

/** What a refused request says about a field: the tRPC code, the field the server named, its own message. */
export interface Refusal {
  code: string;
  field: string | null;
  message: string;
}

export function refusalOf(error: unknown): Refusal {
  // A tRPC client error carries the server's error data (errors.ts in @facets/api names the field there).
  const data = typeof error === 'object' && error !== null ? (error as { data?: { field?: unknown } }).data : undefined;
  return {
    code: errorCode(error),
    field: typeof data?.field === 'string' ? data.field : null,
    message: errorDetail(error),
  };
}

/**
 * The translated message for a refusal the form knows (by field and code), or null: the caller then shows the
 * generic error. Forms check what they can before sending, so this covers what only the server can know.
 */
export function knownRefusal(
  error: unknown,
  known: readonly { field: string; code: string; message: string; when?: (serverMessage: string) => boolean }[],
): { field: string; message: string } | null {
  const refusal = refusalOf(error);
  const match = known.find(
    (k) => k.field === refusal.field && k.code === refusal.code && (k.when ? k.when(refusal.message) : true),
  );
  return match ? { field: match.field, message: match.message } : null;
}
