import type { Kysely } from 'kysely';

/**
 * Webhooks (db `webhooks/`): `webhook_subscription` holds an organisation's URLs, the events each receives, whether it
 * is active or paused, and its signing secret sealed with the server's key (`secret-box.ts`); `webhook_delivery` one
 * event for one subscription, with its JSON body, written in the transaction of the change it tells of;
 * `webhook_attempt` each try of a delivery (status code, error, duration); `webhook_count_notice` the count of an
 * open wave's respondents last sent, so that counts go out in steps of at least k. Frozen once landed.
 */

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and typed against no schema
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('webhook_subscription')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('events', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('secret_sealed', 'text', (c) => c.notNull())
    .addColumn('failing_since', 'text')
    .addColumn('paused_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('webhook_subscription_organization')
    .on('webhook_subscription')
    .columns(['organization_id', 'created_at'])
    .execute();
  await db.schema
    .createTable('webhook_delivery')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('subscription_id', 'text', (c) => c.notNull().references('webhook_subscription.id'))
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_status', 'integer')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('webhook_delivery_subscription')
    .on('webhook_delivery')
    .columns(['organization_id', 'subscription_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('webhook_delivery_state')
    .on('webhook_delivery')
    .columns(['state', 'created_at'])
    .execute();
  await db.schema
    .createTable('webhook_attempt')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('delivery_id', 'text', (c) => c.notNull().references('webhook_delivery.id'))
    .addColumn('attempted_at', 'text', (c) => c.notNull())
    .addColumn('status_code', 'integer')
    .addColumn('error', 'text')
    .addColumn('duration_ms', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('webhook_attempt_delivery')
    .on('webhook_attempt')
    .columns(['organization_id', 'delivery_id', 'attempted_at'])
    .execute();
  await db.schema
    .createTable('webhook_count_notice')
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('wave_id', 'text', (c) => c.notNull().references('wave.id'))
    .addColumn('respondents', 'integer', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('webhook_count_notice_pk', ['organization_id', 'wave_id'])
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('webhook_count_notice').execute();
  await db.schema.dropTable('webhook_attempt').execute();
  await db.schema.dropTable('webhook_delivery').execute();
  await db.schema.dropTable('webhook_subscription').execute();
}
