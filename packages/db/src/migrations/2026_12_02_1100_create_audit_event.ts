import type { Kysely } from 'kysely';

/**
 * The audit log (frozen once landed): one row per sensitive action of the console — invitation imports, settings,
 * roles, staff invitations and removals, CSV exports, readings of e-mails that carry a link. `details` is JSON text of
 * counts, setting values and labels of the organisation's configuration; never a response, an answer or a respondent.
 * Read newest first per organisation, optionally by action: both indexes are led by organization_id.
 */

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and typed against no schema
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('audit_event')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_member_id', 'text', (c) => c.references('member.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target', 'text')
    .addColumn('details', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('audit_event_at_idx')
    .on('audit_event')
    .columns(['organization_id', 'at', 'id'])
    .execute();
  await db.schema
    .createIndex('audit_event_action_idx')
    .on('audit_event')
    .columns(['organization_id', 'action', 'at', 'id'])
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('audit_event').execute();
}
