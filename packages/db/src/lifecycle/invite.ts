import { lifecycleDateRange, lifecycleDue, lifecycleDueDay } from '@facets/domain';
import type { Kysely } from 'kysely';
import { inTransaction } from '../repositories/rows.ts';
import type { Database } from '../schema.ts';
import { fireTrigger, type TriggerClaim } from './claim.ts';
import { parseLifecycleTrigger } from './trigger.ts';
import { currentTriggerWave } from './waves.ts';

/**
 * The lifecycle triggers' run (the server's minute upkeep job, per organisation): for each onboarding or exit survey
 * with a trigger, the group's people whose day has come (domain `lifecycleDue`: from their day, for CATCH_UP_DAYS
 * days, so nobody is invited for a start years back) are invited into the survey's current period wave, each once per
 * survey ever (`fireTrigger`). People erased on request, deactivated or without an e-mail address are counted, not
 * invited, and looked at again on the next run while their day is due (an address added on day 31 still gets the
 * onboarding survey); so are the people the fatigue rule withholds.
 */

export interface LifecycleRunSummary {
  invited: number;
  /** Invited to the wave already (by hand), now counted as asked. */
  alreadyInvited: number;
  overLimit: number;
  withoutEmail: number;
  erased: number;
  inactive: number;
}

const none = (): LifecycleRunSummary => ({
  invited: 0,
  alreadyInvited: 0,
  overLimit: 0,
  withoutEmail: 0,
  erased: 0,
  inactive: 0,
});

export async function sendLifecycleInvitations(
  db: Kysely<Database>,
  args: { organizationId: string; now: string; baseUrl: string; newId: () => string; surveyId?: string },
): Promise<LifecycleRunSummary> {
  const { organizationId, now } = args;
  const summary = none();
  let query = db
    .selectFrom('survey')
    .select(['id', 'group_id', 'lifecycle_trigger'])
    .where('organization_id', '=', organizationId)
    .where('lifecycle_trigger', 'is not', null)
    .where('period', 'is not', null)
    .orderBy('id');
  if (args.surveyId) query = query.where('id', '=', args.surveyId);
  const surveys = await query.execute();
  if (surveys.length === 0) return summary;
  const organization = await db
    .selectFrom('organization')
    .select(['id', 'name', 'default_locale as defaultLocale'])
    .where('id', '=', organizationId)
    .executeTakeFirstOrThrow();
  for (const survey of surveys) {
    const trigger = parseLifecycleTrigger(survey.lifecycle_trigger);
    if (!trigger) continue;
    const { from, to } = lifecycleDateRange(trigger, now);
    const column = trigger.event === 'start' ? 'start_date' : 'end_date';
    const people = await db
      .selectFrom('stakeholder as p')
      .select([
        'p.id',
        'p.email',
        'p.display_name',
        'p.locale',
        'p.active',
        'p.erased_at',
        'p.start_date',
        'p.end_date',
      ])
      .where('p.organization_id', '=', organizationId)
      .where('p.group_id', '=', survey.group_id)
      .where(`p.${column}`, '>=', from)
      .where(`p.${column}`, '<=', to)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('triggered_invitation as t')
              .select('t.trigger_key')
              .where('t.organization_id', '=', organizationId)
              .where('t.survey_id', '=', survey.id)
              .whereRef('t.trigger_key', '=', 'p.id'),
          ),
        ),
      )
      .orderBy('p.id')
      .execute();
    const claims: TriggerClaim[] = [];
    for (const p of people) {
      if (!lifecycleDue(lifecycleDueDay(trigger, { startDate: p.start_date, endDate: p.end_date }), now)) continue;
      if (p.erased_at !== null) summary.erased++;
      else if (p.active !== 1) summary.inactive++;
      else if (!p.email) summary.withoutEmail++;
      else claims.push({ key: p.id, person: { id: p.id, email: p.email, name: p.display_name, locale: p.locale } });
    }
    if (claims.length === 0) continue;
    const waveId = await currentTriggerWave(db, { organizationId, surveyId: survey.id, now, newId: args.newId });
    if (waveId === null) continue;
    const outcomes = await inTransaction(db, (trx) =>
      fireTrigger(trx, {
        organization,
        surveyId: survey.id,
        waveId,
        claims,
        keepWithheld: false,
        now,
        baseUrl: args.baseUrl,
        newId: args.newId,
      }),
    );
    for (const outcome of outcomes.values()) {
      if (outcome === 'invited') summary.invited++;
      else if (outcome === 'already_invited') summary.alreadyInvited++;
      else summary.overLimit++;
    }
  }
  return summary;
}
