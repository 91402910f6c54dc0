import { type ErrorData, zodReason } from '@facets/api';
import { z } from 'zod';

/**
 * What a signed-in person may change about themself through better-auth's `POST /api/auth/update-user`: their name.
 * The e-mail address is how the organisation reaches them and how invitations find them; role, organisation,
 * department and stakeholder record belong to the organisation (admin.members.*), never to the account's holder.
 * Anything else in the body is refused whole, with the field named, and nothing is changed.
 */
export const UpdateUserBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
});
export type UpdateUserBody = z.infer<typeof UpdateUserBody>;

/** The fields better-auth may write on an update-user call (itself stamps updatedAt). */
export const UPDATABLE_USER_FIELDS: readonly string[] = ['name', 'updatedAt'];

/**
 * The first issue as "field: message", the way the tRPC API names a field, with the same machine-readable reason
 * (and limit) as the API's `error.data`.
 */
export function zodMessage(error: z.ZodError, body?: unknown): ErrorData & { message: string } {
  // A field that may not be changed is named first: it is the reason, not the name left out beside it.
  const issue = error.issues.find((i) => i.code === 'unrecognized_keys') ?? error.issues[0];
  if (!issue) return { field: null, reason: 'invalid_value', message: 'Invalid input.' };
  if (issue.code === 'unrecognized_keys') {
    const field = issue.keys[0] ?? null;
    return { field, reason: 'not_allowed', message: `${issue.keys.join(', ')}: cannot be changed here` };
  }
  const field = issue.path.length > 0 ? issue.path.join('.') : null;
  return { field, ...zodReason(issue, body), message: field ? `${field}: ${issue.message}` : issue.message };
}
