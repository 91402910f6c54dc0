import { type Db, listOutbox, newId } from '@facets/db';
import { buildFixture, type Fixture, openTestDb, testDialects } from '@facets/db/testing';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import { createAuth, createPasswordUser } from './auth.ts';

/**
 * An admin invites a colleague over HTTP; the colleague follows the link in the outbox, chooses a password through
 * better-auth's reset flow, signs in and lands in the console with the role given. The link works once.
 */

const BASE_URL = 'http://localhost:3000';
const ADMIN_PASSWORD = 'admin password for tests';
const json = { origin: BASE_URL, 'content-type': 'application/json' };

describe.each(await testDialects())('staff invitations on %s', (dialect) => {
  let db: Db;
  let app: FastifyInstance;
  let fx: Fixture;
  let adminCookie: string;

  const signIn = (email: string, password: string) =>
    app.inject({ method: 'POST', url: '/api/auth/sign-in/email', headers: json, payload: { email, password } });
  const cookieOf = (response: { headers: Record<string, unknown> }) => {
    const cookies = [response.headers['set-cookie'] ?? []].flat() as string[];
    return cookies.find((c) => c.startsWith('better-auth.session_token='))!.split(';')[0]!;
  };
  const resetPassword = (token: string, newPassword: string) =>
    app.inject({ method: 'POST', url: '/api/auth/reset-password', headers: json, payload: { token, newPassword } });

  beforeAll(async () => {
    db = await openTestDb(dialect);
    fx = await buildFixture(db.db);
    const auth = createAuth({
      db: db.db,
      dialect,
      secret: 'test-secret-'.padEnd(40, 'x'),
      baseUrl: BASE_URL,
      newId,
      logger: pino({ level: 'silent' }),
    });
    const email = `boss@${fx.slug}.test`;
    const user = await createPasswordUser(auth, { email, name: 'Claire Admin', password: ADMIN_PASSWORD });
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
    app = await buildApp({ db: db.db, auth, portalsDir: '/nonexistent', baseUrl: BASE_URL });
    adminCookie = cookieOf(await signIn(email, ADMIN_PASSWORD));
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('invites, lets the invited person choose a password once, and signs them in with their role', async () => {
    const email = `nadia@${fx.slug}.test`;
    const invited = await app.inject({
      method: 'POST',
      url: '/trpc/admin.members.invite',
      headers: { 'content-type': 'application/json', cookie: adminCookie },
      payload: { name: 'Nadia Haddad', email, role: 'hr' },
    });
    expect(invited.statusCode).toBe(200);
    expect(invited.json().result.data).toMatchObject({ email, role: 'hr', status: 'invited' });
    expect((await signIn(email, 'anything at all')).statusCode).toBe(401);

    const [message] = await listOutbox(db.db, { to: email });
    const link = /http:\/\/localhost:3000\/console\/set-password\?token=([\w-]+)/.exec(message?.body ?? '');
    expect(link, message?.body).not.toBeNull();
    const token = decodeURIComponent(link![1]!);
    // Stored as a hash: the database holds no usable link.
    const stored = await db.db.selectFrom('auth_verification').select('identifier').execute();
    expect(stored.some((row) => row.identifier.includes(token))).toBe(false);
    expect((await resetPassword(token, 'short')).statusCode).toBe(400);
    expect((await resetPassword(token, 'a long enough password')).statusCode).toBe(200);
    expect((await resetPassword(token, 'someone else’s password')).statusCode).toBe(400); // used once

    const signedIn = await signIn(email, 'a long enough password');
    expect(signedIn.statusCode).toBe(200);
    const me = await app.inject({ url: '/trpc/session.me', headers: { cookie: cookieOf(signedIn) } });
    expect(me.json().result.data).toMatchObject({ role: 'hr', organization: { id: fx.organizationId } });

    const list = await app.inject({ url: '/trpc/admin.members.list', headers: { cookie: adminCookie } });
    const nadia = (list.json().result.data as { email: string; status: string }[]).find((m) => m.email === email);
    expect(nadia?.status).toBe('active');
  });

  it('refuses a made-up token', async () => {
    const response = await resetPassword('not-a-token-we-issued', 'a long enough password');
    expect(response.statusCode).toBe(400);
  });
});
