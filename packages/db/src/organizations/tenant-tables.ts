import type { Database } from '../schema.ts';

/** The tables whose rows belong to one organisation: those of `Database` with an `organization_id` column. */
export type TenantTable = {
  [T in keyof Database]: 'organization_id' extends keyof Database[T] ? T : never;
}[keyof Database];

/**
 * Every tenant table, each before the tables it references, so that deleting in this order never breaks a foreign
 * key (`deleteOrganization`). The one list of them: a table added to the schema but not here fails to compile
 * (below) and fails `tenant-tables.test.ts`, which reads the migrated schema.
 */
export const TENANT_TABLES = [
  'webhook_count_notice',
  'webhook_attempt',
  'webhook_delivery',
  'webhook_subscription',
  'plan_action_update',
  'plan_action',
  'focus_area',
  'audit_event',
  'wave_publication',
  'results_notice',
  'notification_optout',
  'notification',
  'feedback_wait_notice',
  'reminder',
  'triggered_invitation',
  'delivery_notice',
  'outbox',
  'job',
  'sso_provider',
  'api_key',
  'feedback_reply',
  'feedback',
  'maturity_assessment',
  'aggregate_segment_overlap',
  'aggregate_respondents',
  'aggregate_pair',
  'aggregate_bin',
  'aggregate_cell',
  'wave_participation',
  'comment_analysis',
  'comment_theme',
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
  'member',
  'stakeholder',
  'company',
  'dimension_group',
  'dimension',
  'segment_attribute',
  'stakeholder_group',
  'organization_list_entry',
] as const satisfies readonly TenantTable[];

/** Fails to compile while a tenant table of the schema is missing from TENANT_TABLES. */
type Missing = Exclude<TenantTable, (typeof TENANT_TABLES)[number]>;
const everyTenantTableListed: [Missing] extends [never] ? true : Missing = true;
void everyTenantTableListed;
