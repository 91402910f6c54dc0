import { Writable } from 'node:stream';
import { type Db, newId } from '@facets/db';
import { buildFixture, type Fixture, openTestDb } from '@facets/db/testing';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import { type Auth, createAuth, createPasswordUser } from './auth.ts';
import { MAX_BATCH_SIZE } from './limits.ts';
import { checkOrigin, trustedOrigins } from './origin.ts';
import { redactText, redactUrl, serializeError } from './request-log.ts';

/**
 * What the HTTP surface refuses and hides, seen from outside: secrets kept out of the request log, cross-site
 * mutations, oversized batches, answers a browser or proxy could keep, and account fields a person may not change.
 */

const BASE_URL = 'http://localhost:3000';
const PASSWORD = 'correct horse battery staple';

describe('the HTTP surface’s guards', () => {
  let db: Db;
  let fx: Fixture;
  let auth: Auth;
  let app: FastifyInstance;
  let email: string;
  let userId: string;
  let lines: string[] = [];

  beforeAll(async () => {
    db = await openTestDb('sqlite');
    fx = await buildFixture(db.db);
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = pino({ level: 'info' }, stream);
    auth = createAuth({
      db: db.db,
      dialect: 'sqlite',
      secret: 'test-secret-'.padEnd(40, 'x'),
      baseUrl: BASE_URL,
      newId,
      logger,
    });
    email = `marc@${fx.slug}.test`;
    const user = await createPasswordUser(auth, { email, name: 'Marc Durand', password: PASSWORD });
    userId = user.id;
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
    app = await buildApp({ db: db.db, auth, logger, portalsDir: '/nonexistent', baseUrl: BASE_URL });
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });
  beforeEach(() => {
    lines = [];
  });

  const json = { 'content-type': 'application/json' };
  const signIn = (headers: Record<string, string> = { origin: BASE_URL }) =>
    app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      headers: { ...json, ...headers },
      payload: { email, password: PASSWORD },
    });
  const cookieOf = (response: { headers: Record<string, unknown> }) =>
    ([response.headers['set-cookie'] ?? []].flat() as string[])
      .find((c) => c.startsWith('better-auth.session_token='))!
      .split(';')[0]!;
  const feedbackRows = async () =>
    Number(
      (
        await db.db
          .selectFrom('feedback')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  describe('request logs', () => {
    it('never hold an invitation token, a follow key, a sign-in or password token', async () => {
      const secrets = {
        invitation: 'INVITATIONTOKEN123',
        followKey: 'FOLLOWKEY4567890',
        magic: 'MAGICLINKTOKEN42',
        password: 'SETPASSWORDTOKEN7',
      };
      const input = encodeURIComponent(JSON.stringify({ 0: { followKeys: [secrets.followKey] } }));
      const urls = [
        `/employee/i/${secrets.invitation}`,
        `/supplier/i/${secrets.invitation}?lang=fr`,
        `/trpc/portal.invitation.open?input=${encodeURIComponent(JSON.stringify({ token: secrets.invitation }))}`,
        `/trpc/portal.feedback.list?batch=1&input=${input}`,
        `/api/auth/magic-link/verify?token=${secrets.magic}&callbackURL=%2Fsupplier%2F`,
        `/console/set-password?token=${secrets.password}`,
        `/api/auth/reset-password/${secrets.password}?callbackURL=%2Fconsole%2F`,
      ];
      for (const url of urls) await app.inject({ url });
      const log = lines.join('');
      expect(log).toContain('incoming request');
      for (const secret of Object.values(secrets)) expect(log).not.toContain(secret);
      // Still says which kind of call each line was.
      expect(log).toContain('"url":"/employee/i/[redacted]"');
      expect(log).toContain('"url":"/trpc/portal.feedback.list?batch=1&input=[redacted]"');
      expect(log).toContain('"url":"/api/auth/magic-link/verify?token=[redacted]&callbackURL=[redacted]"');
    });

    it('redact paths and query values, and nothing else', () => {
      expect(redactUrl('/trpc/session.me')).toBe('/trpc/session.me');
      expect(redactUrl('/customer/i/abc/extra?x=1#frag')).toBe('/customer/i/[redacted]/extra?x=[redacted]');
      expect(redactUrl('/trpc/a,b?batch=1&input=%7B%7D')).toBe('/trpc/a,b?batch=1&input=[redacted]');
      expect(redactUrl('/console/?flag')).toBe('/console/?flag=[redacted]');
    });

    it('redact links quoted in an error', () => {
      const logged = serializeError(new Error('Could not open /employee/i/ERRTOKEN?input=ERRKEY'));
      expect(logged.message).toBe('Could not open /employee/i/[redacted]?input=[redacted]');
      expect(String(logged.stack)).not.toContain('ERRTOKEN');
    });

    it('redact links quoted in a library’s messages', () => {
      expect(
        redactText(
          'Invalid callbackURL: http://evil.example/?k=KEY&batch=1, see /employee/i/TOKEN and /api/auth/reset-password/T2',
        ),
      ).toBe(
        'Invalid callbackURL: http://evil.example/?k=[redacted]&batch=1, see /employee/i/[redacted] and /api/auth/reset-password/[redacted]',
      );
    });
  });

  describe('mutations from another site', () => {
    it('are refused with 403 and a message saying why, on tRPC, and write nothing', async () => {
      const cookie = cookieOf(await signIn());
      const before = await feedbackRows();
      const res = await app.inject({
        method: 'POST',
        url: '/trpc/portal.feedback.submit',
        headers: { ...json, cookie, origin: 'https://evil.example' },
        payload: { idempotencyKey: 'cross-site-1', category: 'problem', body: 'Forged' },
      });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toEqual({
        error: 'forbidden_origin',
        message:
          "This request comes from another site (https://evil.example): changes are accepted only from Facets' own pages. Open Facets at http://localhost:3000 and try again.",
        baseUrl: BASE_URL,
      });
      expect(await feedbackRows()).toBe(before);
      const french = await app.inject({
        method: 'POST',
        url: '/trpc/portal.feedback.submit',
        headers: { ...json, cookie, 'sec-fetch-site': 'cross-site', 'accept-language': 'fr' },
        payload: { idempotencyKey: 'cross-site-2', category: 'problem', body: 'Forged' },
      });
      expect(french.statusCode).toBe(403);
      expect(french.json().message).toMatch(/^Cette demande vient d’un autre site : les modifications/);
      // The same call from the console's own page goes through.
      const own = await app.inject({
        method: 'POST',
        url: '/trpc/portal.feedback.submit',
        headers: { ...json, cookie, origin: BASE_URL },
        payload: { idempotencyKey: 'same-site-1', category: 'problem', body: 'Real' },
      });
      expect(own.statusCode).toBe(200);
      expect(await feedbackRows()).toBe(before + 1);
    });

    it('are refused on better-auth with the same message, whatever its own check would say', async () => {
      for (const origin of ['https://evil.example', 'null']) {
        const res = await signIn({ origin });
        expect(res.statusCode).toBe(403);
        expect(res.json().error).toBe('forbidden_origin');
        expect(res.headers['set-cookie']).toBeUndefined();
      }
      const cookie = cookieOf(await signIn());
      const out = await app.inject({
        method: 'POST',
        url: '/api/auth/sign-out',
        headers: { ...json, cookie, origin: 'https://evil.example' },
        payload: {},
      });
      expect(out.statusCode).toBe(403);
    });

    it('accept the server addressed as localhost or by its IP address, not by a foreign name', async () => {
      // BASE_URL is http://localhost:3000; the same server opened at 127.0.0.1 signs in.
      const byIp = await signIn({ origin: 'http://127.0.0.1:3000', host: '127.0.0.1:3000' });
      expect(byIp.statusCode).toBe(200);
      expect(cookieOf(byIp)).toMatch(/^better-auth\.session_token=/);
      const lan = await signIn({ origin: 'http://192.168.1.20:3000', host: '192.168.1.20:3000' });
      expect(lan.statusCode).toBe(200);
      // DNS rebinding: the attacker's name resolves to this server; Host and Origin agree, but the name is not ours.
      expect((await signIn({ origin: 'http://evil.example:3000', host: 'evil.example:3000' })).statusCode).toBe(403);
      // An origin naming our IP while the request was sent to another host is not the page's own origin.
      expect((await signIn({ origin: 'http://127.0.0.1:3000', host: 'evil.example:3000' })).statusCode).toBe(403);
      expect((await signIn({ origin: 'http://127.0.0.1:4000', host: '127.0.0.1:3000' })).statusCode).toBe(403);
    });

    it('let through a client that is no browser page (no Origin header)', async () => {
      expect((await signIn({})).statusCode).toBe(200);
    });

    it('judge origins by the stated rule', () => {
      expect(trustedOrigins('http://localhost:3000', BASE_URL)).toEqual([BASE_URL]);
      expect(trustedOrigins('http://[::1]:3000', BASE_URL)).toEqual([BASE_URL, 'http://[::1]:3000']);
      expect(trustedOrigins('http://facets.example.org', 'https://facets.example.org')).toEqual([
        'https://facets.example.org',
      ]);
      const check = (origin: string | undefined, fetchSite?: string) =>
        checkOrigin({ origin, fetchSite, requestOrigin: 'http://localhost:3000', baseUrl: BASE_URL }).ok;
      expect(check(undefined)).toBe(true);
      expect(check(undefined, 'same-origin')).toBe(true);
      expect(check(undefined, 'same-site')).toBe(false);
      expect(check('null')).toBe(false);
      expect(check('http://localhost:3000')).toBe(true);
    });
  });

  it('refuses a tRPC batch longer than the limit with 400, before running any of it', async () => {
    const cookie = cookieOf(await signIn());
    const paths = (n: number) => Array.from({ length: n }, () => 'session.me').join(',');
    const ok = await app.inject({ url: `/trpc/${paths(MAX_BATCH_SIZE)}?batch=1&input={}`, headers: { cookie } });
    expect(ok.statusCode).toBe(200);
    const tooMany = await app.inject({
      url: `/trpc/${paths(MAX_BATCH_SIZE + 1)}?batch=1&input={}`,
      headers: { cookie },
    });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error).toMatchObject({
      message: 'Batch call exceeds maximum size',
      data: { code: 'BAD_REQUEST', httpStatus: 400 },
    });
  });

  it('marks every API answer no-store, refusals and sign-ins included', async () => {
    const signedIn = await signIn();
    const cookie = cookieOf(signedIn);
    const answers = [
      signedIn,
      await app.inject({ url: '/trpc/session.me', headers: { cookie } }),
      await app.inject({ url: '/trpc/portal.feedback.list' }),
      await app.inject({ url: '/trpc/no.such.procedure' }),
      await app.inject({ url: '/api/auth/get-session', headers: { cookie } }),
      await signIn({ origin: 'https://evil.example' }),
    ];
    for (const answer of answers) expect(answer.headers['cache-control']).toBe('no-store');
  });

  describe('update-user', () => {
    const update = (cookie: string, payload: Record<string, unknown>) =>
      app.inject({
        method: 'POST',
        url: '/api/auth/update-user',
        headers: { ...json, cookie, origin: BASE_URL },
        payload,
      });
    const stored = () =>
      db.db
        .selectFrom('auth_user')
        .select(['name', 'email', 'image', 'email_verified'])
        .where('id', '=', userId)
        .executeTakeFirstOrThrow();

    it('changes a person’s name and nothing else: e-mail, image, role and organisation are refused by name', async () => {
      const cookie = cookieOf(await signIn());
      const before = await stored();
      const memberBefore = await db.db.selectFrom('member').selectAll().where('user_id', '=', userId).execute();
      for (const [field, payload] of [
        ['email', { name: 'Marc', email: 'attacker@evil.example' }],
        ['image', { image: 'https://evil.example/pixel.png' }],
        ['role', { role: 'admin' }],
        ['organizationId', { organizationId: 'another-org' }],
        ['emailVerified', { emailVerified: false }],
      ] as const) {
        const res = await update(cookie, payload);
        expect(res.statusCode, field).toBe(400);
        expect(res.json()).toMatchObject({ field, message: `${field}: cannot be changed here`, reason: 'not_allowed' });
      }
      const empty = await update(cookie, { name: '   ' });
      expect(empty.statusCode).toBe(400);
      expect(empty.json().field).toBe('name');
      expect(empty.json().reason).toBe('required');
      expect(await stored()).toEqual(before);
      expect(await db.db.selectFrom('member').selectAll().where('user_id', '=', userId).execute()).toEqual(
        memberBefore,
      );

      const renamed = await update(cookie, { name: 'Marc-Antoine Durand' });
      expect(renamed.statusCode).toBe(200);
      expect(await stored()).toEqual({ ...before, name: 'Marc-Antoine Durand' });
    });

    it('writes only the name even when better-auth is called directly with more', async () => {
      const cookie = cookieOf(await signIn());
      const before = await stored();
      await expect(
        auth.api.updateUser({
          headers: new Headers({ cookie }),
          body: { name: 'Marc Durand', image: 'https://evil.example/pixel.png' },
        }),
      ).rejects.toMatchObject({ message: 'image: cannot be changed here' });
      expect(await stored()).toEqual(before);
    });
  });
});
