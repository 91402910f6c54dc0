import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Db, newId } from '@facets/db';
import { buildFixture, type Fixture, openTestDb, testDialects } from '@facets/db/testing';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import { createAuth, createPasswordUser } from './auth.ts';
import { limitStoreFor } from './limit-store.ts';

const BASE_URL = 'http://localhost:3000';
const PASSWORD = 'correct horse battery staple';
const SECRET = 'shared-limits-secret-'.padEnd(40, 'x');
const postgres = (await testDialects()).includes('postgres');

// Two servers behind a load balancer: each its own auth, limiters and HTTP surface, one PostgreSQL database.
describe.runIf(postgres)('abuse limits shared by two servers on one PostgreSQL database', () => {
  let db: Db;
  let fx: Fixture;
  let servers: FastifyInstance[] = [];
  let portalsDir: string;
  const emails = ['ana', 'ben', 'cy'].map((n) => `${n}-${newId()}@shared-limits.test`);
  const userIds: string[] = [];

  beforeAll(async () => {
    db = await openTestDb('postgres');
    fx = await buildFixture(db.db);
    portalsDir = mkdtempSync(join(tmpdir(), 'facets-shared-limits-'));
    const limits = {
      signInPerMinute: 4,
      signInPerMinutePerAccount: 6,
      submitPerMinutePerUser: 2,
      submitPerMinutePerIp: 50,
      readPerMinutePerUser: 100,
      apiPerMinutePerKey: 100,
    };
    for (let i = 0; i < 2; i++) {
      const limitStore = limitStoreFor({ db: db.db, dialect: 'postgres', secret: SECRET });
      const auth = createAuth({
        db: db.db,
        dialect: 'postgres',
        secret: SECRET,
        baseUrl: BASE_URL,
        newId,
        logger: pino({ level: 'silent' }),
        signInPerMinute: limits.signInPerMinute,
        limitStore,
      });
      if (i === 0) {
        for (const email of emails) {
          const user = await createPasswordUser(auth, { email, name: email, password: PASSWORD });
          userIds.push(user.id);
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
        }
      }
      servers.push(
        await buildApp({
          db: db.db,
          auth,
          portalsDir,
          baseUrl: BASE_URL,
          clock: () => new Date(fx.now),
          limits,
          limitStore,
        }),
      );
    }
  });
  afterAll(async () => {
    for (const server of servers) await server.close();
    servers = [];
    await db?.close();
    rmSync(portalsDir, { recursive: true, force: true });
  });

  const signIn = (server: number, email: string, password: string, remoteAddress: string) =>
    servers[server]!.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      remoteAddress,
      headers: { origin: BASE_URL, 'content-type': 'application/json' },
      payload: { email, password },
    });
  const cookieOf = (response: { headers: Record<string, unknown> }) =>
    ([response.headers['set-cookie'] ?? []].flat() as string[])
      .find((c) => c.startsWith('better-auth.session_token='))!
      .split(';')[0]!;
  const feedback = (server: number, remoteAddress: string, cookie: string) =>
    servers[server]!.inject({
      method: 'POST',
      url: '/trpc/portal.feedback.submit',
      remoteAddress,
      headers: { 'content-type': 'application/json', cookie },
      payload: { idempotencyKey: `shared-${newId()}`, category: 'suggestion', body: 'An idea' },
    });

  it('counts sign-in attempts from one address on both servers together', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await signIn(i % 2, emails[0]!, 'wrong', '10.9.0.1')).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401]);
    // The fifth, on the other server, is past the address's four a minute.
    expect((await signIn(0, emails[0]!, PASSWORD, '10.9.0.1')).statusCode).toBe(429);
    expect((await signIn(1, emails[0]!, PASSWORD, '10.9.0.2')).statusCode).toBe(200);
  });

  it('counts password guesses on one account across servers and addresses', async () => {
    const guesses = [];
    for (let i = 0; i < 6; i++) guesses.push((await signIn(i % 2, emails[1]!, `guess ${i}`, `10.8.0.${i}`)).statusCode);
    expect(guesses).toEqual([401, 401, 401, 401, 401, 401]);
    expect((await signIn(0, emails[1]!, PASSWORD, '10.8.1.1')).statusCode).toBe(429);
    expect((await signIn(1, emails[1]!, PASSWORD, '10.8.1.2')).statusCode).toBe(429);
  });

  it('counts a user’s submissions on both servers together', async () => {
    const cookie = cookieOf(await signIn(0, emails[2]!, PASSWORD, '10.7.0.1'));
    expect((await feedback(0, '10.7.0.1', cookie)).statusCode).toBe(200);
    expect((await feedback(1, '10.7.0.1', cookie)).statusCode).toBe(200);
    expect((await feedback(0, '10.7.0.1', cookie)).statusCode).toBe(429);
    expect((await feedback(1, '10.7.0.1', cookie)).statusCode).toBe(429);
  });

  it('keeps in the database no address, e-mail or user id, only keyed hashes', async () => {
    const rows = await db.db.selectFrom('rate_limit').select(['key', 'points', 'expire']).execute();
    expect(rows.length).toBeGreaterThan(0);
    const secrets = [...emails, ...userIds, '10.9.0.1', '10.8.0.1', '10.7.0.1'];
    for (const row of rows) {
      // The limit's prefix, then the hash (base64url of 32 bytes).
      expect(row.key).toMatch(/^[a-z0-9:-]+:[A-Za-z0-9_-]{43}$/);
      for (const value of secrets) expect(row.key.toLowerCase()).not.toContain(value.toLowerCase());
    }
  });
});
