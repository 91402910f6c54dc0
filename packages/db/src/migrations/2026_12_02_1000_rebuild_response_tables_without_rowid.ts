import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * An anonymous response must not be joinable to its participation marker from the database file. In a SQLite table
 * with a rowid, rows are numbered in insertion order, and a response, its answers and its participation marker are
 * inserted together: their rowids paired every anonymous response with its author. Rebuilt `WITHOUT ROWID`, the
 * three tables are stored in the order of their keys — random ids for anonymous responses and their answers, the
 * person's id for participation — so their orders share nothing. PostgreSQL has no rowid; its heap order is a
 * residual risk stated in docs/architecture.md. Frozen once landed.
 */

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and typed against no schema
type Db = Kysely<any>;

const float = sql`double precision`;

async function createResponse(db: Db) {
  await db.schema
    .createTable('response')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('wave_id', 'text', (c) => c.notNull().references('wave.id'))
    .addColumn('group_id', 'text', (c) => c.notNull().references('stakeholder_group.id'))
    .addColumn('stakeholder_id', 'text', (c) => c.references('stakeholder.id'))
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addColumn('segments', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('response_idempotency_uq', ['organization_id', 'idempotency_key'])
    .modifyEnd(sql`without rowid`)
    .execute();
  await db.schema.createIndex('response_wave_idx').on('response').columns(['organization_id', 'wave_id']).execute();
}

async function createAnswer(db: Db) {
  await db.schema
    .createTable('answer')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('response_id', 'text', (c) => c.notNull().references('response.id'))
    .addColumn('question_id', 'text', (c) => c.notNull().references('question.id'))
    .addColumn('value_number', float)
    .addColumn('value_text', 'text')
    .addColumn('value_choices', 'text')
    .addUniqueConstraint('answer_question_uq', ['organization_id', 'response_id', 'question_id'])
    .modifyEnd(sql`without rowid`)
    .execute();
  await db.schema.createIndex('answer_question_idx').on('answer').columns(['organization_id', 'question_id']).execute();
}

async function createParticipation(db: Db) {
  await db.schema
    .createTable('wave_participation')
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('wave_id', 'text', (c) => c.notNull().references('wave.id'))
    .addColumn('stakeholder_id', 'text', (c) => c.notNull().references('stakeholder.id'))
    .addPrimaryKeyConstraint('wave_participation_pk', ['organization_id', 'wave_id', 'stakeholder_id'])
    .modifyEnd(sql`without rowid`)
    .execute();
}

const isPostgres = (db: Db) => db.getExecutor().adapter instanceof PostgresAdapter;

export async function up(db: Db): Promise<void> {
  if (isPostgres(db)) return;
  // Children first, so that no foreign key ever points at a dropped table; rows are copied in key order.
  await sql`create temporary table answer_copy as select * from answer`.execute(db);
  await sql`create temporary table response_copy as select * from response`.execute(db);
  await sql`create temporary table participation_copy as select * from wave_participation`.execute(db);
  await db.schema.dropTable('answer').execute();
  await db.schema.dropTable('wave_participation').execute();
  await db.schema.dropTable('response').execute();
  await createResponse(db);
  await createAnswer(db);
  await createParticipation(db);
  await sql`insert into response select * from response_copy order by id`.execute(db);
  await sql`insert into answer select * from answer_copy order by id`.execute(db);
  await sql`insert into wave_participation select * from participation_copy order by organization_id, wave_id, stakeholder_id`.execute(
    db,
  );
  for (const table of ['answer_copy', 'response_copy', 'participation_copy']) {
    await sql`drop table ${sql.table(`temp.${table}`)}`.execute(db);
  }
}

export async function down(_db: Db): Promise<void> {
  // Tables without rowid hold the same rows and answer the same queries: nothing to undo.
}
