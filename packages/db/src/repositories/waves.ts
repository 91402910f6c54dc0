import {
  type ErrorDetail,
  type ErrorReason,
  fieldError,
  type GroupKind,
  invalid,
  overlappingWave,
  type WaveState,
  waveState,
} from '@facets/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { invitationCounts } from './invitations.ts';
import { inTransaction } from './rows.ts';
import { requireSurvey, requireWave } from './survey-access.ts';

/**
 * A survey's waves: scheduled with their dates, opened now, closed. A survey takes answers in one wave at a time
 * (`overlappingWave`); a closed wave takes no answers (`isWaveOpen`), so every response belongs to one wave's results.
 */

/** A wave may be scheduled to open a few minutes back: a form filled "now" reaches the server a little later. */
const PAST_TOLERANCE_MS = 5 * 60_000;
const MAX_WAVE_DAYS = 366;

const conflict = (field: string, message: string, detail?: ErrorReason | ErrorDetail) =>
  fieldError('conflict', field, message, detail);
async function wavesOf(trx: Kysely<Database>, organizationId: string, surveyId: string) {
  const rows = await trx
    .selectFrom('wave')
    .select(['id', 'label', 'sequence', 'status', 'opens_at', 'closes_at'])
    .where('organization_id', '=', organizationId)
    .where('survey_id', '=', surveyId)
    .orderBy('sequence')
    .execute();
  return rows.map((w) => ({ ...w, opensAt: w.opens_at, closesAt: w.closes_at }));
}

function refuseOverlap(
  candidate: { id?: string; opensAt: string; closesAt: string | null },
  waves: Awaited<ReturnType<typeof wavesOf>>,
  now: string,
): void {
  const other = overlappingWave(candidate, waves, now);
  if (other) {
    throw conflict(
      'opensAt',
      `the wave “${other.label}” takes answers at the same time; a survey takes answers in one wave at a time, so close it or choose dates after it`,
    );
  }
}

/** Locks the survey's row for the rest of the transaction, so that two schedulers cannot both pass the overlap check. */
async function lockSurvey(trx: Kysely<Database>, organizationId: string, surveyId: string, status: string) {
  await trx
    .updateTable('survey')
    .set({ status })
    .where('organization_id', '=', organizationId)
    .where('id', '=', surveyId)
    .execute();
}

export async function scheduleWave(
  db: Kysely<Database>,
  input: {
    organizationId: string;
    surveyId: string;
    label: string;
    opensAt: string;
    closesAt: string;
    now: string;
    newId: () => string;
    groupKinds?: readonly GroupKind[];
  },
): Promise<{ waveId: string; state: WaveState }> {
  return inTransaction(db, async (trx) => {
    await requireSurvey(trx, input);
    await lockSurvey(trx, input.organizationId, input.surveyId, 'open');
    const questions = await trx
      .selectFrom('question')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('organization_id', '=', input.organizationId)
      .where('survey_id', '=', input.surveyId)
      .executeTakeFirstOrThrow();
    if (Number(questions.n) === 0)
      throw invalid('surveyId', 'add at least one question before scheduling a wave', {
        reason: 'too_few',
        minimum: 1,
      });
    const opensAt = new Date(input.opensAt).toISOString();
    const closesAt = new Date(input.closesAt).toISOString();
    if (Date.parse(opensAt) < Date.parse(input.now) - PAST_TOLERANCE_MS) {
      throw invalid('opensAt', 'cannot be in the past: choose a later date, or now', 'in_past');
    }
    if (closesAt <= opensAt)
      throw invalid('closesAt', 'a wave cannot close before it opens: choose a later date', 'before_start');
    if (Date.parse(closesAt) - Date.parse(opensAt) > MAX_WAVE_DAYS * 86_400_000) {
      throw invalid('closesAt', `a wave lasts at most ${MAX_WAVE_DAYS} days`, {
        reason: 'too_big',
        maximum: MAX_WAVE_DAYS,
      });
    }
    const waves = await wavesOf(trx, input.organizationId, input.surveyId);
    // Readers choose a wave by its name (results pages, exports): two waves of one survey never share one.
    const label = input.label.trim();
    const taken = waves.find((w) => w.label.trim().toLocaleLowerCase() === label.toLocaleLowerCase());
    if (taken)
      throw invalid(
        'label',
        `this survey already has a wave called “${taken.label}”: choose another name`,
        'duplicate',
      );
    refuseOverlap({ opensAt, closesAt }, waves, input.now);
    const waveId = input.newId();
    await trx
      .insertInto('wave')
      .values({
        id: waveId,
        organization_id: input.organizationId,
        survey_id: input.surveyId,
        sequence: Math.max(0, ...waves.map((w) => w.sequence)) + 1,
        label,
        opens_at: opensAt,
        closes_at: closesAt,
        status: 'open',
      })
      .execute();
    return { waveId, state: waveState({ status: 'open', opensAt, closesAt }, input.now) };
  });
}

/** Opens a scheduled wave now instead of at its date. */
export async function openWave(
  db: Kysely<Database>,
  input: { organizationId: string; waveId: string; now: string; groupKinds?: readonly GroupKind[] },
): Promise<void> {
  await inTransaction(db, async (trx) => {
    const { survey, wave } = await requireWave(trx, input);
    await lockSurvey(trx, input.organizationId, survey.id, 'open');
    const state = waveState(wave, input.now);
    if (state === 'open') throw conflict('waveId', 'this wave is already open', 'wrong_state');
    if (state === 'closed') throw conflict('waveId', 'this wave is closed: schedule a new wave instead', 'closed');
    refuseOverlap(
      { id: wave.id, opensAt: input.now, closesAt: wave.closesAt },
      await wavesOf(trx, input.organizationId, survey.id),
      input.now,
    );
    await trx
      .updateTable('wave')
      .set({ status: 'open', opens_at: input.now })
      .where('organization_id', '=', input.organizationId)
      .where('id', '=', wave.id)
      .execute();
  });
}

/** Closes an open wave now: it takes no more answers (its invitation links lead to a closed survey). */
export async function closeWave(
  db: Kysely<Database>,
  input: { organizationId: string; waveId: string; now: string; groupKinds?: readonly GroupKind[] },
): Promise<void> {
  await inTransaction(db, async (trx) => {
    const { survey, wave } = await requireWave(trx, input);
    const state = waveState(wave, input.now);
    if (state === 'scheduled') {
      throw conflict(
        'waveId',
        'this wave has not opened yet, and a wave cannot close before it opens: open it first',
        'wrong_state',
      );
    }
    if (state === 'closed') throw conflict('waveId', 'this wave is already closed', 'closed');
    await trx
      .updateTable('wave')
      .set({ status: 'closed', closes_at: input.now })
      .where('organization_id', '=', input.organizationId)
      .where('id', '=', wave.id)
      .execute();
    const waves = await wavesOf(trx, input.organizationId, survey.id);
    const stillOpen = waves.some((w) => w.id !== wave.id && waveState(w, input.now) !== 'closed');
    if (!stillOpen) await lockSurvey(trx, input.organizationId, survey.id, 'closed');
  });
}

export interface ResponseRate {
  waveId: string;
  label: string;
  state: WaveState;
  anonymous: boolean;
  invited: number;
  /** Invitation links used. For an anonymous survey this is all that is known of who took part: a count. */
  used: number;
  /** Responses received, invited or not (stakeholders signed in to their portal may answer open waves too). */
  responses: number;
  /** responses / invited, capped at 1; null while nobody is invited. */
  rate: number | null;
}

/** Read from the invitation counts and the submission's respondent counts: no raw answer is scanned. */
export async function waveResponseRate(
  db: Kysely<Database>,
  args: { organizationId: string; waveId: string; now: string; groupKinds?: readonly GroupKind[] },
): Promise<ResponseRate> {
  const { survey, wave } = await requireWave(db, args);
  const [counts, respondents] = await Promise.all([
    invitationCounts(db, { organizationId: args.organizationId, waveId: wave.id }),
    db
      .selectFrom('aggregate_respondents')
      .select('n')
      .where('organization_id', '=', args.organizationId)
      .where('wave_id', '=', wave.id)
      .where('group_id', '=', survey.groupId)
      .where('segment_key', '=', '')
      .where('segment_value', '=', '')
      .executeTakeFirst(),
  ]);
  const responses = Number(respondents?.n ?? 0);
  return {
    waveId: wave.id,
    label: wave.label,
    state: waveState(wave, args.now),
    anonymous: survey.anonymous,
    invited: counts.invited,
    used: counts.used,
    responses,
    rate: counts.invited === 0 ? null : Math.min(1, responses / counts.invited),
  };
}
