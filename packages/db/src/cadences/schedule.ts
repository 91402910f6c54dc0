import {
  Cadence,
  type CadenceWave,
  checkCadenceKind,
  DomainError,
  type GroupKind,
  invalid,
  parseCadence,
  upcomingCadenceWaves,
  waveState,
} from '@facets/domain';
import type { Kysely } from 'kysely';
import { listSegmentAttributes } from '../repositories/groups.ts';
import { inTransaction } from '../repositories/rows.ts';
import { getOrganizationSettings } from '../repositories/settings.ts';
import { requireSurvey } from '../repositories/survey-access.ts';
import type { Database } from '../schema.ts';

/** How many of the next openings a survey shows. */
export const NEXT_OPENINGS = 3;

/** A survey's stored cadence (`survey.cadence`, JSON); null when unset or unreadable. */
export function parseStoredCadence(text: string | null): Cadence | null {
  if (text === null) return null;
  try {
    return Cadence.safeParse(JSON.parse(text)).data ?? null;
  } catch {
    return null;
  }
}

/** The next openings of a cadence in the organisation's time zone, for the survey console. */
export async function cadenceOpenings(
  db: Kysely<Database>,
  args: { organizationId: string; cadence: Cadence | null; now: string },
): Promise<{ timeZone: string; nextOpenings: CadenceWave[] }> {
  const { timeZone } = await getOrganizationSettings(db, args.organizationId);
  const nextOpenings = args.cadence ? upcomingCadenceWaves(args.cadence, timeZone, args.now, NEXT_OPENINGS) : [];
  return { timeZone, nextOpenings };
}

/**
 * Makes a survey recur (domain `cadences.ts`): its waves open by themselves on the cadence's days, with its questions,
 * inviting its audience from the directory (`openDueCadenceWaves`); null: its waves are scheduled by hand again (a
 * wave under way keeps its dates). Refused on a survey that reports by calendar period, one of a kind that follows
 * events, one without questions, and while a wave scheduled by hand is still to open; the audience's segments must be
 * the group's.
 */
export async function setSurveyCadence(
  db: Kysely<Database>,
  args: {
    organizationId: string;
    surveyId: string;
    cadence: unknown;
    now: string;
    groupKinds?: readonly GroupKind[];
  },
): Promise<{ cadence: Cadence | null; timeZone: string; nextOpenings: CadenceWave[] }> {
  return inTransaction(db, async (trx) => {
    const head = await requireSurvey(trx, args);
    const cadence = args.cadence === null ? null : parseCadence(args.cadence);
    if (cadence !== null) {
      const survey = await trx
        .selectFrom('survey')
        .select(['kind', 'period'])
        .where('organization_id', '=', args.organizationId)
        .where('id', '=', args.surveyId)
        .executeTakeFirstOrThrow();
      checkCadenceKind(survey.kind);
      if (survey.period !== null) {
        throw new DomainError(
          'conflict',
          'cadence: this survey reports by calendar period, one wave per period; it cannot also recur on a cadence',
          'cadence',
          'not_allowed',
        );
      }
      const questions = await trx
        .selectFrom('question')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('organization_id', '=', args.organizationId)
        .where('survey_id', '=', args.surveyId)
        .executeTakeFirstOrThrow();
      if (Number(questions.n) === 0) {
        throw invalid('surveyId', 'add at least one question before the survey recurs', {
          reason: 'too_few',
          minimum: 1,
        });
      }
      const waves = await trx
        .selectFrom('wave')
        .select(['label', 'status', 'opens_at', 'closes_at'])
        .where('organization_id', '=', args.organizationId)
        .where('survey_id', '=', args.surveyId)
        .execute();
      const scheduled = waves.find(
        (w) => waveState({ status: w.status, opensAt: w.opens_at, closesAt: w.closes_at }, args.now) === 'scheduled',
      );
      if (scheduled) {
        throw new DomainError(
          'conflict',
          `cadence: the wave “${scheduled.label}” is scheduled to open later; open it or wait for it before the survey recurs`,
          'cadence',
          'wrong_state',
        );
      }
      await checkAudience(trx, { organizationId: args.organizationId, groupId: head.groupId, cadence });
    }
    await trx
      .updateTable('survey')
      .set({ cadence: cadence === null ? null : JSON.stringify(cadence) })
      .where('organization_id', '=', args.organizationId)
      .where('id', '=', args.surveyId)
      .execute();
    return {
      cadence,
      ...(await cadenceOpenings(trx, { organizationId: args.organizationId, cadence, now: args.now })),
    };
  });
}

/** The audience's keys are active segment attributes of the group, and its values theirs. */
async function checkAudience(
  trx: Kysely<Database>,
  args: { organizationId: string; groupId: string; cadence: Cadence },
): Promise<void> {
  const attributes = await listSegmentAttributes(trx, {
    organizationId: args.organizationId,
    groupId: args.groupId,
    active: true,
  });
  for (const [key, values] of Object.entries(args.cadence.audience.segments)) {
    const field = `cadence.audience.segments.${key}`;
    const attribute = attributes.find((a) => a.key === key);
    if (!attribute) throw invalid(field, 'the group has no such segment attribute', 'not_found');
    const unknown = values.find((v) => !attribute.values.some((a) => a.value === v && !a.archived));
    if (unknown !== undefined) throw invalid(field, `${unknown} is not one of its values`, 'not_found');
  }
}
