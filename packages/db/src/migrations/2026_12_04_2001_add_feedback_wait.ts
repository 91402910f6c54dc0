import { type Kysely, sql } from 'kysely';

/**
 * Feedback that waits (db `notifications/waiting.ts`): `organization.feedback_wait_days`, the days named feedback may
 * wait for a staff reply before its handlers are told (5 by default, 0: never); `feedback_wait_notice` records, per
 * feedback, that they were told, in the transaction of the notifications, so that they are told once whatever the
 * number of servers. Frozen once landed.
 */

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and typed against no schema
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  await db.schema
    .alterTable('organization')
    .addColumn('feedback_wait_days', 'integer', (c) =>
      c.notNull().defaultTo(5).check(sql`feedback_wait_days >= 0 and feedback_wait_days <= 90`),
    )
    .execute();
  await db.schema
    .createTable('feedback_wait_notice')
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('feedback_id', 'text', (c) => c.notNull().references('feedback.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('feedback_wait_notice_pk', ['organization_id', 'feedback_id'])
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('feedback_wait_notice').execute();
  await db.schema.alterTable('organization').dropColumn('feedback_wait_days').execute();
}
