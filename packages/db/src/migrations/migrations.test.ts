import { type Kysely, sql } from 'kysely';
import { Migrator, NO_MIGRATIONS } from 'kysely/migration';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../create-db.ts';
import { newId } from '../ids.ts';
import { submitResponse } from '../repositories/responses.ts';
import type { Database } from '../schema.ts';
import { buildFixture, openTestDb, testDialects, underSchemaLock } from '../testing.ts';
import { migrateToLatest, migrationProvider, migrations } from './index.ts';

const dialects = await testDialects();

// Every table of the Database interface; the `satisfies` line breaks the build when one is added without a test.
const TABLES = [
  'organization',
  'auth_user',
  'auth_session',
  'auth_account',
  'auth_verification',
  'member',
  'stakeholder_group',
  'segment_attribute',
  'company',
  'stakeholder',
  'dimension',
  'dimension_group',
  'intended_experience',
  'initiative',
  'initiative_target',
  'promise',
  'survey',
  'wave',
  'question',
  'invitation',
  'response',
  'answer',
  'wave_participation',
  'aggregate_cell',
  'aggregate_bin',
  'aggregate_pair',
  'aggregate_respondents',
  'aggregate_segment_overlap',
  'maturity_assessment',
  'feedback',
  'feedback_reply',
  'outbox',
  'delivery_notice',
  'job',
  'rate_limit',
  'comment_analysis',
  'comment_theme',
  'sso_provider',
  'api_key',
  'reminder',
  'triggered_invitation',
  'notification_optout',
  'notification',
  'feedback_wait_notice',
  'results_notice',
  'wave_publication',
  'audit_event',
  'focus_area',
  'plan_action',
  'plan_action_update',
  'organization_list_entry',
  'webhook_subscription',
  'webhook_delivery',
  'webhook_attempt',
  'webhook_count_notice',
] as const satisfies readonly (keyof Database)[];
type Missing = Exclude<keyof Database, (typeof TABLES)[number]>;
const allListed: Missing extends never ? true : Missing = true;

describe.each(dialects)('migrations (%s)', (dialect) => {
  let handle: Db;
  // On PostgreSQL, migrations of a test run must not overlap another test file dropping its schema (testing.ts).
  const migrating = <T>(fn: () => Promise<T>) => (dialect === 'postgres' ? underSchemaLock('shared', fn) : fn());
  // Going down drops tables, which another file's migration may be introspecting: alone, as a schema drop is.
  const droppingTables = <T>(fn: () => Promise<T>) =>
    dialect === 'postgres' ? underSchemaLock('exclusive', fn) : fn();

  beforeAll(async () => {
    handle = await openTestDb(dialect);
  });
  afterAll(() => handle?.close());

  it('create every table of the schema, empty', async () => {
    expect(allListed).toBe(true);
    for (const table of TABLES) {
      const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(handle.db);
      expect(rows[0]?.n, table).toBe(0);
    }
  });

  it('run once: migrating again changes nothing', async () => {
    expect(await migrating(() => migrateToLatest(handle.db))).toEqual([]);
  });

  it('enforce the keys the repositories rely on', async () => {
    const now = '2026-11-22T09:00:00.000Z';
    const org = {
      id: 'o1',
      slug: 'o1',
      name: 'O',
      default_locale: 'fr',
      k_threshold: 5,
      comment_threshold: 5,
      created_at: now,
    };
    await handle.db.insertInto('organization').values(org).execute();
    await expect(
      handle.db
        .insertInto('organization')
        .values({ ...org, id: 'o2' })
        .execute(),
    ).rejects.toThrow();
    await expect(
      handle.db
        .insertInto('organization')
        .values({ ...org, id: 'o3', slug: 'o3', k_threshold: 2 })
        .execute(),
    ).rejects.toThrow();
    const group = {
      organization_id: 'missing',
      id: 'g1',
      kind: 'employee',
      code: 'employee',
      label: '{}',
      created_at: now,
    };
    await expect(handle.db.insertInto('stakeholder_group').values(group).execute()).rejects.toThrow(); // foreign key
    const user = {
      id: 'u1',
      name: 'U',
      email: 'u@x.test',
      email_verified: 0,
      image: null,
      created_at: now,
      updated_at: now,
    };
    await handle.db.insertInto('auth_user').values(user).execute();
    await expect(
      handle.db
        .insertInto('auth_user')
        .values({ ...user, id: 'u2' })
        .execute(),
    ).rejects.toThrow(); // email
  });

  it('roll back down to nothing and up again', async () => {
    const migrator = new Migrator({
      db: handle.db,
      provider: migrationProvider,
      ...(dialect === 'postgres' ? { migrationTableSchema: await currentSchema() } : {}),
    });
    await handle.db.deleteFrom('auth_user').execute();
    await handle.db.deleteFrom('organization').execute();
    const down = await droppingTables(() => migrator.migrateTo(NO_MIGRATIONS));
    expect(down.error).toBeUndefined();
    await expect(sql`select count(*) from organization`.execute(handle.db)).rejects.toThrow();
    // Every registered migration runs again, in the order of its name.
    expect(await migrating(() => migrateToLatest(handle.db))).toEqual(Object.keys(migrations).sort());
  });

  async function currentSchema(): Promise<string> {
    const { rows } = await sql<{ s: string }>`select current_schema() as s`.execute(handle.db);
    return rows[0]!.s;
  }
});

describe.each(dialects)('rebuilding the response tables without rowid (%s)', (dialect) => {
  let handle: Db;
  const migrating = <T>(fn: () => Promise<T>) => (dialect === 'postgres' ? underSchemaLock('shared', fn) : fn());
  // Going down drops tables, which another file's migration may be introspecting: alone, as a schema drop is.
  const droppingTables = <T>(fn: () => Promise<T>) =>
    dialect === 'postgres' ? underSchemaLock('exclusive', fn) : fn();
  const BEFORE = '2026_12_02_1300_create_wave_publication';
  const REBUILT = ['response', 'answer', 'wave_participation'] as const;

  beforeAll(async () => {
    handle = await openTestDb(dialect);
  });
  afterAll(() => handle?.close());

  async function rows() {
    const all: Record<string, unknown[]> = {};
    for (const table of REBUILT) {
      const { rows } = await sql`select * from ${sql.table(table)}`.execute(handle.db);
      all[table] = rows.map((r) => JSON.stringify(r)).sort();
    }
    return all;
  }

  /**
   * The three tables as SQLite describes them: definition (without the WITHOUT ROWID clause), columns, primary key,
   * foreign keys, and every index by origin and columns (a rowid table's primary key has an index of its own; a table
   * without rowid is that index, so indexes are compared apart from the primary key's).
   */
  /** Indexes added by migrations after the rebuild, on the tables it rebuilt. */
  const LATER_INDEXES = ['answer_response_idx'];

  async function sqliteSchema() {
    const described: Record<string, unknown> = {};
    const all = async (query: string) => (await sql.raw(query).execute(handle.db)).rows as Record<string, unknown>[];
    for (const table of REBUILT) {
      const [definition] = await all(`select sql from sqlite_master where type = 'table' and name = '${table}'`);
      const indexes = [];
      for (const index of await all(`pragma index_list('${table}')`)) {
        // Indexes a later migration adds are not the rebuild's.
        if (index.origin === 'pk' || LATER_INDEXES.includes(String(index.name))) continue;
        const columns = (await all(`pragma index_info('${index.name}')`)).map((c) => c.name);
        const [own] = await all(`select sql from sqlite_master where type = 'index' and name = '${index.name}'`);
        indexes.push({ origin: index.origin, unique: index.unique, columns, sql: own?.sql ?? null });
      }
      described[table] = {
        definition: String(definition?.sql).replace(/ WITHOUT ROWID$/, ''),
        // A rowid table lets a primary key column hold null (an old SQLite quirk); one without rowid does not, as
        // PostgreSQL never did: the primary key's columns are compared as not null.
        columns: (await all(`pragma table_info('${table}')`)).map((c) => (c.pk ? { ...c, notnull: 1 } : c)),
        foreignKeys: await all(`pragma foreign_key_list('${table}')`),
        indexes: indexes.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
      };
    }
    return described;
  }

  it('keeps every row, column, key and index, and drops the rowid', async () => {
    const db = handle.db;
    const schema = dialect === 'postgres' ? await currentSchema(db) : undefined;
    const migrator = new Migrator({
      db,
      provider: migrationProvider,
      ...(schema === undefined ? {} : { migrationTableSchema: schema }),
    });
    expect((await droppingTables(() => migrator.migrateTo(BEFORE))).error).toBeUndefined();
    const fx = await buildFixture(db, { lists: false });
    const q = fx.surveys.employee.questions;
    for (const [i, who] of (['alice', 'bob'] as const).entries()) {
      await submitResponse(db, {
        organizationId: fx.organizationId,
        waveId: fx.surveys.employee.waveId,
        stakeholderId: fx.stakeholders[who].id,
        groupId: fx.groups.employee,
        segments: { department: 'it' },
        idempotencyKey: `rebuild-key-${i}`,
        answers: [
          { questionId: q.recognition_lived!, value: 4 },
          { questionId: q.recognition_expected!, value: 5 },
        ],
        now: fx.now,
        newId,
      });
    }
    const before = await rows();
    const schemaBefore = dialect === 'sqlite' ? await sqliteSchema() : {};
    if (dialect === 'sqlite') {
      const { rows: r } = await sql<{ rowid: number }>`select rowid from response`.execute(db);
      expect(r).toHaveLength(2);
    }

    // The rebuild runs first of the migrations left (later ones change other tables).
    expect((await migrating(() => migrateToLatest(db))).slice(0, 1)).toEqual([
      '2026_12_02_1400_rebuild_response_tables_without_rowid',
    ]);

    expect(await rows()).toEqual(before);
    expect(before.answer).toHaveLength(4);
    for (const table of REBUILT) {
      await expect(sql`select rowid from ${sql.table(table)}`.execute(db), table).rejects.toThrow(/rowid/);
    }
    if (dialect === 'sqlite') {
      expect(await sqliteSchema()).toEqual(schemaBefore);
      const { rows: fk } = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db);
      expect(fk[0]?.foreign_keys).toBe(1);
      expect((await sql`pragma foreign_key_check`.execute(db)).rows).toEqual([]);
      expect((await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db)).rows).toEqual([
        { integrity_check: 'ok' },
      ]);
    }
    // The keys still hold: an answer to no response, a second marker of one person, a reused idempotency key.
    const answer = {
      id: 'orphan',
      organization_id: fx.organizationId,
      response_id: 'no-such-response',
      question_id: q.recognition_lived!,
      value_number: 3,
      value_text: null,
      value_choices: null,
    };
    await expect(db.insertInto('answer').values(answer).execute()).rejects.toThrow();
    const marker = {
      organization_id: fx.organizationId,
      wave_id: fx.surveys.employee.waveId,
      stakeholder_id: fx.stakeholders.alice.id,
    };
    await expect(db.insertInto('wave_participation').values(marker).execute()).rejects.toThrow();
    const response = {
      id: 'another',
      organization_id: fx.organizationId,
      wave_id: fx.surveys.employee.waveId,
      group_id: fx.groups.employee,
      stakeholder_id: null,
      idempotency_key: 'rebuild-key-0',
      segments: '{}',
      submitted_at: fx.now,
    };
    await expect(db.insertInto('response').values(response).execute()).rejects.toThrow();
  });
});

async function currentSchema(db: Db['db']): Promise<string> {
  const { rows } = await sql<{ s: string }>`select current_schema() as s`.execute(db);
  return rows[0]!.s;
}

describe.each(dialects)('adding the organisation’s lists (%s)', (dialect) => {
  let handle: Db;
  const migrating = <T>(fn: () => Promise<T>) => (dialect === 'postgres' ? underSchemaLock('shared', fn) : fn());
  // Going down drops tables, which another file's migration may be introspecting: alone, as a schema drop is.
  const droppingTables = <T>(fn: () => Promise<T>) =>
    dialect === 'postgres' ? underSchemaLock('exclusive', fn) : fn();

  beforeAll(async () => {
    handle = await openTestDb(dialect);
  });
  afterAll(() => handle?.close());

  it('gives the organisations already here both languages and the built-in entries', async () => {
    const db = handle.db;
    const schema = dialect === 'postgres' ? await currentSchema(db) : undefined;
    const migrator = new Migrator({
      db,
      provider: migrationProvider,
      ...(schema === undefined ? {} : { migrationTableSchema: schema }),
    });
    expect(
      (await droppingTables(() => migrator.migrateTo('2026_12_03_1510_add_outbox_next_attempt'))).error,
    ).toBeUndefined();
    const now = '2026-11-22T09:00:00.000Z';
    await db
      .insertInto('organization')
      .values({
        id: 'o1',
        slug: 'o1',
        name: 'O',
        default_locale: 'fr',
        k_threshold: 5,
        comment_threshold: 5,
        created_at: now,
      })
      .execute();
    await migrating(() => migrateToLatest(db));
    const org = await db
      .selectFrom('organization')
      .select('languages')
      .where('id', '=', 'o1')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(org.languages)).toEqual(['fr', 'en']);
    const entries = await db
      .selectFrom('organization_list_entry')
      .select(['list', 'code', 'label'])
      .where('organization_id', '=', 'o1')
      .orderBy('list')
      .orderBy('position')
      .execute();
    expect(entries.filter((e) => e.list === 'department')).toHaveLength(9);
    expect(entries.filter((e) => e.list === 'initiative_kind').map((e) => e.code)).toEqual([
      'communication',
      'service',
      'offer',
      'process',
      'digital',
      'policy',
      'training',
    ]);
    expect(JSON.parse(entries.find((e) => e.code === 'employer_brand')!.label)).toEqual({
      fr: 'Marque employeur',
      en: 'Employer brand',
    });
  });
});

describe.each(dialects)('storing the outbox status (%s)', (dialect) => {
  let handle: Db;
  const migrating = <T>(fn: () => Promise<T>) => (dialect === 'postgres' ? underSchemaLock('shared', fn) : fn());

  beforeAll(async () => {
    handle = await openTestDb(dialect);
  });
  afterAll(() => handle?.close());

  it('gives each message the status its columns imply, and dates no old failure', async () => {
    const db = handle.db;
    const schema = dialect === 'postgres' ? await currentSchema(db) : undefined;
    const migrator = new Migrator({
      db,
      provider: migrationProvider,
      ...(schema === undefined ? {} : { migrationTableSchema: schema }),
    });
    expect((await migrating(() => migrator.migrateTo('2026_12_04_1500_create_rate_limit'))).error).toBeUndefined();
    const now = '2026-12-04T09:00:00.000Z';
    const rows = [
      ['m-pending', 0, null],
      ['m-retrying', 2, null],
      ['m-failed', 5, null],
      ['m-sent', 1, now],
    ] as const;
    for (const [id, attempts, sentAt] of rows) {
      // biome-ignore lint/suspicious/noExplicitAny: the schema before the migration
      await (db as Kysely<any>)
        .insertInto('outbox')
        .values({
          id,
          organization_id: null,
          to_address: 'a@example.test',
          subject: 's',
          body: 'b',
          created_at: now,
          sent_at: sentAt,
          attempts,
        })
        .execute();
    }
    await migrating(() => migrateToLatest(db));
    const stored = await db
      .selectFrom('outbox')
      .select(['id', 'status', 'failed_at'])
      .where('id', 'like', 'm-%')
      .orderBy('id')
      .execute();
    expect(stored).toEqual([
      { id: 'm-failed', status: 'failed', failed_at: null },
      { id: 'm-pending', status: 'pending', failed_at: null },
      { id: 'm-retrying', status: 'retrying', failed_at: null },
      { id: 'm-sent', status: 'sent', failed_at: null },
    ]);
  });
});

describe.each(dialects)('choosing notifications per channel (%s)', (dialect) => {
  let handle: Db;
  const migrating = <T>(fn: () => Promise<T>) => (dialect === 'postgres' ? underSchemaLock('shared', fn) : fn());
  const droppingTables = <T>(fn: () => Promise<T>) =>
    dialect === 'postgres' ? underSchemaLock('exclusive', fn) : fn();

  beforeAll(async () => {
    handle = await openTestDb(dialect);
  });
  afterAll(() => handle?.close());

  it('keeps each kind turned off as its e-mail turned off, and back down again', async () => {
    const db = handle.db;
    const schema = dialect === 'postgres' ? await currentSchema(db) : undefined;
    const migrator = new Migrator({
      db,
      provider: migrationProvider,
      ...(schema === undefined ? {} : { migrationTableSchema: schema }),
    });
    const BEFORE = '2026_12_04_1900_add_scim_provisioning';
    expect((await droppingTables(() => migrator.migrateTo(BEFORE))).error).toBeUndefined();
    const now = '2026-12-04T09:00:00.000Z';
    // biome-ignore lint/suspicious/noExplicitAny: the schema before the migration
    const old = db as Kysely<any>;
    await old
      .insertInto('organization')
      .values({
        id: 'oc',
        slug: 'oc',
        name: 'O',
        default_locale: 'fr',
        k_threshold: 5,
        comment_threshold: 5,
        created_at: now,
      })
      .execute();
    const optout = { organization_id: 'oc', recipient_kind: 'member', recipient_id: 'm1', created_at: now };
    await old
      .insertInto('notification_optout')
      .values([
        { ...optout, kind: 'results_published' },
        { ...optout, kind: 'feedback_arrived' },
      ])
      .execute();
    await migrating(() => migrateToLatest(db));
    const read = () =>
      old.selectFrom('notification_optout').selectAll().where('organization_id', '=', 'oc').orderBy('kind').execute();
    expect(await read()).toEqual([
      { ...optout, kind: 'feedback_arrived', channel: 'email' },
      { ...optout, kind: 'results_published', channel: 'email' },
    ]);
    // The key now holds the channel: the same kind may be off on both.
    await db
      .insertInto('notification_optout')
      .values({ ...optout, kind: 'results_published', channel: 'in_app' })
      .execute();
    await expect(
      db
        .insertInto('notification_optout')
        .values({ ...optout, kind: 'results_published', channel: 'in_app' })
        .execute(),
    ).rejects.toThrow();
    expect((await droppingTables(() => migrator.migrateTo(BEFORE))).error).toBeUndefined();
    expect(await read()).toEqual([
      { ...optout, kind: 'feedback_arrived' },
      { ...optout, kind: 'results_published' },
    ]);
    await migrating(() => migrateToLatest(db));
    await old.deleteFrom('notification_optout').execute();
    await old.deleteFrom('organization').where('id', '=', 'oc').execute();
  });
});
