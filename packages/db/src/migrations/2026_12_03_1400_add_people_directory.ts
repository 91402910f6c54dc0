import type { Kysely } from 'kysely';

/**
 * The people directory of each stakeholder group, kept in step with an HR or CRM file (directory/sync.ts): when a
 * person started and left (ISO dates), whether they are still active (a sync deactivates the people its file no longer
 * lists and never deletes them), their manager (another stakeholder of the group, for employees), and when their
 * identity was erased on request (the row stays, nameless, for the aggregates and answers that count it).
 * Frozen once landed.
 */

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and typed against no schema
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  await db.schema.alterTable('stakeholder').addColumn('start_date', 'text').execute();
  await db.schema.alterTable('stakeholder').addColumn('end_date', 'text').execute();
  await db.schema
    .alterTable('stakeholder')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .alterTable('stakeholder')
    .addColumn('manager_id', 'text', (c) => c.references('stakeholder.id'))
    .execute();
  await db.schema.alterTable('stakeholder').addColumn('erased_at', 'text').execute();
  await db.schema
    .createIndex('stakeholder_manager_idx')
    .on('stakeholder')
    .columns(['organization_id', 'manager_id'])
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropIndex('stakeholder_manager_idx').execute();
  for (const column of ['erased_at', 'manager_id', 'active', 'end_date', 'start_date']) {
    await db.schema.alterTable('stakeholder').dropColumn(column).execute();
  }
}
