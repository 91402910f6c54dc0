import type { Kysely } from 'kysely';

/**
 * Notifications by e-mail (db `notifications/`): `notification_optout` holds each kind a person turned off (a member
 * in the console, a stakeholder by an e-mail's unsubscribe link); `organization.notification_key` signs the
 * unsubscribe links (made on first use); `results_notice` records, per wave, that the digest of its published results
 * was written to the outbox, in the same transaction, so that it is written once. Frozen once landed.
 */

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and typed against no schema
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  await db.schema.alterTable('organization').addColumn('notification_key', 'text').execute();
  await db.schema
    .createTable('notification_optout')
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('recipient_kind', 'text', (c) => c.notNull())
    .addColumn('recipient_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_optout_pk', ['organization_id', 'recipient_kind', 'recipient_id', 'kind'])
    .execute();
  await db.schema
    .createTable('results_notice')
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('wave_id', 'text', (c) => c.notNull().references('wave.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('results_notice_pk', ['organization_id', 'wave_id'])
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('results_notice').execute();
  await db.schema.dropTable('notification_optout').execute();
  await db.schema.alterTable('organization').dropColumn('notification_key').execute();
}
