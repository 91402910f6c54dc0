import type { Kysely } from 'kysely';

/**
 * SCIM provisioning of the people directory (`/scim/v2`): an API key with the `scim` scope names the one stakeholder
 * group it provisions (`api_key.scim_group_id`) and when its admins were last told that a deactivation was refused
 * for the deactivation limit (`scim_limit_notified_at`, at most one e-mail a window). A person's `deactivated_at` is
 * when they last left the active directory (sync, SCIM or by hand; null while active), so that deactivations within
 * a window count against the directory's deactivation limit together. Frozen once landed.
 */

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and typed against no schema
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  // One column per statement: SQLite adds a single column per ALTER TABLE.
  await db.schema
    .alterTable('api_key')
    .addColumn('scim_group_id', 'text', (c) => c.references('stakeholder_group.id'))
    .execute();
  await db.schema.alterTable('api_key').addColumn('scim_limit_notified_at', 'text').execute();
  await db.schema.alterTable('stakeholder').addColumn('deactivated_at', 'text').execute();
  await db.schema
    .createIndex('stakeholder_deactivated_idx')
    .on('stakeholder')
    .columns(['organization_id', 'group_id', 'deactivated_at'])
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropIndex('stakeholder_deactivated_idx').execute();
  await db.schema.alterTable('stakeholder').dropColumn('deactivated_at').execute();
  await db.schema.alterTable('api_key').dropColumn('scim_limit_notified_at').execute();
  await db.schema.alterTable('api_key').dropColumn('scim_group_id').execute();
}
