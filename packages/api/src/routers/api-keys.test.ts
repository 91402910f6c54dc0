import { type Db, listAuditEvents, verifyApiKey } from '@facets/db';
import { parseApiKey } from '@facets/domain';
import type { TRPCError } from '@trpc/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { errorData } from '../errors.ts';
import { buildOrg, callerFor, type Org, openDb } from '../test-setup.ts';

let db: Db;
let org: Org;

beforeEach(async () => {
  db = await openDb();
  org = await buildOrg(db.db);
});
afterEach(() => db.close());

describe('admin.apiKeys: keys of the public API', () => {
  it('shows the key once, lists it by prefix, revokes it, and audits both without the secret', async () => {
    const admin = await callerFor(db.db, org.staff.admin.userId);
    const created = await admin.admin.apiKeys.create({ name: ' Shop ', scopes: ['surveys:trigger'] });
    const { secret, lookup } = parseApiKey(created.key)!;
    expect(created).toMatchObject({ name: 'Shop', scopes: ['surveys:trigger'], prefix: `fct_${lookup}` });
    const listed = await admin.admin.apiKeys.list();
    expect(listed.map((k) => k.id)).toEqual([created.id]);
    expect(JSON.stringify(listed)).not.toContain(secret);
    expect(await verifyApiKey(db.db, { token: created.key, now: org.now })).toBeDefined();

    expect(await admin.admin.apiKeys.revoke({ keyId: created.id })).toEqual({ id: created.id, revoked: true });
    expect(await verifyApiKey(db.db, { token: created.key, now: org.now })).toBeUndefined();
    expect((await admin.admin.apiKeys.list())[0]?.revokedAt).not.toBeNull();
    await admin.admin.apiKeys.revoke({ keyId: created.id });

    const { events } = await listAuditEvents(db.db, { organizationId: org.organizationId });
    expect(events.map((e) => e.action).filter((a) => a.startsWith('api_keys.'))).toEqual([
      'api_keys.revoke',
      'api_keys.create',
    ]);
    expect(JSON.stringify(events)).not.toContain(secret);
  });

  it('refuses a key without a name or scopes, an unknown scope, a repeated one, naming the field', async () => {
    const admin = await callerFor(db.db, org.staff.admin.userId);
    const refusal = (input: unknown) =>
      admin.admin.apiKeys.create(input as never).then(
        () => null,
        (e: TRPCError) => errorData(e),
      );
    expect(await refusal({ name: ' ', scopes: ['results:read'] })).toMatchObject({ field: 'name', reason: 'required' });
    expect(await refusal({ name: 'A', scopes: [] })).toMatchObject({ field: 'scopes', reason: 'too_few' });
    expect(await refusal({ name: 'A', scopes: ['results:write'] })).toMatchObject({ field: 'scopes.0' });
    expect(await refusal({ name: 'A', scopes: ['results:read', 'results:read'] })).toMatchObject({ field: 'scopes' });
    expect(await admin.admin.apiKeys.list()).toEqual([]);
  });

  it('binds a scim key to one group of the organisation, audited with the group; refuses it without one', async () => {
    const admin = await callerFor(db.db, org.staff.admin.userId);
    const refusal = (input: unknown) =>
      admin.admin.apiKeys.create(input as never).then(
        () => null,
        (e: TRPCError) => errorData(e),
      );
    expect(await refusal({ name: 'Okta', scopes: ['scim'] })).toMatchObject({ field: 'groupId' });
    expect(await refusal({ name: 'CRM', scopes: ['results:read'], groupId: org.groups.employee })).toMatchObject({
      field: 'groupId',
    });
    const other = await buildOrg(db.db);
    expect(await refusal({ name: 'Okta', scopes: ['scim'], groupId: other.groups.employee })).toMatchObject({
      field: 'groupId',
      reason: 'not_found',
    });
    expect(await admin.admin.apiKeys.list()).toEqual([]);
    const created = await admin.admin.apiKeys.create({ name: 'Okta', scopes: ['scim'], groupId: org.groups.employee });
    expect(created.scimGroup).toEqual({ id: org.groups.employee, code: 'employee' });
    const { events } = await listAuditEvents(db.db, { organizationId: org.organizationId });
    expect(events.find((e) => e.action === 'api_keys.create')?.details).toMatchObject({ group: 'employee' });
  });
});
