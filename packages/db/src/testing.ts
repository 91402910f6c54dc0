import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { createDb, type Db, type DialectName } from './create-db.ts';
import { migrateToLatest } from './migrations/index.ts';

export * from './fixture.ts';

/**
 * Test databases on both dialects. SQLite runs in memory; PostgreSQL runs at TEST_DATABASE_URL in a schema of its
 * own, so test files can run in parallel against one server and leave nothing behind.
 */

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

let postgresCheck: Promise<boolean> | undefined;

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * The dialects to test on: SQLite always, PostgreSQL when reachable. In CI (CI=true) an unreachable PostgreSQL is an
 * error, so that a green build always means both dialects passed; elsewhere it is skipped with a warning.
 */
export async function testDialects(): Promise<DialectName[]> {
  postgresCheck ??= postgresReachable();
  if (await postgresCheck) return ['sqlite', 'postgres'];
  const message = `PostgreSQL is unreachable at ${TEST_DATABASE_URL} (set TEST_DATABASE_URL)`;
  if (process.env.CI === 'true') throw new Error(`${message}; CI=true requires the PostgreSQL tests to run.`);
  console.warn(`\n⚠️  ${message}: PostgreSQL tests are SKIPPED, only SQLite runs.\n`);
  return ['sqlite'];
}

/** Any number of test schemas may be migrated at once; one is dropped only while none is being migrated. */
const SCHEMA_LOCK = 7_316_001;

/**
 * Kysely's migrator introspects every schema of the database (`has_schema_privilege` over pg_namespace), which fails
 * with "schema … does not exist" when another test file drops its schema at that instant. Migrations take a shared
 * advisory lock and drops an exclusive one, on a connection of their own, across every process of the test run.
 */
export async function underSchemaLock<T>(mode: 'shared' | 'exclusive', fn: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`select pg_advisory_lock${mode === 'shared' ? '_shared' : ''}($1)`, [SCHEMA_LOCK]);
    return await fn();
  } finally {
    await client.end(); // ending the session releases the lock
  }
}

/** A fresh, migrated database; `close()` also drops the PostgreSQL schema. */
export async function openTestDb(dialect: DialectName): Promise<Db> {
  if (dialect === 'sqlite') {
    const db = createDb(':memory:');
    await migrateToLatest(db.db);
    return db;
  }
  const schema = `facets_test_${randomBytes(6).toString('hex')}`;
  const admin = createDb(TEST_DATABASE_URL);
  await sql`create schema ${sql.id(schema)}`.execute(admin.db);
  const url = new URL(TEST_DATABASE_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const db = createDb(url.toString());
  const close = async () => {
    await db.close();
    await underSchemaLock('exclusive', () => sql`drop schema if exists ${sql.id(schema)} cascade`.execute(admin.db));
    await admin.close();
  };
  try {
    await underSchemaLock('shared', () => migrateToLatest(db.db));
  } catch (error) {
    await close();
    throw error;
  }
  return { ...db, close };
}
