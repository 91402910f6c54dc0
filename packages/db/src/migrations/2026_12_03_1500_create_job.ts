import { type Kysely, sql } from 'kysely';

/**
 * The background jobs of the SQLite engine (the server's in-process runner; on PostgreSQL pg-boss keeps its own
 * tables in a schema of its own). A job is written in the transaction of the change that causes it. `state`: created,
 * active, completed or failed; a failed attempt that will be tried again goes back to created with a later `run_at`.
 * `organization_id` names the organisation a job works for (null for the runner's own), so that its admins see its
 * failures and deleting the organisation deletes its jobs. Frozen once landed.
 */

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and typed against no schema
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('job')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.references('organization.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('singleton_key', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('run_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('expires_at', 'text')
    .addColumn('finished_at', 'text')
    .execute();
  // What a tick looks for: jobs waiting or abandoned, by the time they are due.
  await db.schema.createIndex('job_due_idx').on('job').columns(['state', 'run_at']).execute();
  // At most one waiting job per name and singleton key.
  await db.schema
    .createIndex('job_singleton_idx')
    .on('job')
    .columns(['name', 'singleton_key'])
    .unique()
    .where(sql.ref('state'), '=', 'created')
    .where(sql.ref('singleton_key'), 'is not', null)
    .execute();
  await db.schema.createIndex('job_organization_idx').on('job').columns(['organization_id', 'state']).execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('job').execute();
}
