import type { Kysely } from 'kysely';

/**
 * A survey's cadence (domain `Cadence`, JSON: every N weeks or months, weekday, hour, days open, start and end dates,
 * audience); null: its waves are scheduled by hand. The server opens each due wave (db `cadences/`). Frozen once
 * landed.
 */

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and typed against no schema
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  await db.schema.alterTable('survey').addColumn('cadence', 'text').execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.alterTable('survey').dropColumn('cadence').execute();
}
