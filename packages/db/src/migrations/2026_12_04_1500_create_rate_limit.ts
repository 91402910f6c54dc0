import type { Kysely } from 'kysely';

/**
 * The abuse limits' counters when several servers share one PostgreSQL database (apps/server `limit-store.ts`, through
 * rate-limiter-flexible's PostgreSQL store, whose columns these are): a key — a keyed hash of the address, account or
 * user counted, never the value itself —, the points used and when they expire (milliseconds since the epoch). The
 * embedded SQLite default counts in the process and leaves the table empty. Not a tenant table: a key is no
 * organisation's. Frozen once landed.
 */

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and typed against no schema
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('rate_limit')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('points', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('expire', 'bigint')
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('rate_limit').execute();
}
