import { sql } from 'kysely';
import { Migrator, NO_MIGRATIONS } from 'kysely/migration';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../create-db.ts';
import type { Database } from '../schema.ts';
import { openTestDb, testDialects, underSchemaLock } from '../testing.ts';
import { migrateToLatest, migrationProvider } from './index.ts';

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
  'audit_event',
] as const satisfies readonly (keyof Database)[];
type Missing = Exclude<keyof Database, (typeof TABLES)[number]>;
const allListed: Missing extends never ? true : Missing = true;

describe.each(dialects)('migrations (%s)', (dialect) => {
  let handle: Db;
  // On PostgreSQL, migrations of a test run must not overlap another test file dropping its schema (testing.ts).
  const migrating = <T>(fn: () => Promise<T>) => (dialect === 'postgres' ? underSchemaLock('shared', fn) : fn());

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
    const down = await migrating(() => migrator.migrateTo(NO_MIGRATIONS));
    expect(down.error).toBeUndefined();
    await expect(sql`select count(*) from organization`.execute(handle.db)).rejects.toThrow();
    expect(await migrating(() => migrateToLatest(handle.db))).toEqual([
      '2026_11_22_0900_create_model',
      '2026_11_23_1000_create_engine_aggregates',
      '2026_12_01_1000_add_portal_settings',
      '2026_12_01_1100_add_console_operations',
      '2026_12_01_1200_add_stakeholder_locale',
      '2026_12_01_1400_create_aggregate_series_indexes',
      '2026_12_02_1100_create_audit_event',
    ]);
  });

  async function currentSchema(): Promise<string> {
    const { rows } = await sql<{ s: string }>`select current_schema() as s`.execute(handle.db);
    return rows[0]!.s;
  }
});
