import { type Kysely, sql } from 'kysely';

/**
 * Notifications in the apps, not only by e-mail (db `notifications/`): `notification` holds one row per recipient (a
 * member or a stakeholder) per notification — its kind, the parameters its app words it with in the reader's
 * language, a link inside the app, when it was made and when its recipient read it — written in the transaction of
 * the e-mail of the same notification. `notification_optout` gains the channel turned off (`email` or `in_app`): it is
 * rebuilt with the channel in its key, each existing row kept as the e-mail it turned off. Frozen once landed.
 */

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and typed against no schema
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('notification')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('recipient_kind', 'text', (c) => c.notNull())
    .addColumn('recipient_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('params', 'text', (c) => c.notNull())
    .addColumn('link', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute();
  await db.schema
    .createIndex('notification_recipient_idx')
    .on('notification')
    .columns(['organization_id', 'recipient_kind', 'recipient_id', 'created_at', 'id'])
    .execute();

  await db.schema
    .createTable('notification_optout_next')
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('recipient_kind', 'text', (c) => c.notNull())
    .addColumn('recipient_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_optout_channel_pk', [
      'organization_id',
      'recipient_kind',
      'recipient_id',
      'kind',
      'channel',
    ])
    .execute();
  await sql`insert into notification_optout_next
    (organization_id, recipient_kind, recipient_id, kind, channel, created_at)
    select organization_id, recipient_kind, recipient_id, kind, 'email', created_at from notification_optout`.execute(
    db,
  );
  await db.schema.dropTable('notification_optout').execute();
  await db.schema.alterTable('notification_optout_next').renameTo('notification_optout').execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema
    .createTable('notification_optout_previous')
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('recipient_kind', 'text', (c) => c.notNull())
    .addColumn('recipient_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_optout_pk', ['organization_id', 'recipient_kind', 'recipient_id', 'kind'])
    .execute();
  await sql`insert into notification_optout_previous (organization_id, recipient_kind, recipient_id, kind, created_at)
    select organization_id, recipient_kind, recipient_id, kind, created_at from notification_optout
    where channel = 'email'`.execute(db);
  await db.schema.dropTable('notification_optout').execute();
  await db.schema.alterTable('notification_optout_previous').renameTo('notification_optout').execute();
  await db.schema.dropTable('notification').execute();
}
