import { createApiKey, createAttribute, type Db, eraseStakeholder, newId } from '@facets/db';
import { buildFixture, type Fixture, openTestDb } from '@facets/db/testing';
import type { ApiScope } from '@facets/domain';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import { createAuth } from './auth.ts';

/**
 * SCIM 2.0 provisioning through HTTP, as Okta and Entra ID call it: a base URL and a bearer key with the scim scope,
 * bound to one group; refusals in SCIM's format; organisations and groups kept apart; the deactivation limit.
 */

const BASE_URL = 'http://localhost:3000';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const FACETS = 'urn:facets:params:scim:schemas:extension:2.0:User';
let db: Db;
let app: FastifyInstance;
let ours: Fixture;
let theirs: Fixture;
let now = new Date();

beforeAll(async () => {
  db = await openTestDb('sqlite');
  ours = await buildFixture(db.db);
  theirs = await buildFixture(db.db);
  now = new Date(ours.now);
  for (const [key, values] of [
    ['department', ['it', 'hr']],
    ['site', ['lyon', 'paris']],
  ] as const) {
    await createAttribute(db.db, {
      organizationId: ours.organizationId,
      groupId: ours.groups.employee,
      key,
      label: { fr: key, en: key },
      values: values.map((value) => ({ value, label: { fr: value.toUpperCase(), en: `${value} team` } })),
      newId,
    });
  }
  const auth = createAuth({
    db: db.db,
    dialect: 'sqlite',
    secret: 'scim-test-secret-'.padEnd(40, 'x'),
    baseUrl: BASE_URL,
    newId,
    logger: pino({ level: 'silent' }),
  });
  app = await buildApp({ db: db.db, auth, portalsDir: '/nonexistent', baseUrl: BASE_URL, clock: () => now });
}, 60_000);
afterAll(async () => {
  await app?.close();
  await db?.close();
});

const keyFor = async (fx: Fixture, scopes: ApiScope[] = ['scim'], groupId: string | undefined = fx.groups.employee) =>
  (
    await createApiKey(db.db, {
      organizationId: fx.organizationId,
      memberId: fx.staff.admin.memberId,
      name: 'Okta',
      scopes,
      groupId: scopes.includes('scim') ? groupId : undefined,
      now: fx.now,
      newId,
    })
  ).key;

const scim = (key: string | null, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown) =>
  app.inject({
    method,
    url: `/scim/v2${url}`,
    headers: {
      ...(key === null ? {} : { authorization: `Bearer ${key}` }),
      ...(body === undefined ? {} : { 'content-type': 'application/scim+json' }),
    },
    ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
  });

const person = (id: string) =>
  db.db.selectFrom('stakeholder').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

const user = (userName: string, more: Record<string, unknown> = {}) => ({
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', ENTERPRISE, FACETS],
  userName,
  name: { givenName: 'Ana', familyName: 'Lima', formatted: 'Ana Lima' },
  emails: [{ value: userName, primary: true, type: 'work' }],
  active: true,
  ...more,
});

describe('SCIM provisioning', () => {
  it('runs an Okta flow: filter, create, deactivate by PATCH, read back; audited as the key’s creator', async () => {
    const key = await keyFor(ours);
    const none = await scim(key, 'GET', `/Users?filter=${encodeURIComponent('userName eq "ana@example.org"')}`);
    expect(none.statusCode).toBe(200);
    expect(none.headers['content-type']).toContain('application/scim+json');
    expect(none.json()).toMatchObject({ totalResults: 0, Resources: [] });

    const created = await scim(
      key,
      'POST',
      '/Users',
      user('ana@example.org', {
        externalId: 'okta-00u1',
        preferredLanguage: 'fr-FR',
        [ENTERPRISE]: { department: 'IT team' },
        [FACETS]: { site: 'lyon' },
      }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const ana = created.json();
    expect(ana).toMatchObject({
      userName: 'ana@example.org',
      externalId: 'okta-00u1',
      displayName: 'Ana Lima',
      preferredLanguage: 'fr',
      active: true,
      [ENTERPRISE]: { department: 'it' },
      [FACETS]: { site: 'lyon' },
      meta: { resourceType: 'User', location: `${BASE_URL}/scim/v2/Users/${ana.id}` },
    });
    expect(await person(ana.id)).toMatchObject({
      organization_id: ours.organizationId,
      group_id: ours.groups.employee,
      email: 'ana@example.org',
      locale: 'fr',
      active: 1,
    });

    const found = await scim(key, 'GET', `/Users?filter=${encodeURIComponent('externalId eq "okta-00u1"')}`);
    expect(found.json()).toMatchObject({ totalResults: 1, Resources: [{ id: ana.id }] });

    // Entra ID's spelling: capitalised op, a string boolean.
    const patched = await scim(key, 'PATCH', `/Users/${ana.id}`, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'Replace', path: 'active', value: 'False' }],
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().active).toBe(false);
    expect(await person(ana.id)).toMatchObject({ active: 0, deactivated_at: now.toISOString() });
    expect((await scim(key, 'GET', `/Users/${ana.id}`)).json()).toMatchObject({ id: ana.id, active: false });

    // Okta's spelling: no path, a value object; back to active with a new name.
    const back = await scim(key, 'PATCH', `/Users/${ana.id}`, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'replace', value: { active: true, 'name.formatted': 'Ana L. Lima' } }],
    });
    expect(back.json()).toMatchObject({ active: true, displayName: 'Ana L. Lima' });

    const events = await db.db
      .selectFrom('audit_event')
      .selectAll()
      .where('organization_id', '=', ours.organizationId)
      .where('action', '=', 'people.provision')
      .execute();
    expect(events).toHaveLength(1);
    expect(events[0]!.actor_member_id).toBe(ours.staff.admin.memberId);
    expect(JSON.parse(events[0]!.details)).toMatchObject({
      via: 'SCIM',
      group: 'employee',
      created: 1,
      updated: 1,
      deactivated: 1,
    });
    // The log says how many, never whom.
    expect(events[0]!.details).not.toContain('ana');
    expect(events[0]!.details).not.toContain(ana.id);
  });

  it('replaces a person with PUT, clearing what is left out; DELETE deactivates and keeps the record', async () => {
    const key = await keyFor(ours);
    const manager = (await scim(key, 'POST', '/Users', user('boss@example.org'))).json();
    const created = (
      await scim(
        key,
        'POST',
        '/Users',
        user('ben@example.org', {
          preferredLanguage: 'en',
          [FACETS]: { site: 'paris' },
          [ENTERPRISE]: { department: 'hr' },
        }),
      )
    ).json();
    const put = await scim(
      key,
      'PUT',
      `/Users/${created.id}`,
      user('ben@example.org', {
        name: { formatted: 'Ben Ode' },
        [ENTERPRISE]: { department: 'it', manager: { value: manager.id } },
      }),
    );
    expect(put.statusCode, put.body).toBe(200);
    const replaced = put.json();
    expect(replaced).toMatchObject({
      displayName: 'Ben Ode',
      [ENTERPRISE]: { department: 'it', manager: { value: manager.id } },
    });
    expect(replaced.preferredLanguage).toBeUndefined();
    expect(replaced[FACETS]).toEqual({});
    const deleted = await scim(key, 'DELETE', `/Users/${created.id}`);
    expect(deleted.statusCode).toBe(204);
    expect(await person(created.id)).toMatchObject({ active: 0, email: 'ben@example.org' });
    expect((await scim(key, 'GET', `/Users/${created.id}`)).json().active).toBe(false);
  });

  it('refuses mistakes in SCIM’s format, naming the attribute, and writes nothing', async () => {
    const key = await keyFor(ours);
    await scim(key, 'POST', '/Users', user('cleo@example.org', { externalId: 'X-1' }));
    const count = async () => (await db.db.selectFrom('stakeholder').select('id').execute()).length;
    const before = await count();
    const duplicate = await scim(key, 'POST', '/Users', user('CLEO@example.org'));
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json()).toEqual({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
      status: '409',
      scimType: 'uniqueness',
      detail: 'userName: belongs to another person of the group',
    });
    const cases: [unknown, number, string, string][] = [
      [
        user('dan@example.org', { [ENTERPRISE]: { department: 'space' } }),
        400,
        'invalidValue',
        `${ENTERPRISE}:department`,
      ],
      [user('dan@example.org', { [FACETS]: { floor: '2' } }), 400, 'invalidValue', `${FACETS}:floor`],
      [user('not-an-address', { emails: [] }), 400, 'invalidValue', 'userName'],
      [user('dan@example.org', { active: 'maybe' }), 400, 'invalidValue', 'active'],
      [
        user('dan@example.org', { [ENTERPRISE]: { manager: { value: 'nobody' } } }),
        400,
        'invalidValue',
        `${ENTERPRISE}:manager`,
      ],
      [user('dan@example.org', { externalId: 'X-1' }), 409, 'uniqueness', 'externalId'],
    ];
    for (const [body, status, scimType, attribute] of cases) {
      const answer = await scim(key, 'POST', '/Users', body);
      expect(answer.statusCode, answer.body).toBe(status);
      expect(answer.json()).toMatchObject({ status: String(status), scimType });
      expect(answer.json().detail.startsWith(`${attribute}:`), answer.body).toBe(true);
    }
    const filter = await scim(key, 'GET', `/Users?filter=${encodeURIComponent('name.familyName co "x"')}`);
    expect(filter.json()).toMatchObject({ status: '400', scimType: 'invalidFilter' });
    const unknownParam = await scim(key, 'GET', '/Users?sortBy=userName');
    expect(unknownParam.json()).toMatchObject({ status: '400', detail: expect.stringContaining('sortBy') });
    const badPatch = await scim(
      key,
      'PATCH',
      `/Users/${(await scim(key, 'GET', '/Users?filter=userName%20eq%20%22cleo@example.org%22')).json().Resources[0].id}`,
      {
        schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
        Operations: [{ op: 'move', path: 'active', value: false }],
      },
    );
    expect(badPatch.json()).toMatchObject({ status: '400', detail: expect.stringContaining('Operations.0.op') });
    const cleo = (await scim(key, 'GET', '/Users?filter=userName%20eq%20%22cleo@example.org%22')).json().Resources[0]
      .id;
    const nothingToAdd = await scim(key, 'PATCH', `/Users/${cleo}`, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'add', value: null }],
    });
    expect(nothingToAdd.json()).toMatchObject({ status: '400', detail: expect.stringMatching(/^Operations: /) });
    const malformed = await app.inject({
      method: 'POST',
      url: '/scim/v2/Users',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/scim+json' },
      payload: '{"userName":',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ status: '400', scimType: 'invalidSyntax' });
    expect(await count()).toBe(before);
  });

  it('shows another organisation’s key nothing, and answers its ids as ids that do not exist', async () => {
    const key = await keyFor(ours);
    const mine = (await scim(key, 'POST', '/Users', user('eva@example.org'))).json();
    const theirKey = await keyFor(theirs);
    const list = (await scim(theirKey, 'GET', '/Users?count=200')).json();
    expect(list.Resources.map((r: { id: string }) => r.id)).not.toContain(mine.id);
    expect(JSON.stringify(list)).not.toContain('eva@example.org');
    const filtered = await scim(
      theirKey,
      'GET',
      `/Users?filter=${encodeURIComponent('userName eq "eva@example.org"')}`,
    );
    expect(filtered.json().totalResults).toBe(0);
    for (const [method, body] of [
      ['GET', undefined],
      ['PUT', user('eva@example.org')],
      [
        'PATCH',
        {
          schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
          Operations: [{ op: 'replace', path: 'active', value: false }],
        },
      ],
      ['DELETE', undefined],
    ] as const) {
      const answer = await scim(theirKey, method, `/Users/${mine.id}`, body);
      expect(answer.statusCode).toBe(404);
      expect(answer.json()).toEqual({
        schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
        status: '404',
        detail: 'id: no such User',
      });
    }
    expect(await person(mine.id)).toMatchObject({ active: 1, email: 'eva@example.org' });
    // Another group of the same organisation is another directory: its key does not see this one's people.
    const supplierKey = await keyFor(ours, ['scim'], ours.groups.supplier);
    expect((await scim(supplierKey, 'GET', `/Users/${mine.id}`)).statusCode).toBe(404);
  });

  it('refuses a key without the scope, a missing or revoked key, in SCIM’s format', async () => {
    const rest = await keyFor(ours, ['people:write']);
    const refused = await scim(rest, 'GET', '/Users');
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ status: '403', detail: 'This API key lacks the scim scope.' });
    const missing = await scim(null, 'GET', '/Users');
    expect(missing.statusCode).toBe(401);
    expect(missing.json().schemas).toEqual(['urn:ietf:params:scim:api:messages:2.0:Error']);
    expect((await scim('fct_nonsense', 'GET', '/ServiceProviderConfig')).statusCode).toBe(401);
    // And a scim key reaches nothing of the REST API.
    const key = await keyFor(ours);
    const restCall = await app.inject({
      method: 'GET',
      url: `/api/v1/groups/${ours.groups.employee}/people`,
      headers: { authorization: `Bearer ${key}` },
    });
    expect(restCall.statusCode).toBe(403);
  });

  it('describes itself: service provider, resource types, and the group’s attributes in the Facets extension', async () => {
    const key = await keyFor(ours);
    const config = (await scim(key, 'GET', '/ServiceProviderConfig')).json();
    expect(config).toMatchObject({
      patch: { supported: true },
      bulk: { supported: false },
      filter: { supported: true },
    });
    const types = (await scim(key, 'GET', '/ResourceTypes')).json();
    expect(types.Resources[0]).toMatchObject({ id: 'User', endpoint: '/Users' });
    const schema = (await scim(key, 'GET', `/Schemas/${FACETS}`)).json();
    expect(schema.attributes).toEqual([expect.objectContaining({ name: 'site', canonicalValues: ['lyon', 'paris'] })]);
    expect((await scim(key, 'GET', '/Groups')).statusCode).toBe(404);
  });

  it('creates a new person, never the erased one, when an erased identity is provisioned again', async () => {
    const key = await keyFor(ours);
    const first = (await scim(key, 'POST', '/Users', user('fay@example.org', { externalId: 'F-1' }))).json();
    await eraseStakeholder(db.db, { organizationId: ours.organizationId, stakeholderId: first.id, now: ours.now });
    expect((await scim(key, 'GET', `/Users/${first.id}`)).statusCode).toBe(404);
    const again = await scim(key, 'POST', '/Users', user('fay@example.org', { externalId: 'F-1' }));
    expect(again.statusCode).toBe(201);
    expect(again.json().id).not.toBe(first.id);
    expect(await person(first.id)).toMatchObject({ email: null, external_ref: null, display_name: '' });
  });

  it('refuses deactivations past the limit within the hour, tells the admins once, and lets them through later', async () => {
    const fx = await buildFixture(db.db);
    const key = await keyFor(fx);
    const ids: string[] = [];
    // The fixture's three employees and seven more: ten active.
    for (let i = 0; i < 7; i++) ids.push((await scim(key, 'POST', '/Users', user(`leaver${i}@example.org`))).json().id);
    for (const id of ids.slice(0, 4)) expect((await scim(key, 'DELETE', `/Users/${id}`)).statusCode).toBe(204);
    const mails = () =>
      db.db
        .selectFrom('outbox')
        .select(['to_address', 'subject'])
        .where('organization_id', '=', fx.organizationId)
        .execute();
    const refused = await scim(key, 'DELETE', `/Users/${ids[4]}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toMatch(/^active: 4 of the 10 people .* more than 40 %/);
    expect(await person(ids[4]!)).toMatchObject({ active: 1 });
    const told = await mails();
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ to_address: fx.staff.admin.email });
    expect(told[0]!.subject).toContain('SCIM');
    // A retrying client is refused again, and the admins are not told twice within the window.
    const patch = await scim(key, 'PATCH', `/Users/${ids[4]}`, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'replace', path: 'active', value: false }],
    });
    expect(patch.statusCode).toBe(409);
    expect(await mails()).toHaveLength(1);
    now = new Date(now.getTime() + 61 * 60_000);
    try {
      expect((await scim(key, 'DELETE', `/Users/${ids[4]}`)).statusCode).toBe(204);
    } finally {
      now = new Date(ours.now);
    }
  });

  it('answers any body and query in SCIM’s format, never a 500', async () => {
    const key = await keyFor(ours);
    const target = (await scim(key, 'POST', '/Users', user('fuzz@example.org'))).json().id as string;
    const value = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.constantFrom('True', 'False', 'fr-FR', 'IT team', 'lyon', target, 'x@example.org'),
    );
    const attribute = fc.constantFrom(
      'userName',
      'externalId',
      'active',
      'displayName',
      'preferredLanguage',
      'emails',
      'name',
      `${ENTERPRISE}:department`,
      `${ENTERPRISE}:manager`,
      `${FACETS}:site`,
      'emails[type eq "work"].value',
      'name.formatted',
    );
    const body = fc.oneof(
      fc.dictionary(
        attribute,
        fc.oneof(value, fc.array(value, { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 8 }), value)),
      ),
      fc.record({
        schemas: fc.constant(['urn:ietf:params:scim:api:messages:2.0:PatchOp']),
        Operations: fc.array(
          fc.record({
            op: fc.constantFrom('add', 'Replace', 'remove', 'copy'),
            path: fc.option(attribute, { nil: undefined }),
            value,
          }),
          { maxLength: 3 },
        ),
      }),
      fc.jsonValue(),
    );
    const before = await db.db.selectFrom('stakeholder').select('id').execute();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('POST', 'PUT', 'PATCH') as fc.Arbitrary<'POST' | 'PUT' | 'PATCH'>,
        body,
        fc.dictionary(fc.constantFrom('filter', 'startIndex', 'count', 'sortBy'), fc.string({ maxLength: 30 })),
        async (method, payload, query) => {
          const written = await scim(key, method, method === 'POST' ? '/Users' : `/Users/${target}`, payload);
          const listed = await scim(key, 'GET', `/Users?${new URLSearchParams(query)}`);
          for (const answer of [written, listed]) {
            expect(answer.statusCode, answer.body).toBeLessThan(500);
            expect(answer.headers['content-type']).toContain('application/scim+json');
            if (answer.statusCode >= 400) {
              expect(answer.json()).toMatchObject({
                schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
                status: String(answer.statusCode),
                detail: expect.any(String),
              });
            }
          }
          if (method === 'POST' && written.statusCode === 201) {
            await db.db.deleteFrom('stakeholder').where('id', '=', written.json().id).execute();
          }
        },
      ),
      { numRuns: 150 },
    );
    expect(await db.db.selectFrom('stakeholder').select('id').execute()).toHaveLength(before.length);
  });
});
