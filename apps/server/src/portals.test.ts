import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGroup, type Db, invitationLink, newId } from '@facets/db';
import { buildFixture, type Fixture, openTestDb, testDialects } from '@facets/db/testing';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import { createAuth, createPasswordUser } from './auth.ts';

const BASE_URL = 'http://localhost:3000';
const PASSWORD = 'correct horse battery staple';
const label = (en: string) => ({ fr: `${en} (fr)`, en });
const dialects = await testDialects();

/** A built app of each kind, told apart by its title (what the real builds' index.html differ by). */
const APPS = ['console', 'employee-portal', 'supplier-portal', 'group-portal'] as const;

describe.each(dialects)('every group at its own path (%s)', (dialect) => {
  let db: Db;
  let app: FastifyInstance;
  let fx: Fixture;
  let portalsDir: string;
  let adminCookie: string;
  // Codes of this run: the PostgreSQL test database holds other tests' organisations, and the lookup is server-wide.
  const run = newId().toLowerCase().slice(0, 6);
  const crew = `crew_${run}`;
  const partners = `partners_${run}`;
  const mixed = `mixed_${run}`;

  beforeAll(async () => {
    db = await openTestDb(dialect);
    fx = await buildFixture(db.db);
    const other = await buildFixture(db.db);
    const tenant = { organizationId: fx.organizationId, now: fx.now, newId };
    await createGroup(db.db, { ...tenant, kind: 'employee', code: crew, label: label('Crew') });
    await createGroup(db.db, { ...tenant, kind: 'custom', code: partners, label: label('Partners') });
    // One code, two organisations, two kinds: served by the generic app, which goes by the code alone.
    await createGroup(db.db, { ...tenant, kind: 'employee', code: mixed, label: label('Mixed') });
    await createGroup(db.db, {
      ...tenant,
      organizationId: other.organizationId,
      kind: 'custom',
      code: mixed,
      label: label('Mixed'),
    });

    portalsDir = mkdtempSync(join(tmpdir(), 'facets-portals-'));
    for (const name of APPS) {
      mkdirSync(join(portalsDir, name, 'dist', 'assets'), { recursive: true });
      writeFileSync(join(portalsDir, name, 'dist', 'index.html'), `<!doctype html><title>${name}</title>`);
      writeFileSync(join(portalsDir, name, 'dist', 'assets', 'app-1234.js'), `console.log('${name}')`);
    }
    const auth = createAuth({
      db: db.db,
      dialect,
      secret: 'test-secret-'.padEnd(40, 'x'),
      baseUrl: BASE_URL,
      newId,
      logger: pino({ level: 'silent' }),
    });
    const email = `ada.${run}@${fx.slug}.test`;
    const user = await createPasswordUser(auth, { email, name: 'Ada Admin', password: PASSWORD });
    await db.db
      .insertInto('member')
      .values({
        id: newId(),
        organization_id: fx.organizationId,
        user_id: user.id,
        role: 'admin',
        department: null,
        stakeholder_id: null,
        created_at: fx.now,
      })
      .execute();
    app = await buildApp({ db: db.db, auth, portalsDir, baseUrl: BASE_URL, clock: () => new Date(fx.now) });
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      headers: { origin: BASE_URL, 'content-type': 'application/json' },
      payload: { email, password: PASSWORD },
    });
    const cookie = [signIn.headers['set-cookie'] ?? []].flat().find((c) => c.startsWith('better-auth.session_token='));
    if (!cookie) throw new Error('no session cookie');
    adminCookie = cookie.split(';')[0] as string;
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
    if (portalsDir) rmSync(portalsDir, { recursive: true, force: true });
  });

  /** Which app's index.html a path serves, or its status when it serves none. */
  const servedAt = async (url: string) => {
    const res = await app.inject(url);
    if (res.statusCode !== 200) return res.statusCode;
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    return /<title>(.*)<\/title>/.exec(res.body)?.[1];
  };

  it("serves an employee group at its own code with the employee app, and its invitation links' pages", async () => {
    expect(await servedAt(`/${crew}/`)).toBe('employee-portal');
    expect(await servedAt(`/${crew}/surveys/w1`)).toBe('employee-portal');
    expect(await servedAt(`/${crew}/feedback/new`)).toBe('employee-portal');
    // The link Facets writes in invitation e-mails, as the invitee's browser opens it.
    const link = new URL(invitationLink(BASE_URL, crew, 'AbC-dEf_123'));
    expect(link.pathname).toBe(`/${crew}/i/AbC-dEf_123`);
    expect(await servedAt(link.pathname)).toBe('employee-portal');
    expect(await servedAt(`/${crew}/i/AbC-dEf_123/rules`)).toBe('employee-portal');
  });

  it('serves a custom group with the generic app, and a code two organisations give different kinds too', async () => {
    expect(await servedAt(`/${partners}/`)).toBe('group-portal');
    expect(await servedAt(`/${partners}/i/token`)).toBe('group-portal');
    expect(await servedAt(`/${mixed}/`)).toBe('group-portal');
  });

  it('keeps the apps at their own mounts, with their files, as the demo uses them', async () => {
    expect(await servedAt('/employee/')).toBe('employee-portal');
    expect(await servedAt('/employee/i/token')).toBe('employee-portal');
    expect(await servedAt('/group/')).toBe('group-portal');
    expect(await servedAt('/console/groups/g1')).toBe('console');
    const asset = await app.inject('/employee/assets/app-1234.js');
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    // A kind whose app is not built is not served, at its mount or at its groups' codes.
    expect(await servedAt('/customer/')).toBe(404);
  });

  it('redirects a code without its slash, and answers an unknown code as a missing route', async () => {
    const bare = await app.inject(`/${crew}?lang=fr`);
    expect([bare.statusCode, bare.headers.location]).toEqual([302, `/${crew}/?lang=fr`]);
    for (const url of [`/nobody_${run}/`, `/nobody_${run}`, `/nobody_${run}/i/token`, '/Crew/', '/crew-x/', '/api/x']) {
      const res = await app.inject(url);
      expect([url, res.statusCode, res.json()]).toEqual([url, 404, { error: 'not_found' }]);
    }
    // Files are under the apps' mounts: a file under a group's path is a real 404, not the page.
    expect((await app.inject(`/${crew}/assets/app-1234.js`)).statusCode).toBe(404);
    expect((await app.inject('/healthz')).json()).toEqual({ status: 'ok' });
  });

  it('serves a group created through the model editor at once, and refuses the codes the server keeps', async () => {
    const create = (kind: string, code: string) =>
      app.inject({
        method: 'POST',
        url: '/trpc/model.groups.create',
        headers: { origin: BASE_URL, 'content-type': 'application/json', cookie: adminCookie },
        payload: { kind, code, label: label('Students') },
      });
    const students = `students_${run}`;
    expect(await servedAt(`/${students}/`)).toBe(404);
    expect((await create('custom', students)).statusCode).toBe(200);
    expect(await servedAt(`/${students}/`)).toBe('group-portal');
    for (const [kind, code] of [
      ['custom', 'console'],
      ['custom', 'api'],
      ['employee', 'trpc'],
      ['custom', 'healthz'],
      ['supplier', 'assets'],
      ['custom', 'employee'],
      ['employee', 'group'],
    ]) {
      const res = await create(kind as string, code as string);
      expect([code, res.statusCode, res.json().error.data]).toMatchObject([
        code,
        400,
        { field: 'code', reason: 'reserved' },
      ]);
    }
    const kept = await db.db
      .selectFrom('stakeholder_group')
      .select('code')
      .where('organization_id', '=', fx.organizationId)
      .where('code', 'in', ['console', 'api', 'trpc', 'healthz', 'assets', 'group'])
      .execute();
    expect(kept).toEqual([]);
  });
});
