import {
  checkPeriodKind,
  DomainError,
  type GroupKind,
  periodContaining,
  ReportingPeriod,
  waveState,
} from '@facets/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { findInvitation } from './invitations.ts';
import { inTransaction } from './rows.ts';
import { requireSurvey } from './survey-access.ts';

/**
 * Continuous surveys report by fixed calendar periods (domain `periods.ts`): each period is a wave of its own, from the
 * period's first day to the next period's, published when it ends like any closed wave. When a period's wave ends by
 * its date, `rollPeriodWaves` opens the next period's wave and moves the invitations nobody has used yet into it, so a
 * link sent on the 28th still works on the 3rd and its answer counts in the period it is given in. A wave closed by
 * hand stops the survey: nothing rolls after it.
 */

const parsePeriod = (value: string | null): ReportingPeriod | null => {
  const parsed = ReportingPeriod.safeParse(value);
  return parsed.success ? parsed.data : null;
};

async function latestWave(trx: Kysely<Database>, organizationId: string, surveyId: string) {
  return trx
    .selectFrom('wave')
    .select(['id', 'label', 'sequence', 'status', 'opens_at', 'closes_at'])
    .where('organization_id', '=', organizationId)
    .where('survey_id', '=', surveyId)
    .orderBy('sequence', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The labels of a survey's waves, trimmed and in lower case, to choose a free one. */
export async function waveLabels(
  trx: Kysely<Database>,
  organizationId: string,
  surveyId: string,
): Promise<Set<string>> {
  const rows = await trx
    .selectFrom('wave')
    .select('label')
    .where('organization_id', '=', organizationId)
    .where('survey_id', '=', surveyId)
    .execute();
  return new Set(rows.map((r) => r.label.trim().toLocaleLowerCase()));
}

/** A wave's label made from its dates, or, when a wave scheduled by hand took it already, with the wave's number. */
export function freeWaveLabel(label: string, sequence: number, taken: Set<string>): string {
  return taken.has(label.toLocaleLowerCase()) ? `${label} (${sequence})` : label;
}

/** The later of two ISO instants (compared as text: both are UTC and of one format). */
const laterOf = (a: string, b: string): string => (a > b ? a : b);

/** The calendar period a survey reports by; null: its waves are scheduled by hand. */
export async function surveyPeriod(
  db: Kysely<Database>,
  organizationId: string,
  surveyId: string,
): Promise<ReportingPeriod | null> {
  const row = await db
    .selectFrom('survey')
    .select('period')
    .where('organization_id', '=', organizationId)
    .where('id', '=', surveyId)
    .executeTakeFirst();
  return parsePeriod(row?.period ?? null);
}

/** Takes the survey's row lock, so that two servers rolling at once open one wave, not two. */
async function lockSurvey(trx: Kysely<Database>, organizationId: string, surveyId: string): Promise<void> {
  await trx
    .updateTable('survey')
    .set({ status: 'open' })
    .where('organization_id', '=', organizationId)
    .where('id', '=', surveyId)
    .execute();
}

/** Opens the wave of the period that contains `now`, after `previous` ended by its date. */
async function openNextPeriod(
  trx: Kysely<Database>,
  args: { organizationId: string; surveyId: string; period: ReportingPeriod; now: string; newId: () => string },
): Promise<string | null> {
  await lockSurvey(trx, args.organizationId, args.surveyId);
  // Read again under the lock: another server may have rolled since the caller looked.
  const previous = await latestWave(trx, args.organizationId, args.surveyId);
  if (!previous || !endedByDate(previous, args.now)) return null;
  const period = periodContaining(args.period, args.now);
  const sequence = previous.sequence + 1;
  const waveId = args.newId();
  await trx
    .insertInto('wave')
    .values({
      id: waveId,
      organization_id: args.organizationId,
      survey_id: args.surveyId,
      sequence,
      label: freeWaveLabel(period.label, sequence, await waveLabels(trx, args.organizationId, args.surveyId)),
      // A period that started while the previous wave was still open (closed early, by hand, is never rolled) starts
      // where that wave ended, so that no answer falls between two waves.
      opens_at: laterOf(previous.closes_at!, period.start),
      closes_at: period.end,
      status: 'open',
    })
    .execute();
  await trx
    .updateTable('invitation')
    .set({ wave_id: waveId })
    .where('organization_id', '=', args.organizationId)
    .where('wave_id', '=', previous.id)
    .where('used_at', 'is', null)
    .where('expires_at', '>', args.now)
    .execute();
  return waveId;
}

/** A wave that ended because its date passed (a wave closed by hand has status `closed`). */
function endedByDate(wave: { status: string; closes_at: string | null }, now: string): boolean {
  return wave.status === 'open' && wave.closes_at !== null && wave.closes_at <= now;
}

/**
 * Opens the next period's wave of every continuous survey of the organisation (or of one survey) whose current
 * period has ended. Cheap when nothing is due: one query. Idempotent, and safe across servers.
 */
export async function rollPeriodWaves(
  db: Kysely<Database>,
  args: { organizationId: string; now: string; newId: () => string; surveyId?: string },
): Promise<string[]> {
  let query = db
    .selectFrom('survey as s')
    .innerJoin('wave as w', (j) =>
      j.onRef('w.survey_id', '=', 's.id').onRef('w.organization_id', '=', 's.organization_id'),
    )
    .select(['s.id', 's.period'])
    .where('s.organization_id', '=', args.organizationId)
    .where('s.period', 'is not', null)
    .where('w.status', '=', 'open')
    .where('w.closes_at', '<=', args.now)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('wave as later')
            .select('later.id')
            .where('later.organization_id', '=', args.organizationId)
            .whereRef('later.survey_id', '=', 's.id')
            .whereRef('later.sequence', '>', 'w.sequence'),
        ),
      ),
    );
  if (args.surveyId) query = query.where('s.id', '=', args.surveyId);
  const due = await query.execute();
  const opened: string[] = [];
  for (const survey of due) {
    const period = parsePeriod(survey.period);
    if (!period) continue;
    const waveId = await inTransaction(db, (trx) =>
      openNextPeriod(trx, {
        organizationId: args.organizationId,
        surveyId: survey.id,
        period,
        now: args.now,
        newId: args.newId,
      }),
    );
    if (waveId) opened.push(waveId);
  }
  return opened;
}

/**
 * Where an answer to `waveId` goes: the wave itself, or, when it is a continuous survey's period that has ended by its
 * date, the survey's current period (a form opened on the 30th and sent on the 1st counts in the new period).
 */
export async function currentPeriodWave(
  db: Kysely<Database>,
  args: { organizationId: string; waveId: string; now: string; newId: () => string },
): Promise<string> {
  const row = await db
    .selectFrom('wave as w')
    .innerJoin('survey as s', 's.id', 'w.survey_id')
    .select(['w.survey_id', 'w.status', 'w.closes_at', 's.period'])
    .where('w.organization_id', '=', args.organizationId)
    .where('s.organization_id', '=', args.organizationId)
    .where('w.id', '=', args.waveId)
    .executeTakeFirst();
  if (!row || row.period === null || !endedByDate(row, args.now)) return args.waveId;
  await rollPeriodWaves(db, { ...args, surveyId: row.survey_id });
  const latest = await latestWave(db, args.organizationId, row.survey_id);
  return latest && latest.status === 'open' ? latest.id : args.waveId;
}

/**
 * Sets the calendar period a survey reports by (null: its waves are scheduled by hand again; the open one keeps its
 * dates). With a period, the survey's open wave becomes the current period's: it now ends with the period. A survey
 * with questions and no open wave starts taking answers in the current period at once.
 */
export async function setSurveyPeriod(
  db: Kysely<Database>,
  args: {
    organizationId: string;
    surveyId: string;
    period: ReportingPeriod | null;
    now: string;
    newId: () => string;
    groupKinds?: readonly GroupKind[];
  },
): Promise<{ period: ReportingPeriod | null; waveId: string | null }> {
  return inTransaction(db, async (trx) => {
    await requireSurvey(trx, args);
    const survey = await trx
      .selectFrom('survey')
      .select(['kind', 'cadence', 'lifecycle_trigger'])
      .where('organization_id', '=', args.organizationId)
      .where('id', '=', args.surveyId)
      .executeTakeFirstOrThrow();
    checkPeriodKind(survey.kind, args.period);
    if (args.period !== null && survey.cadence !== null) {
      throw new DomainError(
        'conflict',
        'period: this survey recurs on a cadence; clear its cadence before it reports by calendar period',
        'period',
        'not_allowed',
      );
    }
    if (args.period === null && survey.lifecycle_trigger !== null) {
      // The trigger invites people into the current period's wave: without periods it would have none.
      throw new DomainError(
        'conflict',
        'period: this survey goes out on a lifecycle trigger, which invites into the current period: remove the trigger first',
        'period',
        'in_use',
      );
    }
    await trx
      .updateTable('survey')
      .set({ period: args.period })
      .where('organization_id', '=', args.organizationId)
      .where('id', '=', args.surveyId)
      .execute();
    if (args.period === null) return { period: null, waveId: null };
    const current = periodContaining(args.period, args.now);
    const latest = await latestWave(trx, args.organizationId, args.surveyId);
    const state = latest
      ? waveState({ status: latest.status, opensAt: latest.opens_at, closesAt: latest.closes_at }, args.now)
      : null;
    if (latest && state === 'scheduled') {
      throw new DomainError(
        'conflict',
        `period: the wave “${latest.label}” is scheduled to open later; open it or wait for it before choosing a period`,
        'period',
        'wrong_state',
      );
    }
    if (latest && state === 'open') {
      await trx
        .updateTable('wave')
        .set({ closes_at: current.end })
        .where('organization_id', '=', args.organizationId)
        .where('id', '=', latest.id)
        .execute();
      return { period: args.period, waveId: latest.id };
    }
    const questions = await trx
      .selectFrom('question')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('organization_id', '=', args.organizationId)
      .where('survey_id', '=', args.surveyId)
      .executeTakeFirstOrThrow();
    if (Number(questions.n) === 0) return { period: args.period, waveId: null };
    await lockSurvey(trx, args.organizationId, args.surveyId);
    const sequence = (latest?.sequence ?? 0) + 1;
    const waveId = args.newId();
    await trx
      .insertInto('wave')
      .values({
        id: waveId,
        organization_id: args.organizationId,
        survey_id: args.surveyId,
        sequence,
        label: freeWaveLabel(current.label, sequence, await waveLabels(trx, args.organizationId, args.surveyId)),
        // Answers given from now on; the period's label and end are the calendar's.
        opens_at: laterOf(latest?.closes_at ?? current.start, current.start),
        closes_at: current.end,
        status: 'open',
      })
      .execute();
    return { period: args.period, waveId };
  });
}

/**
 * Before an invitation link is read or answered: when its wave is a continuous survey's period that has ended, the
 * next period opens and the unused link moves into it (`rollPeriodWaves`).
 */
export async function rollForInvitation(
  db: Kysely<Database>,
  args: { token: string; now: string; newId: () => string },
): Promise<void> {
  const invitation = await findInvitation(db, args.token);
  if (!invitation || invitation.usedAt !== null) return;
  await currentPeriodWave(db, {
    organizationId: invitation.organizationId,
    waveId: invitation.waveId,
    now: args.now,
    newId: args.newId,
  });
}
