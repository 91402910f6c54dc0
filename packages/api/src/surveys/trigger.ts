import {
  type Database,
  inTransaction,
  requireSurvey,
  requireWave,
  rollPeriodWaves,
  sendInvitations,
  upsertPerson,
} from '@facets/db';
import { DomainError, waveState } from '@facets/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { TriggerSurveyInput } from './inputs.ts';

/**
 * A post-interaction survey sent to one person (the REST API's `POST /surveys/{surveyId}/trigger`): the person is
 * found in the survey's group by external id, else e-mail, or created; then invited to the wave taking answers now —
 * a continuous survey's current period, rolled first if its period has ended — through the one invitation path
 * (`sendInvitations`: a single-use link, its e-mail in the outbox). A person already invited to that wave is not
 * invited twice. All of it in one transaction.
 *
 * The interaction's reference is checked and answered back, not stored: storing it beside the invitation would tie
 * an order to a respondent. A db-level `triggerInteractionSurvey` in `directory/` takes this function's place when
 * it lands (same name, same arguments).
 */
export async function triggerInteractionSurvey(
  db: Kysely<Database>,
  args: {
    organization: { id: string; name: string; defaultLocale: string };
    surveyId: string;
    person: z.infer<typeof TriggerSurveyInput>['person'];
    reference: string;
    now: string;
    newId: () => string;
    baseUrl: string;
  },
): Promise<{ personId: string; waveId: string; invited: boolean; reference: string }> {
  const organizationId = args.organization.id;
  return inTransaction(db, async (trx) => {
    const survey = await requireSurvey(trx, { organizationId, surveyId: args.surveyId });
    await rollPeriodWaves(trx, { organizationId, surveyId: survey.id, now: args.now, newId: args.newId });
    const waves = await trx
      .selectFrom('wave')
      .select('id')
      .where('organization_id', '=', organizationId)
      .where('survey_id', '=', survey.id)
      .where('status', '=', 'open')
      .orderBy('sequence', 'desc')
      .execute();
    let current: Awaited<ReturnType<typeof requireWave>> | undefined;
    for (const { id } of waves) {
      const found = await requireWave(trx, { organizationId, waveId: id });
      if (waveState(found.wave, args.now) === 'open') {
        current = found;
        break;
      }
    }
    if (!current) {
      throw new DomainError('conflict', 'surveyId: this survey takes no answers now', 'surveyId', 'closed');
    }
    const { personId } = await upsertPerson(trx, {
      organizationId,
      groupId: survey.groupId,
      person: args.person,
      now: args.now,
      newId: args.newId,
    });
    const already = await trx
      .selectFrom('invitation')
      .select('id')
      .where('organization_id', '=', organizationId)
      .where('wave_id', '=', current.wave.id)
      .where('stakeholder_id', '=', personId)
      .executeTakeFirst();
    if (!already) {
      const person = await trx
        .selectFrom('stakeholder')
        .select(['display_name', 'locale'])
        .where('organization_id', '=', organizationId)
        .where('id', '=', personId)
        .executeTakeFirstOrThrow();
      await sendInvitations(trx, {
        organization: args.organization,
        survey: current.survey,
        wave: current.wave,
        people: [{ id: personId, email: args.person.email, name: person.display_name, locale: person.locale }],
        now: args.now,
        baseUrl: args.baseUrl,
        newId: args.newId,
      });
    }
    return { personId, waveId: current.wave.id, invited: !already, reference: args.reference };
  });
}
