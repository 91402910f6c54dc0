import { INITIATIVE_KINDS } from '@facets/domain';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../api-keys/index.ts';
import type { Db } from '../create-db.ts';
import { DEMO_ORGANIZATION, seedDemo } from '../demo/index.ts';
import { newId } from '../ids.ts';
import { insertJob } from '../jobs/store.ts';
import { readLists } from '../model/lists.ts';
import { publishClosedWaves } from '../publication/index.ts';
import { recordAuditEvent } from '../repositories/audit.ts';
import { updateTheme } from '../repositories/comment-themes.ts';
import { createFeedback } from '../repositories/feedback.ts';
import { saveMaturityAssessment } from '../repositories/maturity.ts';
import { organizationLanguages } from '../repositories/organizations.ts';
import { enqueueMessage } from '../repositories/outbox.ts';
import { setSsoConfig } from '../repositories/sso.ts';
import type { Database } from '../schema.ts';
import { createSecretBox } from '../secret-box.ts';
import { buildFixture, type Fixture, openTestDb, testDialects } from '../testing.ts';
import { createWebhook, emitWebhookEvent, listPendingDeliveries, recordAttempt } from '../webhooks/index.ts';
import { createOrganization, deleteOrganization, listOrganizationSummaries, TENANT_TABLES } from './index.ts';

const NOW = '2026-11-22T10:00:00.000Z';
const AUTH_TABLES = ['auth_user', 'auth_account', 'auth_session', 'auth_verification'] as const;
const EVERY_TABLE = ['organization', ...AUTH_TABLES, ...TENANT_TABLES] as const;

/**
 * Every row of every table (or of one organisation: its tenant rows and its members' accounts), as sorted JSON per
 * table: equal digests mean nothing was written.
 */
async function digest(db: Kysely<Database>, organizationId?: string): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  const members = db
    .selectFrom('member')
    .select('user_id')
    .where('organization_id', '=', organizationId ?? '');
  for (const table of EVERY_TABLE) {
    let query = db.selectFrom(table).selectAll();
    if (organizationId && table === 'organization') query = query.where(sql.ref('id'), '=', organizationId);
    else if (organizationId && table === 'auth_user') query = query.where(sql.ref('id'), 'in', members);
    else if (organizationId && table === 'auth_verification') query = query.where(sql.ref('value'), 'in', members);
    else if (organizationId && (AUTH_TABLES as readonly string[]).includes(table))
      query = query.where(sql.ref('user_id'), 'in', members);
    else if (organizationId) query = query.where(sql.ref('organization_id'), '=', organizationId);
    out[table] = (await query.execute()).map((r) => JSON.stringify(r)).sort();
  }
  return out;
}

/** The rows the demo seed does not write: a publication, an audit event, a message, a self-assessment, a reminder, an
 * e-mail turned off, a results notice, an API key. */
async function fillTheRest(db: Kysely<Database>, organizationId: string, memberId: string): Promise<void> {
  const at = { organizationId, now: NOW, newId };
  const secrets = createSecretBox('a server secret of at least thirty-two characters', 'webhook signing');
  const { webhook } = await createWebhook(db, {
    ...at,
    fields: { url: 'https://hooks.example.org/facets', events: ['wave.published'] },
    settings: { secrets, allowHttpLoopback: false },
  });
  await publishClosedWaves(db, { organizationId, k: 5, commentK: 5, now: NOW });
  await emitWebhookEvent(db, { ...at, event: 'wave.published', data: { waveId: 'w' } });
  const [delivery] = await listPendingDeliveries(db, { limit: 1000 }).then((all) =>
    all.filter((d) => d.organizationId === organizationId),
  );
  await recordAttempt(db, {
    ...at,
    deliveryId: delivery!.id,
    webhookId: webhook.id,
    ok: true,
    statusCode: 200,
    error: null,
    durationMs: 5,
    final: false,
    baseUrl: 'https://facets.example.org',
  });
  await recordAuditEvent(db, { ...at, actorMemberId: memberId, action: 'settings.update', target: null, details: {} });
  await enqueueMessage(db, { ...at, to: 'someone@example.org', subject: 'Hello', body: 'Hello' });
  await saveMaturityAssessment(db, { ...at, memberId, stage: 2, answers: {} });
  await setSsoConfig(db, {
    ...at,
    issuer: 'https://id.example.org',
    clientId: 'facets',
    clientSecret: 'secret',
    domains: ['example.org'],
    role: 'analyst',
    requireSso: false,
  });
  await createApiKey(db, { ...at, memberId, name: 'CRM', scopes: ['results:read'] });
  await updateTheme(db, { ...at, code: 'tools', change: { label: { en: 'Equipment' } }, actorMemberId: memberId });
  await insertJob(db, {
    id: newId(),
    organizationId,
    name: 'programmes.roll',
    payload: { organizationId },
    singletonKey: null,
    runAt: NOW,
    now: NOW,
  });
  const wave = await db
    .selectFrom('wave')
    .select('id')
    .where('organization_id', '=', organizationId)
    .executeTakeFirstOrThrow();
  const person = await db
    .selectFrom('stakeholder')
    .select('id')
    .where('organization_id', '=', organizationId)
    .executeTakeFirstOrThrow();
  await db
    .insertInto('reminder')
    .values({
      organization_id: organizationId,
      wave_id: wave.id,
      stakeholder_id: person.id,
      day: NOW.slice(0, 10),
      outbox_id: newId(),
      created_at: NOW,
    })
    .execute();
  await db
    .insertInto('notification_optout')
    .values({
      organization_id: organizationId,
      recipient_kind: 'member',
      recipient_id: memberId,
      kind: 'results_published',
      channel: 'email',
      created_at: NOW,
    })
    .execute();
  await db
    .insertInto('notification')
    .values({
      id: newId(),
      organization_id: organizationId,
      recipient_kind: 'member',
      recipient_id: memberId,
      kind: 'delivery_failed',
      params: JSON.stringify({ kind: 'delivery_failed', bounced: 1, failed: 0 }),
      link: '/console/delivery',
      created_at: NOW,
      read_at: null,
    })
    .execute();
  const author = await db
    .selectFrom('stakeholder')
    .select(['id', 'group_id'])
    .where('organization_id', '=', organizationId)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const { id: feedbackId } = await createFeedback(db, {
    ...at,
    groupId: author.group_id,
    stakeholderId: author.id,
    idempotencyKey: `waiting-${organizationId}`,
    category: 'question',
    body: 'Still waiting',
  });
  await db
    .insertInto('feedback_wait_notice')
    .values({ organization_id: organizationId, feedback_id: feedbackId, created_at: NOW })
    .execute();
  const survey = await db
    .selectFrom('survey')
    .select('id')
    .where('organization_id', '=', organizationId)
    .executeTakeFirstOrThrow();
  await db
    .insertInto('triggered_invitation')
    .values({
      organization_id: organizationId,
      survey_id: survey.id,
      trigger_key: person.id,
      stakeholder_id: person.id,
      outcome: 'invited',
      created_at: NOW,
    })
    .execute();
  await db
    .insertInto('results_notice')
    .values({ organization_id: organizationId, wave_id: wave.id, created_at: NOW })
    .execute();
  await db
    .insertInto('webhook_count_notice')
    .values({ organization_id: organizationId, wave_id: wave.id, respondents: 5, sent_at: NOW })
    .execute();
  const notice = newId();
  await db
    .insertInto('outbox')
    .values({
      id: notice,
      organization_id: organizationId,
      to_address: 'admin@example.test',
      subject: 'Undelivered e-mail',
      body: 'Hello',
      created_at: NOW,
      sent_at: null,
    })
    .execute();
  await db
    .insertInto('delivery_notice')
    .values({ organization_id: organizationId, outbox_id: notice, member_id: memberId, created_at: NOW })
    .execute();
}

describe.each(await testDialects())('organisations on %s', (dialect) => {
  let db: Db;
  beforeAll(async () => {
    db = await openTestDb(dialect);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('lists every table of the migrated schema that has organization_id among the tenant tables', async () => {
    const schema =
      dialect === 'postgres'
        ? (await sql<{ s: string }>`select current_schema() as s`.execute(db.db)).rows[0]!.s
        : null;
    const tables = await db.db.introspection.getTables();
    const tenant = tables
      .filter((t) => (schema === null || t.schema === schema) && t.columns.some((c) => c.name === 'organization_id'))
      .map((t) => t.name)
      .sort();
    expect(tenant).toEqual([...TENANT_TABLES].sort());
  });

  const admin = (email: string) => ({ email, name: 'Anne Roy' });
  const credential = { passwordHash: 'fake-hash' };

  it('creates an organisation and its admin, and refuses a taken slug or e-mail writing nothing', async () => {
    const created = await createOrganization(db.db, {
      organization: { name: 'Café du Port', slug: 'cafe-du-port', defaultLocale: 'fr' },
      admin: admin('Anne@Example.org'),
      credential,
      now: NOW,
      newId,
    });
    const member = await db.db
      .selectFrom('member')
      .innerJoin('auth_user', 'auth_user.id', 'member.user_id')
      .select(['member.role', 'member.organization_id', 'auth_user.email'])
      .where('member.id', '=', created.memberId)
      .executeTakeFirstOrThrow();
    expect(member).toEqual({ role: 'admin', organization_id: created.organizationId, email: 'anne@example.org' });
    // Its lists start with the built-in entries, its languages with both.
    const lists = await readLists(db.db, { organizationId: created.organizationId });
    expect(lists.initiative_kind.map((e) => e.code)).toEqual([...INITIATIVE_KINDS]);
    expect(lists.promise_channel.find((e) => e.code === 'other')?.label).toEqual({ fr: 'Autre', en: 'Other' });
    expect(await organizationLanguages(db.db, created.organizationId)).toEqual(['fr', 'en']);

    const before = await digest(db.db);
    const again = (slug: string, email: string, onlyIfEmpty = false) =>
      createOrganization(db.db, {
        organization: { name: 'Other', slug, defaultLocale: 'en' },
        admin: admin(email),
        credential: { passwordToken: { identifier: 'hashed', expiresAt: NOW } },
        onlyIfEmpty,
        now: NOW,
        newId,
      });
    await expect(again('cafe-du-port', 'new@example.org')).rejects.toMatchObject({
      field: 'slug',
      reason: 'duplicate',
      message: 'slug: an organisation with the slug cafe-du-port already exists',
    });
    await expect(again('other', 'ANNE@example.org')).rejects.toMatchObject({ field: 'adminEmail' });
    await expect(again('other', 'new@example.org', true)).rejects.toMatchObject({ kind: 'conflict' });
    expect(await digest(db.db)).toEqual(before);
    await deleteOrganization(db.db, { organizationId: created.organizationId });
  });

  describe('deleting one organisation of two', () => {
    let other: Fixture;
    let before: Record<string, string[]>;
    let shared: string;

    beforeAll(async () => {
      await seedDemo(db.db, { now: new Date(NOW), hashPassword: async (p) => `fake-hash:${p}` });
      other = await buildFixture(db.db);
      const demoAdmin = await db.db
        .selectFrom('member')
        .select('id')
        .where('organization_id', '=', DEMO_ORGANIZATION.id)
        .where('role', '=', 'admin')
        .executeTakeFirstOrThrow();
      await fillTheRest(db.db, DEMO_ORGANIZATION.id, demoAdmin.id);
      await fillTheRest(db.db, other.organizationId, other.staff.admin.memberId);
      // An account that is also a member of the other organisation stays.
      shared = other.staff.hr.userId;
      await db.db
        .insertInto('member')
        .values({
          id: newId(),
          organization_id: DEMO_ORGANIZATION.id,
          user_id: shared,
          role: 'analyst',
          department: null,
          stakeholder_id: null,
          created_at: NOW,
          removed_at: null,
        })
        .execute();
      before = await digest(db.db, other.organizationId);
    });

    it('starts with rows of the demo in every tenant table', async () => {
      const demo = await digest(db.db, DEMO_ORGANIZATION.id);
      expect(TENANT_TABLES.filter((t) => demo[t]!.length === 0)).toEqual([]);
    });

    it('lists both with their counts', async () => {
      const list = await listOrganizationSummaries(db.db);
      expect(list.map((o) => o.slug)).toEqual([DEMO_ORGANIZATION.slug, other.slug].sort());
      const demo = list.find((o) => o.slug === DEMO_ORGANIZATION.slug)!;
      expect(demo.groups).toBe(4);
      expect(demo.responses).toBeGreaterThan(500);
      expect(demo.members).toBe(10);
    });

    it('deletes every row of the demo and its own accounts, and leaves the other organisation whole', async () => {
      const demoUsers = await db.db
        .selectFrom('member')
        .select('user_id')
        .where('organization_id', '=', DEMO_ORGANIZATION.id)
        .execute();
      const result = await deleteOrganization(db.db, { organizationId: DEMO_ORGANIZATION.id });
      expect(result.accounts).toBe(demoUsers.length - 1);

      const demo = await digest(db.db, DEMO_ORGANIZATION.id);
      expect(Object.values(demo).flat()).toEqual([]);
      expect(result.rows.answer).toBeGreaterThan(1000);
      expect(await db.db.selectFrom('organization').select('slug').execute()).toEqual([{ slug: other.slug }]);
      const users = await db.db
        .selectFrom('auth_user')
        .select('id')
        .where(
          'id',
          'in',
          demoUsers.map((u) => u.user_id),
        )
        .execute();
      expect(users).toEqual([{ id: shared }]);

      const after = await digest(db.db, other.organizationId);
      expect(after).toEqual(before);
      expect(after.auth_user!.length).toBeGreaterThanOrEqual(Object.keys(other.staff).length);
    });
  });
});
