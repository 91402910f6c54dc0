import { newId } from '@facets/db';
import { DomainError, type DomainErrorKind } from '@facets/domain';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { type Context, createContextInner } from './context.ts';
import { appRouter, createCaller } from './root.ts';
import { buildOrg, openDb, silentLog, TEST_BASE_URL } from './test-setup.ts';
import { createCallerFactory, publicProcedure, router, staffProcedure, stakeholderProcedure } from './trpc.ts';

/** A router that fails on purpose, to see what callers get from each kind of failure. */
const failing = router({
  domain: publicProcedure
    .input(z.strictObject({ kind: z.enum(['invalid', 'not_found', 'forbidden', 'conflict', 'unauthenticated']) }))
    .query(({ input }) => {
      throw new DomainError(input.kind as DomainErrorKind, 'waveId: nope', 'waveId');
    }),
  bug: publicProcedure.query(() => {
    throw new Error('SQLITE_ERROR: no such column secret_column');
  }),
});

let db: Awaited<ReturnType<typeof openDb>>;
beforeAll(async () => {
  db = await openDb();
});
afterAll(() => db.close());

const context = (log = silentLog): Promise<Context> =>
  createContextInner({ db: db.db, session: null, clock: () => new Date(), newId, baseUrl: 'http://facets.test', log });

describe('error mapping', () => {
  it.each([
    ['invalid', 'BAD_REQUEST'],
    ['not_found', 'NOT_FOUND'],
    ['forbidden', 'FORBIDDEN'],
    ['conflict', 'CONFLICT'],
    ['unauthenticated', 'UNAUTHORIZED'],
  ] as const)('maps a %s domain error to %s, keeping its message', async (kind, code) => {
    const caller = createCallerFactory(failing)(await context());
    await expect(caller.domain({ kind })).rejects.toMatchObject({ code, message: 'waveId: nope' });
  });

  it('replaces an unexpected error with a generic message and logs the original', async () => {
    const log = { error: vi.fn() };
    const caller = createCallerFactory(failing)(await context(log));
    await expect(caller.bug()).rejects.toMatchObject({
      code: 'INTERNAL_SERVER_ERROR',
      message: 'Internal server error',
    });
    expect(log.error).toHaveBeenCalledOnce();
    expect(String(log.error.mock.calls[0]![0].err)).toContain('secret_column');
  });
});

describe('HTTP error shape', () => {
  const call = async (r: typeof failing | typeof appRouter, path: string, input?: unknown) => {
    const url = `http://x/trpc/${path}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`}`;
    const res = await fetchRequestHandler({
      endpoint: '/trpc',
      req: new Request(url),
      router: r,
      createContext: () => context(),
    });
    return {
      status: res.status,
      body: (await res.json()) as { error: { message: string; data: Record<string, unknown> } },
    };
  };

  it('names the field in message and data.field for a zod failure', async () => {
    const { status, body } = await call(appRouter, 'insights.overview', { groupId: 'x'.repeat(65) });
    // Authorisation comes before validation: an anonymous caller learns nothing about the input.
    expect(status).toBe(401);
    const bad = await call(failing, 'domain', { kind: 'oops' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^kind: Invalid option/);
    expect(bad.body.error.data).toEqual({
      code: 'BAD_REQUEST',
      httpStatus: 400,
      path: 'domain',
      field: 'kind',
      reason: 'invalid_value',
    });
    expect(body.error.data.field).toBeNull();
  });

  it('carries a domain error’s field', async () => {
    const { status, body } = await call(failing, 'domain', { kind: 'not_found' });
    expect(status).toBe(404);
    expect(body.error.data.field).toBe('waveId');
  });

  it('leaks no stack trace and no internal message', async () => {
    const { status, body } = await call(failing, 'bug');
    expect(status).toBe(500);
    expect(body.error.message).toBe('Internal server error');
    expect(JSON.stringify(body)).not.toMatch(/secret_column|stack|\.ts:/);
  });
});

describe('the call context', () => {
  /** A clock that moves one second at each reading, counting them. */
  const movingClock = () => {
    const clock = Object.assign(() => new Date(Date.parse('2026-11-22T09:00:00.000Z') + 1000 * clock.reads++), {
      reads: 0,
    });
    return clock;
  };
  const seen = router({
    staff: staffProcedure()
      .input(z.strictObject({ organizationId: z.string().optional() }))
      .query(({ ctx }) => ({ tenant: ctx.tenant, now: ctx.now, later: ctx.now })),
    stakeholder: stakeholderProcedure().query(({ ctx }) => ({ tenant: ctx.tenant, now: ctx.now })),
    anonymous: publicProcedure.query(({ ctx }) => ({ now: ctx.now })),
  });
  const contextFor = (userId: string | null, clock: () => Date) =>
    createContextInner({
      db: db.db,
      session: userId ? { userId } : null,
      clock,
      newId,
      baseUrl: TEST_BASE_URL,
      log: silentLog,
    });

  it('puts the member’s organisation on ctx.tenant, whatever the input names, and one instant on ctx.now', async () => {
    const org = await buildOrg(db.db);
    const other = await buildOrg(db.db);
    const clock = movingClock();
    const staff = createCallerFactory(seen)(await contextFor(org.staff.hr.userId, clock));
    expect(await staff.staff({ organizationId: other.organizationId })).toEqual({
      tenant: { organizationId: org.organizationId },
      now: '2026-11-22T09:00:00.000Z',
      later: '2026-11-22T09:00:00.000Z',
    });
    expect(clock.reads).toBe(1);
    // Each call reads the clock once, at its start.
    expect((await staff.staff({})).now).toBe('2026-11-22T09:00:01.000Z');
    const supplier = createCallerFactory(seen)(await contextFor(other.stakeholders.sam.userId, movingClock()));
    expect(await supplier.stakeholder()).toEqual({
      tenant: { organizationId: other.organizationId },
      now: '2026-11-22T09:00:00.000Z',
    });
    const anonymous = createCallerFactory(seen)(await contextFor(null, movingClock()));
    expect(await anonymous.anonymous()).toEqual({ now: '2026-11-22T09:00:00.000Z' });
  });

  it('gives a real call one instant however often it needs the time', async () => {
    const org = await buildOrg(db.db);
    const clock = movingClock();
    const leadership = createCaller(await contextFor(org.leadership.userId, clock));
    // The scope's time (what is published) and the assessment's are one.
    expect(await leadership.insights.maturity.assess({ stage: 3, answers: {} })).toMatchObject({
      createdAt: '2026-11-22T09:00:00.000Z',
    });
    expect(clock.reads).toBe(1);
    // Opening due periods, then listing the surveys open at that time.
    await leadership.surveys.list();
    expect(clock.reads).toBe(2);
  });
});
