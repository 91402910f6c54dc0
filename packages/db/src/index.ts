export * from './action-plans/index.ts';
export * from './api-keys/index.ts';
export * from './cadences/index.ts';
export { createDb, type Db, type DialectName } from './create-db.ts';
export {
  DEMO_ORGANIZATION,
  DEMO_PASSWORD,
  DEMO_SIGN_INS,
  type DemoInvitation,
  type SeedDemoOptions,
  type SeedDemoResult,
  seedDemo,
} from './demo/index.ts';
export * from './directory/index.ts';
export { newId } from './ids.ts';
export * from './jobs/index.ts';
export * from './lifecycle/index.ts';
export { migrateToLatest, migrationProvider, migrations } from './migrations/index.ts';
export * from './model/index.ts';
export * from './notifications/index.ts';
export * from './organizations/index.ts';
export * from './programmes/upkeep.ts';
export * from './publication/index.ts';
export * from './reminders/index.ts';
export * from './repositories/aggregate-repair.ts';
export * from './repositories/aggregates.ts';
export * from './repositories/answers.ts';
export * from './repositories/audit.ts';
export * from './repositories/coarsen.ts';
export * from './repositories/comment-analysis.ts';
export * from './repositories/comment-themes.ts';
export * from './repositories/comments.ts';
export * from './repositories/companies.ts';
export * from './repositories/fatigue.ts';
export * from './repositories/feedback.ts';
export * from './repositories/feedback-inbox.ts';
export * from './repositories/groups.ts';
export * from './repositories/initiatives.ts';
export * from './repositories/intended.ts';
export * from './repositories/invitation-csv.ts';
export * from './repositories/invitation-import.ts';
export * from './repositories/invitation-mail.ts';
export * from './repositories/invitation-responses.ts';
export * from './repositories/invitations.ts';
export * from './repositories/maturity.ts';
export * from './repositories/members.ts';
export * from './repositories/organizations.ts';
export * from './repositories/outbox.ts';
export * from './repositories/periods.ts';
export * from './repositories/plans.ts';
export * from './repositories/portal-settings.ts';
export * from './repositories/primary-breakdown.ts';
export * from './repositories/programmes.ts';
export * from './repositories/promises.ts';
export * from './repositories/respondents.ts';
export * from './repositories/responses.ts';
export { inTransaction, isUniqueViolation } from './repositories/rows.ts';
export * from './repositories/settings.ts';
export * from './repositories/sso.ts';
export * from './repositories/submission-batch.ts';
export * from './repositories/survey-access.ts';
export * from './repositories/survey-builder.ts';
export * from './repositories/survey-catalog.ts';
export * from './repositories/survey-templates.ts';
export * from './repositories/surveys.ts';
export * from './repositories/unique-snapshots.ts';
export * from './repositories/waves.ts';
export type * from './schema.ts';
export { createSecretBox, type SecretBox } from './secret-box.ts';
export * from './webhooks/index.ts';
