import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';

export type DialectName = 'sqlite' | 'postgres';

export interface Db {
  db: Kysely<Database>;
  dialect: DialectName;
  /**
   * Writes a consistent, compacted copy of the database to a new `file` (SQLite only; use pg_dump for PostgreSQL);
   * refuses a file that exists.
   */
  backup(file: string): Promise<void>;
  close(): Promise<void>;
}

function isPostgresUrl(url: string): boolean {
  return url.startsWith('postgres://') || url.startsWith('postgresql://');
}

/** A file path or ':memory:' opens SQLite; a postgres:// or postgresql:// URL opens a PostgreSQL pool. */
export function createDb(url: string): Db {
  return isPostgresUrl(url) ? openPostgres(url) : openSqlite(url);
}

function openSqlite(path: string): Db {
  const inMemory = path === ':memory:';
  if (!inMemory) mkdirSync(dirname(resolve(path)), { recursive: true });
  const sqlite = new SqliteDatabase(path);
  if (!inMemory) sqlite.pragma('journal_mode = WAL');
  // FULL syncs the WAL on every commit: an accepted response survives a power cut, not only a crash.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return {
    db,
    dialect: 'sqlite',
    async backup(file) {
      mkdirSync(dirname(resolve(file)), { recursive: true });
      if (existsSync(file)) throw new Error(`backup: ${file} already exists; choose a new file`);
      // VACUUM INTO writes a compacted copy with every table rebuilt in key order (an online, consistent read), so
      // the copy does not keep the order in which rows were written within a page, as a page-by-page copy would
      // (anonymous responses have random keys: key order says nothing of who wrote what, or when).
      sqlite.prepare('VACUUM INTO ?').run(resolve(file));
    },
    close: () => db.destroy(),
  };
}

/** Distinct statements kept prepared; past it the cache starts again (multi-row inserts vary with their row count). */
const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely prepares every query anew, and preparing costs as much as running a small query. The same SQL text gets the
 * same prepared statement back (parameters are bound at each run, so reuse is safe).
 */
function withStatementCache(sqlite: SqliteDatabase.Database): SqliteDatabase.Database {
  const cache = new Map<string, SqliteDatabase.Statement>();
  const prepare = (source: string) => {
    let statement = cache.get(source);
    if (!statement) {
      if (cache.size >= STATEMENT_CACHE_SIZE) cache.clear();
      statement = sqlite.prepare(source);
      cache.set(source, statement);
    }
    return statement;
  };
  return new Proxy(sqlite, {
    get: (target, property, receiver) => (property === 'prepare' ? prepare : Reflect.get(target, property, receiver)),
  });
}

// Counts and sums come back as int8/numeric, which pg returns as strings by default; these values stay far below
// 2^53, so numbers are exact. Parsers are set on this pool only, not on pg's process-wide registry.
const NUMERIC_OIDS = new Set<number>([pg.types.builtins.INT8, pg.types.builtins.NUMERIC]);
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    NUMERIC_OIDS.has(oid) && format !== 'binary'
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

function openPostgres(url: string): Db {
  const pool = new pg.Pool({ connectionString: url, types });
  // An idle connection dropped by the server must not crash the process; the pool opens a new one when next needed.
  pool.on('error', (error) => console.error(`PostgreSQL idle connection error: ${error.message}`));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    dialect: 'postgres',
    backup: async () => {
      throw new Error('Backup from Facets works on SQLite only; back up PostgreSQL with pg_dump.');
    },
    close: () => db.destroy(),
  };
}
