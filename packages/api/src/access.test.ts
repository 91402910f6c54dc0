import type { Db } from '@facets/db';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, digest, type Env, WHO, type Who, type World } from './fuzz-world.ts';
import { callerFor, employeeAnswers, key, openDb } from './test-setup.ts';

/**
 * Who may call what: every procedure × every kind of caller, in one table. A caller's own organisation supplies the
 * ids it passes, so an allowed call must succeed; a refused one must fail with the code named here. Then every allowed
 * call is tried again with what is not the caller's (another organisation's ids, another supplier's feedback).
 */

const STAKEHOLDERS: Who[] = ['employee', 'supplier', 'customer', 'shareholder', 'otherSupplier'];
const STAFF: Who[] = ['admin', 'leadership', 'hr', 'manager', 'analyst', 'otherOrgLeadership'];
const ACTING_STAFF: Who[] = ['admin', 'leadership', 'hr', 'otherOrgLeadership'];
/** Views of a whole group or its segments: not managers, who see their own department only. */
const WHOLE_ORG: Who[] = ['admin', 'leadership', 'hr', 'analyst', 'otherOrgLeadership'];
const LEADERS: Who[] = ['admin', 'leadership', 'otherOrgLeadership'];
const EVERYONE: Who[] = [...WHO];

type Api = Awaited<ReturnType<typeof callerFor>>;

const MATRIX: [procedure: string, allowed: Who[], call: (api: Api, env: Env) => Promise<unknown>][] = [
  ['session.me', EVERYONE, (api) => api.session.me()],
  ['portal.survey.list', STAKEHOLDERS, (api) => api.portal.survey.list()],
  ['portal.survey.get', STAKEHOLDERS, (api, e) => api.portal.survey.get({ waveId: waveOf(e) })],
  [
    'portal.survey.submit',
    STAKEHOLDERS,
    (api, e) =>
      api.portal.survey.submit({
        waveId: waveOf(e),
        idempotencyKey: key(),
        answers: e.self?.answers ?? employeeAnswers(e.org),
      }),
  ],
  ['portal.dimension.list', STAKEHOLDERS, (api) => api.portal.dimension.list()],
  [
    'portal.feedback.submit',
    STAKEHOLDERS,
    (api) => api.portal.feedback.submit({ idempotencyKey: key(), category: 'suggestion', body: 'An idea' }),
  ],
  ['portal.feedback.list', STAKEHOLDERS, (api) => api.portal.feedback.list()],
  [
    'portal.feedback.reply',
    STAKEHOLDERS,
    (api, e) => api.portal.feedback.reply({ feedbackId: e.feedbackId, body: 'More' }),
  ],
  ['insights.overview', STAFF, (api) => api.insights.overview()],
  ['insights.compareGroups', STAFF, (api) => api.insights.compareGroups({ metric: 'lived' })],
  [
    'insights.breakdown',
    WHOLE_ORG,
    (api, e) => api.insights.breakdown({ groupId: e.org.groups.employee, segmentKey: 'department' }),
  ],
  [
    'insights.dimension',
    STAFF,
    (api, e) => api.insights.dimension({ groupId: e.org.groups.employee, dimensionId: e.org.dimensions.recognition }),
  ],
  ['insights.drivers', WHOLE_ORG, (api, e) => api.insights.drivers({ groupId: e.org.groups.employee })],
  ['insights.segments', WHOLE_ORG, (api, e) => api.insights.segments({ groupId: e.org.groups.employee })],
  ['insights.alerts', STAFF, (api) => api.insights.alerts()],
  ['insights.maturity.get', WHOLE_ORG, (api) => api.insights.maturity.get()],
  [
    'insights.maturity.assess',
    LEADERS,
    (api) => api.insights.maturity.assess({ stage: 2, answers: { why: 'A test' } }),
  ],
  ['feedback.inbox', STAFF, (api) => api.feedback.inbox()],
  ['feedback.reply', ACTING_STAFF, (api, e) => api.feedback.reply({ feedbackId: e.feedbackId, body: 'Thanks' })],
  [
    'feedback.setStatus',
    ACTING_STAFF,
    (api, e) => api.feedback.setStatus({ feedbackId: e.feedbackId, status: 'in_progress' }),
  ],
  ['org.groups', STAFF, (api) => api.org.groups()],
];

const waveOf = (e: Env) => e.self?.waveId ?? e.org.surveys.employee.waveId;

let db: Db;
let world: World;
let envs: World['callers'];

beforeAll(async () => {
  db = await openDb();
  world = await buildWorld(db.db);
  envs = world.callers;
});
afterAll(() => db.close());

describe.each(MATRIX)('%s', (_procedure, allowed, call) => {
  it.each(WHO)('%s', async (who) => {
    const { userId, env } = envs[who];
    const result = call(await callerFor(db.db, userId), env);
    if (allowed.includes(who)) {
      await result; // an allowed call succeeds: a rejection fails the test with its own message
      return;
    }
    const error = await result.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe(who === 'anonymous' ? 'UNAUTHORIZED' : 'FORBIDDEN');
  });
});

it('covers every procedure of the router', async () => {
  const { appRouter } = await import('./root.ts');
  expect(MATRIX.map(([p]) => p).sort()).toEqual(Object.keys(appRouter._def.procedures).sort());
});

/**
 * What is not theirs: each allowed call again, by a caller holding someone else's ids — another organisation's staff
 * with our organisation's ids, another supplier's contact with Sam's feedback. It must be refused as NOT_FOUND or
 * FORBIDDEN, or answer without naming any of those ids and without changing any of the victim's rows.
 */
const INTRUDERS: { who: Who; victim: (w: World) => { env: Env; ids: string[]; rows: () => Promise<string> } }[] = [
  {
    who: 'otherOrgLeadership',
    victim: (w) => ({
      env: { org: w.ours, self: null, feedbackId: w.feedback.sam },
      ids: [
        w.ours.organizationId,
        ...Object.values(w.ours.groups),
        ...Object.values(w.ours.dimensions),
        w.ours.surveys.employee.waveId,
        w.ours.surveys.supplier.waveId,
        ...Object.values(w.feedback).filter((id) => id !== w.feedback.other),
      ],
      rows: () => digest(db.db, w.ours.organizationId),
    }),
  },
  {
    who: 'otherSupplier',
    victim: (w) => ({
      env: { ...w.callers.otherSupplier.env, feedbackId: w.feedback.sam },
      ids: [w.feedback.sam, w.ours.stakeholders.sam.id],
      rows: async () =>
        JSON.stringify([
          await db.db.selectFrom('feedback').selectAll().where('id', '=', w.feedback.sam).execute(),
          await db.db.selectFrom('feedback_reply').selectAll().where('feedback_id', '=', w.feedback.sam).execute(),
        ]),
    }),
  },
];

describe.each(INTRUDERS)('what is not theirs: $who', ({ who, victim }) => {
  const rows = MATRIX.filter(([, allowed]) => allowed.includes(who));
  it.each(rows.map(([procedure, , call]) => [procedure, call] as const))('%s', async (_procedure, call) => {
    const v = victim(world);
    const before = await v.rows();
    const outcome = await call(await callerFor(db.db, envs[who].userId), v.env).then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error }),
    );
    if (!outcome.ok) {
      expect(outcome.error).toBeInstanceOf(TRPCError);
      // CONFLICT: the caller's own survey, which the matrix above has answered already.
      expect(['NOT_FOUND', 'FORBIDDEN', 'CONFLICT']).toContain((outcome.error as TRPCError).code);
    } else {
      const text = JSON.stringify(outcome.value) ?? '';
      for (const id of v.ids) expect(text).not.toContain(id);
    }
    expect(await v.rows()).toBe(before);
  });
});
