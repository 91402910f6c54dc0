import { createCaller, createContextInner, REST_ROUTES } from '@facets/api';
import {
  createApiKey,
  createFeedback,
  createSurvey,
  type Db,
  newId,
  revokeApiKey,
  saveQuestions,
  setSurveyPeriod,
} from '@facets/db';
import { buildFixture, type Fixture, openTestDb } from '@facets/db/testing';
import type { ApiScope } from '@facets/domain';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import { createAuth } from './auth.ts';
import { PRODUCTION_LIMITS } from './limits.ts';

/**
 * The public REST API through HTTP: keys with scopes, refusals that tell nothing about other keys, the per-key
 * limit, the last use, organisations kept apart, and results exactly as the console reads them.
 */

const BASE_URL = 'http://localhost:3000';
let db: Db;
let app: FastifyInstance;
let ours: Fixture;
let theirs: Fixture;
let now = new Date('2026-11-22T10:00:00.000Z');

beforeAll(async () => {
  db = await openTestDb('sqlite');
  ours = await buildFixture(db.db);
  theirs = await buildFixture(db.db);
  now = new Date(ours.now);
  const auth = createAuth({
    db: db.db,
    dialect: 'sqlite',
    secret: 'rest-api-test-secret-'.padEnd(40, 'x'),
    baseUrl: BASE_URL,
    newId,
    logger: pino({ level: 'silent' }),
  });
  app = await buildApp({
    db: db.db,
    auth,
    portalsDir: '/nonexistent',
    baseUrl: BASE_URL,
    clock: () => now,
    limits: { ...PRODUCTION_LIMITS, apiPerMinutePerKey: 10 },
  });
}, 60_000);
afterAll(async () => {
  await app?.close();
  await db?.close();
});

const keyFor = async (fx: Fixture, scopes: ApiScope[]) =>
  (
    await createApiKey(db.db, {
      organizationId: fx.organizationId,
      memberId: fx.staff.admin.memberId,
      name: 'Integration',
      scopes,
      now: fx.now,
      newId,
    })
  ).key;

const call = (key: string | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  app.inject({
    method,
    url: `/api/v1${url}`,
    headers: key === null ? {} : { authorization: `Bearer ${key}` },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

/** A continuous after-interaction survey of the supplier group, reporting by month, with one question. */
async function afterInteractionSurvey(fx: Fixture): Promise<string> {
  const tenant = { organizationId: fx.organizationId };
  const { surveyId } = await createSurvey(db.db, {
    ...tenant,
    organizationName: 'Atelier',
    groupId: fx.groups.supplier,
    kind: 'post_interaction',
    anonymous: false,
    title: { fr: 'Après la livraison', en: 'After delivery' },
    now: fx.now,
    newId,
  });
  await saveQuestions(db.db, {
    ...tenant,
    surveyId,
    newId,
    questions: [
      {
        type: 'rating',
        scale: 'likert5',
        facet: 'lived',
        dimensionId: fx.dimensions.payment,
        prompt: { fr: 'Livraison à l’heure', en: 'Delivered on time' },
        options: null,
        required: true,
      },
    ],
  });
  await setSurveyPeriod(db.db, { ...tenant, surveyId, period: 'month', now: fx.now, newId });
  return surveyId;
}

describe('the REST API', () => {
  it('a key with only the trigger scope triggers a survey and is refused on results, saying why', async () => {
    const key = await keyFor(ours, ['surveys:trigger']);
    const surveyId = await afterInteractionSurvey(ours);
    const trigger = (person: object, reference: string) =>
      call(key, 'POST', `/surveys/${surveyId}/trigger`, { person, reference });
    const triggered = await trigger({ email: 'after.order@example.org', name: 'Client' }, 'ORDER-1234');
    expect(triggered.statusCode, triggered.body).toBe(200);
    expect(triggered.json()).toEqual({ outcome: 'invited', repeated: false, reference: 'ORDER-1234' });
    const person = await db.db
      .selectFrom('stakeholder')
      .select('id')
      .where('organization_id', '=', ours.organizationId)
      .where('email', '=', 'after.order@example.org')
      .executeTakeFirstOrThrow();
    const invitations = await db.db
      .selectFrom('invitation')
      .select('wave_id')
      .where('stakeholder_id', '=', person.id)
      .execute();
    expect(invitations).toHaveLength(1);
    const mail = await db.db
      .selectFrom('outbox')
      .select('to_address')
      .where('to_address', '=', 'after.order@example.org')
      .execute();
    expect(mail).toHaveLength(1);
    // The same reference again (a retried call): what the first did, nobody invited again.
    expect((await trigger({ email: 'after.order@example.org' }, 'ORDER-1234')).json()).toEqual({
      outcome: 'invited',
      repeated: true,
      reference: 'ORDER-1234',
    });
    // Another order of the same person in the same period: already invited to its wave, not twice.
    expect((await trigger({ email: 'after.order@example.org' }, 'ORDER-1235')).json()).toMatchObject({
      outcome: 'already_invited',
    });
    // A survey that is not sent after interactions is refused, naming the field.
    const wrong = await call(key, 'POST', `/surveys/${ours.surveys.employee.surveyId}/trigger`, {
      person: { email: 'after.order@example.org' },
      reference: 'ORDER-1236',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error).toMatchObject({ reason: 'not_allowed', field: 'surveyId' });

    const results = await call(key, 'GET', `/groups/${ours.groups.employee}/results`);
    expect(results.statusCode).toBe(403);
    expect(results.json()).toEqual({
      error: { reason: 'scope_missing', message: 'This API key lacks the scope results:read.', field: null },
    });
  });

  it('refuses no key, a wrong secret, an unknown key and a revoked one with the same answer', async () => {
    const key = await keyFor(ours, ['feedback:read']);
    const none = await call(null, 'GET', '/feedback');
    expect(none.statusCode).toBe(401);
    expect(none.json().error.reason).toBe('unauthenticated');
    const wrongSecret = await call(`${key.slice(0, -2)}${key.endsWith('AA') ? 'BB' : 'AA'}`, 'GET', '/feedback');
    const unknown = await call(`fct_${'Z'.repeat(12)}${key.slice(16)}`, 'GET', '/feedback');
    const malformed = await call('fct_nothing', 'GET', '/feedback');
    for (const refused of [wrongSecret, unknown, malformed]) {
      expect(refused.statusCode).toBe(401);
      expect(refused.json()).toEqual(wrongSecret.json());
    }
    const revoking = await keyFor(ours, ['feedback:read']);
    expect((await call(revoking, 'GET', '/feedback')).statusCode).toBe(200);
    const row = await db.db
      .selectFrom('api_key')
      .select('id')
      .where('organization_id', '=', ours.organizationId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    for (const r of row) await revokeApiKey(db.db, { organizationId: ours.organizationId, keyId: r.id, now: ours.now });
    const revoked = await call(revoking, 'GET', '/feedback');
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json()).toEqual(wrongSecret.json());
  });

  it('limits calls per key, with the seconds to wait, and keeps other keys going', async () => {
    const key = await keyFor(ours, ['feedback:read']);
    const statuses = [];
    for (let i = 0; i < 11; i++) statuses.push((await call(key, 'GET', '/feedback')).statusCode);
    expect(statuses).toEqual([...Array(10).fill(200), 429]);
    const refused = await call(key, 'GET', '/feedback');
    expect(refused.json().error.reason).toBe('rate_limited');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await call(await keyFor(ours, ['feedback:read']), 'GET', '/feedback')).statusCode).toBe(200);
  });

  it('records the last use at most once a minute', async () => {
    const key = await keyFor(ours, ['feedback:read']);
    const lastUsed = async () =>
      (
        await db.db
          .selectFrom('api_key')
          .select('last_used_at')
          .where('lookup', '=', key.slice(4, 16))
          .executeTakeFirstOrThrow()
      ).last_used_at;
    expect(await lastUsed()).toBeNull();
    await call(key, 'GET', '/feedback');
    expect(await lastUsed()).toBe(now.toISOString());
    const first = now;
    now = new Date(first.getTime() + 30_000);
    await call(key, 'GET', '/feedback');
    expect(await lastUsed()).toBe(first.toISOString());
    now = new Date(first.getTime() + 90_000);
    await call(key, 'GET', '/feedback');
    expect(await lastUsed()).toBe(now.toISOString());
    now = first;
  });

  it('shows another organisation’s key nothing of this one', async () => {
    const key = await keyFor(theirs, ['people:write', 'results:read', 'feedback:read', 'feedback:write']);
    const people = await call(key, 'GET', `/groups/${ours.groups.employee}/people`);
    expect(people.statusCode).toBe(404);
    const results = await call(key, 'GET', `/groups/${ours.groups.employee}/results`);
    expect(results.statusCode).toBe(404);
    const inbox = await call(key, 'GET', '/feedback');
    expect(inbox.statusCode).toBe(200);
    expect(inbox.body).not.toContain(ours.organizationId);
    const ourFeedback = await db.db
      .selectFrom('feedback')
      .select('id')
      .where('organization_id', '=', ours.organizationId)
      .execute();
    for (const f of ourFeedback) expect(inbox.body).not.toContain(f.id);
    const upsert = await call(key, 'PUT', `/groups/${ours.groups.employee}/people`, { email: 'x@example.org' });
    expect(upsert.statusCode).toBe(404);
    const deactivate = await call(
      key,
      'POST',
      `/groups/${theirs.groups.employee}/people/${ours.stakeholders.alice.id}/deactivate`,
    );
    expect(deactivate.statusCode).toBe(404);
  });

  it('answers results exactly as the console does, withheld figures included', async () => {
    const key = await keyFor(ours, ['results:read']);
    const rest = await call(key, 'GET', `/groups/${ours.groups.employee}/results`);
    expect(rest.statusCode, rest.body).toBe(200);
    const analyst = createCaller(
      await createContextInner({
        db: db.db,
        session: { userId: ours.staff.analyst.userId },
        clock: () => now,
        newId,
        baseUrl: BASE_URL,
      }),
    );
    const inConsole = await analyst.insights.overview({ groupId: ours.groups.employee });
    expect(rest.json()).toEqual(JSON.parse(JSON.stringify(inConsole)));
    // The open wave's count is below k: withheld with its reason, in the console and through the API alike.
    expect(rest.json().groups[0].pendingWaves[0].respondents).toEqual({ n: 0, hidden: 'below_k' });
  });

  it('writes the directory one person at a time, and refuses bad input naming the field', async () => {
    const key = await keyFor(ours, ['people:write']);
    const created = await call(key, 'PUT', `/groups/${ours.groups.employee}/people`, {
      externalId: 'HR-77',
      email: 'new.hire@example.org',
      name: 'New Hire',
    });
    expect(created.statusCode, created.body).toBe(200);
    expect(created.json()).toMatchObject({ created: true });
    const listed = await call(key, 'GET', `/groups/${ours.groups.employee}/people?search=new.hire&pageSize=10`);
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json().people.map((p: { externalId: string }) => p.externalId)).toEqual(['HR-77']);
    const off = await call(key, 'POST', `/groups/${ours.groups.employee}/people/${created.json().personId}/deactivate`);
    expect(off.json()).toEqual({ personId: created.json().personId, active: false });

    const badEmail = await call(key, 'PUT', `/groups/${ours.groups.employee}/people`, { email: 'not an address' });
    expect(badEmail.statusCode).toBe(400);
    expect(badEmail.json().error).toMatchObject({ field: 'person.email', reason: 'invalid_format' });
    const unknownQuery = await call(key, 'GET', `/groups/${ours.groups.employee}/people?colour=blue`);
    expect(unknownQuery.statusCode).toBe(400);
    expect(unknownQuery.json().error).toMatchObject({ field: 'colour', reason: 'unknown_key' });
    const badPage = await call(key, 'GET', `/groups/${ours.groups.employee}/people?page=-1`);
    expect(badPage.json().error).toMatchObject({ field: 'page', reason: 'too_small' });
    const notJson = await app.inject({
      method: 'PUT',
      url: `/api/v1/groups/${ours.groups.employee}/people`,
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      payload: '{"email":',
    });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json().error.reason).toBe('invalid_format');
  });

  it('answers feedback as the inbox does, and refuses a read-only key a reply', async () => {
    const reader = await keyFor(ours, ['feedback:read']);
    const writer = await keyFor(ours, ['feedback:write']);
    const inbox = await call(reader, 'GET', '/feedback?limit=5');
    expect(inbox.statusCode, inbox.body).toBe(200);
    const feedback = await createFeedback(db.db, {
      organizationId: ours.organizationId,
      groupId: ours.groups.employee,
      stakeholderId: ours.stakeholders.alice.id,
      idempotencyKey: 'rest-feedback-1',
      category: 'suggestion',
      body: 'Longer opening hours',
      now: ours.now,
      newId,
    });
    const listed = await call(reader, 'GET', '/feedback?limit=5');
    expect(listed.json().map((f: { id: string }) => f.id)).toContain(feedback.id);
    const refused = await call(reader, 'POST', `/feedback/${feedback.id}/replies`, { body: 'Thank you' });
    expect(refused.json().error.reason).toBe('scope_missing');
    const replied = await call(writer, 'POST', `/feedback/${feedback.id}/replies`, { body: 'Thank you' });
    expect(replied.statusCode, replied.body).toBe(200);
    const clash = await call(writer, 'POST', `/feedback/${feedback.id}/replies`, { feedbackId: 'x', body: 'Hi' });
    expect(clash.json().error).toMatchObject({ field: 'feedbackId', reason: 'unknown_key' });
    const status = await call(writer, 'PUT', `/feedback/${feedback.id}/status`, { status: 'resolved' });
    expect(status.statusCode, status.body).toBe(200);
    const stored = await db.db
      .selectFrom('feedback_reply')
      .select(['body', 'author_member_id'])
      .where('feedback_id', '=', feedback.id)
      .execute();
    // The reply is the admin's who created the key: an API key acts for its creator.
    expect(stored).toEqual([{ body: 'Thank you', author_member_id: ours.staff.admin.memberId }]);
  });

  it('serves an OpenAPI 3.1 description listing every route with its scope and schemas, and no other', async () => {
    const res = await app.inject({ url: '/api/v1/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    const documented = Object.entries(doc.paths as Record<string, Record<string, { 'x-facets-scope': string }>>)
      .flatMap(([path, ops]) =>
        Object.entries(ops).map(([method, op]) => `${method.toUpperCase()} ${path} ${op['x-facets-scope']}`),
      )
      .sort();
    expect(documented).toEqual(REST_ROUTES.map((r) => `${r.method} ${r.path} ${r.scope}`).sort());
    // Every route the server has under /api/v1 is documented, and every documented one is served.
    const served = servedRoutes(app.printRoutes({ commonPrefix: false }))
      .filter((r) => r.includes(' /api/v1/'))
      .filter((r) => !r.endsWith('/openapi.json'))
      .sort();
    expect(served).toEqual(REST_ROUTES.map((r) => `${r.method} /api/v1${r.path.replace(/\{(\w+)\}/g, ':$1')}`).sort());
    for (const route of REST_ROUTES) {
      const op = doc.paths[route.path][route.method.toLowerCase()];
      expect(op.security).toEqual([{ apiKey: [route.scope] }]);
      for (const name of [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1])) {
        expect(op.parameters).toContainEqual(expect.objectContaining({ name, in: 'path', required: true }));
      }
      if (route.body) expect(op.requestBody.content['application/json'].schema).toBeDefined();
      else expect(op.requestBody).toBeUndefined();
    }
    expect(doc.paths['/surveys/{surveyId}/trigger'].post.requestBody.content['application/json'].schema).toMatchObject({
      required: ['person', 'reference'],
    });
  });
});

/** `METHOD /full/path` of every route in Fastify's route tree (`printRoutes`), HEAD left out. */
function servedRoutes(tree: string): string[] {
  const parents: string[] = [];
  return tree.split('\n').flatMap((line) => {
    const m = /^([│ ]*)[├└]── (\S+) \(([^)]+)\)$/.exec(line);
    if (!m) return [];
    const depth = m[1]!.length / 4;
    const path =
      depth === 0 ? m[2]! : `${parents[depth - 1]!.replace(/\/$/, '')}${m[2]!.startsWith('/') ? '' : '/'}${m[2]!}`;
    parents[depth] = path;
    return m[3]!
      .split(', ')
      .filter((method) => method !== 'HEAD')
      .map((method) => `${method} ${path}`);
  });
}
