import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * What the console's operations pages need beyond the first model (frozen once landed):
 * - `member.removed_at`: a removed staff member keeps their row, so that the replies, assessments and intended
 *   experience they authored still point somewhere; the membership stops counting the moment it is set;
 * - `organization.allow_anonymous_feedback`: whether stakeholders may send feedback without their name. Another
 *   migration may bring the same column first; this one adds it only when it is missing;
 * - an index for the inbox's "assigned to" filter, led by organization_id like every tenant index.
 */

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and typed against no schema
type Db = Kysely<any>;

async function hasColumn(db: Db, table: string, column: string): Promise<boolean> {
  // On PostgreSQL the introspector sees every schema of the database: keep the connection's own.
  const schema =
    db.getExecutor().adapter instanceof PostgresAdapter
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema
      : undefined;
  const tables = await db.introspection.getTables();
  const found = tables.find((t) => t.name === table && (schema === undefined || t.schema === schema));
  return found?.columns.some((c) => c.name === column) ?? false;
}

export async function up(db: Db): Promise<void> {
  await db.schema.alterTable('member').addColumn('removed_at', 'text').execute();
  if (!(await hasColumn(db, 'organization', 'allow_anonymous_feedback'))) {
    await db.schema
      .alterTable('organization')
      .addColumn('allow_anonymous_feedback', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
  }
  await db.schema
    .createIndex('feedback_assignee_idx')
    .on('feedback')
    .columns(['organization_id', 'assignee_member_id', 'status'])
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropIndex('feedback_assignee_idx').execute();
  await db.schema.alterTable('member').dropColumn('removed_at').execute();
  // allow_anonymous_feedback stays: it may belong to the migration that brought it first.
}
