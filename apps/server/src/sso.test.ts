import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Db, newId, removeStaffMember, setSsoConfig } from '@facets/db';
import { buildFixture, type Fixture, openTestDb } from '@facets/db/testing';
import type { FastifyInstance } from 'fastify';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import { createAuth, createPasswordUser } from './auth.ts';

/**
 * Single sign-on end to end: a real OpenID provider (oidc-provider) on a loopback port with its development login
 * pages, the server in process, and the authorization-code flow driven with plain HTTP requests, cookies and all.
 */

const BASE_URL = 'http://localhost:3000';
const ORIGIN = { origin: BASE_URL };
const PASSWORD = 'correct horse battery staple';

/** The provider's people: its login page takes the account id (any password). */
const PEOPLE: Record<string, { email: string; name: string }> = {
  lea: { email: 'lea.martin@acme.test', name: 'Léa Martin' },
  omar: { email: 'omar.diallo@acme.test', name: 'Omar Diallo' },
  eve: { email: 'eve@elsewhere.test', name: 'Eve Elsewhere' },
  ines: { email: 'ines@acme.test', name: 'Inès Roux' },
  paul: { email: 'paul@acme.test', name: 'Paul Petit' },
};

let db: Db;
let fx: Fixture;
let other: Fixture;
let idp: Server;
let issuer: string;
let app: FastifyInstance;
let auth: ReturnType<typeof createAuth>;
let providerId: string;

beforeAll(async () => {
  db = await openTestDb('sqlite');
  fx = await buildFixture(db.db);
  other = await buildFixture(db.db);
  idp = createServer();
  await new Promise<void>((resolve) => idp.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(idp.address() as AddressInfo).port}`;
  const config = await setSsoConfig(db.db, {
    organizationId: fx.organizationId,
    issuer,
    clientId: 'facets',
    clientSecret: 'a client secret of some length',
    domains: ['acme.test'],
    role: 'analyst',
    requireSso: false,
    now: fx.now,
    newId,
  });
  providerId = config.providerId;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'facets',
        client_secret: 'a client secret of some length',
        redirect_uris: [`${BASE_URL}/api/auth/sso/callback/${providerId}`],
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    findAccount: (_ctx: unknown, sub: string) => {
      const person = PEOPLE[sub];
      if (!person) return undefined;
      return { accountId: sub, claims: () => ({ sub, ...person, email_verified: true }) };
    },
    cookies: { keys: ['test cookie key'] },
  });
  idp.on('request', provider.callback());
  auth = createAuth({
    db: db.db,
    dialect: 'sqlite',
    secret: 's'.repeat(40),
    baseUrl: BASE_URL,
    newId,
    ssoPrivateIssuers: [issuer],
  });
  app = await buildApp({
    db: db.db,
    auth,
    portalsDir: '/nonexistent',
    baseUrl: BASE_URL,
    logger: (await import('pino')).default({ level: 'error' }),
  });
});

afterAll(async () => {
  await app?.close();
  await new Promise((resolve) => idp?.close(resolve));
  await db?.close();
});

/** Cookies of one site, kept as a browser would (names and values only). */
class Jar {
  private cookies = new Map<string, string>();
  take(setCookie: string[] | string | undefined | null) {
    for (const line of [setCookie ?? []].flat()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const value = pair.slice(eq + 1);
      if (value === '' || /max-age=0/i.test(line)) this.cookies.delete(pair.slice(0, eq));
      else this.cookies.set(pair.slice(0, eq), value);
    }
  }
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  has(name: string) {
    return this.cookies.has(name);
  }
}

/**
 * Signs `person` in through the organisation's provider, from the console's button to the landing page: returns
 * where the server sent the browser in the end, and the browser's cookies for Facets.
 */
async function signInWithProvider(person: string, start: Record<string, string>) {
  const facets = new Jar();
  const started = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-in/sso',
    headers: { 'content-type': 'application/json', ...ORIGIN },
    payload: { ...start, callbackURL: '/console/', errorCallbackURL: '/console/sign-in' },
  });
  expect(started.statusCode, started.body).toBe(200);
  facets.take(started.headers['set-cookie']);
  let url: string = started.json().url;
  expect(url.startsWith(`${issuer}/`)).toBe(true);
  const provider = new Jar();
  // At the provider: follow its redirects, answer its login and consent pages, until it sends the browser back.
  for (let step = 0; step < 12; step++) {
    if (url.startsWith(BASE_URL)) break;
    const page = await fetch(url, { redirect: 'manual', headers: { cookie: provider.header() } });
    provider.take(page.headers.getSetCookie());
    const location = page.headers.get('location');
    if (location) {
      url = new URL(location, url).toString();
      continue;
    }
    const html = await page.text();
    const action = /action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`no form at ${url}: ${html.slice(0, 200)}`);
    const form: Record<string, string> = html.includes('value="login"')
      ? { prompt: 'login', login: person, password: 'anything' }
      : { prompt: 'consent' };
    const posted = await fetch(new URL(action, url), {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: provider.header(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form),
    });
    provider.take(posted.headers.getSetCookie());
    url = new URL(posted.headers.get('location') ?? '', url).toString();
  }
  const callback = new URL(url);
  expect(callback.pathname).toBe(`/api/auth/sso/callback/${providerId}`);
  const back = await app.inject({
    method: 'GET',
    url: `${callback.pathname}${callback.search}`,
    headers: { cookie: facets.header() },
  });
  expect(back.statusCode, back.body).toBe(302);
  facets.take(back.headers['set-cookie']);
  return { landing: new URL(String(back.headers.location), BASE_URL), facets };
}

async function sessionOf(jar: Jar) {
  const res = await app.inject({ method: 'GET', url: '/api/auth/get-session', headers: { cookie: jar.header() } });
  return res.json() as { user: { id: string; email: string } } | null;
}

const membershipsOf = (email: string) =>
  db.db
    .selectFrom('member as m')
    .innerJoin('auth_user as u', 'u.id', 'm.user_id')
    .select(['m.id', 'm.organization_id', 'm.role', 'm.removed_at'])
    .where('u.email', '=', email)
    .execute();

describe('staff sign-in with the organisation’s OpenID provider', () => {
  it('creates the account on first sign-in, in the right organisation with the configured role', async () => {
    const { landing, facets } = await signInWithProvider('lea', { email: 'lea.martin@acme.test' });
    expect(landing.pathname).toBe('/console/');
    expect((await sessionOf(facets))?.user.email).toBe('lea.martin@acme.test');
    expect(await membershipsOf('lea.martin@acme.test')).toEqual([
      expect.objectContaining({ organization_id: fx.organizationId, role: 'analyst', removed_at: null }),
    ]);
    // Signing in again finds the same account and membership.
    const again = await signInWithProvider('lea', { organizationSlug: fx.slug });
    expect((await sessionOf(again.facets))?.user.email).toBe('lea.martin@acme.test');
    expect(await membershipsOf('lea.martin@acme.test')).toHaveLength(1);
  });

  it('refuses an address of another domain, with its reason, and creates nothing', async () => {
    const { landing, facets } = await signInWithProvider('eve', { organizationSlug: fx.slug });
    expect(landing.pathname).toBe('/console/sign-in');
    expect(landing.searchParams.get('error')).toBe('domain_not_allowed');
    expect(await sessionOf(facets)).toBeNull();
    const users = await db.db.selectFrom('auth_user').select('id').where('email', '=', 'eve@elsewhere.test').execute();
    expect(users).toEqual([]);
  });

  it('refuses a person whose membership was removed', async () => {
    await signInWithProvider('omar', { email: 'omar.diallo@acme.test' });
    const [member] = await membershipsOf('omar.diallo@acme.test');
    await removeStaffMember(db.db, {
      organizationId: fx.organizationId,
      memberId: member?.id ?? '',
      actorMemberId: fx.staff.admin.memberId,
      now: fx.now,
    });
    const { landing, facets } = await signInWithProvider('omar', { email: 'omar.diallo@acme.test' });
    expect(landing.searchParams.get('error')).toBe('membership_removed');
    expect(await sessionOf(facets)).toBeNull();
  });

  it('never joins an account of another organisation by its address', async () => {
    const ines = await createPasswordUser(auth, { email: 'ines@acme.test', name: 'Inès Roux', password: PASSWORD });
    await db.db
      .insertInto('member')
      .values({
        id: newId(),
        organization_id: other.organizationId,
        user_id: ines.id,
        role: 'hr',
        department: null,
        stakeholder_id: null,
        created_at: fx.now,
        removed_at: null,
      })
      .execute();
    const { landing, facets } = await signInWithProvider('ines', { email: 'ines@acme.test' });
    expect(landing.searchParams.get('error')).toBe('member_elsewhere');
    expect(await sessionOf(facets)).toBeNull();
    expect(await membershipsOf('ines@acme.test')).toEqual([
      expect.objectContaining({ organization_id: other.organizationId }),
    ]);
    const linked = await db.db
      .selectFrom('auth_account')
      .select('provider_id')
      .where('user_id', '=', ines.id)
      .execute();
    expect(linked).toEqual([{ provider_id: 'credential' }]);
  });

  it('once SSO is required, refuses the staff’s password sign-in, not the provider’s', async () => {
    const paul = await createPasswordUser(auth, { email: 'paul@acme.test', name: 'Paul Petit', password: PASSWORD });
    await db.db
      .insertInto('member')
      .values({
        id: newId(),
        organization_id: fx.organizationId,
        user_id: paul.id,
        role: 'hr',
        department: null,
        stakeholder_id: null,
        created_at: fx.now,
        removed_at: null,
      })
      .execute();
    const password = () =>
      app.inject({
        method: 'POST',
        url: '/api/auth/sign-in/email',
        headers: { 'content-type': 'application/json', ...ORIGIN },
        payload: { email: 'paul@acme.test', password: PASSWORD },
      });
    expect((await password()).statusCode).toBe(200);
    await setSsoConfig(db.db, {
      organizationId: fx.organizationId,
      issuer,
      clientId: 'facets',
      domains: ['acme.test'],
      role: 'analyst',
      requireSso: true,
      now: fx.now,
      newId,
    });
    const refused = await password();
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('SSO_REQUIRED');
    expect([refused.headers['set-cookie'] ?? []].flat().join()).not.toContain('session_token=');
    // The same person through the provider: their existing account, their role kept.
    const { facets } = await signInWithProvider('paul', { email: 'paul@acme.test' });
    expect((await sessionOf(facets))?.user.id).toBe(paul.id);
    expect(await membershipsOf('paul@acme.test')).toEqual([expect.objectContaining({ role: 'hr' })]);
  });

  it('serves none of the plugin’s provider management', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/sso/register',
      headers: { 'content-type': 'application/json', ...ORIGIN },
      payload: { providerId: 'x', issuer, domain: 'acme.test' },
    });
    expect(res.statusCode).toBe(404);
  });
});
