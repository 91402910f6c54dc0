import { type Db, listOutbox, newId } from '@facets/db';
import { addStakeholder, buildFixture, type Fixture, openTestDb, testDialects } from '@facets/db/testing';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import { createAuth } from './auth.ts';

const BASE_URL = 'http://localhost:3000';
const dialects = await testDialects();

describe.each(dialects)('e-mail sign-in for returning stakeholders (%s)', (dialect) => {
  let db: Db;
  let app: FastifyInstance;
  let fx: Fixture;
  const email = 'Nadia.Perrin@Fournisseur.example';

  beforeAll(async () => {
    db = await openTestDb(dialect);
    fx = await buildFixture(db.db);
    const s = await addStakeholder(db.db, fx, { groupId: fx.groups.supplier, displayName: 'Nadia Perrin' });
    await db.db.updateTable('stakeholder').set({ email: email.toLowerCase() }).where('id', '=', s.id).execute();
    const auth = createAuth({
      db: db.db,
      dialect,
      secret: 'test-secret-'.padEnd(40, 'x'),
      baseUrl: BASE_URL,
      newId,
      logger: pino({ level: 'silent' }),
    });
    app = await buildApp({ db: db.db, auth, portalsDir: '/nonexistent', baseUrl: BASE_URL });
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  const ask = (address: string, lang = 'fr') =>
    app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/magic-link',
      headers: { origin: BASE_URL, 'content-type': 'application/json' },
      payload: { email: address, callbackURL: '/supplier/', metadata: { lang } },
    });

  it('answers the same for an unknown address and sends it nothing', async () => {
    const res = await ask('nobody@example.test');
    expect(res.statusCode).toBe(200);
    expect(await listOutbox(db.db, { to: 'nobody@example.test' })).toEqual([]);
  });

  it('writes a one-time link to the outbox, in the asked language, that signs the stakeholder in', async () => {
    expect((await ask(email)).statusCode).toBe(200);
    const [message] = await listOutbox(db.db, { to: email });
    expect(message).toMatchObject({ organizationId: fx.organizationId, sentAt: null });
    expect(message?.subject).toContain('Votre lien de connexion');
    const url = message?.body.match(/https?:\/\/\S+/)?.[0];
    expect(url).toBeDefined();
    const verify = await app.inject({ method: 'GET', url: url!.replace(BASE_URL, '') });
    expect(verify.statusCode).toBe(302);
    expect(verify.headers.location).toBe(`${BASE_URL}/supplier/`);
    const cookie = [verify.headers['set-cookie']].flat().find((c) => c?.startsWith('better-auth.session_token='));
    expect(cookie).toBeDefined();
    const me = await app.inject({
      method: 'GET',
      url: '/trpc/session.me',
      headers: { cookie: cookie!.split(';')[0]! },
    });
    expect(me.json().result.data).toMatchObject({
      role: 'stakeholder',
      stakeholder: { displayName: 'Nadia Perrin', group: { code: 'supplier' } },
    });
    // The link works once.
    const again = await app.inject({ method: 'GET', url: url!.replace(BASE_URL, '') });
    expect([again.headers['set-cookie']].flat().some((c) => c?.startsWith('better-auth.session_token='))).toBe(false);
  });

  it('signs a returning stakeholder in to the same account, without a second membership', async () => {
    await ask(email, 'en');
    const [message] = await listOutbox(db.db, { to: email });
    expect(message?.subject).toContain('Your sign-in link');
    const url = message!.body.match(/https?:\/\/\S+/)![0];
    expect((await app.inject({ method: 'GET', url: url.replace(BASE_URL, '') })).statusCode).toBe(302);
    const members = await db.db
      .selectFrom('member as m')
      .innerJoin('stakeholder as s', 's.id', 'm.stakeholder_id')
      .select('m.id')
      .where('s.email', '=', email.toLowerCase())
      .execute();
    expect(members).toHaveLength(1);
  });
});

describe.each(dialects)('one address known to two organisations (%s)', (dialect) => {
  let db: Db;
  let app: FastifyInstance;
  let first: Fixture;
  let second: Fixture;
  const email = 'lea.martin@partenaire.example';
  const stakeholders: Record<'first' | 'second', string> = { first: '', second: '' };

  beforeAll(async () => {
    db = await openTestDb(dialect);
    first = await buildFixture(db.db);
    // Imported a day later by another organisation on the same server.
    second = await buildFixture(db.db, { now: '2026-11-23T09:00:00.000Z' });
    for (const [which, fx] of [
      ['first', first],
      ['second', second],
    ] as const) {
      const s = await addStakeholder(db.db, fx, { groupId: fx.groups.supplier, displayName: 'Léa Martin' });
      await db.db.updateTable('stakeholder').set({ email }).where('id', '=', s.id).execute();
      stakeholders[which] = s.id;
    }
    const auth = createAuth({
      db: db.db,
      dialect,
      secret: 'test-secret-'.padEnd(40, 'x'),
      baseUrl: BASE_URL,
      newId,
      logger: pino({ level: 'silent' }),
    });
    app = await buildApp({ db: db.db, auth, portalsDir: '/nonexistent', baseUrl: BASE_URL });
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('signs the person in to the organisation the link names, and never joins the other one by e-mail', async () => {
    const asked = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/magic-link',
      headers: { origin: BASE_URL, 'content-type': 'application/json' },
      payload: { email, callbackURL: '/supplier/', metadata: { lang: 'en' } },
    });
    expect(asked.statusCode).toBe(200);
    const messages = await listOutbox(db.db, { to: email });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ organizationId: first.organizationId });
    expect(messages[0]?.body).toContain(`Organisation ${first.slug}`);
    const url = messages[0]!.body.match(/https?:\/\/\S+/)![0];
    const verify = await app.inject({ method: 'GET', url: url.replace(BASE_URL, '') });
    const cookie = [verify.headers['set-cookie']]
      .flat()
      .find((c) => c?.startsWith('better-auth.session_token='))!
      .split(';')[0]!;

    const user = await db.db.selectFrom('auth_user').select('id').where('email', '=', email).executeTakeFirstOrThrow();
    const memberships = await db.db
      .selectFrom('member')
      .select(['organization_id', 'stakeholder_id'])
      .where('user_id', '=', user.id)
      .execute();
    expect(memberships).toEqual([{ organization_id: first.organizationId, stakeholder_id: stakeholders.first }]);
    const joinedSecond = await db.db
      .selectFrom('member')
      .select('id')
      .where('stakeholder_id', '=', stakeholders.second)
      .execute();
    expect(joinedSecond).toEqual([]);

    const call = (path: string) => app.inject({ url: `/trpc/${path}`, headers: { cookie } });
    expect((await call('session.me')).json().result.data).toMatchObject({
      organization: { id: first.organizationId },
      stakeholder: { id: stakeholders.first },
    });
    const surveys = JSON.stringify((await call('portal.survey.list')).json().result.data);
    expect(surveys).toContain(first.surveys.supplier.surveyId);
    expect(surveys).not.toContain(second.surveys.supplier.surveyId);
  });
});
