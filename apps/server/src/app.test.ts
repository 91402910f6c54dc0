import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Db, newId } from '@facets/db';
import { buildFixture, type Fixture, openTestDb, testDialects } from '@facets/db/testing';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import { createAuth, createPasswordUser } from './auth.ts';

const BASE_URL = 'http://localhost:3000';
const PASSWORD = 'correct horse battery staple';

interface Harness {
  db: Db;
  app: FastifyInstance;
  fx: Fixture;
  email: string;
  portalsDir: string;
}

/** A migrated database with the test organisation, a supplier who signs in with a password, and a built console. */
async function harness(dialect: 'sqlite' | 'postgres'): Promise<Harness> {
  const db = await openTestDb(dialect);
  const fx = await buildFixture(db.db);
  const auth = createAuth({
    db: db.db,
    dialect,
    secret: 'test-secret-'.padEnd(40, 'x'),
    baseUrl: BASE_URL,
    newId,
    logger: pino({ level: 'silent' }),
  });
  const email = `marc@${fx.slug}.test`;
  const user = await createPasswordUser(auth, { email, name: 'Marc Durand', password: PASSWORD });
  await db.db
    .insertInto('member')
    .values({
      id: newId(),
      organization_id: fx.organizationId,
      user_id: user.id,
      role: 'stakeholder',
      department: null,
      stakeholder_id: fx.stakeholders.sam.id,
      created_at: fx.now,
    })
    .execute();
  const portalsDir = mkdtempSync(join(tmpdir(), 'facets-portals-'));
  mkdirSync(join(portalsDir, 'console', 'dist', 'assets'), { recursive: true });
  writeFileSync(join(portalsDir, 'console', 'dist', 'index.html'), '<!doctype html><title>Console</title>');
  writeFileSync(join(portalsDir, 'console', 'dist', 'assets', 'app-1234.js'), 'console.log(1)');
  const app = await buildApp({ db: db.db, auth, portalsDir, baseUrl: BASE_URL, clock: () => new Date(fx.now) });
  return { db, app, fx, email, portalsDir };
}

async function close(h: Harness) {
  await h.app.close();
  await h.db.close();
  rmSync(h.portalsDir, { recursive: true, force: true });
}

async function signIn(h: Harness, password = PASSWORD) {
  return h.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in/email',
    headers: { origin: BASE_URL, 'content-type': 'application/json' },
    payload: { email: h.email, password },
  });
}

/** The session cookie (name=value) from a sign-in response. */
function cookieOf(response: { headers: Record<string, unknown> }): string {
  const setCookie = [response.headers['set-cookie'] ?? []].flat() as string[];
  const session = setCookie.find((c) => c.startsWith('better-auth.session_token='));
  if (!session) throw new Error(`no session cookie in ${JSON.stringify(setCookie)}`);
  return session.split(';')[0]!;
}

const countRows = async (h: Harness, table: 'feedback' | 'auth_user') =>
  Number(
    (
      await h.db.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('HTTP surface', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness('sqlite');
  });
  afterAll(() => close(h));

  it('answers /healthz after checking the database', async () => {
    const res = await h.app.inject('/healthz');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('answers an unknown route with a JSON 404', async () => {
    const res = await h.app.inject('/nowhere');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: 'not_found' });
  });

  it('sends security headers', async () => {
    const res = await h.app.inject('/healthz');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });

  it('serves a built portal with a fallback to index.html, and skips unbuilt ones', async () => {
    expect((await h.app.inject('/')).headers.location).toBe('/console/');
    const index = await h.app.inject('/console/');
    expect(index.statusCode).toBe(200);
    expect(index.body).toContain('<title>Console</title>');
    const route = await h.app.inject('/console/groups/employee');
    expect(route.statusCode).toBe(200);
    expect(route.headers['content-type']).toMatch(/text\/html/);
    expect(route.body).toContain('<title>Console</title>');
    const asset = await h.app.inject('/console/assets/app-1234.js');
    expect(asset.headers['cache-control']).toContain('immutable');
    expect((await h.app.inject('/console/assets/missing.js')).statusCode).toBe(404);
    const unbuilt = await h.app.inject('/employee/');
    expect(unbuilt.statusCode).toBe(404);
    expect(unbuilt.json()).toEqual({ error: 'not_found' });
  });

  it('lets an invitation file through up to the upload limit, and only there', async () => {
    const cookie = cookieOf(await signIn(h));
    const csv = `email\n${'x'.repeat(1500 * 1024)}@example.org`;
    const upload = await h.app.inject({
      method: 'POST',
      url: '/trpc/surveys.invitations.preview',
      headers: { 'content-type': 'application/json', cookie },
      payload: JSON.stringify({ waveId: 'no-such-wave', csv }),
    });
    // Past the body limit, the procedure itself answers: this signed-in stakeholder may not import invitations.
    expect(upload.statusCode).toBe(403);
    const other = await h.app.inject({
      method: 'POST',
      url: '/trpc/portal.feedback.submit',
      headers: { 'content-type': 'application/json', cookie },
      payload: JSON.stringify({ idempotencyKey: 'big-body-2', category: 'problem', body: csv }),
    });
    expect(other.statusCode).toBe(413);
  });

  it('refuses a body over 1 MiB with a JSON 413 and writes nothing', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/trpc/portal.feedback.submit',
      headers: { 'content-type': 'application/json', cookie: cookieOf(await signIn(h)) },
      payload: JSON.stringify({ idempotencyKey: 'big-body-1', category: 'problem', body: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ error: 'payload_too_large' });
    expect(await countRows(h, 'feedback')).toBe(0);
  });

  it('answers malformed tRPC input with a 400 naming the field, and writes nothing', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/trpc/portal.feedback.submit',
      headers: { 'content-type': 'application/json', cookie: cookieOf(await signIn(h)) },
      payload: { idempotencyKey: 'short', category: 'problem', body: 'Late payment' },
    });
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.message).toBe('idempotencyKey: Too small: expected string to have >=8 characters');
    expect(error.data.field).toBe('idempotencyKey');
    expect(JSON.stringify(error)).not.toContain('stack');
    expect(await countRows(h, 'feedback')).toBe(0);
  });

  it('keeps public sign-up closed', async () => {
    const before = await countRows(h, 'auth_user');
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/auth/sign-up/email',
      headers: { origin: BASE_URL, 'content-type': 'application/json' },
      payload: { email: 'intruder@example.test', password: 'longenoughpassword', name: 'Intruder' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'EMAIL_PASSWORD_SIGN_UP_DISABLED' });
    expect(await countRows(h, 'auth_user')).toBe(before);
  });
});

// PostgreSQL joins when reachable; with CI=true an unreachable server fails the run (testDialects).
describe.each(await testDialects())('sign-in on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness(dialect);
  });
  afterAll(() => close(h));

  it('signs in by email and password, then calls tRPC with the session cookie', async () => {
    const res = await signIn(h);
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ email: h.email, emailVerified: true });
    const cookie = cookieOf(res);

    const me = await h.app.inject({ url: '/trpc/session.me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json().result.data).toMatchObject({
      user: { email: h.email, name: 'Marc Durand' },
      organization: { id: h.fx.organizationId },
      role: 'stakeholder',
      stakeholder: { id: h.fx.stakeholders.sam.id, group: { code: 'supplier' } },
    });

    const submit = await h.app.inject({
      method: 'POST',
      url: '/trpc/portal.feedback.submit',
      headers: { 'content-type': 'application/json', cookie },
      payload: { idempotencyKey: 'http-feedback-1', category: 'problem', body: 'Late payment' },
    });
    expect(submit.statusCode).toBe(200);
    expect(submit.json().result.data).toMatchObject({ duplicate: false });
  });

  it('stores times as ISO text and booleans as 0/1, as schema.ts says', async () => {
    await signIn(h);
    const session = await h.db.db
      .selectFrom('auth_session')
      .select(['expires_at', 'created_at'])
      .executeTakeFirstOrThrow();
    expect(session.expires_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(session.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const user = await h.db.db
      .selectFrom('auth_user')
      .select('email_verified')
      .where('email', '=', h.email)
      .executeTakeFirstOrThrow();
    expect(user.email_verified).toBe(1);
  });

  it('refuses a wrong password and an anonymous portal call', async () => {
    expect((await signIn(h, 'wrong password here')).statusCode).toBe(401);
    const anonymous = await h.app.inject('/trpc/portal.feedback.list');
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.data.code).toBe('UNAUTHORIZED');
  });
});
