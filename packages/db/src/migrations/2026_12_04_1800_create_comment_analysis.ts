import { type Kysely, SqliteAdapter, sql } from 'kysely';

/**
 * What the local comment analytics read in each text answer (domain `text/`): its language, sentiment and themes,
 * keyed by the answer it reads and nothing else — no response, wave, person or time, which the answer row already
 * holds or never held — so the table ties a comment to nobody more closely than the comment itself does. Written in
 * the transaction that accepts the answer. On SQLite a WITHOUT ROWID table, stored in the order of its random keys
 * (a rowid would count insertions). Frozen once landed.
 */

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and typed against no schema
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  let table = db.schema
    .createTable('comment_analysis')
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('answer_id', 'text', (c) => c.notNull().references('answer.id').onDelete('cascade'))
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('polarity', 'text', (c) => c.notNull())
    .addColumn('score', 'real', (c) => c.notNull())
    // JSON array of theme codes.
    .addColumn('themes', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('comment_analysis_pk', ['organization_id', 'answer_id']);
  if (sqlite) table = table.modifyEnd(sql`without rowid`);
  await table.execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('comment_analysis').execute();
}
