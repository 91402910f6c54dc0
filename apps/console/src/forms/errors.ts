import type { ErrorReason } from '@facets/domain';
import { refusalOf } from '@facets/portal-kit';

/**
 * The form's own wording for a refusal it knows (by field and reason code), or null: the caller then shows the shared
 * wording (`useErrorMessage`). Forms check what they can before sending, so this covers what only the server can know.
 */
export function knownRefusal(
  error: unknown,
  known: readonly { field: string; reason: ErrorReason; message: string }[],
): { field: string; message: string } | null {
  const refusal = refusalOf(error);
  const match = known.find((k) => k.field === refusal.field && k.reason === refusal.reason);
  return match ? { field: match.field, message: match.message } : null;
}
