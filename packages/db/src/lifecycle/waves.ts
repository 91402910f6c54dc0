import { waveState } from '@facets/domain';
import type { Kysely } from 'kysely';
import { rollPeriodWaves } from '../repositories/periods.ts';
import type { Database } from '../schema.ts';

/**
 * The wave of a continuous survey that takes answers now — its current period's, opened first if the period just
 * ended — or null: the survey has no wave yet (no questions) or was stopped by closing a wave by hand.
 */
export async function currentTriggerWave(
  db: Kysely<Database>,
  args: { organizationId: string; surveyId: string; now: string; newId: () => string },
): Promise<string | null> {
  await rollPeriodWaves(db, args);
  const latest = await db
    .selectFrom('wave')
    .select(['id', 'status', 'opens_at', 'closes_at'])
    .where('organization_id', '=', args.organizationId)
    .where('survey_id', '=', args.surveyId)
    .orderBy('sequence', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!latest) return null;
  const state = waveState({ status: latest.status, opensAt: latest.opens_at, closesAt: latest.closes_at }, args.now);
  return state === 'open' ? latest.id : null;
}
