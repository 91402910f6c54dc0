import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Db, newId } from '@facets/db';
import { buildFixture, type Fixture, openTestDb } from '@facets/db/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import { createAuth, createPasswordUser } from './auth.ts';
import { loadEnv } from './env.ts';

/**
 * Signing in at another address of the same server, as a person does it: the server configured from the environment
 * (env.ts), a browser page at some origin posting its password. Inject's requests are addressed to localhost:80, so
 * only the configured origins (not the address rule of origin.ts) decide here.
 */

const PASSWORD = 'correct horse battery staple';
let db: Db;
let fx: Fixture;
let root: string;
const apps: FastifyInstance[] = [];

beforeAll(async () => {
  db = await openTestDb('sqlite');
  fx = await buildFixture(db.db);
  root = mkdtempSync(join(tmpdir(), 'facets-origins-'));
});
afterAll(async () => {
  for (const app of apps) await app.close();
  await db?.close();
  rmSync(root, { recursive: true, force: true });
});

/** A server as `npm start` would build it under `environment`, with one account that signs in by password. */
async function serverWith(environment: NodeJS.ProcessEnv) {
  const env = loadEnv({ BETTER_AUTH_SECRET: 's'.repeat(40), ...environment }, root);
  const auth = createAuth({
    db: db.db,
    dialect: 'sqlite',
    secret: env.authSecret,
    baseUrl: env.baseUrl,
    trustedOrigins: env.trustedOrigins,
    newId,
  });
  const email = `person-${newId()}@${fx.slug}.test`;
  await createPasswordUser(auth, { email, name: 'Léa Martin', password: PASSWORD });
  const app = await buildApp({
    db: db.db,
    auth,
    portalsDir: '/nonexistent',
    baseUrl: env.baseUrl,
    trustedOrigins: env.trustedOrigins,
  });
  apps.push(app);
  return (origin: string, lang = 'en') =>
    app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      headers: { 'content-type': 'application/json', origin, 'accept-language': lang },
      payload: { email, password: PASSWORD },
    });
}

const sessionCookie = (response: { headers: Record<string, unknown> }) =>
  ([response.headers['set-cookie'] ?? []].flat() as string[]).find((c) => c.startsWith('better-auth.session_token='));

describe('sign-in from another address', () => {
  it('works at 127.0.0.1 as at localhost while BASE_URL is the default', async () => {
    const signIn = await serverWith({ PORT: '3000' });
    for (const origin of ['http://localhost:3000', 'http://127.0.0.1:3000']) {
      const res = await signIn(origin);
      expect(res.statusCode).toBe(200);
      expect(sessionCookie(res)).toBeDefined();
    }
    // Another port is another program's page.
    expect((await signIn('http://127.0.0.1:4000')).statusCode).toBe(403);
  });

  it('refuses a foreign origin, saying which address to open, in French and English', async () => {
    const signIn = await serverWith({ PORT: '3000' });
    const res = await signIn('https://evil.example');
    expect(res.statusCode).toBe(403);
    expect(sessionCookie(res)).toBeUndefined();
    expect(res.json()).toEqual({
      error: 'forbidden_origin',
      baseUrl: 'http://localhost:3000',
      message:
        "This request comes from another site (https://evil.example): changes are accepted only from Facets' own pages. Open Facets at http://localhost:3000 and try again.",
    });
    expect((await signIn('https://evil.example', 'fr')).json().message).toBe(
      'Cette demande vient d’un autre site (https://evil.example) : les modifications ne sont acceptées que depuis les pages de Facets. Ouvrez Facets à l’adresse http://localhost:3000 et réessayez.',
    );
  });

  it('trusts nothing but BASE_URL once it is set, and what TRUSTED_ORIGINS adds', async () => {
    const signIn = await serverWith({ BASE_URL: 'https://facets.example.org' });
    expect((await signIn('https://facets.example.org')).statusCode).toBe(200);
    const loopback = await signIn('http://127.0.0.1:3000');
    expect(loopback.statusCode).toBe(403);
    expect(loopback.json().baseUrl).toBe('https://facets.example.org');

    const listed = await serverWith({
      BASE_URL: 'https://facets.example.org',
      TRUSTED_ORIGINS: 'https://intranet.example.org,http://10.0.0.5:3000',
    });
    for (const origin of ['https://facets.example.org', 'https://intranet.example.org', 'http://10.0.0.5:3000']) {
      expect((await listed(origin)).statusCode).toBe(200);
    }
    expect((await listed('https://other.example.org')).statusCode).toBe(403);
  });
});
