import type { Kysely } from 'kysely';

/**
 * Lifecycle and interaction triggers, and the fatigue rule (db `lifecycle/`, `repositories/fatigue.ts`):
 * - `survey.lifecycle_trigger`, JSON LifecycleTrigger (`{ event: 'start', daysAfter }` or `{ event: 'end',
 *   daysBefore }`); null: no trigger;
 * - `triggered_invitation`: one row per survey and trigger key — the person, for a lifecycle trigger; the
 *   interaction's reference, for an after-interaction survey — written in the transaction of the invitation it
 *   issues, so two servers or two runs invite once. It records who was asked and when, like the invitation; nothing
 *   about answering;
 * - `organization.fatigue_max_surveys` / `fatigue_period_days`: at most so many invitations per person in so many
 *   days; both null: no rule;
 * - an index of invitations by person and time, which the rule counts.
 * Frozen once landed.
 */

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and typed against no schema
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  await db.schema.alterTable('survey').addColumn('lifecycle_trigger', 'text').execute();
  await db.schema.alterTable('organization').addColumn('fatigue_max_surveys', 'integer').execute();
  await db.schema.alterTable('organization').addColumn('fatigue_period_days', 'integer').execute();
  await db.schema
    .createTable('triggered_invitation')
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('survey_id', 'text', (c) => c.notNull().references('survey.id'))
    .addColumn('trigger_key', 'text', (c) => c.notNull())
    .addColumn('stakeholder_id', 'text', (c) => c.notNull().references('stakeholder.id'))
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('triggered_invitation_pk', ['organization_id', 'survey_id', 'trigger_key'])
    .execute();
  await db.schema
    .createIndex('invitation_person_time_idx')
    .on('invitation')
    .columns(['organization_id', 'stakeholder_id', 'created_at'])
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropIndex('invitation_person_time_idx').execute();
  await db.schema.dropTable('triggered_invitation').execute();
  await db.schema.alterTable('organization').dropColumn('fatigue_period_days').execute();
  await db.schema.alterTable('organization').dropColumn('fatigue_max_surveys').execute();
  await db.schema.alterTable('survey').dropColumn('lifecycle_trigger').execute();
}
