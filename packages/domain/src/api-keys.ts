import { z } from 'zod';
import type { StaffRole } from './roles.ts';

/**
 * Keys for the public REST API (`/api/v1`): an admin creates one with a name and scopes, is shown its secret once,
 * and may revoke it. A key reads as `fct_<lookup>_<secret>`: the lookup (public, indexed) finds its row in one read,
 * the secret is compared with the stored hash in constant time. Neither part is ever stored in clear.
 */
export const API_SCOPES = [
  'results:read',
  'people:write',
  'surveys:trigger',
  'feedback:read',
  'feedback:write',
  /** SCIM 2.0 provisioning (`/scim/v2`) of the people directory of the one group the key names. */
  'scim',
] as const;
export const ApiScope = z.enum(API_SCOPES);
export type ApiScope = z.infer<typeof ApiScope>;

/**
 * The staff role a call made with a scope acts with: the REST route of a scope calls the console's own procedure with
 * that role's permissions, so results and feedback obey exactly the console's rules. Analysts read everything and
 * change nothing; HR keeps the directory, runs surveys and answers feedback.
 */
export const API_SCOPE_ROLE: Record<ApiScope, StaffRole> = {
  'results:read': 'analyst',
  'people:write': 'hr',
  'surveys:trigger': 'hr',
  'feedback:read': 'analyst',
  'feedback:write': 'hr',
  scim: 'hr',
};

export const API_KEY_PREFIX = 'fct_';
/** 12 base64url characters (72 random bits) of lookup, 43 (256 bits) of secret. */
export const API_KEY_LOOKUP_LENGTH = 12;
export const API_KEY_SECRET_LENGTH = 43;

const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** The two parts of a key as sent (`fct_<lookup>_<secret>`), or null when it is not shaped like one. */
export function parseApiKey(text: string): { lookup: string; secret: string } | null {
  if (!text.startsWith(API_KEY_PREFIX)) return null;
  const rest = text.slice(API_KEY_PREFIX.length);
  const lookup = rest.slice(0, API_KEY_LOOKUP_LENGTH);
  const secret = rest.slice(API_KEY_LOOKUP_LENGTH + 1);
  if (rest[API_KEY_LOOKUP_LENGTH] !== '_' || secret.length !== API_KEY_SECRET_LENGTH) return null;
  return BASE64URL.test(lookup) && BASE64URL.test(secret) ? { lookup, secret } : null;
}

/** The key as shown once to its creator. */
export const formatApiKey = (lookup: string, secret: string) => `${API_KEY_PREFIX}${lookup}_${secret}`;

/** A key's last use is written at most this often, so that a busy integration does not write on every call. */
export const API_KEY_TOUCH_INTERVAL_MS = 60_000;

/** Whether a key last used at `lastUsedAt` (ISO, null: never) should be marked used again at `now`. */
export function apiKeyTouchDue(lastUsedAt: string | null, now: string): boolean {
  return lastUsedAt === null || Date.parse(now) - Date.parse(lastUsedAt) >= API_KEY_TOUCH_INTERVAL_MS;
}

export const CreateApiKeyInput = z
  .strictObject({
    name: z.string().trim().min(1).max(100),
    scopes: z
      .array(ApiScope)
      .min(1)
      .max(API_SCOPES.length)
      .refine((s) => new Set(s).size === s.length, { message: 'each scope at most once' }),
    /** The stakeholder group a `scim` key provisions: required with that scope, refused without it. */
    groupId: z.string().min(1).max(100).optional(),
  })
  .superRefine((input, ctx) => {
    const scim = input.scopes.includes('scim');
    if (scim && input.groupId === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['groupId'],
        message: 'a key with the scim scope provisions one group: name it',
      });
    }
    if (!scim && input.groupId !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['groupId'],
        message: 'only a key with the scim scope is bound to a group',
      });
    }
  });
export type CreateApiKeyInput = z.infer<typeof CreateApiKeyInput>;
