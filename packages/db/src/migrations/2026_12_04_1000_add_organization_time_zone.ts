import type { Kysely } from 'kysely';

/**
 * The organisation's time zone, an IANA name (domain `TimeZone`): the hour a recurring programme's waves open is read
 * in it. Existing organisations get Europe/Paris. Frozen once landed.
 */

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and typed against no schema
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  await db.schema
    .alterTable('organization')
    .addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('Europe/Paris'))
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.alterTable('organization').dropColumn('time_zone').execute();
}
