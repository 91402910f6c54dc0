import { parseApiKey } from '@facets/domain';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../create-db.ts';
import { buildFixture, type Fixture } from '../fixture.ts';
import { newId } from '../ids.ts';
import type { Database } from '../schema.ts';
import { openTestDb, testDialects } from '../testing.ts';
import { claimScimLimitNotice, createApiKey, listApiKeys, revokeApiKey, verifyApiKey } from './index.ts';

const dialects = await testDialects();

describe.each(dialects)('API keys (%s)', (dialect) => {
  let handle: Db;
  let db: Kysely<Database>;
  let org: Fixture;
  let other: Fixture;
  const now = '2026-12-04T10:00:00.000Z';
  const later = (ms: number) => new Date(Date.parse(now) + ms).toISOString();

  beforeAll(async () => {
    handle = await openTestDb(dialect);
    db = handle.db;
    org = await buildFixture(db);
    other = await buildFixture(db);
  });
  afterAll(() => handle?.close());

  const create = (fx: Fixture, scopes: ('results:read' | 'surveys:trigger')[] = ['results:read']) =>
    createApiKey(db, {
      organizationId: fx.organizationId,
      memberId: fx.staff.admin.memberId,
      name: 'CRM',
      scopes,
      now,
      newId,
    });

  it('stores only the lookup and a hash of the secret, and verifies the whole key', async () => {
    const { id, key } = await create(org, ['results:read', 'surveys:trigger']);
    const parts = parseApiKey(key)!;
    expect(parts).not.toBeNull();
    const row = await db.selectFrom('api_key').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(parts.secret);
    expect(row.secret_hash).toMatch(/^[0-9a-f]{64}$/);
    const verified = await verifyApiKey(db, { token: key, now });
    expect(verified).toMatchObject({
      id,
      organizationId: org.organizationId,
      scopes: ['results:read', 'surveys:trigger'],
      memberId: org.staff.admin.memberId,
    });
    const [listed] = (await listApiKeys(db, { organizationId: org.organizationId })).filter((k) => k.id === id);
    expect(listed).toMatchObject({ name: 'CRM', prefix: `fct_${parts.lookup}`, lastUsedAt: now, revokedAt: null });
    expect(JSON.stringify(listed)).not.toContain(parts.secret);
  });

  it('refuses a wrong secret, an unknown lookup and a malformed token alike', async () => {
    const { key } = await create(org);
    const { lookup, secret } = parseApiKey(key)!;
    const flipped = `${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}`;
    expect(await verifyApiKey(db, { token: `fct_${lookup}_${flipped}`, now })).toBeUndefined();
    expect(await verifyApiKey(db, { token: `fct_${'x'.repeat(12)}_${secret}`, now })).toBeUndefined();
    expect(await verifyApiKey(db, { token: key.slice(0, -1), now })).toBeUndefined();
    expect(await verifyApiKey(db, { token: '', now })).toBeUndefined();
  });

  it('marks the last use at most once a minute', async () => {
    const { id, key } = await create(org);
    const lastUsed = async () =>
      (await db.selectFrom('api_key').select('last_used_at').where('id', '=', id).executeTakeFirstOrThrow())
        .last_used_at;
    expect(await lastUsed()).toBeNull();
    await verifyApiKey(db, { token: key, now });
    await verifyApiKey(db, { token: key, now: later(59_000) });
    expect(await lastUsed()).toBe(now);
    await verifyApiKey(db, { token: key, now: later(61_000) });
    expect(await lastUsed()).toBe(later(61_000));
  });

  it('stops a revoked key, and revokes only within its organisation', async () => {
    const { id, key } = await create(org);
    await expect(revokeApiKey(db, { organizationId: other.organizationId, keyId: id, now })).rejects.toMatchObject({
      kind: 'not_found',
    });
    expect(await verifyApiKey(db, { token: key, now })).toBeDefined();
    expect(await revokeApiKey(db, { organizationId: org.organizationId, keyId: id, now })).toMatchObject({
      alreadyRevoked: false,
    });
    expect(await verifyApiKey(db, { token: key, now })).toBeUndefined();
    expect(await revokeApiKey(db, { organizationId: org.organizationId, keyId: id, now: later(1) })).toMatchObject({
      alreadyRevoked: true,
    });
  });

  it('stops the keys of an admin who was removed', async () => {
    const fx = await buildFixture(db);
    const { key } = await create(fx);
    await db.updateTable('member').set({ removed_at: now }).where('id', '=', fx.staff.admin.memberId).execute();
    expect(await verifyApiKey(db, { token: key, now })).toBeUndefined();
  });

  it('lists an organisation’s keys only', async () => {
    const { id } = await create(other);
    expect((await listApiKeys(db, { organizationId: org.organizationId })).map((k) => k.id)).not.toContain(id);
    expect((await listApiKeys(db, { organizationId: other.organizationId })).map((k) => k.id)).toContain(id);
  });

  it('binds a scim key to one group of its organisation, and only a scim key', async () => {
    const scim = (groupId: string | undefined, scopes: ('scim' | 'results:read')[] = ['scim']) =>
      createApiKey(db, {
        organizationId: org.organizationId,
        memberId: org.staff.admin.memberId,
        name: 'Okta',
        scopes,
        groupId,
        now,
        newId,
      });
    const { id, key } = await scim(org.groups.employee);
    expect(await verifyApiKey(db, { token: key, now })).toMatchObject({ scimGroupId: org.groups.employee });
    const [listed] = (await listApiKeys(db, { organizationId: org.organizationId })).filter((k) => k.id === id);
    expect(listed?.scimGroup).toEqual({ id: org.groups.employee, code: 'employee' });
    const before = await db.selectFrom('api_key').select('id').execute();
    await expect(scim(undefined)).rejects.toMatchObject({ field: 'groupId', reason: 'required' });
    await expect(scim(org.groups.employee, ['results:read'])).rejects.toMatchObject({ field: 'groupId' });
    // Another organisation's group is no group of this one.
    await expect(scim(other.groups.employee)).rejects.toMatchObject({ kind: 'not_found', field: 'groupId' });
    expect(await db.selectFrom('api_key').select('id').execute()).toHaveLength(before.length);
    const plain = await create(org);
    expect(await verifyApiKey(db, { token: plain.key, now })).toMatchObject({ scimGroupId: null });
  });

  it('tells admins of a refused deactivation at most once a window per key', async () => {
    const { id } = await create(org);
    const claim = (at: string, organizationId = org.organizationId) =>
      claimScimLimitNotice(db, { organizationId, keyId: id, now: at, windowMs: 3_600_000 });
    expect(await claim(now, other.organizationId)).toBe(false);
    expect(await claim(now)).toBe(true);
    expect(await claim(later(59 * 60_000))).toBe(false);
    expect(await claim(later(60 * 60_000))).toBe(true);
  });
});
