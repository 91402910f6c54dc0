import type { Kysely } from 'kysely';

/**
 * Action plans: the focus areas a scope (a whole group, or one segment of it such as a manager's department) picks
 * from one wave's results, the actions written for each, and the progress recorded on them. A scope is stored as a
 * segment key and value, both '' for the whole group, so that the unique constraint holds on every dialect.
 * Frozen once landed.
 */

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and typed against no schema
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('focus_area')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('group_id', 'text', (c) => c.notNull().references('stakeholder_group.id'))
    .addColumn('wave_id', 'text', (c) => c.notNull().references('wave.id'))
    .addColumn('scope_key', 'text', (c) => c.notNull())
    .addColumn('scope_value', 'text', (c) => c.notNull())
    .addColumn('dimension_id', 'text', (c) => c.notNull().references('dimension.id'))
    .addColumn('note', 'text')
    .addColumn('created_by', 'text', (c) => c.references('member.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('focus_area_uq', ['organization_id', 'wave_id', 'scope_key', 'scope_value', 'dimension_id'])
    .execute();
  await db.schema
    .createIndex('focus_area_scope_idx')
    .on('focus_area')
    .columns(['organization_id', 'group_id', 'scope_key', 'scope_value'])
    .execute();
  await db.schema
    .createTable('plan_action')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('focus_area_id', 'text', (c) => c.notNull().references('focus_area.id').onDelete('cascade'))
    .addColumn('initiative_id', 'text', (c) => c.references('initiative.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('published', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text', (c) => c.references('member.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('plan_action_focus_idx')
    .on('plan_action')
    .columns(['organization_id', 'focus_area_id'])
    .execute();
  await db.schema
    .createTable('plan_action_update')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('action_id', 'text', (c) => c.notNull().references('plan_action.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('author_member_id', 'text', (c) => c.references('member.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('plan_action_update_action_idx')
    .on('plan_action_update')
    .columns(['organization_id', 'action_id'])
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('plan_action_update').execute();
  await db.schema.dropTable('plan_action').execute();
  await db.schema.dropTable('focus_area').execute();
}
