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
import {
  createReadLimiter,
  createSignInLimiter,
  createSubmissionLimiter,
  isSubmission,
  langOf,
  PRODUCTION_LIMITS,
} from './limits.ts';

const BASE_URL = 'http://localhost:3000';
const PASSWORD = 'correct horse battery staple';

describe('abuse limits over HTTP', () => {
  let db: Db;
  let fx: Fixture;
  let app: FastifyInstance;
  let portalsDir: string;
  const emails = ['one', 'two', 'three', 'four'].map((n) => `${n}-${newId()}@limits.test`);

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
      limits: {
        signInPerMinute: 4,
        signInPerMinutePerAccount: 6,
        submitPerMinutePerUser: 2,
        submitPerMinutePerIp: 5,
        readPerMinutePerUser: 8,
        apiPerMinutePerKey: 0,
      },
    });
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
    rmSync(portalsDir, { recursive: true, force: true });
  });

  const signIn = (email: string, password: string, remoteAddress: string, lang = 'en') =>
    app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      remoteAddress,
      headers: { origin: BASE_URL, 'content-type': 'application/json', 'accept-language': lang },
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

  it('refuses password guesses on one account past its limit whatever the address, not its owner elsewhere later', async () => {
    const account = emails[2]!;
    // Successful sign-ins do not use up the account's allowance.
    for (let i = 0; i < 8; i++) expect((await signIn(account, PASSWORD, `10.1.0.${i}`)).statusCode).toBe(200);
    const guesses = [];
    for (let i = 0; i < 6; i++) guesses.push((await signIn(account, `guess ${i}`, `10.2.0.${i}`)).statusCode);
    expect(guesses).toEqual([401, 401, 401, 401, 401, 401]);
    // Another spelling of the address, from yet another address, with the right password: still refused.
    const refused = await signIn(` ${account.toUpperCase()} `, PASSWORD, '10.2.1.1');
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toEqual({
      code: 'TOO_MANY_REQUESTS',
      message: expect.stringMatching(/^Too many sign-in attempts for this account: please try again in \d+ s\.$/),
    });
    expect(Number(refused.headers['x-retry-after'])).toBeGreaterThan(0);
    const french = await signIn(account, PASSWORD, '10.2.1.2', 'fr-FR,fr;q=0.9');
    expect(french.json().message).toMatch(/^Trop de tentatives de connexion pour ce compte : réessayez dans \d+ s\.$/);
    // An address nobody has is counted the same way: the refusal tells nobody whether an account exists.
    const unknown = [];
    for (let i = 0; i < 7; i++) unknown.push((await signIn('nobody@limits.test', 'x', `10.3.0.${i}`)).statusCode);
    expect(unknown).toEqual([401, 401, 401, 401, 401, 401, 429]);
    // Other accounts are not held back.
    expect((await signIn(emails[3]!, PASSWORD, '10.2.0.1')).statusCode).toBe(200);
  });

  it('counts every query of a signed-in user, batched or not, and refuses past the limit with 429', async () => {
    const cookie = cookieOf(await signIn(emails[3]!, PASSWORD, '10.4.0.1'));
    const read = (url: string, lang = 'en') =>
      app.inject({ url, remoteAddress: '10.4.0.1', headers: { cookie, 'accept-language': lang } });
    for (let i = 0; i < 5; i++) expect((await read('/trpc/session.me')).statusCode).toBe(200);
    // A batch of three counts three: 8 in all.
    const batch = await read('/trpc/session.me,session.me,session.me?batch=1&input={}');
    expect(batch.statusCode).toBe(200);
    const refused = await read('/trpc/session.me');
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error).toMatchObject({
      message: expect.stringMatching(/^Too many requests from your account: please try again in \d+ s\.$/),
      data: { code: 'TOO_MANY_REQUESTS', httpStatus: 429 },
    });
    const french = await read('/trpc/session.me', 'fr');
    expect(french.json().error.message).toMatch(/^Trop de demandes depuis votre compte : réessayez dans \d+ s\.$/);
    // Anonymous reads are not counted per user (there is no user), and other users are not held back.
    const other = cookieOf(await signIn(emails[0]!, PASSWORD, '10.4.0.2'));
    const theirs = await app.inject({ url: '/trpc/session.me', remoteAddress: '10.4.0.1', headers: { cookie: other } });
    expect(theirs.statusCode).toBe(200);
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
    const off = createSubmissionLimiter({ ...PRODUCTION_LIMITS, submitPerMinutePerUser: 0, submitPerMinutePerIp: 0 });
    for (let i = 0; i < 100; i++) await off.fromUser('u', 1);
    const one = createSubmissionLimiter({ ...PRODUCTION_LIMITS, submitPerMinutePerUser: 3, submitPerMinutePerIp: 0 });
    await one.fromUser('u', 3);
    await expect(one.fromUser('u', 1)).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
  });
});

describe('the read and sign-in limiters', () => {
  it('count nothing when their limit is 0', async () => {
    const reads = createReadLimiter({ readPerMinutePerUser: 0 });
    for (let i = 0; i < 1000; i++) await reads.fromUser('u', 50, 'en');
    const signIns = createSignInLimiter({ signInPerMinutePerAccount: 0 });
    for (let i = 0; i < 100; i++) expect(await signIns.attempt('a@b.test', 'en')).toBeNull();
  });

  it('never gives back more attempts than were used', async () => {
    const signIns = createSignInLimiter({ signInPerMinutePerAccount: 2 });
    for (let i = 0; i < 5; i++) await signIns.succeeded('a@b.test');
    expect(await signIns.attempt('a@b.test', 'en')).toBeNull();
    expect(await signIns.attempt('a@b.test', 'en')).toBeNull();
    expect(await signIns.attempt('a@b.test', 'en')).toMatchObject({ seconds: expect.any(Number) });
  });

  it('reads the language from Accept-Language', () => {
    expect(langOf('fr-CA,fr;q=0.9,en;q=0.5')).toBe('fr');
    expect(langOf('en-GB,fr;q=0.5')).toBe('en');
    expect(langOf(undefined)).toBe('en');
  });
});
