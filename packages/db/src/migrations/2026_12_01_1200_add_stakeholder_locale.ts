import type { Kysely } from 'kysely';

/**
 * Invitations by CSV: a stakeholder's own language for the messages sent to them, and the lookup by e-mail within a
 * group that matches a re-uploaded person to their record. Frozen once landed.
 */

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and typed against no schema
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  await db.schema.alterTable('stakeholder').addColumn('locale', 'text').execute();
  await db.schema
    .createIndex('stakeholder_email_idx')
    .on('stakeholder')
    .columns(['organization_id', 'group_id', 'email'])
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropIndex('stakeholder_email_idx').execute();
  await db.schema.alterTable('stakeholder').dropColumn('locale').execute();
}
