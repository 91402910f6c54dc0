import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import {
  API_KEY_LOOKUP_LENGTH,
  API_KEY_SECRET_LENGTH,
  type ApiScope,
  ApiScope as ApiScopeSchema,
  apiKeyTouchDue,
  DomainError,
  formatApiKey,
  parseApiKey,
} from '@facets/domain';
import type { Kysely } from 'kysely';
import { requireActiveGroup } from '../repositories/groups.ts';
import { parseJson } from '../repositories/rows.ts';
import type { Database } from '../schema.ts';

/**
 * Keys of the public REST API. A key is `fct_<lookup>_<secret>`: the lookup is stored in clear and unique, so that
 * verifying a key is one indexed read; the secret is stored as its SHA-256 only (it is 256 random bits, so a plain
 * hash is enough: there is nothing to guess), compared in constant time. The key is returned once, at creation.
 */

export interface ApiKey {
  id: string;
  name: string;
  scopes: ApiScope[];
  /** The key's first characters (`fct_<lookup>`), so that an admin can tell keys apart; not a secret. */
  prefix: string;
  createdAt: string;
  createdBy: { memberId: string; name: string };
  lastUsedAt: string | null;
  revokedAt: string | null;
  /** The group a `scim` key provisions; null for other keys. */
  scimGroup: { id: string; code: string } | null;
}

/** A verified key: the organisation it belongs to, its scopes and the staff member (user) it acts for. */
export interface VerifiedApiKey {
  id: string;
  organizationId: string;
  scopes: ApiScope[];
  memberId: string;
  userId: string;
  /** The group a `scim` key provisions; null for other keys. */
  scimGroupId: string | null;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const randomText = (length: number) =>
  randomBytes(Math.ceil((length * 3) / 4))
    .toString('base64url')
    .slice(0, length);

const scopesOf = (json: string): ApiScope[] =>
  parseJson<unknown[]>(json, []).flatMap((s) => {
    const parsed = ApiScopeSchema.safeParse(s);
    return parsed.success ? [parsed.data] : [];
  });

export async function listApiKeys(db: Kysely<Database>, args: { organizationId: string }): Promise<ApiKey[]> {
  const rows = await db
    .selectFrom('api_key as k')
    .innerJoin('member as m', (j) =>
      j.onRef('m.id', '=', 'k.created_by_member_id').onRef('m.organization_id', '=', 'k.organization_id'),
    )
    .innerJoin('auth_user as u', 'u.id', 'm.user_id')
    .leftJoin('stakeholder_group as g', (j) =>
      j.onRef('g.id', '=', 'k.scim_group_id').onRef('g.organization_id', '=', 'k.organization_id'),
    )
    .select([
      'g.id as group_id',
      'g.code as group_code',
      'k.id',
      'k.name',
      'k.scopes',
      'k.lookup',
      'k.created_at',
      'k.created_by_member_id',
      'u.name as creator_name',
      'k.last_used_at',
      'k.revoked_at',
    ])
    .where('k.organization_id', '=', args.organizationId)
    .orderBy('k.created_at', 'desc')
    .orderBy('k.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    scopes: scopesOf(r.scopes),
    prefix: `fct_${r.lookup}`,
    createdAt: r.created_at,
    createdBy: { memberId: r.created_by_member_id, name: r.creator_name },
    lastUsedAt: r.last_used_at,
    revokedAt: r.revoked_at,
    scimGroup: r.group_id ? { id: r.group_id, code: r.group_code ?? '' } : null,
  }));
}

/** Creates a key; the answer carries the whole key, which nothing stores and nobody can read again. */
export async function createApiKey(
  db: Kysely<Database>,
  args: {
    organizationId: string;
    memberId: string;
    name: string;
    scopes: readonly ApiScope[];
    /** The group a key with the `scim` scope provisions: required with that scope, refused without. */
    groupId?: string | undefined;
    now: string;
    newId: () => string;
    /** The random parts (tests fix them); 72 and 256 random bits otherwise. */
    newLookup?: () => string;
    newSecret?: () => string;
  },
): Promise<{ id: string; key: string }> {
  const scim = args.scopes.includes('scim');
  if (scim !== (args.groupId !== undefined)) {
    throw new DomainError(
      'invalid',
      scim ? 'groupId: a key with the scim scope provisions one group: name it' : 'groupId: only a scim key has one',
      'groupId',
      scim ? 'required' : 'not_allowed',
    );
  }
  if (args.groupId !== undefined) {
    await requireActiveGroup(db, { organizationId: args.organizationId, groupId: args.groupId });
  }
  const lookup = (args.newLookup ?? (() => randomText(API_KEY_LOOKUP_LENGTH)))();
  const secret = (args.newSecret ?? (() => randomText(API_KEY_SECRET_LENGTH)))();
  const key = formatApiKey(lookup, secret);
  if (!parseApiKey(key)) throw new Error('api key: malformed random parts');
  const id = args.newId();
  await db
    .insertInto('api_key')
    .values({
      id,
      organization_id: args.organizationId,
      name: args.name,
      scopes: JSON.stringify([...new Set(args.scopes)]),
      lookup,
      secret_hash: sha256(secret),
      created_by_member_id: args.memberId,
      created_at: args.now,
      last_used_at: null,
      revoked_at: null,
      scim_group_id: args.groupId ?? null,
    })
    .execute();
  return { id, key };
}

/** Revokes a key of the organisation; revoking it again changes nothing. Returns its name and scopes. */
export async function revokeApiKey(
  db: Kysely<Database>,
  args: { organizationId: string; keyId: string; now: string },
): Promise<{ id: string; name: string; scopes: ApiScope[]; alreadyRevoked: boolean }> {
  const row = await db
    .selectFrom('api_key')
    .select(['id', 'name', 'scopes', 'revoked_at'])
    .where('organization_id', '=', args.organizationId)
    .where('id', '=', args.keyId)
    .executeTakeFirst();
  if (!row) throw new DomainError('not_found', 'keyId: no such API key', 'keyId');
  if (row.revoked_at === null) {
    await db
      .updateTable('api_key')
      .set({ revoked_at: args.now })
      .where('organization_id', '=', args.organizationId)
      .where('id', '=', row.id)
      .execute();
  }
  return { id: row.id, name: row.name, scopes: scopesOf(row.scopes), alreadyRevoked: row.revoked_at !== null };
}

/** Compared against when no key has the lookup, so that an unknown lookup costs the same as a wrong secret. */
const NO_HASH = sha256('no such key');

/**
 * The key a bearer token names, if it is a live key: well formed, its secret right, not revoked, and the admin it
 * acts for still a member. Undefined otherwise, whichever part is wrong (a caller learns nothing about which keys
 * exist). Marks the key used, at most once a minute.
 */
export async function verifyApiKey(
  db: Kysely<Database>,
  args: { token: string; now: string },
): Promise<VerifiedApiKey | undefined> {
  const parts = parseApiKey(args.token);
  if (!parts) return undefined;
  const row = await db
    .selectFrom('api_key as k')
    .innerJoin('member as m', (j) =>
      j.onRef('m.id', '=', 'k.created_by_member_id').onRef('m.organization_id', '=', 'k.organization_id'),
    )
    .select([
      'k.id',
      'k.organization_id',
      'k.scopes',
      'k.secret_hash',
      'k.last_used_at',
      'k.revoked_at',
      'm.id as member_id',
      'm.user_id',
      'm.removed_at',
      'k.scim_group_id',
    ])
    .where('k.lookup', '=', parts.lookup)
    .executeTakeFirst();
  const expected = Buffer.from(row?.secret_hash ?? NO_HASH, 'hex');
  const matches = timingSafeEqual(expected, Buffer.from(sha256(parts.secret), 'hex'));
  if (!row || !matches || row.revoked_at !== null || row.removed_at !== null) return undefined;
  if (apiKeyTouchDue(row.last_used_at, args.now)) {
    await db
      .updateTable('api_key')
      .set({ last_used_at: args.now })
      .where('organization_id', '=', row.organization_id)
      .where('id', '=', row.id)
      .execute();
  }
  return {
    id: row.id,
    organizationId: row.organization_id,
    scopes: scopesOf(row.scopes),
    memberId: row.member_id,
    userId: row.user_id,
    scimGroupId: row.scim_group_id,
  };
}

/**
 * Claims the right to tell a key's admins that a deactivation it sent was refused for the deactivation limit: true
 * at most once a `windowMs` per key (so a client retrying all day sends one e-mail an hour), and only to one caller.
 */
export async function claimScimLimitNotice(
  db: Kysely<Database>,
  args: { organizationId: string; keyId: string; now: string; windowMs: number },
): Promise<boolean> {
  const since = new Date(Date.parse(args.now) - args.windowMs).toISOString();
  const result = await db
    .updateTable('api_key')
    .set({ scim_limit_notified_at: args.now })
    .where('organization_id', '=', args.organizationId)
    .where('id', '=', args.keyId)
    .where((eb) => eb.or([eb('scim_limit_notified_at', 'is', null), eb('scim_limit_notified_at', '<=', since)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
