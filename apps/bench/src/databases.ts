import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDb, migrateToLatest } from '@facets/db';
import { hashPassword } from 'better-auth/crypto';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import pg from 'pg';
import { DEFAULT_SEED, type GenerateOptions, generate, PASSWORD } from './generator/index.ts';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
export const CACHE_DIR = fileURLToPath(new URL('../.cache/', import.meta.url));

/** Every source file that shapes a generated database: the generator, the schema and the submission code path. */
function sourceHash(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.ts') && !name.endsWith('.test.ts')) {
        hash.update(relative(REPO, path));
        hash.update(readFileSync(path));
      }
    }
  };
  for (const dir of ['packages/domain/src', 'packages/db/src', 'apps/bench/src/generator']) walk(join(REPO, dir));
  return hash.digest('hex').slice(0, 16);
}

export interface GeneratedDb {
  file: string;
  responses: number;
  answers: number;
  /** Seconds spent generating (0 when taken from the cache). */
  generateSeconds: number;
  responsesPerSecond: number | null;
  cached: boolean;
}

/**
 * A SQLite file of the benchmark organisation with `responses` responses, in `workDir` (a copy the caller may let a
 * server write to). Generated files are kept in apps/bench/.cache, keyed by the sources that shape them, so a rerun
 * with unchanged code skips the generation.
 */
export async function sqliteDatabase(args: {
  workDir: string;
  name: string;
  responses: number;
  useCache: boolean;
  respondentSignIns?: number;
  population?: GenerateOptions['population'];
  onProgress?: (done: number, total: number) => void;
}): Promise<GeneratedDb> {
  mkdirSync(CACHE_DIR, { recursive: true });
  const key = `${args.responses}-${args.respondentSignIns ?? 200}-${args.population ? 'custom' : 'std'}-${DEFAULT_SEED}-${sourceHash()}`;
  const cached = join(CACHE_DIR, `${key}.sqlite`);
  let generateSeconds = 0;
  const hit = args.useCache && existsSync(cached);
  if (!hit) {
    const tmp = `${cached}.tmp`;
    rmSync(tmp, { force: true });
    const db = createDb(tmp);
    const started = performance.now();
    try {
      await generate(db.db, {
        responses: args.responses,
        passwordHash: await hashPassword(PASSWORD),
        ...(args.respondentSignIns !== undefined ? { respondentSignIns: args.respondentSignIns } : {}),
        ...(args.population ? { population: args.population } : {}),
        ...(args.onProgress ? { onProgress: args.onProgress } : {}),
      });
      // One self-contained file: the write-ahead log folded in.
      await sql`pragma wal_checkpoint(truncate)`.execute(db.db);
    } finally {
      await db.close();
    }
    generateSeconds = (performance.now() - started) / 1000;
    for (const suffix of ['-wal', '-shm']) rmSync(`${tmp}${suffix}`, { force: true });
    renameSync(tmp, cached);
  }
  mkdirSync(args.workDir, { recursive: true });
  const file = join(args.workDir, `${args.name}.sqlite`);
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  copyFileSync(cached, file);
  const counts = new SqliteDatabase(file, { readonly: true });
  const responses = (counts.prepare('select count(*) as n from response').get() as { n: number }).n;
  const answers = (counts.prepare('select count(*) as n from answer').get() as { n: number }).n;
  counts.close();
  if (!args.useCache) rmSync(cached, { force: true });
  return {
    file,
    responses,
    answers,
    generateSeconds,
    responsesPerSecond: hit ? null : Math.round(args.responses / generateSeconds),
    cached: hit,
  };
}

/** A scratch PostgreSQL database next to the one of `adminUrl` (dropped first when it exists). */
export async function scratchPostgres(adminUrl: string, name: string): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  await admin.connect();
  const quoted = `"${name.replace(/"/g, '')}"`;
  try {
    await admin.query(`drop database if exists ${quoted} with (force)`);
    await admin.query(`create database ${quoted}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`drop database if exists ${quoted} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}

const ARRAY_TYPES: Readonly<Record<string, string>> = {
  text: 'text[]',
  'character varying': 'text[]',
  integer: 'int4[]',
  bigint: 'int8[]',
  smallint: 'int2[]',
  'double precision': 'float8[]',
  real: 'float4[]',
  numeric: 'numeric[]',
  boolean: 'bool[]',
};

/**
 * Copies every row of a generated SQLite database into a migrated PostgreSQL one, so that both dialects are measured
 * on the same rows (those written by the production submission path, aggregates included). Batches go through
 * `INSERT … SELECT FROM unnest(arrays)`: one statement per few thousand rows. Ends with ANALYZE, as autovacuum would.
 */
export async function copyToPostgres(
  sqliteFile: string,
  postgresUrl: string,
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  const target = createDb(postgresUrl);
  try {
    await migrateToLatest(target.db);
  } finally {
    await target.close();
  }
  const source = new SqliteDatabase(sqliteFile, { readonly: true });
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    const tables = tablesInDependencyOrder(source);
    const counts = tables.map((t) => (source.prepare(`select count(*) as n from "${t}"`).get() as { n: number }).n);
    const total = counts.reduce((a, b) => a + b, 0);
    let done = 0;
    onProgress?.(0, total);
    for (const table of tables) {
      const { rows: columns } = await client.query<{ column_name: string; data_type: string }>(
        'select column_name, data_type from information_schema.columns where table_schema = current_schema() and table_name = $1',
        [table],
      );
      const types = new Map(columns.map((c) => [c.column_name, c.data_type]));
      const names = (source.prepare(`pragma table_info("${table}")`).all() as { name: string }[])
        .map((c) => c.name)
        .filter((n) => types.has(n));
      const casts = names.map((n, i) => `$${i + 1}::${ARRAY_TYPES[types.get(n)!] ?? 'text[]'}`);
      const insert = `insert into "${table}" (${names.map((n) => `"${n}"`).join(', ')}) select * from unnest(${casts.join(', ')})`;
      const select = source.prepare(`select ${names.map((n) => `"${n}"`).join(', ')} from "${table}"`).raw(true);
      let batch: unknown[][] = names.map(() => []);
      let size = 0;
      const flush = async () => {
        if (size === 0) return;
        await client.query(insert, batch);
        done += size;
        onProgress?.(done, total);
        batch = names.map(() => []);
        size = 0;
      };
      for (const row of select.iterate() as Iterable<unknown[]>) {
        for (let i = 0; i < row.length; i++) batch[i]!.push(row[i]);
        size += 1;
        if (size === 10_000) await flush();
      }
      await flush();
    }
    await client.query('analyze');
  } finally {
    await client.end();
    source.close();
  }
}

/** Tables of the schema, each after the tables its foreign keys point to; the migrator's own tables left out. */
function tablesInDependencyOrder(db: SqliteDatabase.Database): string[] {
  const names = (
    db
      .prepare(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%' order by name",
      )
      .all() as { name: string }[]
  ).map((r) => r.name);
  const order: string[] = [];
  const visiting = new Set<string>();
  const visit = (name: string) => {
    if (order.includes(name) || visiting.has(name)) return;
    visiting.add(name);
    for (const fk of db.prepare(`pragma foreign_key_list("${name}")`).all() as { table: string }[]) {
      if (fk.table !== name && names.includes(fk.table)) visit(fk.table);
    }
    visiting.delete(name);
    order.push(name);
  };
  for (const name of names) visit(name);
  return order;
}
