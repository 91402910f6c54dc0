import { type Kysely, PostgresAdapter, sql } from 'kysely';
import { type Migration, type MigrationProvider, Migrator } from 'kysely/migration';
import * as createModel from './2026_11_22_0900_create_model.ts';
import * as createEngineAggregates from './2026_11_23_1000_create_engine_aggregates.ts';
import * as addPortalSettings from './2026_12_01_1000_add_portal_settings.ts';
import * as addConsoleOperations from './2026_12_01_1100_add_console_operations.ts';
import * as addStakeholderLocale from './2026_12_01_1200_add_stakeholder_locale.ts';
import * as createAggregateSeriesIndexes from './2026_12_01_1400_create_aggregate_series_indexes.ts';
import * as createAuditEvent from './2026_12_02_1100_create_audit_event.ts';
import * as createCompany from './2026_12_02_1200_create_company.ts';
import * as createWavePublication from './2026_12_02_1300_create_wave_publication.ts';
import * as rebuildResponseTablesWithoutRowid from './2026_12_02_1400_rebuild_response_tables_without_rowid.ts';
import * as addSurveyHeadline from './2026_12_02_1500_add_survey_headline.ts';
import * as createActionPlans from './2026_12_02_1600_create_action_plans.ts';
import * as addSurveyProgramme from './2026_12_03_1000_add_survey_programme.ts';
import * as createAnswerResponseIndex from './2026_12_03_1100_create_answer_response_index.ts';
import * as addSurveyPeriod from './2026_12_03_1200_add_survey_period.ts';
import * as addModelArchiving from './2026_12_03_1300_add_model_archiving.ts';
import * as addPeopleDirectory from './2026_12_03_1400_add_people_directory.ts';
import * as createJob from './2026_12_03_1500_create_job.ts';
import * as addOutboxNextAttempt from './2026_12_03_1510_add_outbox_next_attempt.ts';
import * as createReminder from './2026_12_03_1600_create_reminder.ts';
import * as createNotifications from './2026_12_03_1610_create_notifications.ts';
import * as addOrganisationLists from './2026_12_03_1700_add_organisation_lists.ts';
import * as createSsoProvider from './2026_12_03_1800_create_sso_provider.ts';
import * as addOrganizationTimeZone from './2026_12_04_1000_add_organization_time_zone.ts';
import * as addSurveyCadence from './2026_12_04_1001_add_survey_cadence.ts';
import * as addLifecycleTriggers from './2026_12_04_1100_add_lifecycle_triggers.ts';
import * as createApiKey from './2026_12_04_1200_create_api_key.ts';
import * as createWebhooks from './2026_12_04_1300_create_webhooks.ts';
import * as addMemberPerson from './2026_12_04_1400_add_member_person.ts';
import * as createRateLimit from './2026_12_04_1500_create_rate_limit.ts';
import * as addOutboxStatus from './2026_12_04_1600_add_outbox_status.ts';
import * as createCommentAnalysis from './2026_12_04_1800_create_comment_analysis.ts';
import * as addScimProvisioning from './2026_12_04_1900_add_scim_provisioning.ts';
import * as createCommentTheme from './2026_12_04_1910_create_comment_theme.ts';
import * as createNotification from './2026_12_04_2000_create_notification.ts';
import * as addFeedbackWait from './2026_12_04_2001_add_feedback_wait.ts';
import * as addOrganizationLogo from './2026_12_04_2100_add_organization_logo.ts';

/** Every migration, by name; the names sort in the order they run. Registered here by hand: no directory scanning. */
export const migrations: Record<string, Migration> = {
  '2026_11_22_0900_create_model': createModel,
  '2026_11_23_1000_create_engine_aggregates': createEngineAggregates,
  '2026_12_01_1000_add_portal_settings': addPortalSettings,
  '2026_12_01_1100_add_console_operations': addConsoleOperations,
  '2026_12_01_1200_add_stakeholder_locale': addStakeholderLocale,
  '2026_12_01_1400_create_aggregate_series_indexes': createAggregateSeriesIndexes,
  '2026_12_02_1100_create_audit_event': createAuditEvent,
  '2026_12_02_1200_create_company': createCompany,
  '2026_12_02_1300_create_wave_publication': createWavePublication,
  '2026_12_02_1400_rebuild_response_tables_without_rowid': rebuildResponseTablesWithoutRowid,
  '2026_12_02_1500_add_survey_headline': addSurveyHeadline,
  '2026_12_02_1600_create_action_plans': createActionPlans,
  '2026_12_03_1000_add_survey_programme': addSurveyProgramme,
  '2026_12_03_1100_create_answer_response_index': createAnswerResponseIndex,
  '2026_12_03_1200_add_survey_period': addSurveyPeriod,
  '2026_12_03_1300_add_model_archiving': addModelArchiving,
  '2026_12_03_1400_add_people_directory': addPeopleDirectory,
  '2026_12_03_1500_create_job': createJob,
  '2026_12_03_1510_add_outbox_next_attempt': addOutboxNextAttempt,
  '2026_12_03_1600_create_reminder': createReminder,
  '2026_12_03_1610_create_notifications': createNotifications,
  '2026_12_03_1700_add_organisation_lists': addOrganisationLists,
  '2026_12_03_1800_create_sso_provider': createSsoProvider,
  '2026_12_04_1000_add_organization_time_zone': addOrganizationTimeZone,
  '2026_12_04_1001_add_survey_cadence': addSurveyCadence,
  '2026_12_04_1100_add_lifecycle_triggers': addLifecycleTriggers,
  '2026_12_04_1200_create_api_key': createApiKey,
  '2026_12_04_1300_create_webhooks': createWebhooks,
  '2026_12_04_1400_add_member_person': addMemberPerson,
  '2026_12_04_1500_create_rate_limit': createRateLimit,
  '2026_12_04_1600_add_outbox_status': addOutboxStatus,
  '2026_12_04_1800_create_comment_analysis': createCommentAnalysis,
  '2026_12_04_1900_add_scim_provisioning': addScimProvisioning,
  '2026_12_04_1910_create_comment_theme': createCommentTheme,
  '2026_12_04_2000_create_notification': createNotification,
  '2026_12_04_2001_add_feedback_wait': addFeedbackWait,
  '2026_12_04_2100_add_organization_logo': addOrganizationLogo,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};

/** Brings the schema up to date; throws naming the migration that failed. */
// biome-ignore lint/suspicious/noExplicitAny: the migrator works on any schema
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const schema = await postgresSchema(db);
  const migrator = new Migrator({
    db,
    provider: migrationProvider,
    ...(schema === undefined ? {} : { migrationTableSchema: schema }),
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) {
    const failed = results.find((r) => r.status === 'Error')?.migrationName ?? 'unknown migration';
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Database migration failed at ${failed}: ${reason}`, { cause: error });
  }
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/**
 * On PostgreSQL, the schema the connection works in. Named explicitly because the Migrator, left without one, takes
 * a `kysely_migration` table of any schema in the database for its own.
 */
// biome-ignore lint/suspicious/noExplicitAny: any schema
async function postgresSchema(db: Kysely<any>): Promise<string | undefined> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return undefined;
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  return rows[0]?.schema;
}
