import type { Kysely } from 'kysely';

/**
 * Reminders to the invited who have not answered (db `reminders/`): a survey's schedule (`survey.reminders`, JSON
 * `{ afterOpening, beforeClosing }` in days; null: none) and one `reminder` row per wave, person and UTC day, written
 * in the transaction of the outbox message, so that two servers never remind one person twice for one day. Frozen
 * once landed.
 */

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and typed against no schema
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  await db.schema.alterTable('survey').addColumn('reminders', 'text').execute();
  await db.schema
    .createTable('reminder')
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('wave_id', 'text', (c) => c.notNull().references('wave.id'))
    .addColumn('stakeholder_id', 'text', (c) => c.notNull().references('stakeholder.id'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('outbox_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('reminder_pk', ['organization_id', 'wave_id', 'stakeholder_id', 'day'])
    .execute();
  // "Has this person had a reminder today, for any wave?"
  await db.schema
    .createIndex('reminder_person_day_idx')
    .on('reminder')
    .columns(['organization_id', 'stakeholder_id', 'day'])
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('reminder').execute();
  await db.schema.alterTable('survey').dropColumn('reminders').execute();
}
