import type { Kysely } from 'kysely';

/**
 * Surveys grouped into one programme (the quarterly survey and its pulses): `programme_survey_id` names the survey
 * that leads the programme a survey is part of; null, the survey leads its own. Only a survey of the same group and
 * organisation that leads its own programme may be named, and a lead with members joins no other: the repository
 * keeps it so (no chains). No foreign key: SQLite could not drop the column again. Frozen once landed.
 */

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and typed against no schema
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  await db.schema.alterTable('survey').addColumn('programme_survey_id', 'text').execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.alterTable('survey').dropColumn('programme_survey_id').execute();
}
