import type { Kysely } from 'kysely';

/**
 * A group's headline survey: the one its views report on when the reader chooses none (a quarterly engagement survey
 * rather than the pulses between its waves). At most one per group, kept so by the repository. Frozen once landed.
 */

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and typed against no schema
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  await db.schema
    .alterTable('survey')
    .addColumn('headline', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.alterTable('survey').dropColumn('headline').execute();
}
