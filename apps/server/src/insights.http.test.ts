import type { AppRouter } from '@facets/api';
import { type Db, DEMO_ORGANIZATION, DEMO_PASSWORD, newId, seedDemo } from '@facets/db';
import { openTestDb } from '@facets/db/testing';
import type { inferRouterOutputs } from '@trpc/server';
import { hashPassword } from 'better-auth/crypto';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import { createAuth } from './auth.ts';

/**
 * The insights views as the console gets them: the seeded demo organisation, leadership signed in over HTTP, every
 * insights.* view called through /trpc. Whatever the view, every figure carries its n and no figure that is shown
 * stands on fewer than k respondents (fewer than the comment threshold for comments).
 */

const BASE_URL = 'http://localhost:3000';
const NOW = new Date('2026-11-22T10:00:00.000Z');

let db: Db;
let app: FastifyInstance;
let cookie: string;

beforeAll(async () => {
  db = await openTestDb('sqlite');
  await seedDemo(db.db, { now: NOW, hashPassword });
  const auth = createAuth({
    db: db.db,
    dialect: 'sqlite',
    secret: 'insights-test-secret-'.padEnd(40, 'x'),
    baseUrl: BASE_URL,
    newId,
    logger: pino({ level: 'silent' }),
  });
  app = await buildApp({
    db: db.db,
    auth,
    portalsDir: '/nonexistent',
    baseUrl: 'http://localhost:3000',
    clock: () => NOW,
  });
  const signIn = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-in/email',
    headers: { origin: BASE_URL, 'content-type': 'application/json' },
    payload: { email: 'leadership@demo.facets.test', password: DEMO_PASSWORD },
  });
  expect(signIn.statusCode).toBe(200);
  const session = ([signIn.headers['set-cookie'] ?? []].flat() as string[]).find((c) =>
    c.startsWith('better-auth.session_token='),
  );
  cookie = session!.split(';')[0]!;
}, 60_000);
afterAll(async () => {
  await app?.close();
  await db?.close();
});

type Insights = inferRouterOutputs<AppRouter>['insights'];
interface TrpcBody {
  result: { data: unknown };
  error: { message: string; data: { field: string | null } };
}

async function query(path: string, input?: unknown): Promise<{ status: number; body: TrpcBody }> {
  const url = `/trpc/${path}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`}`;
  const res = await app.inject({ url, headers: { cookie } });
  return { status: res.statusCode, body: res.json() };
}

/** A query's data, typed as the router says (plain JSON over HTTP: no transformer). */
async function data<T>(path: string, input?: unknown): Promise<T> {
  const { status, body } = await query(path, input);
  expect(status, `${path} ${JSON.stringify(input)}: ${JSON.stringify(body.error)}`).toBe(200);
  return body.result.data as T;
}

/**
 * Walks a view's JSON: every figure (an object with `hidden`, `value`, `score` or `r`) has an n (commenters for
 * comments and their themes); a shown figure stands on at least k (comments and themes: commentK) respondents; a hidden one shows no number, no
 * histogram and no n. Returns how many shown figures it checked; counts the hidden ones by reason in `withheld`.
 */
const withheld = new Map<string, number>();

function checkFigures(view: unknown, k: number, commentK: number, where: string): number {
  let shown = 0;
  const visit = (node: unknown, path: string) => {
    if (Array.isArray(node)) {
      for (const [i, x] of node.entries()) visit(x, `${path}[${i}]`);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    const at = `${where}${path}: ${JSON.stringify(o).slice(0, 300)}`;
    const number = [o.value, o.score, o.r].find((x) => typeof x === 'number');
    const hasHidden = 'hidden' in o;
    if ('commenters' in o && 'code' in o) {
      // A comment theme: on at least commentK commenters, and so is each shown part of its sentiment.
      expect(o.commenters as number, at).toBeGreaterThanOrEqual(commentK);
      const sentiment = o.sentiment as Record<string, number> | null;
      for (const part of ['negative', 'neutral', 'positive']) {
        const n = sentiment?.[part] ?? 0;
        expect(n === 0 || n >= commentK, at).toBe(true);
      }
      shown += 1;
    } else if ('commenters' in o && 'themes' in o) {
      // A comment list's themes: withheld with the list, then with no count.
      if (o.hidden !== null) expect([o.commenters, o.themes], at).toEqual([0, []]);
    } else if ('commenters' in o) {
      expect(typeof o.commenters, at).toBe('number');
      if (o.hidden === null) {
        expect(o.commenters as number, at).toBeGreaterThanOrEqual(commentK);
        shown += 1;
      } else expect(o.items, at).toEqual([]);
    } else if ('count' in o) {
      // a histogram bar: its distribution carries the n and the reason
    } else if (hasHidden || number !== undefined) {
      if (typeof o.hidden === 'string') withheld.set(o.hidden, (withheld.get(o.hidden) ?? 0) + 1);
      const withheldWithoutN = o.n == null && number === undefined && typeof o.hidden === 'string';
      expect(typeof o.n === 'number' || withheldWithoutN, `${at} has no n`).toBe(true);
      // A withheld figure never says how many it would stand on (at most "fewer than k").
      if (typeof o.hidden === 'string' && o.hidden !== 'no_data') expect(o.n ?? 0, `${at} shows its n`).toBe(0);
      const n = (o.n as number | null) ?? 0;
      if ((o.hidden === null || !hasHidden) && (n > 0 || number !== undefined)) {
        expect(n, at).toBeGreaterThanOrEqual(k);
        shown += 1;
      }
      if (hasHidden && o.hidden !== null) {
        expect(number, at).toBeUndefined();
        if ('bins' in o) expect(o.bins, at).toEqual([]);
      }
    }
    for (const [key, value] of Object.entries(o)) visit(value, `${path}.${key}`);
  };
  visit(view, '');
  return shown;
}

describe('insights over HTTP on the demo organisation', () => {
  it('shows every view to leadership with an n on every figure and none below k', async () => {
    const overview = await data<Insights['overview']>('insights.overview', {});
    const k: number = overview.kThreshold;
    const commentK: number = overview.commentThreshold;
    expect(k).toBe(DEMO_ORGANIZATION.kThreshold);
    expect(overview.groups.map((g) => g.code).sort()).toEqual(['customer', 'employee', 'shareholder', 'supplier']);
    let shown = checkFigures(overview, k, commentK, 'overview');

    for (const metric of ['lived', 'expected', 'expectationGap', 'favourability']) {
      shown += checkFigures(
        await data<Insights['compareGroups']>('insights.compareGroups', { metric }),
        k,
        commentK,
        `compare ${metric}`,
      );
    }
    shown += checkFigures(await data<Insights['alerts']>('insights.alerts'), k, commentK, 'alerts');
    const maturity = await data<Insights['maturity']['get']>('insights.maturity.get');
    expect(maturity.stage).toBeGreaterThanOrEqual(1);
    expect(maturity.reasons.length).toBeGreaterThan(0);

    const attributes = await db.db
      .selectFrom('segment_attribute')
      .select(['group_id', 'key', 'values'])
      .where('organization_id', '=', DEMO_ORGANIZATION.id)
      .execute();
    for (const group of overview.groups) {
      const drivers = await data<Insights['drivers']>('insights.drivers', { groupId: group.id });
      shown += checkFigures(drivers, k, commentK, `drivers ${group.code}`);
      for (const a of attributes.filter((x) => x.group_id === group.id)) {
        if (group.code === 'supplier' && a.key === 'company') {
          // One company is never a population: the breakdown and the filter are refused, whatever the data.
          const refused = await query('insights.breakdown', { groupId: group.id, segmentKey: a.key });
          expect(refused.status).toBe(400);
          expect(refused.body.error.data.field).toBe('segmentKey');
          continue;
        }
        const b = await data<Insights['breakdown']>('insights.breakdown', { groupId: group.id, segmentKey: a.key });
        shown += checkFigures(b, k, commentK, `breakdown ${group.code} ${a.key}`);
        // the first dimension of the group through each segment value: shown or withheld, never below k
        for (const { value } of JSON.parse(a.values) as { value: string }[]) {
          const input = { groupId: group.id, dimensionId: group.dimensions[0]!.id, segment: { key: a.key, value } };
          const res = await query('insights.dimension', input);
          expect(res.status).toBe(200);
          shown += checkFigures(res.body.result.data, k, commentK, `dimension ${group.code} ${a.key}=${value}`);
        }
      }
      for (const d of group.dimensions) {
        const page = await data<Insights['dimension']>('insights.dimension', { groupId: group.id, dimensionId: d.id });
        expect(page.trend.length).toBeGreaterThan(1);
        shown += checkFigures(page, k, commentK, `dimension ${group.code} ${d.id}`);
      }
    }
    // the demo is big enough to show most things: hundreds of figures were shown and checked
    expect(shown).toBeGreaterThan(300);
    // …and the small segments (supplier companies of two or three contacts) were withheld, with their siblings
    expect(withheld.get('below_k')).toBeGreaterThan(0);
    expect(withheld.get('complementary')).toBeGreaterThan(0);
  }, 120_000);

  it('shows the demo’s story: the employee group’s drivers weighed, alerts raised, comments shown', async () => {
    const overview = await data<Insights['overview']>('insights.overview', { groupId: 'demo-group-employee' });
    const employee = overview.groups[0]!;
    expect(employee.respondents.n).toBeGreaterThanOrEqual(5);
    const recognition = employee.dimensions.find((d) => d.label.en === 'Recognition and respect');
    expect(recognition?.lived.hidden).toBeNull();
    const drivers = await data<Insights['drivers']>('insights.drivers', { groupId: employee.id });
    expect(drivers).toMatchObject({ status: 'ok', hidden: null, outcome: { scale: 'nps11' } });
    expect(drivers.n).toBeGreaterThanOrEqual(50);
    expect(drivers.drivers.some((d) => d.relativeWeight !== null)).toBe(true);
    const alerts = await data<Insights['alerts']>('insights.alerts');
    expect(alerts.length).toBeGreaterThan(0);
    const pages = await Promise.all(
      employee.dimensions.map((d) =>
        data<Insights['dimension']>('insights.dimension', { groupId: employee.id, dimensionId: d.id }),
      ),
    );
    expect(pages.some((p) => p.comments.hidden === null && p.comments.items.length >= 5)).toBe(true);
  });

  it('records leadership’s self-assessment over HTTP and shows it beside the evidence', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/trpc/insights.maturity.assess',
      headers: { 'content-type': 'application/json', cookie },
      payload: { stage: 2, answers: { silos: 'Marketing and HR plan apart' } },
    });
    expect(res.statusCode).toBe(200);
    const maturity = await data<Insights['maturity']['get']>('insights.maturity.get');
    expect(maturity).toMatchObject({ selfStage: 2, evidence: { leadershipReview: true } });
    const bad = await app.inject({
      method: 'POST',
      url: '/trpc/insights.maturity.assess',
      headers: { 'content-type': 'application/json', cookie },
      payload: { stage: 9, answers: {} },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.data.field).toBe('stage');
  });
});
