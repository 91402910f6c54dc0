import { DomainError, InteractionTrigger, type TriggerOutcome } from '@facets/domain';
import type { Kysely } from 'kysely';
import { inTransaction } from '../repositories/rows.ts';
import { requireSurvey } from '../repositories/survey-access.ts';
import type { Database } from '../schema.ts';
import { fireTrigger } from './claim.ts';
import { currentTriggerWave } from './waves.ts';

/**
 * After an interaction (an order delivered, a ticket closed), the public API asks the customer about it: one person
 * invited into the current period wave of a continuous after-interaction survey, under the fatigue rule. Idempotent
 * per survey and reference: the first call's outcome is stored (`triggered_invitation`) and every repeat returns it
 * with `repeated`, inviting nobody, even when the first was withheld by the rule. The person is found in the survey's
 * group by external id, else by e-mail; an unknown e-mail is added to the group, as an invitation file would.
 */
export async function triggerInteractionSurvey(
  db: Kysely<Database>,
  args: InteractionTrigger & { organizationId: string; now: string; newId: () => string; baseUrl: string },
): Promise<{ outcome: TriggerOutcome; repeated: boolean }> {
  const parsed = InteractionTrigger.safeParse({
    surveyId: args.surveyId,
    person: args.person,
    reference: args.reference,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join('.') || 'person';
    throw new DomainError('invalid', `${field}: ${issue.message}`, field);
  }
  const { person, reference } = parsed.data;
  const { organizationId } = args;
  return inTransaction(db, async (trx) => {
    const head = await requireSurvey(trx, { organizationId, surveyId: args.surveyId });
    const survey = await trx
      .selectFrom('survey')
      .select(['kind', 'period'])
      .where('organization_id', '=', organizationId)
      .where('id', '=', args.surveyId)
      .executeTakeFirstOrThrow();
    if (survey.kind !== 'post_interaction') {
      throw new DomainError(
        'invalid',
        'surveyId: only an after-interaction survey is sent on an interaction',
        'surveyId',
        'not_allowed',
      );
    }
    if (survey.period === null) {
      throw new DomainError(
        'conflict',
        'surveyId: choose the survey’s reporting period first: each customer is invited into the current period’s wave',
        'surveyId',
        'wrong_state',
      );
    }
    const stored = async () =>
      trx
        .selectFrom('triggered_invitation')
        .select('outcome')
        .where('organization_id', '=', organizationId)
        .where('survey_id', '=', args.surveyId)
        .where('trigger_key', '=', reference)
        .executeTakeFirst();
    const before = await stored();
    if (before) return { outcome: before.outcome as TriggerOutcome, repeated: true };
    const waveId = await currentTriggerWave(trx, {
      organizationId,
      surveyId: args.surveyId,
      now: args.now,
      newId: args.newId,
    });
    if (waveId === null) {
      throw new DomainError('conflict', 'surveyId: this survey takes no answers now', 'surveyId', 'closed');
    }
    const found = await findPerson(trx, { organizationId, groupId: head.groupId, person });
    if (found && (found.erased_at !== null || found.active !== 1)) {
      throw new DomainError(
        'conflict',
        'person: this person is no longer active in the directory',
        'person',
        'wrong_state',
      );
    }
    const email = found ? found.email : person.email!;
    if (!email) {
      throw new DomainError(
        'invalid',
        'person.email: this person has no e-mail address in the directory',
        'person.email',
        'required',
      );
    }
    let id = found?.id;
    if (!id) {
      id = args.newId();
      await trx
        .insertInto('stakeholder')
        .values({
          id,
          organization_id: organizationId,
          group_id: head.groupId,
          external_ref: person.externalId ?? null,
          email,
          display_name: person.name ?? email,
          segments: '{}',
          locale: person.locale ?? null,
          created_at: args.now,
        })
        .execute();
    }
    const organization = await trx
      .selectFrom('organization')
      .select(['id', 'name', 'default_locale as defaultLocale'])
      .where('id', '=', organizationId)
      .executeTakeFirstOrThrow();
    const outcomes = await fireTrigger(trx, {
      organization,
      surveyId: args.surveyId,
      waveId,
      claims: [
        {
          key: reference,
          person: {
            id,
            email,
            name: found?.display_name ?? person.name ?? email,
            locale: found?.locale ?? person.locale ?? null,
          },
        },
      ],
      keepWithheld: true,
      now: args.now,
      baseUrl: args.baseUrl,
      newId: args.newId,
    });
    const outcome = outcomes.get(reference);
    if (outcome) return { outcome, repeated: false };
    // Claimed by a concurrent call between our look and our claim: its outcome stands.
    const after = await stored();
    return { outcome: (after?.outcome ?? 'invited') as TriggerOutcome, repeated: true };
  });
}

async function findPerson(
  trx: Kysely<Database>,
  args: { organizationId: string; groupId: string; person: InteractionTrigger['person'] },
) {
  const base = trx
    .selectFrom('stakeholder')
    .select(['id', 'email', 'display_name', 'locale', 'active', 'erased_at'])
    .where('organization_id', '=', args.organizationId)
    .where('group_id', '=', args.groupId)
    .orderBy('created_at')
    .orderBy('id')
    .limit(1);
  if (args.person.externalId !== undefined) {
    const byRef = await base.where('external_ref', '=', args.person.externalId).executeTakeFirst();
    if (byRef || args.person.email === undefined) {
      if (!byRef) {
        throw new DomainError(
          'not_found',
          'person.externalId: no such person in the survey’s group',
          'person.externalId',
        );
      }
      return byRef;
    }
  }
  return (await base.where('email', '=', args.person.email!).executeTakeFirst()) ?? null;
}
