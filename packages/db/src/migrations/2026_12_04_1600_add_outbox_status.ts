import { type Kysely, sql } from 'kysely';

/**
 * Where each message of the outbox stands, stored rather than derived (domain `delivery.ts`): `pending`, `retrying`,
 * `sent`, `failed` (refused for now at every attempt) or `bounced` (refused for good), and when it stopped being
 * tried (`failed_at`). Existing rows take the status their columns imply; their failures are not dated, so nobody is
 * told of them. The delivery page reads an organisation's messages newest first, by status or not, hence two indexes
 * that lead with the organisation. `delivery_notice` records each e-mail that told an admin of undelivered messages:
 * an admin gets one an hour at most, and such an e-mail that itself fails tells nobody. Frozen once landed.
 */

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and typed against no schema
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  await db.schema
    .alterTable('outbox')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
    .execute();
  await db.schema.alterTable('outbox').addColumn('failed_at', 'text').execute();
  await sql`update outbox set status = case
    when sent_at is not null then 'sent'
    when attempts >= 5 then 'failed'
    when attempts > 0 then 'retrying'
    else 'pending' end`.execute(db);
  await db.schema
    .createIndex('outbox_organization_created_idx')
    .on('outbox')
    .columns(['organization_id', 'created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('outbox_organization_status_idx')
    .on('outbox')
    .columns(['organization_id', 'status', 'created_at', 'id'])
    .execute();
  await db.schema
    .createTable('delivery_notice')
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('outbox_id', 'text', (c) => c.notNull().references('outbox.id'))
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('delivery_notice_pk', ['organization_id', 'outbox_id'])
    .execute();
  await db.schema
    .createIndex('delivery_notice_member_idx')
    .on('delivery_notice')
    .columns(['organization_id', 'member_id', 'created_at'])
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('delivery_notice').execute();
  await db.schema.dropIndex('outbox_organization_status_idx').execute();
  await db.schema.dropIndex('outbox_organization_created_idx').execute();
  await db.schema.alterTable('outbox').dropColumn('failed_at').execute();
  await db.schema.alterTable('outbox').dropColumn('status').execute();
}
