import {
  claimScimLimitNotice,
  createPerson,
  type Database,
  deactivatePerson,
  getGroup,
  inTransaction,
  listDirectory,
  listSegmentAttributes,
  notifyScimDeactivationLimit,
  type PersonRecord,
  recordAuditEvent,
  replacePerson,
  type SegmentAttribute,
  type VerifiedApiKey,
} from '@facets/db';
import { DEACTIVATION_CONFIRM_SHARE, DEACTIVATION_WINDOW_MS, DomainError } from '@facets/domain';
import type { Kysely } from 'kysely';
import { ScimError as ScimPatchError, type ScimPatchOperation, scimPatch } from 'scim-patch';
import { z } from 'zod';
import type { ErrorLog } from '../errors.ts';
import {
  resourceType,
  resourceTypes,
  SCIM_MAX_RESULTS,
  schemaById,
  schemas,
  serviceProviderConfig,
} from './discovery.ts';
import {
  attributeOf,
  LIST_RESPONSE,
  PATCH_OP,
  parseFilter,
  recordOf,
  SCIM_ERROR,
  ScimRefusal,
  type ScimUser,
  scimUserOf,
} from './resource.ts';

/**
 * SCIM 2.0 provisioning (RFC 7644) of one group's people directory, for an API key with the `scim` scope: the key
 * names the group (its `scimGroupId`), so one base URL (`/scim/v2`) and one bearer token are all an identity
 * provider needs. Users are the group's people who were never erased; another group's or organisation's id is
 * answered 404, as an id that never existed. Creating refuses an e-mail or external id the group holds (409
 * `uniqueness`); replacing and patching state the person whole; deleting deactivates, never deletes, and every
 * deactivation is held to the directory's deactivation limit over its window (db `deactivatePerson`), its refusal
 * telling the admins at most once a window. Each write is in the audit log as the key's creator, counted per hour.
 */

export interface ScimParts {
  db: Kysely<Database>;
  clock: () => Date;
  newId: () => string;
  /** The public origin (BASE_URL). */
  baseUrl: string;
  log?: ErrorLog;
}

export interface ScimRequest {
  method: string;
  /** The path below `/scim/v2`, e.g. `/Users/01J…`. */
  path: string;
  query: Record<string, unknown>;
  body: unknown;
}

export interface ScimAnswer {
  status: number;
  body: unknown;
}

export const SCIM_PREFIX = '/scim/v2';

export const scimError = (status: number, detail: string, scimType: string | null = null): ScimAnswer => ({
  status,
  body: { schemas: [SCIM_ERROR], status: String(status), ...(scimType ? { scimType } : {}), detail },
});

const ListQuery = z.strictObject({
  filter: z.string().max(1000).optional(),
  startIndex: z.coerce.number().int().optional(),
  count: z.coerce.number().int().optional(),
  attributes: z.string().max(1000).optional(),
  excludedAttributes: z.string().max(1000).optional(),
});

const PatchBody = z.looseObject({
  schemas: z.array(z.string()).refine((s) => s.includes(PATCH_OP), { message: `must include ${PATCH_OP}` }),
  Operations: z
    .array(
      z.looseObject({
        op: z.string().regex(/^(add|replace|remove)$/i, { message: 'must be add, replace or remove' }),
        path: z.string().max(500).optional(),
        value: z.unknown().optional(),
      }),
    )
    .min(1)
    .max(100),
});

interface Scope {
  organizationId: string;
  groupId: string;
  groupCode: string;
  attributes: SegmentAttribute[];
  base: string;
  now: string;
}

/** Answers one SCIM request of a verified key. */
export async function scimCall(parts: ScimParts, key: VerifiedApiKey, request: ScimRequest): Promise<ScimAnswer> {
  if (!key.scopes.includes('scim') || key.scimGroupId === null) {
    return scimError(403, 'This API key lacks the scim scope.');
  }
  const group = await getGroup(parts.db, { organizationId: key.organizationId, groupId: key.scimGroupId });
  if (!group) return scimError(403, 'The group this API key provisions no longer exists.');
  const scope: Scope = {
    organizationId: key.organizationId,
    groupId: group.id,
    groupCode: group.code,
    attributes: await listSegmentAttributes(parts.db, {
      organizationId: key.organizationId,
      groupId: group.id,
      active: true,
    }),
    base: `${parts.baseUrl.replace(/\/+$/, '')}${SCIM_PREFIX}`,
    now: parts.clock().toISOString(),
  };
  try {
    return await route(parts, key, scope, request);
  } catch (thrown) {
    return refusalOf(thrown, parts.log);
  }
}

async function route(parts: ScimParts, key: VerifiedApiKey, scope: Scope, request: ScimRequest): Promise<ScimAnswer> {
  const segments = request.path.split('?')[0]!.split('/').filter(Boolean);
  const [resource, id, ...rest] = segments;
  const method = request.method.toUpperCase();
  const ok = (body: unknown, status = 200): ScimAnswer => ({ status, body });
  if (rest.length > 0) return scimError(404, 'No such SCIM endpoint.');
  if (method === 'GET' && id === undefined) {
    if (resource === 'ServiceProviderConfig') return ok(serviceProviderConfig(scope.base));
    if (resource === 'ResourceTypes') return ok(resourceTypes(scope.base));
    if (resource === 'Schemas') return ok(schemas(scope.base, scope.attributes));
  }
  if (method === 'GET' && id !== undefined) {
    const found =
      resource === 'ResourceTypes'
        ? resourceType(scope.base, id)
        : resource === 'Schemas'
          ? schemaById(scope.base, scope.attributes, id)
          : undefined;
    if (found) return ok(found);
    if (resource !== 'Users')
      return scimError(404, `${resource}: no such ${resource === 'Schemas' ? 'schema' : 'resource type'}.`);
  }
  if (resource !== 'Users') return scimError(404, 'No such SCIM endpoint.');
  if (id === undefined) {
    if (method === 'GET') return ok(await listUsers(parts.db, scope, request.query));
    if (method === 'POST') return ok(await createUser(parts, key, scope, request.body), 201);
    return scimError(405, `${method} /Users is not supported.`);
  }
  if (method === 'GET') return ok(await requireUser(parts.db, scope, id));
  if (method === 'PUT') return ok(await writeUser(parts, key, scope, id, recordOf(request.body, scope.attributes)));
  if (method === 'PATCH') return ok(await patchUser(parts, key, scope, id, request.body));
  if (method === 'DELETE') {
    await deleteUser(parts, key, scope, id);
    return { status: 204, body: null };
  }
  return scimError(405, `${method} /Users/{id} is not supported.`);
}

async function findUsers(
  db: Kysely<Database>,
  scope: Scope,
  options: { match?: { email?: string; externalId?: string; id?: string }; offset: number; limit: number },
) {
  const page = await listDirectory(db, {
    organizationId: scope.organizationId,
    groupId: scope.groupId,
    status: 'all',
    withoutErased: true,
    ...(options.match ? { match: options.match } : {}),
    page: 0,
    pageSize: options.limit,
    offset: options.offset,
  });
  return { total: page.total, users: page.people.map((p) => scimUserOf(p, scope.attributes, scope.base)) };
}

async function listUsers(db: Kysely<Database>, scope: Scope, query: Record<string, unknown>) {
  const parsed = ListQuery.safeParse(query);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.map(String).join('.') || String((issue as { keys?: string[] }).keys?.[0] ?? 'query');
    throw new ScimRefusal(400, 'invalidValue', `${field}: ${issue.message}`);
  }
  const startIndex = Math.max(1, parsed.data.startIndex ?? 1);
  const count = Math.min(SCIM_MAX_RESULTS, Math.max(0, parsed.data.count ?? 100));
  const match = parsed.data.filter === undefined ? undefined : parseFilter(parsed.data.filter);
  const { total, users } = await findUsers(db, scope, {
    ...(match ? { match } : {}),
    offset: startIndex - 1,
    limit: count,
  });
  return { schemas: [LIST_RESPONSE], totalResults: total, startIndex, itemsPerPage: users.length, Resources: users };
}

async function requireUser(db: Kysely<Database>, scope: Scope, id: string): Promise<ScimUser> {
  const { users } = await findUsers(db, scope, { match: { id }, offset: 0, limit: 1 });
  if (!users[0]) throw new ScimRefusal(404, null, `id: no such User`);
  return users[0];
}

type Operation = 'created' | 'updated' | 'deactivated';

/**
 * Counts a write in the key's audit event of the hour (one per key and group, created by the first write of the
 * hour): who provisioned how many, never whom.
 */
async function audited(
  parts: ScimParts,
  key: VerifiedApiKey,
  scope: Scope,
  write: (trx: Kysely<Database>) => Promise<Operation[]>,
): Promise<void> {
  await inTransaction(parts.db, async (trx) => {
    const done = await write(trx);
    if (done.length === 0) return;
    const since = new Date(Date.parse(scope.now) - 60 * 60 * 1000).toISOString();
    const current = await trx
      .selectFrom('audit_event')
      .select(['id', 'details'])
      .where('organization_id', '=', scope.organizationId)
      .where('action', '=', 'people.provision')
      .where('target', '=', key.id)
      .where('at', '>', since)
      .orderBy('at', 'desc')
      .executeTakeFirst();
    const details = current
      ? (JSON.parse(current.details) as Record<string, number | string>)
      : { via: 'SCIM', group: scope.groupCode, created: 0, updated: 0, deactivated: 0 };
    for (const op of done) details[op] = Number(details[op] ?? 0) + 1;
    details.last = scope.now;
    if (current) {
      await trx
        .updateTable('audit_event')
        .set({ details: JSON.stringify(details) })
        .where('organization_id', '=', scope.organizationId)
        .where('id', '=', current.id)
        .execute();
      return;
    }
    await recordAuditEvent(trx, {
      organizationId: scope.organizationId,
      actorMemberId: key.memberId,
      action: 'people.provision',
      target: key.id,
      details,
      now: scope.now,
      newId: parts.newId,
    });
  });
}

async function createUser(parts: ScimParts, key: VerifiedApiKey, scope: Scope, body: unknown): Promise<ScimUser> {
  const record = recordOf(body, scope.attributes);
  let personId = '';
  await audited(parts, key, scope, async (trx) => {
    ({ personId } = await createPerson(trx, {
      organizationId: scope.organizationId,
      groupId: scope.groupId,
      record,
      now: scope.now,
      newId: parts.newId,
    }));
    return ['created'];
  });
  return requireUser(parts.db, scope, personId);
}

async function writeUser(
  parts: ScimParts,
  key: VerifiedApiKey,
  scope: Scope,
  id: string,
  record: PersonRecord,
): Promise<ScimUser> {
  await requireUser(parts.db, scope, id);
  await limited(parts, key, scope, () =>
    audited(parts, key, scope, async (trx) => {
      const result = await replacePerson(trx, {
        organizationId: scope.organizationId,
        groupId: scope.groupId,
        personId: id,
        record,
        now: scope.now,
        limit: {},
      });
      if (!result.changed) return [];
      return result.deactivated ? ['deactivated'] : ['updated'];
    }),
  );
  return requireUser(parts.db, scope, id);
}

async function patchUser(parts: ScimParts, key: VerifiedApiKey, scope: Scope, id: string, body: unknown) {
  const parsed = PatchBody.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ScimRefusal(400, 'invalidSyntax', `${issue.path.map(String).join('.') || 'body'}: ${issue.message}`);
  }
  const current = await requireUser(parts.db, scope, id);
  let patched: unknown;
  try {
    patched = scimPatch(
      current as unknown as Parameters<typeof scimPatch>[0],
      parsed.data.Operations as unknown as ScimPatchOperation[],
      { mutateDocument: false, treatMissingAsAdd: true },
    );
  } catch (error) {
    // It patches a copy of the User in memory: whatever it throws comes from the operations sent.
    const scimType = error instanceof ScimPatchError ? (error.scimCode ?? 'invalidValue') : 'invalidValue';
    const why = error instanceof ScimPatchError ? error.message : 'an operation cannot be applied to this User';
    throw new ScimRefusal(400, scimType, `Operations: ${why}`);
  }
  return writeUser(parts, key, scope, id, recordOf(patched, scope.attributes));
}

async function deleteUser(parts: ScimParts, key: VerifiedApiKey, scope: Scope, id: string): Promise<void> {
  await requireUser(parts.db, scope, id);
  await limited(parts, key, scope, () =>
    audited(parts, key, scope, async (trx) => {
      const before = await trx
        .selectFrom('stakeholder')
        .select('active')
        .where('organization_id', '=', scope.organizationId)
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      await deactivatePerson(trx, {
        organizationId: scope.organizationId,
        groupId: scope.groupId,
        personId: id,
        now: scope.now,
        limit: {},
      });
      return before.active === 1 ? ['deactivated'] : [];
    }),
  );
}

/** Runs a write that may deactivate; past the deactivation limit, tells the admins (once a window) and refuses. */
async function limited(parts: ScimParts, key: VerifiedApiKey, scope: Scope, write: () => Promise<void>) {
  try {
    await write();
  } catch (error) {
    if (!(error instanceof DomainError) || error.reason !== 'deactivation_limit') throw error;
    await inTransaction(parts.db, async (trx) => {
      const claimed = await claimScimLimitNotice(trx, {
        organizationId: scope.organizationId,
        keyId: key.id,
        now: scope.now,
        windowMs: DEACTIVATION_WINDOW_MS,
      });
      if (!claimed) return;
      const row = await trx
        .selectFrom('api_key')
        .select('name')
        .where('organization_id', '=', scope.organizationId)
        .where('id', '=', key.id)
        .executeTakeFirstOrThrow();
      await notifyScimDeactivationLimit(trx, {
        organizationId: scope.organizationId,
        now: scope.now,
        newId: parts.newId,
        baseUrl: parts.baseUrl.replace(/\/+$/, ''),
        keyName: row.name,
        groupId: scope.groupId,
        group: scope.groupCode,
        percent: Math.round(DEACTIVATION_CONFIRM_SHARE * 100),
      });
    });
    throw error;
  }
}

/** A refusal in SCIM's error format; anything unexpected is logged and answered without its details. */
function refusalOf(thrown: unknown, log: ErrorLog | undefined): ScimAnswer {
  if (thrown instanceof ScimRefusal) return scimError(thrown.status, thrown.message, thrown.scimType);
  if (thrown instanceof DomainError) {
    const attribute = attributeOf(thrown.field);
    const detail = thrown.field !== undefined ? thrown.message.replace(thrown.field, attribute) : thrown.message;
    if (thrown.kind === 'not_found')
      return scimError(
        thrown.field === 'personId' ? 404 : 400,
        detail,
        thrown.field === 'personId' ? null : 'invalidValue',
      );
    if (thrown.reason === 'duplicate') return scimError(409, detail, 'uniqueness');
    if (thrown.reason === 'deactivation_limit') return scimError(409, detail);
    if (thrown.kind === 'conflict') return scimError(409, detail);
    if (thrown.kind === 'invalid') return scimError(400, detail, 'invalidValue');
    return scimError(403, detail);
  }
  (log ?? console).error({ err: thrown }, 'scim request failed');
  return scimError(500, 'Internal server error');
}
