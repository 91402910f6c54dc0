import type { Kysely } from 'kysely';

/**
 * Published results of a wave (docs/architecture.md, "The disclosure guarantee"): once a wave closes, the populations
 * its figures may be shown over are chosen once and its figures written here; every view reads them and nothing else.
 * A survey names its primary breakdown (the segment key published first). Frozen once landed.
 */

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and typed against no schema
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('wave_publication')
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('wave_id', 'text', (c) => c.notNull().references('wave.id'))
    .addColumn('group_id', 'text', (c) => c.notNull().references('stakeholder_group.id'))
    .addColumn('k', 'integer', (c) => c.notNull())
    .addColumn('comment_k', 'integer', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('wave_publication_pk', ['organization_id', 'wave_id'])
    .execute();
  await db.schema
    .createIndex('wave_publication_group_idx')
    .on('wave_publication')
    .columns(['organization_id', 'group_id'])
    .execute();
  await db.schema.alterTable('survey').addColumn('primary_segment_key', 'text').execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.alterTable('survey').dropColumn('primary_segment_key').execute();
  await db.schema.dropTable('wave_publication').execute();
}
