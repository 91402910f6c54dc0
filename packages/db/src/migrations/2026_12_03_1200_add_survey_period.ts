import type { Kysely } from 'kysely';

/**
 * The calendar period a continuous survey (onboarding, exit, post-interaction) reports by: `month` or `quarter`; null,
 * its waves are scheduled by hand. Each period is a wave of its own, opened when the previous one ends
 * (repositories/periods.ts). Frozen once landed.
 */

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and typed against no schema
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  await db.schema.alterTable('survey').addColumn('period', 'text').execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.alterTable('survey').dropColumn('period').execute();
}
