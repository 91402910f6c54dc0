import { type CreateTableBuilder, type Kysely, sql } from 'kysely';

/**
 * The whole model in one migration (frozen once landed). Portable types only: `text`, `integer`, and
 * `double precision` for non-integer numbers — SQLite gives it REAL affinity, PostgreSQL a float8 (its `real` is a
 * float4, too coarse for the running sums of aggregate cells). Ids and timestamps come from the application.
 */

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and typed against no schema
type Db = Kysely<any>;
// biome-ignore lint/suspicious/noExplicitAny: same reason
type Table = CreateTableBuilder<string, any>;

const float = sql`double precision`;

/** id primary key + organization_id → organization, the shape of every tenant table. */
function tenant(db: Db, name: string): Table {
  return db.schema
    .createTable(name)
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organization.id'));
}

async function createAuthTables(db: Db): Promise<void> {
  await db.schema
    .createTable('auth_user')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('email_verified', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('image', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('auth_session')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('auth_user.id').onDelete('cascade'))
    .addColumn('token', 'text', (c) => c.notNull().unique())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('ip_address', 'text')
    .addColumn('user_agent', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('auth_session_user_idx').on('auth_session').column('user_id').execute();
  await db.schema
    .createTable('auth_account')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('auth_user.id').onDelete('cascade'))
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('provider_id', 'text', (c) => c.notNull())
    .addColumn('access_token', 'text')
    .addColumn('refresh_token', 'text')
    .addColumn('id_token', 'text')
    .addColumn('access_token_expires_at', 'text')
    .addColumn('refresh_token_expires_at', 'text')
    .addColumn('scope', 'text')
    .addColumn('password', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('auth_account_user_idx').on('auth_account').column('user_id').execute();
  await db.schema
    .createTable('auth_verification')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('identifier', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('auth_verification_identifier_idx')
    .on('auth_verification')
    .column('identifier')
    .execute();
}

async function createOrganizationTables(db: Db): Promise<void> {
  await db.schema
    .createTable('organization')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('default_locale', 'text', (c) => c.notNull())
    .addColumn('k_threshold', 'integer', (c) => c.notNull().defaultTo(5).check(sql`k_threshold >= 3`))
    .addColumn('comment_threshold', 'integer', (c) => c.notNull().defaultTo(5).check(sql`comment_threshold >= 3`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await tenant(db, 'stakeholder_group')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('stakeholder_group_code_uq', ['organization_id', 'code'])
    .execute();
  await tenant(db, 'segment_attribute')
    .addColumn('group_id', 'text', (c) => c.notNull().references('stakeholder_group.id'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('values', 'text', (c) => c.notNull())
    .addUniqueConstraint('segment_attribute_key_uq', ['organization_id', 'group_id', 'key'])
    .execute();
  await tenant(db, 'stakeholder')
    .addColumn('group_id', 'text', (c) => c.notNull().references('stakeholder_group.id'))
    .addColumn('external_ref', 'text')
    .addColumn('email', 'text')
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('company', 'text')
    .addColumn('segments', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('stakeholder_external_ref_uq', ['organization_id', 'group_id', 'external_ref'])
    .execute();
  await db.schema
    .createIndex('stakeholder_group_idx')
    .on('stakeholder')
    .columns(['organization_id', 'group_id'])
    .execute();
  await tenant(db, 'member')
    .addColumn('user_id', 'text', (c) => c.notNull().references('auth_user.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('department', 'text')
    .addColumn('stakeholder_id', 'text', (c) => c.references('stakeholder.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('member_user_uq', ['organization_id', 'user_id'])
    .execute();
  // A session knows its user before it knows the organisation: this lookup is led by user_id.
  await db.schema.createIndex('member_user_idx').on('member').column('user_id').execute();
}

async function createExperienceTables(db: Db): Promise<void> {
  await tenant(db, 'dimension')
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('dimension_code_uq', ['organization_id', 'code'])
    .execute();
  await db.schema
    .createTable('dimension_group')
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('dimension_id', 'text', (c) => c.notNull().references('dimension.id'))
    .addColumn('group_id', 'text', (c) => c.notNull().references('stakeholder_group.id'))
    .addPrimaryKeyConstraint('dimension_group_pk', ['organization_id', 'dimension_id', 'group_id'])
    .execute();
  await db.schema
    .createIndex('dimension_group_group_idx')
    .on('dimension_group')
    .columns(['organization_id', 'group_id'])
    .execute();
  await tenant(db, 'intended_experience')
    .addColumn('group_id', 'text', (c) => c.notNull().references('stakeholder_group.id'))
    .addColumn('dimension_id', 'text', (c) => c.notNull().references('dimension.id'))
    .addColumn('statement', 'text', (c) => c.notNull())
    .addColumn('target', float, (c) => c.notNull())
    .addColumn('priority', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('member.id'))
    .addUniqueConstraint('intended_experience_uq', ['organization_id', 'group_id', 'dimension_id'])
    .execute();
  await tenant(db, 'initiative')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('owner_department', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text')
    .addColumn('end_date', 'text')
    .addColumn('published', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('initiative_status_idx')
    .on('initiative')
    .columns(['organization_id', 'status'])
    .execute();
  await db.schema
    .createTable('initiative_target')
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('initiative_id', 'text', (c) => c.notNull().references('initiative.id').onDelete('cascade'))
    .addColumn('group_id', 'text', (c) => c.notNull().references('stakeholder_group.id'))
    .addColumn('dimension_id', 'text', (c) => c.notNull().references('dimension.id'))
    .addPrimaryKeyConstraint('initiative_target_pk', ['organization_id', 'initiative_id', 'group_id', 'dimension_id'])
    .execute();
  await tenant(db, 'promise')
    .addColumn('group_id', 'text', (c) => c.notNull().references('stakeholder_group.id'))
    .addColumn('dimension_id', 'text', (c) => c.references('dimension.id'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('statement', 'text', (c) => c.notNull())
    .addColumn('made_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('promise_group_idx').on('promise').columns(['organization_id', 'group_id']).execute();
}

async function createSurveyTables(db: Db): Promise<void> {
  await tenant(db, 'survey')
    .addColumn('group_id', 'text', (c) => c.notNull().references('stakeholder_group.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('intro', 'text')
    .addColumn('anonymous', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('survey_group_idx').on('survey').columns(['organization_id', 'group_id']).execute();
  await tenant(db, 'wave')
    .addColumn('survey_id', 'text', (c) => c.notNull().references('survey.id'))
    .addColumn('sequence', 'integer', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('opens_at', 'text', (c) => c.notNull())
    .addColumn('closes_at', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addUniqueConstraint('wave_sequence_uq', ['organization_id', 'survey_id', 'sequence'])
    .execute();
  await db.schema.createIndex('wave_status_idx').on('wave').columns(['organization_id', 'status']).execute();
  await tenant(db, 'question')
    .addColumn('survey_id', 'text', (c) => c.notNull().references('survey.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('scale', 'text')
    .addColumn('facet', 'text')
    .addColumn('dimension_id', 'text', (c) => c.references('dimension.id'))
    .addColumn('prompt', 'text', (c) => c.notNull())
    .addColumn('options', 'text')
    .addColumn('required', 'integer', (c) => c.notNull())
    .addUniqueConstraint('question_position_uq', ['organization_id', 'survey_id', 'position'])
    .addUniqueConstraint('question_code_uq', ['organization_id', 'survey_id', 'code'])
    .execute();
  await tenant(db, 'invitation')
    .addColumn('wave_id', 'text', (c) => c.notNull().references('wave.id'))
    .addColumn('stakeholder_id', 'text', (c) => c.notNull().references('stakeholder.id'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('invitation_wave_idx')
    .on('invitation')
    .columns(['organization_id', 'wave_id', 'stakeholder_id'])
    .execute();
}

async function createResponseTables(db: Db): Promise<void> {
  await tenant(db, 'response')
    .addColumn('wave_id', 'text', (c) => c.notNull().references('wave.id'))
    .addColumn('group_id', 'text', (c) => c.notNull().references('stakeholder_group.id'))
    .addColumn('stakeholder_id', 'text', (c) => c.references('stakeholder.id'))
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addColumn('segments', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('response_idempotency_uq', ['organization_id', 'idempotency_key'])
    .execute();
  await db.schema.createIndex('response_wave_idx').on('response').columns(['organization_id', 'wave_id']).execute();
  await tenant(db, 'answer')
    .addColumn('response_id', 'text', (c) => c.notNull().references('response.id'))
    .addColumn('question_id', 'text', (c) => c.notNull().references('question.id'))
    .addColumn('value_number', float)
    .addColumn('value_text', 'text')
    .addColumn('value_choices', 'text')
    .addUniqueConstraint('answer_question_uq', ['organization_id', 'response_id', 'question_id'])
    .execute();
  await db.schema.createIndex('answer_question_idx').on('answer').columns(['organization_id', 'question_id']).execute();
  // Who took part in a wave, with no time and no response id, so that an anonymous response cannot be joined back.
  await db.schema
    .createTable('wave_participation')
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('wave_id', 'text', (c) => c.notNull().references('wave.id'))
    .addColumn('stakeholder_id', 'text', (c) => c.notNull().references('stakeholder.id'))
    .addPrimaryKeyConstraint('wave_participation_pk', ['organization_id', 'wave_id', 'stakeholder_id'])
    .execute();
  const cellKey = ['organization_id', 'wave_id', 'group_id', 'segment_key', 'segment_value', 'dimension_id'] as const;
  await db.schema
    .createTable('aggregate_cell')
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('wave_id', 'text', (c) => c.notNull().references('wave.id'))
    .addColumn('group_id', 'text', (c) => c.notNull().references('stakeholder_group.id'))
    .addColumn('segment_key', 'text', (c) => c.notNull())
    .addColumn('segment_value', 'text', (c) => c.notNull())
    .addColumn('dimension_id', 'text', (c) => c.notNull()) // '' for outcome items: no foreign key
    .addColumn('facet', 'text', (c) => c.notNull())
    .addColumn('scale', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addColumn('sum', float, (c) => c.notNull())
    .addColumn('sum_sq', float, (c) => c.notNull())
    .addPrimaryKeyConstraint('aggregate_cell_pk', [...cellKey, 'facet', 'scale'])
    .execute();
  await db.schema
    .createTable('aggregate_bin')
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('wave_id', 'text', (c) => c.notNull().references('wave.id'))
    .addColumn('group_id', 'text', (c) => c.notNull().references('stakeholder_group.id'))
    .addColumn('segment_key', 'text', (c) => c.notNull())
    .addColumn('segment_value', 'text', (c) => c.notNull())
    .addColumn('dimension_id', 'text', (c) => c.notNull())
    .addColumn('facet', 'text', (c) => c.notNull())
    .addColumn('scale', 'text', (c) => c.notNull())
    .addColumn('value', 'integer', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('aggregate_bin_pk', [...cellKey, 'facet', 'scale', 'value'])
    .execute();
  // Dashboards read a group's cells across waves.
  await db.schema
    .createIndex('aggregate_cell_group_idx')
    .on('aggregate_cell')
    .columns(['organization_id', 'group_id', 'segment_key'])
    .execute();
}

async function createFeedbackTables(db: Db): Promise<void> {
  await tenant(db, 'feedback')
    .addColumn('group_id', 'text', (c) => c.notNull().references('stakeholder_group.id'))
    .addColumn('stakeholder_id', 'text', (c) => c.references('stakeholder.id'))
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('dimension_id', 'text', (c) => c.references('dimension.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('reference', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('assignee_member_id', 'text', (c) => c.references('member.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('feedback_idempotency_uq', ['organization_id', 'idempotency_key'])
    .execute();
  await db.schema
    .createIndex('feedback_stakeholder_idx')
    .on('feedback')
    .columns(['organization_id', 'stakeholder_id'])
    .execute();
  await db.schema
    .createIndex('feedback_inbox_idx')
    .on('feedback')
    .columns(['organization_id', 'status', 'created_at'])
    .execute();
  await tenant(db, 'feedback_reply')
    .addColumn('feedback_id', 'text', (c) => c.notNull().references('feedback.id'))
    .addColumn('author_kind', 'text', (c) => c.notNull())
    .addColumn('author_member_id', 'text', (c) => c.references('member.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('feedback_reply_feedback_idx')
    .on('feedback_reply')
    .columns(['organization_id', 'feedback_id'])
    .execute();
  // Not a tenant table: sign-in links go out before anyone belongs to an organisation.
  await db.schema
    .createTable('outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.references('organization.id'))
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema.createIndex('outbox_unsent_idx').on('outbox').columns(['sent_at', 'created_at']).execute();
}

export async function up(db: Db): Promise<void> {
  await createAuthTables(db);
  await createOrganizationTables(db);
  await createExperienceTables(db);
  await createSurveyTables(db);
  await createResponseTables(db);
  await createFeedbackTables(db);
}

const TABLES_IN_DROP_ORDER = [
  'outbox',
  'feedback_reply',
  'feedback',
  'aggregate_bin',
  'aggregate_cell',
  'wave_participation',
  'answer',
  'response',
  'invitation',
  'question',
  'wave',
  'survey',
  'promise',
  'initiative_target',
  'initiative',
  'intended_experience',
  'dimension_group',
  'dimension',
  'member',
  'stakeholder',
  'segment_attribute',
  'stakeholder_group',
  'organization',
  'auth_verification',
  'auth_account',
  'auth_session',
  'auth_user',
];

export async function down(db: Db): Promise<void> {
  for (const table of TABLES_IN_DROP_ORDER) await db.schema.dropTable(table).execute();
}
