import { type Kysely, sql } from 'kysely';

/**
 * What the insights engine reads beside the cells and bins: co-moments of variable pairs (key drivers), respondents
 * per segment cell and per pair of segment values (disclosure control), and leadership's maturity self-assessments.
 * Frozen once landed. Portable types only; sums are `double precision` as in the first migration (a float8 on
 * PostgreSQL, REAL affinity on SQLite). Every table is keyed by organization_id first.
 */

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and typed against no schema
type Db = Kysely<any>;

const float = sql`double precision`;

export async function up(db: Db): Promise<void> {
  // Whole group only: one row per unordered pair of variables (var_a < var_b) per wave.
  await db.schema
    .createTable('aggregate_pair')
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('wave_id', 'text', (c) => c.notNull().references('wave.id'))
    .addColumn('group_id', 'text', (c) => c.notNull().references('stakeholder_group.id'))
    .addColumn('var_a', 'text', (c) => c.notNull())
    .addColumn('var_b', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addColumn('sum_a', float, (c) => c.notNull())
    .addColumn('sum_b', float, (c) => c.notNull())
    .addColumn('sum_aa', float, (c) => c.notNull())
    .addColumn('sum_bb', float, (c) => c.notNull())
    .addColumn('sum_ab', float, (c) => c.notNull())
    .addPrimaryKeyConstraint('aggregate_pair_pk', ['organization_id', 'wave_id', 'group_id', 'var_a', 'var_b'])
    .execute();
  await db.schema
    .createTable('aggregate_respondents')
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('wave_id', 'text', (c) => c.notNull().references('wave.id'))
    .addColumn('group_id', 'text', (c) => c.notNull().references('stakeholder_group.id'))
    .addColumn('segment_key', 'text', (c) => c.notNull())
    .addColumn('segment_value', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('aggregate_respondents_pk', [
      'organization_id',
      'wave_id',
      'group_id',
      'segment_key',
      'segment_value',
    ])
    .execute();
  // A group's waves with data, and its respondents across waves, are read without a wave id.
  await db.schema
    .createIndex('aggregate_respondents_group_idx')
    .on('aggregate_respondents')
    .columns(['organization_id', 'group_id', 'segment_key'])
    .execute();
  await db.schema
    .createTable('aggregate_segment_overlap')
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('wave_id', 'text', (c) => c.notNull().references('wave.id'))
    .addColumn('group_id', 'text', (c) => c.notNull().references('stakeholder_group.id'))
    .addColumn('key_a', 'text', (c) => c.notNull())
    .addColumn('value_a', 'text', (c) => c.notNull())
    .addColumn('key_b', 'text', (c) => c.notNull())
    .addColumn('value_b', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('aggregate_segment_overlap_pk', [
      'organization_id',
      'wave_id',
      'group_id',
      'key_a',
      'value_a',
      'key_b',
      'value_b',
    ])
    .execute();
  await db.schema
    .createTable('maturity_assessment')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('member.id'))
    .addColumn('stage', 'integer', (c) => c.notNull().check(sql`stage between 1 and 5`))
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('maturity_assessment_created_idx')
    .on('maturity_assessment')
    .columns(['organization_id', 'created_at'])
    .execute();
}

export async function down(db: Db): Promise<void> {
  for (const table of ['maturity_assessment', 'aggregate_segment_overlap', 'aggregate_respondents', 'aggregate_pair']) {
    await db.schema.dropTable(table).execute();
  }
}
