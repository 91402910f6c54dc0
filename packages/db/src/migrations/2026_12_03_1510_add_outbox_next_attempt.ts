import type { Kysely } from 'kysely';

/**
 * When an unsent message may be tried again: a failed delivery waits longer after each attempt (domain `jobs.ts`,
 * `retryDelaySeconds`); null, at once. Frozen once landed.
 */

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and typed against no schema
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  await db.schema.alterTable('outbox').addColumn('next_attempt_at', 'text').execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.alterTable('outbox').dropColumn('next_attempt_at').execute();
}
