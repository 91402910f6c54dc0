import type { Kysely } from 'kysely';

/**
 * Dashboards read a group's histogram bins and segment overlaps across all its waves in one query; like the cells and
 * respondents before them, these tables get an index by group (organization_id first). Frozen once landed.
 */

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and typed against no schema
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  await db.schema
    .createIndex('aggregate_bin_group_idx')
    .on('aggregate_bin')
    .columns(['organization_id', 'group_id', 'segment_key'])
    .execute();
  await db.schema
    .createIndex('aggregate_segment_overlap_group_idx')
    .on('aggregate_segment_overlap')
    .columns(['organization_id', 'group_id'])
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropIndex('aggregate_segment_overlap_group_idx').execute();
  await db.schema.dropIndex('aggregate_bin_group_idx').execute();
}
