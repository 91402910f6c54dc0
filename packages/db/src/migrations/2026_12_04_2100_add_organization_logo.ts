import type { Kysely } from 'kysely';

/**
 * The organisation's logo (repositories/settings.ts), a small PNG or JPEG image uploaded by an admin and kept as a data
 * URL: its e-mails carry it inside the message, so that no mail client fetches anything that would tell when a
 * message was opened. Null: the name alone. Frozen once landed.
 */

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and typed against no schema
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  await db.schema.alterTable('organization').addColumn('logo', 'text').execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.alterTable('organization').dropColumn('logo').execute();
}
