import { type Db, listAuditEvents } from '@facets/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildOrg, callerFor, type Org, openDb } from '../test-setup.ts';

let db: Db;
let org: Org;

beforeEach(async () => {
  db = await openDb();
  org = await buildOrg(db.db);
});
afterEach(() => db.close());

const domainOf = (email: string) => email.slice(email.indexOf('@') + 1);

describe('admin.sso: the organisation’s OpenID provider', () => {
  it('is set, read without its secret, changed keeping the secret, and removed, each audited', async () => {
    const admin = await callerFor(db.db, org.staff.admin.userId);
    expect(await admin.admin.sso.get()).toBeNull();
    const input = {
      issuer: 'https://id.example.org/',
      clientId: 'facets',
      clientSecret: 'the client secret',
      domains: ['Example.org', domainOf(org.staff.admin.email)],
      role: 'hr' as const,
      requireSso: false,
    };
    const saved = await admin.admin.sso.set(input);
    expect(saved).toMatchObject({
      issuer: 'https://id.example.org',
      clientId: 'facets',
      hasClientSecret: true,
      domains: ['example.org', domainOf(org.staff.admin.email)],
      role: 'hr',
      requireSso: false,
    });
    expect(JSON.stringify(await admin.admin.sso.get())).not.toContain('the client secret');

    const { clientSecret: _, ...withoutSecret } = input;
    const required = await admin.admin.sso.set({ ...withoutSecret, requireSso: true });
    expect(required).toMatchObject({ hasClientSecret: true, requireSso: true });

    expect(await admin.admin.sso.remove()).toEqual({ removed: true });
    expect(await admin.admin.sso.get()).toBeNull();

    const { events } = await listAuditEvents(db.db, { organizationId: org.organizationId });
    expect(events.map((e) => e.action).filter((a) => a.startsWith('sso.'))).toEqual([
      'sso.remove',
      'sso.set',
      'sso.set',
    ]);
    expect(JSON.stringify(events)).not.toContain('the client secret');
  });

  it('refuses what would not work, saying why', async () => {
    const admin = await callerFor(db.db, org.staff.admin.userId);
    const base = {
      issuer: 'https://id.example.org',
      clientId: 'facets',
      clientSecret: 'secret',
      domains: ['example.org'],
      role: 'analyst' as const,
      requireSso: false,
    };
    // Never admin (nor manager, who needs a department) on first sign-in.
    await expect(admin.admin.sso.set({ ...base, role: 'admin' as never })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(admin.admin.sso.set({ ...base, issuer: 'http://id.example.org' })).rejects.toThrow(
      'must be an https address',
    );
    await expect(admin.admin.sso.set({ ...base, domains: ['not a domain'] })).rejects.toThrow('must be a domain');
    await expect(admin.admin.sso.set({ ...base, requireSso: true })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('would lock you out'),
    });
    const { clientSecret: _, ...withoutSecret } = base;
    await expect(admin.admin.sso.set(withoutSecret)).rejects.toThrow('clientSecret: is required');
    await expect(admin.admin.sso.remove()).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await admin.admin.sso.get()).toBeNull();
  });
});
