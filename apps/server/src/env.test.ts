import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadEnv } from './env.ts';
import { PRODUCTION_LIMITS } from './limits.ts';

const roots: string[] = [];
const tempRoot = () => {
  const root = mkdtempSync(join(tmpdir(), 'facets-env-'));
  roots.push(root);
  return root;
};
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('loadEnv', () => {
  it('has working defaults, with the database and a generated secret under data/', () => {
    const root = tempRoot();
    const env = loadEnv({}, root);
    expect(env).toMatchObject({
      port: 3000,
      host: '0.0.0.0',
      databaseUrl: join(root, 'data', 'facets.sqlite'),
      baseUrl: 'http://localhost:3000',
      logLevel: 'info',
    });
    const file = join(root, 'data', '.auth-secret');
    expect(readFileSync(file, 'utf8').trim()).toBe(env.authSecret);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadEnv({}, root).authSecret).toBe(env.authSecret); // kept across restarts
  });

  it('takes the environment’s values, BASE_URL following PORT by default', () => {
    const env = loadEnv(
      { PORT: '8080', DATABASE_URL: 'postgres://db/facets', BETTER_AUTH_SECRET: 's'.repeat(32), LOG_LEVEL: 'warn' },
      tempRoot(),
    );
    expect(env).toMatchObject({
      port: 8080,
      databaseUrl: 'postgres://db/facets',
      authSecret: 's'.repeat(32),
      baseUrl: 'http://localhost:8080',
      logLevel: 'warn',
    });
  });

  it('names the variable at fault', () => {
    expect(() => loadEnv({ PORT: 'eighty' }, tempRoot())).toThrow(/^Invalid environment: PORT: /);
    expect(() => loadEnv({ BETTER_AUTH_SECRET: 'short' }, tempRoot())).toThrow(
      'Invalid environment: BETTER_AUTH_SECRET: must be at least 32 characters',
    );
    expect(() => loadEnv({ BASE_URL: 'not a url' }, tempRoot())).toThrow(/BASE_URL/);
  });

  it('trusts localhost and 127.0.0.1 at PORT while BASE_URL is the default and the server listens on loopback', () => {
    expect(loadEnv({}, tempRoot()).trustedOrigins).toEqual(['http://127.0.0.1:3000']);
    expect(loadEnv({ PORT: '8080', HOST: '127.0.0.1' }, tempRoot()).trustedOrigins).toEqual(['http://127.0.0.1:8080']);
    expect(loadEnv({ HOST: '::' }, tempRoot()).trustedOrigins).toEqual(['http://127.0.0.1:3000']);
    // Bound to one LAN address only: 127.0.0.1:3000 may be another program; a set BASE_URL is the only address.
    expect(loadEnv({ HOST: '192.168.1.10' }, tempRoot()).trustedOrigins).toEqual([]);
    expect(loadEnv({ BASE_URL: 'https://facets.example.org' }, tempRoot()).trustedOrigins).toEqual([]);
    expect(loadEnv({ BASE_URL: 'http://127.0.0.1:3000' }, tempRoot()).trustedOrigins).toEqual([]);
  });

  it('adds the origins TRUSTED_ORIGINS lists, and refuses anything but an origin', () => {
    const env = loadEnv(
      {
        BASE_URL: 'https://facets.example.org',
        TRUSTED_ORIGINS: ' https://intranet.example.org, http://10.0.0.5:3000/ ,,https://facets.example.org',
      },
      tempRoot(),
    );
    expect(env.trustedOrigins).toEqual(['https://intranet.example.org', 'http://10.0.0.5:3000']);
    expect(loadEnv({ TRUSTED_ORIGINS: 'https://intranet.example.org' }, tempRoot()).trustedOrigins).toEqual([
      'http://127.0.0.1:3000',
      'https://intranet.example.org',
    ]);
    for (const bad of ['intranet.example.org', 'https://example.org/console', 'ftp://example.org', '*']) {
      expect(() => loadEnv({ TRUSTED_ORIGINS: bad }, tempRoot())).toThrow(
        `Invalid environment: TRUSTED_ORIGINS: ${bad} is not an origin such as https://facets.example.org`,
      );
    }
  });

  it('lists the private identity providers SSO_PRIVATE_ISSUERS names, origins only, none by default', () => {
    expect(loadEnv({}, tempRoot()).ssoPrivateIssuers).toEqual([]);
    const env = loadEnv(
      { SSO_PRIVATE_ISSUERS: 'https://sso.intranet.example.org/, http://127.0.0.1:8080' },
      tempRoot(),
    );
    expect(env.ssoPrivateIssuers).toEqual(['https://sso.intranet.example.org', 'http://127.0.0.1:8080']);
    expect(() => loadEnv({ SSO_PRIVATE_ISSUERS: 'https://sso.example.org/realms/staff' }, tempRoot())).toThrow(
      'Invalid environment: SSO_PRIVATE_ISSUERS: https://sso.example.org/realms/staff is not an origin',
    );
  });

  it('has production abuse limits by default, which the environment can raise or turn off', () => {
    expect(loadEnv({}, tempRoot()).limits).toEqual(PRODUCTION_LIMITS);
    const env = loadEnv(
      {
        SIGN_IN_LIMIT_PER_MINUTE: '0',
        SUBMIT_LIMIT_PER_MINUTE_PER_USER: '5',
        SUBMIT_LIMIT_PER_MINUTE_PER_IP: '1000000',
        SIGN_IN_LIMIT_PER_MINUTE_PER_ACCOUNT: '3',
        READ_LIMIT_PER_MINUTE_PER_USER: '0',
        API_LIMIT_PER_MINUTE_PER_KEY: '7',
      },
      tempRoot(),
    );
    expect(env.limits).toEqual({
      signInPerMinute: 0,
      signInPerMinutePerAccount: 3,
      submitPerMinutePerUser: 5,
      submitPerMinutePerIp: 1_000_000,
      readPerMinutePerUser: 0,
      apiPerMinutePerKey: 7,
    });
    expect(() => loadEnv({ SUBMIT_LIMIT_PER_MINUTE_PER_IP: '-1' }, tempRoot())).toThrow(
      /SUBMIT_LIMIT_PER_MINUTE_PER_IP/,
    );
  });

  it('sends e-mail by SMTP only when SMTP_URL is set, from MAIL_FROM or the public host', () => {
    expect(loadEnv({}, tempRoot()).smtp).toBeNull();
    expect(loadEnv({}, tempRoot()).mailDelivery).toBe('outbox');
    expect(loadEnv({ SMTP_URL: 'smtp://mail.example.org' }, tempRoot()).mailDelivery).toBe('smtp');
    expect(loadEnv({ SMTP_URL: 'smtp://mailer:secret@mail.example.org:587' }, tempRoot()).smtp).toEqual({
      url: 'smtp://mailer:secret@mail.example.org:587',
      from: 'Facets <no-reply@localhost>',
    });
    expect(
      loadEnv({ SMTP_URL: 'smtps://mail.example.org', MAIL_FROM: 'Maison Lumière <rh@example.org>' }, tempRoot()).smtp,
    ).toEqual({ url: 'smtps://mail.example.org', from: 'Maison Lumière <rh@example.org>' });
    expect(() => loadEnv({ SMTP_URL: 'https://mail.example.org' }, tempRoot())).toThrow(
      'Invalid environment: SMTP_URL: must start with smtp:// or smtps://',
    );
  });

  it('seeds the demo unless FACETS_DEMO is 0, and passes FACETS_ADMIN_PASSWORD on', () => {
    expect(loadEnv({}, tempRoot())).toMatchObject({ demo: true, adminPassword: null });
    expect(loadEnv({ FACETS_DEMO: '0', FACETS_ADMIN_PASSWORD: 'a long password' }, tempRoot())).toMatchObject({
      demo: false,
      adminPassword: 'a long password',
    });
    expect(() => loadEnv({ FACETS_DEMO: 'no' }, tempRoot())).toThrow(
      'Invalid environment: FACETS_DEMO: must be 0 or 1',
    );
  });
});
