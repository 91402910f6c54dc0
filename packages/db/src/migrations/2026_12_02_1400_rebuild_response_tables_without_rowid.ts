import { type Kysely, SqliteAdapter, sql } from 'kysely';

/**
 * On SQLite, `response`, `answer` and `wave_participation` become WITHOUT ROWID tables: a rowid counts insertions, so
 * an anonymous response and the participation marker written in the same transaction had neighbouring rowids and
 * joined back to their author. Without rowid a row is stored and read in the order of its primary key (random ids for
 * responses and answers, wave and person for participation), which says nothing about when it was written.
 *
 * The rebuild follows SQLite's documented procedure for schema changes ALTER TABLE cannot make
 * (https://www.sqlite.org/lang_altertable.html#otheralter): foreign keys off, one transaction, new table from the
 * old one's own definition, rows copied, old table dropped, new one renamed, indexes and triggers made again,
 * `foreign_key_check`, commit, foreign keys back on. Columns, keys, constraints and indexes stay exactly as they were,
 * because the new definition is the stored one with `WITHOUT ROWID` added.
 *
 * On PostgreSQL this changes nothing: it has no rowid. Its heap keeps rows in physical order with system columns
 * (`ctid`, `xmin`) that no rebuild can remove and that every later insert fills again; what blurs them there is the
 * group commit writing the rows of a batch in shuffled order, under one transaction id (submission-batch.ts).
 * Frozen once landed.
 */

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and typed against no schema
type Db = Kysely<any>;

/** Parents first: `answer` references `response`. */
const TABLES = ['response', 'answer', 'wave_participation'] as const;

export async function up(db: Db): Promise<void> {
  await rebuild(db, (create) => `${create} WITHOUT ROWID`);
}

export async function down(db: Db): Promise<void> {
  await rebuild(db, (create) => create.replace(/\s+WITHOUT\s+ROWID\s*$/i, ''));
}

async function rebuild(db: Db, reshape: (create: string) => string): Promise<void> {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return;
  // The pragma is a no-op inside a transaction: SQLite migrations run outside one (Kysely has no transactional DDL
  // there), so it takes effect here, and is restored whatever happens.
  const { rows } = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db);
  const foreignKeys = rows[0]?.foreign_keys === 1;
  if (foreignKeys) await sql`pragma foreign_keys = off`.execute(db);
  try {
    await db.transaction().execute(async (trx) => {
      for (const table of TABLES) await rebuildTable(trx, table, reshape);
      if (foreignKeys) {
        const broken = await sql<{ table: string }>`pragma foreign_key_check`.execute(trx);
        if (broken.rows.length > 0) {
          throw new Error(`foreign keys broken by the rebuild in ${broken.rows.map((r) => r.table).join(', ')}`);
        }
      }
    });
  } finally {
    if (foreignKeys) await sql`pragma foreign_keys = on`.execute(db);
  }
}

async function rebuildTable(db: Db, table: string, reshape: (create: string) => string): Promise<void> {
  const { rows } = await sql<{ type: string; name: string; sql: string | null }>`
    select type, name, sql from sqlite_master where tbl_name = ${table} order by type = 'table' desc, name`.execute(db);
  const definition = rows.find((r) => r.type === 'table')?.sql;
  if (!definition) throw new Error(`table ${table} not found`);
  if (rows.some((r) => r.type === 'view')) throw new Error(`a view depends on ${table}: rebuild it by hand`);
  // Indexes made by UNIQUE and PRIMARY KEY constraints have no SQL of their own: the table's definition makes them.
  const dependents = rows.filter((r) => r.type !== 'table' && r.sql !== null).map((r) => r.sql!);
  const fresh = `${table}__rebuilt`;
  const renamed = definition.replace(/^(\s*CREATE\s+TABLE\s+)("[^"]+"|\S+)/i, (_m, create) => `${create}"${fresh}"`);
  if (renamed === definition) throw new Error(`unexpected definition of ${table}: ${definition}`);
  await sql.raw(reshape(renamed)).execute(db);
  await sql`insert into ${sql.table(fresh)} select * from ${sql.table(table)}`.execute(db);
  await sql`drop table ${sql.table(table)}`.execute(db);
  await sql`alter table ${sql.table(fresh)} rename to ${sql.table(table)}`.execute(db);
  for (const statement of dependents) await sql.raw(statement).execute(db);
}
