import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Db, newId } from '@facets/db';
import { buildFixture, type Fixture, openTestDb } from '@facets/db/testing';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import { createAuth, createPasswordUser } from './auth.ts';
import { createSubmissionLimiter, isSubmission } from './limits.ts';

const BASE_URL = 'http://localhost:3000';
const PASSWORD = 'correct horse battery staple';

describe('abuse limits over HTTP', () => {
  let db: Db;
  let fx: Fixture;
  let app: FastifyInstance;
  let portalsDir: string;
  const emails = ['one', 'two'].map((n) => `${n}-${newId()}@limits.test`);

  beforeAll(async () => {
    db = await openTestDb('sqlite');
    fx = await buildFixture(db.db);
    const auth = createAuth({
      db: db.db,
      dialect: 'sqlite',
      secret: 'test-secret-'.padEnd(40, 'x'),
      baseUrl: BASE_URL,
      newId,
      logger: pino({ level: 'silent' }),
      signInPerMinute: 4,
    });
    for (const email of emails) {
      const user = await createPasswordUser(auth, { email, name: email, password: PASSWORD });
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
    portalsDir = mkdtempSync(join(tmpdir(), 'facets-limits-'));
    app = await buildApp({
      db: db.db,
      auth,
      portalsDir,
      baseUrl: BASE_URL,
      clock: () => new Date(fx.now),
      limits: { signInPerMinute: 4, submitPerMinutePerUser: 2, submitPerMinutePerIp: 5 },
    });
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
    rmSync(portalsDir, { recursive: true, force: true });
  });

  const signIn = (email: string, password: string, remoteAddress: string) =>
    app.inject({
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
  const feedback = (remoteAddress: string, cookie?: string) =>
    app.inject({
      method: 'POST',
      url: '/trpc/portal.feedback.submit',
      remoteAddress,
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      payload: { idempotencyKey: `limit-${newId()}`, category: 'suggestion', body: 'An idea' },
    });
  const feedbackRows = async () =>
    Number(
      (
        await db.db
          .selectFrom('feedback')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('refuses sign-in attempts past the limit from one address with 429 and a message, not from another', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await signIn(emails[0]!, 'wrong password', '10.0.0.1')).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401]);
    const refused = await signIn(emails[0]!, PASSWORD, '10.0.0.1');
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toEqual({ message: 'Too many requests. Please try again later.' });
    expect(Number(refused.headers['x-retry-after'])).toBeGreaterThan(0);
    expect((await signIn(emails[0]!, PASSWORD, '10.0.0.2')).statusCode).toBe(200);
  });

  it('refuses a user’s submissions past the limit with TOO_MANY_REQUESTS, and writes nothing of them', async () => {
    const cookie = cookieOf(await signIn(emails[0]!, PASSWORD, '10.0.1.1'));
    expect((await feedback('10.0.1.1', cookie)).statusCode).toBe(200);
    expect((await feedback('10.0.1.2', cookie)).statusCode).toBe(200);
    const before = await feedbackRows();
    const refused = await feedback('10.0.1.3', cookie);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error).toMatchObject({
      message: expect.stringMatching(/^Too many submissions from your account: please try again in \d+ s\.$/),
      data: { code: 'TOO_MANY_REQUESTS', httpStatus: 429 },
    });
    expect(await feedbackRows()).toBe(before);
    // Another user is not held back by the first one's count.
    const other = cookieOf(await signIn(emails[1]!, PASSWORD, '10.0.1.4'));
    expect((await feedback('10.0.1.4', other)).statusCode).toBe(200);
  });

  it('counts submissions from one address whoever sends them, before any session lookup', async () => {
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await feedback('10.0.2.1')).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    expect((await feedback('10.0.2.2')).statusCode).toBe(401);
    // Reading is never counted.
    const list = await app.inject({ url: '/trpc/portal.feedback.list', remoteAddress: '10.0.2.1' });
    expect(list.statusCode).toBe(401);
  });
});

describe('the submission limiter', () => {
  it('counts every procedure ending in .submit, and nothing when a limit is 0', async () => {
    expect(['portal.survey.submit', 'portal.feedback.submit'].every(isSubmission)).toBe(true);
    expect(isSubmission('portal.feedback.list')).toBe(false);
    const off = createSubmissionLimiter({ signInPerMinute: 0, submitPerMinutePerUser: 0, submitPerMinutePerIp: 0 });
    for (let i = 0; i < 100; i++) await off.fromUser('u', 1);
    const one = createSubmissionLimiter({ signInPerMinute: 0, submitPerMinutePerUser: 3, submitPerMinutePerIp: 0 });
    await one.fromUser('u', 3);
    await expect(one.fromUser('u', 1)).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
  });
});
