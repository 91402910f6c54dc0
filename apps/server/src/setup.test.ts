import { type Db, newId } from '@facets/db';
import { buildFixture, openTestDb, testDialects } from '@facets/db/testing';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import { createAuth } from './auth.ts';
import { issueSetupCode } from './setup.ts';

/** The console's first run: an organisation and its admin, created once with the code printed at start. */

const BASE_URL = 'http://localhost:3000';
const json = { origin: BASE_URL, 'content-type': 'application/json' };
const FORM = {
  name: 'Café du Port',
  language: 'en',
  adminEmail: 'anne@example.org',
  adminName: 'Anne Roy',
  adminPassword: 'a long enough password',
};

describe.each(await testDialects())('first-run setup on %s', (dialect) => {
  let db: Db;
  let app: FastifyInstance;
  afterEach(async () => {
    await app?.close();
    await db?.close();
  });

  async function start(options: { withOrganization?: boolean; signInPerMinute?: number } = {}) {
    db = await openTestDb(dialect);
    if (options.withOrganization) await buildFixture(db.db);
    const issued = issueSetupCode();
    const auth = createAuth({
      db: db.db,
      dialect,
      secret: 'test-secret-'.padEnd(40, 'x'),
      baseUrl: BASE_URL,
      newId,
      logger: pino({ level: 'silent' }),
    });
    const limits = {
      signInPerMinute: options.signInPerMinute ?? 0,
      signInPerMinutePerAccount: 0,
      submitPerMinutePerUser: 0,
      submitPerMinutePerIp: 0,
      readPerMinutePerUser: 0,
      apiPerMinutePerKey: 0,
    };
    app = await buildApp({
      db: db.db,
      auth,
      portalsDir: '/nonexistent',
      baseUrl: BASE_URL,
      limits,
      setup: issued.setup,
    });
    return issued.code;
  }
  const status = async () => (await app.inject({ url: '/api/setup' })).json();
  const setUp = (payload: unknown, headers: Record<string, string> = json) =>
    app.inject({ method: 'POST', url: '/api/setup', headers, payload: payload as object });
  const organizations = () => db.db.selectFrom('organization').select(['slug', 'name', 'default_locale']).execute();

  it('creates the organisation and its admin with the code, once, and the admin signs in', async () => {
    const code = await start();
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(await status()).toEqual({ needed: true });

    const wrong = await setUp({ ...FORM, code: 'AAAA-BBBB-CCCC' });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json()).toMatchObject({ error: 'wrong_code', field: 'code' });
    const bad = await setUp({ ...FORM, code, adminEmail: 'nope' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ field: 'adminEmail', message: 'adminEmail: Invalid email address' });
    const noPassword = await setUp({ ...FORM, code, adminPassword: undefined });
    expect(noPassword.json()).toMatchObject({ field: 'adminPassword', reason: 'required' });
    expect(await organizations()).toEqual([]);

    // Typed in lower case with spaces: still the code.
    const created = await setUp({ ...FORM, code: ` ${code.toLowerCase().replaceAll('-', ' ')} ` });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toEqual({ slug: 'cafe-du-port' });
    expect(await organizations()).toEqual([{ slug: 'cafe-du-port', name: 'Café du Port', default_locale: 'en' }]);
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      headers: json,
      payload: { email: FORM.adminEmail, password: FORM.adminPassword },
    });
    expect(signIn.statusCode).toBe(200);
    const cookie = ([signIn.headers['set-cookie']].flat() as string[])[0]!.split(';')[0]!;
    const me = await app.inject({ url: '/trpc/session.me', headers: { cookie } });
    expect(me.json().result.data).toMatchObject({ role: 'admin', organization: { slug: 'cafe-du-port' } });

    expect(await status()).toEqual({ needed: false });
    const again = await setUp({ ...FORM, code, name: 'Second', adminEmail: 'b@example.org' });
    expect(again.statusCode).toBe(409);
    expect(await organizations()).toHaveLength(1);
  });

  it('is refused once any organisation exists, with the right code', async () => {
    const code = await start({ withOrganization: true });
    expect(await status()).toEqual({ needed: false });
    const refused = await setUp({ ...FORM, code });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ error: 'already_set_up' });
    expect(await organizations()).toHaveLength(1);
  });

  it('is refused from another site, and slowed down like sign-in', async () => {
    const code = await start({ signInPerMinute: 3 });
    const foreign = await setUp({ ...FORM, code }, { ...json, origin: 'http://evil.example' });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json()).toMatchObject({ error: 'forbidden_origin' });
    for (let i = 0; i < 3; i++) expect((await setUp({ ...FORM, code: 'WRONG' })).statusCode).toBe(403);
    const limited = await setUp({ ...FORM, code });
    expect(limited.statusCode).toBe(429);
    expect(await organizations()).toEqual([]);
  });
});
