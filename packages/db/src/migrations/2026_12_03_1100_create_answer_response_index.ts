import type { Kysely } from 'kysely';

/**
 * `answer.response_id` references `response.id`; without an index led by it, every deletion of a response makes the
 * database scan every answer for the foreign key (SQLite and PostgreSQL alike). A published anonymous wave rewrites
 * its responses in key order (publication/rewrite.ts), so that deletion is routine. Frozen once landed.
 */

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and typed against no schema
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  await db.schema.createIndex('answer_response_idx').on('answer').column('response_id').execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropIndex('answer_response_idx').execute();
}
