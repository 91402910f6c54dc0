import { currentCadenceWave, waveState } from '@facets/domain';
import type { Kysely } from 'kysely';
import { inviteFromDirectory } from '../directory/invite.ts';
import { freeWaveLabel, waveLabels } from '../repositories/periods.ts';
import { inTransaction } from '../repositories/rows.ts';
import { getOrganizationSettings } from '../repositories/settings.ts';
import type { Database } from '../schema.ts';
import { parseStoredCadence } from './schedule.ts';

/** What the job needs to write invitations: the organisation, its clock, its id maker and the public address. */
export interface CadenceRunArgs {
  organizationId: string;
  now: string;
  newId: () => string;
  /** Where the invitations' links point: the server's public address. */
  baseUrl: string;
}

/** The later of two ISO instants (compared as text: both are UTC and of one format). */
const laterOf = (a: string, b: string): string => (a > b ? a : b);

/**
 * Opens the wave of the occurrence taking answers now of every recurring survey of the organisation, and invites the
 * cadence's audience from the directory to it (`inviteFromDirectory`: each person once), in one transaction per
 * survey. The wave closes by its date, and the upkeep then publishes it like any closed wave. Only the current
 * occurrence opens: a server that was down for several intervals opens the one of today, never the ones it missed.
 * Idempotent and safe across servers: under the survey's row lock, an occurrence opens only if no wave of the survey
 * opened at or after its time, and only once no other wave takes answers or waits to open (one wave at a time). Cheap
 * when nothing is due: one query, and one for the organisation's time zone.
 */
export async function openDueCadenceWaves(db: Kysely<Database>, args: CadenceRunArgs): Promise<string[]> {
  const surveys = await db
    .selectFrom('survey as s')
    .select([
      's.id',
      's.cadence',
      (eb) =>
        eb
          .selectFrom('wave as w')
          .select((w) => w.fn.max('w.opens_at').as('latest'))
          .where('w.organization_id', '=', args.organizationId)
          .whereRef('w.survey_id', '=', 's.id')
          .as('latest_opening'),
    ])
    .where('s.organization_id', '=', args.organizationId)
    .where('s.cadence', 'is not', null)
    .orderBy('s.id')
    .execute();
  if (surveys.length === 0) return [];
  const settings = await getOrganizationSettings(db, args.organizationId);
  const opened: string[] = [];
  for (const survey of surveys) {
    const cadence = parseStoredCadence(survey.cadence);
    if (!cadence) continue;
    const due = currentCadenceWave(cadence, settings.timeZone, args.now);
    if (!due || (survey.latest_opening !== null && survey.latest_opening >= due.opensAt)) continue;
    const waveId = await inTransaction(db, (trx) =>
      openCadenceWave(trx, { ...args, surveyId: survey.id, organization: settings }),
    );
    if (waveId) opened.push(waveId);
  }
  return opened;
}

async function openCadenceWave(
  trx: Kysely<Database>,
  args: CadenceRunArgs & { surveyId: string; organization: { name: string; defaultLocale: string; timeZone: string } },
): Promise<string | null> {
  const { organizationId, surveyId, now } = args;
  const survey = trx.updateTable('survey').where('organization_id', '=', organizationId).where('id', '=', surveyId);
  // The survey's row lock, so that two servers opening at once open one wave; its status changes only if one opens.
  await survey.set((eb) => ({ status: eb.ref('status') })).execute();
  // Read again under the lock: another server may have opened it since the caller looked, or the cadence changed.
  const stored = await trx
    .selectFrom('survey')
    .select(['cadence'])
    .where('organization_id', '=', organizationId)
    .where('id', '=', surveyId)
    .executeTakeFirstOrThrow();
  const cadence = parseStoredCadence(stored.cadence);
  const due = cadence && currentCadenceWave(cadence, args.organization.timeZone, now);
  if (!cadence || !due) return null;
  const waves = await trx
    .selectFrom('wave')
    .select(['sequence', 'status', 'opens_at', 'closes_at'])
    .where('organization_id', '=', organizationId)
    .where('survey_id', '=', surveyId)
    .execute();
  if (waves.some((w) => w.opens_at >= due.opensAt)) return null;
  const busy = waves.some(
    (w) => waveState({ status: w.status, opensAt: w.opens_at, closesAt: w.closes_at }, now) !== 'closed',
  );
  if (busy) return null;
  const questions = await trx
    .selectFrom('question')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organization_id', '=', organizationId)
    .where('survey_id', '=', surveyId)
    .executeTakeFirstOrThrow();
  if (Number(questions.n) === 0) return null;
  const sequence = Math.max(0, ...waves.map((w) => w.sequence)) + 1;
  const lastClose = waves.reduce((latest, w) => laterOf(latest, w.closes_at ?? ''), '');
  const waveId = args.newId();
  await trx
    .insertInto('wave')
    .values({
      id: waveId,
      organization_id: organizationId,
      survey_id: surveyId,
      sequence,
      label: freeWaveLabel(due.label, sequence, await waveLabels(trx, organizationId, surveyId)),
      // A wave closed after the occurrence's time (it waited for it) hands over where it ended: no answer falls in two.
      opens_at: laterOf(lastClose, due.opensAt),
      closes_at: due.closesAt,
      status: 'open',
    })
    .execute();
  await survey.set({ status: 'open' }).execute();
  await inviteFromDirectory(trx, {
    organization: { id: organizationId, name: args.organization.name, defaultLocale: args.organization.defaultLocale },
    waveId,
    segments: cadence.audience.segments,
    now,
    baseUrl: args.baseUrl,
    newId: args.newId,
  });
  return waveId;
}
