import { type Db, newId } from '@facets/db';
import { DomainError, ErrorReason } from '@facets/domain';
import { TRPCError } from '@trpc/server';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createContextInner } from './context.ts';
import { type ErrorData, errorData } from './errors.ts';
import { addSegmentAttribute } from './insights/testing.ts';
import { appRouter } from './root.ts';
import { buildOrg, callerFor, fakeAccounts, type Org, openDb, silentLog } from './test-setup.ts';
import { publicProcedure, router } from './trpc.ts';

let db: Db;
let org: Org;
beforeEach(async () => {
  db = await openDb();
  org = await buildOrg(db.db);
  await addSegmentAttribute(db.db, org, { groupId: org.groups.employee, key: 'department', values: ['it', 'hr'] });
});
afterEach(() => db.close());

/** One procedure of each input shape, to see what a client reads in `error.data`. */
const shapes = router({
  check: publicProcedure
    .input(
      z.strictObject({
        name: z.string().trim().min(1).max(5),
        code: z.string().min(3).optional(),
        k: z.number().int().min(3).max(100).optional(),
        email: z.email().optional(),
        kind: z.enum(['a', 'b']).optional(),
        tags: z.array(z.string()).max(2).optional(),
      }),
    )
    .query(() => 'ok'),
  refuse: publicProcedure.query(() => {
    throw new DomainError('conflict', 'waveId: this wave is already open', 'waveId', 'wrong_state');
  }),
  plain: publicProcedure.query(() => {
    throw new DomainError('not_found', 'surveyId: no such survey', 'surveyId');
  }),
  limited: publicProcedure.query(() => {
    throw new DomainError('invalid', 'body: must be at most 10 characters', 'body', {
      reason: 'too_long',
      maximum: 10,
    });
  }),
});

async function call(r: typeof shapes | typeof appRouter, path: string, input?: unknown, userId: string | null = null) {
  const url = `http://x/trpc/${path}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`}`;
  const res = await fetchRequestHandler({
    endpoint: '/trpc',
    req: new Request(url),
    router: r,
    createContext: () =>
      createContextInner({
        db: db.db,
        session: userId ? { userId } : null,
        clock: () => new Date('2026-11-22T09:00:00.000Z'),
        newId,
        baseUrl: 'http://facets.test',
        log: silentLog,
        accounts: fakeAccounts(db.db),
      }),
  });
  return (await res.json()) as { error: { message: string; data: Record<string, unknown> } };
}

/** The `error.data` a caller's refusal carries (what the HTTP answer holds beside code, status and path). */
async function refusal(promise: Promise<unknown>): Promise<ErrorData & { message: string }> {
  const error = await promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw error;
  return { message: error.message, ...errorData(error) };
}

describe('error.data.reason for zod failures', () => {
  it.each([
    [{}, { field: 'name', reason: 'required' }],
    [{ name: '   ' }, { field: 'name', reason: 'required' }],
    [{ name: 'too long' }, { field: 'name', reason: 'too_long', maximum: 5 }],
    [
      { name: 'x', code: 'ab' },
      { field: 'code', reason: 'too_short', minimum: 3 },
    ],
    [
      { name: 'x', k: 2 },
      { field: 'k', reason: 'too_small', minimum: 3 },
    ],
    [
      { name: 'x', k: 101 },
      { field: 'k', reason: 'too_big', maximum: 100 },
    ],
    [
      { name: 'x', k: 'five' },
      { field: 'k', reason: 'invalid_type' },
    ],
    [
      { name: 'x', email: 'not-an-email' },
      { field: 'email', reason: 'invalid_format' },
    ],
    [
      { name: 'x', kind: 'c' },
      { field: 'kind', reason: 'invalid_value' },
    ],
    [
      { name: 'x', tags: ['a', 'b', 'c'] },
      { field: 'tags', reason: 'too_many', maximum: 2 },
    ],
    [
      { name: 'x', extra: 1 },
      { field: 'extra', reason: 'unknown_key' },
    ],
  ] as const)('%j → %j, the English message unchanged', async (input, expected) => {
    const { error } = await call(shapes, 'check', input);
    expect(error.data).toEqual({ code: 'BAD_REQUEST', httpStatus: 400, path: 'check', ...expected });
    expect(error.message.startsWith(`${expected.field}: `)).toBe(true);
  });
});

describe('error.data.reason for domain errors', () => {
  it('carries the reason and the limit given where the error is thrown, and a default from the kind', async () => {
    expect((await call(shapes, 'refuse')).error.data).toMatchObject({ field: 'waveId', reason: 'wrong_state' });
    expect((await call(shapes, 'plain')).error.data).toMatchObject({ field: 'surveyId', reason: 'not_found' });
    expect((await call(shapes, 'limited')).error).toEqual({
      message: 'body: must be at most 10 characters',
      code: -32600,
      data: { code: 'BAD_REQUEST', httpStatus: 400, path: 'limited', field: 'body', reason: 'too_long', maximum: 10 },
    });
  });

  it('names why an admin’s change to the staff was refused', async () => {
    const admin = await callerFor(db.db, org.staff.admin.userId);
    const other = await buildOrg(db.db);
    expect(
      await refusal(admin.admin.members.invite({ name: 'Hr', email: org.staff.hr.email, role: 'analyst' })),
    ).toMatchObject({
      field: 'email',
      reason: 'duplicate',
      message: 'email: is already a member of this organisation',
    });
    expect(await refusal(admin.admin.members.invite({ name: 'X', email: other.staff.hr.email, role: 'hr' }))).toEqual({
      field: 'email',
      reason: 'member_elsewhere',
      message: 'email: belongs to an account of another organisation',
    });
    expect(await refusal(admin.admin.members.invite({ name: 'X', email: 'x@example.test', role: 'manager' }))).toEqual({
      field: 'department',
      reason: 'required',
      message: 'department: a manager needs the department whose results they see',
    });
    expect(
      await refusal(admin.admin.members.updateRole({ memberId: org.staff.admin.memberId, role: 'analyst' })),
    ).toMatchObject({ field: 'role', reason: 'last_admin' });
    expect(await refusal(admin.admin.members.remove({ memberId: org.staff.admin.memberId }))).toMatchObject({
      field: 'memberId',
      reason: 'self_removal',
    });
    expect(await refusal(admin.admin.members.remove({ memberId: other.staff.hr.memberId }))).toMatchObject({
      field: 'memberId',
      reason: 'not_found',
    });
  });

  it('gives the limit of a setting out of range', async () => {
    const admin = await callerFor(db.db, org.staff.admin.userId);
    expect(await refusal(admin.admin.settings.update({ kThreshold: 2 }))).toMatchObject({
      field: 'kThreshold',
      reason: 'too_small',
      minimum: 3,
    });
  });

  it('says why a role or a session was refused, with no field', async () => {
    const analyst = await callerFor(db.db, org.staff.analyst.userId);
    expect(await refusal(analyst.admin.settings.update({ kThreshold: 9 }))).toMatchObject({
      field: null,
      reason: 'forbidden',
    });
    const anonymous = await callerFor(db.db, null);
    expect(await refusal(anonymous.admin.settings.get())).toMatchObject({ field: null, reason: 'unauthenticated' });
    const { error } = await call(appRouter, 'admin.settings.get');
    expect(error.data).toMatchObject({ code: 'UNAUTHORIZED', field: null, reason: 'unauthenticated' });
  });

  it('uses only the reason codes the domain lists', async () => {
    for (const path of ['refuse', 'plain', 'limited']) {
      const { error } = await call(shapes, path);
      expect(ErrorReason).toContain(error.data.reason);
    }
  });
});
