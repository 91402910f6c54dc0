import type { Kysely } from 'kysely';

/**
 * What the stakeholder portals need beside the model: whether an organisation lets stakeholders give feedback
 * anonymously (allowed unless it says otherwise), the hash of the key with which the anonymous author of a feedback
 * follows it from their own device, and the delivery state of outgoing e-mail. Frozen once landed.
 */

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and typed against no schema
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  // One column per statement: SQLite adds a single column per ALTER TABLE.
  await db.schema
    .alterTable('organization')
    .addColumn('allow_anonymous_feedback', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.alterTable('feedback').addColumn('follow_key_hash', 'text').execute();
  await db.schema
    .createIndex('feedback_follow_key_idx')
    .on('feedback')
    .columns(['organization_id', 'follow_key_hash'])
    .execute();
  await db.schema
    .alterTable('outbox')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('outbox').addColumn('last_error', 'text').execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.alterTable('outbox').dropColumn('last_error').execute();
  await db.schema.alterTable('outbox').dropColumn('attempts').execute();
  await db.schema.dropIndex('feedback_follow_key_idx').execute();
  await db.schema.alterTable('feedback').dropColumn('follow_key_hash').execute();
  await db.schema.alterTable('organization').dropColumn('allow_anonymous_feedback').execute();
}
