import type { Database, WaveRef } from '@facets/db';
import { DomainError, type HiddenReason } from '@facets/domain';
import type { Kysely } from 'kysely';
import { type GroupOf, loadWaveSeries, type Segment, type SegmentRow, type WaveData } from './cells.ts';
import { filterRefusal, populationRow } from './disclosure.ts';
import { type Scope, wavesOf } from './scope.ts';

/** One wave of a population: its row of judged cells. */
export interface PopulationWave {
  wave: WaveRef;
  row: SegmentRow;
  data: WaveData;
}

/** A newer wave whose answers are counted but not yet shown: fewer than k people (or companies) answered so far. */
export interface PendingWave {
  wave: WaveRef;
  respondents: { n: number; hidden: HiddenReason | null };
  /** Whether its results wait for k companies (suppliers) rather than k people. */
  countsCompanies: boolean;
}

/**
 * A population's waves, oldest first: `waves` are those a view reports on (the last is the current wave), `pending`
 * the newer ones still short of k. A wave that has only begun does not blank a group's results: they stay those of
 * its latest wave that may be shown, and the new wave says how many have answered so far. Waves are separate
 * populations of answers, so showing an older one beside a count of the newer gives nothing away.
 */
export interface Population {
  waves: PopulationWave[];
  pending: PendingWave[];
}

const waiting = (hidden: HiddenReason | null) => hidden === 'below_k' || hidden === 'companies_below_k';

/**
 * Loads a population's waves (see `Population`). A filter whose complement within the group is below k is refused
 * on the current wave — FORBIDDEN for a manager's department, BAD_REQUEST naming `segment` for a filter asked for —
 * and withheld as `complement_below_k` on earlier waves. `waves: 'latest'` reads the latest wave only, and the
 * earlier ones only when it is pending; `everySegment` reads every segment key with the waves (a breakdown's rows).
 */
export async function loadPopulation(
  db: Kysely<Database>,
  scope: Scope,
  args: { group: GroupOf; segment: Segment | null; waves?: 'all' | 'latest'; everySegment?: boolean },
): Promise<Population> {
  const all = await wavesOf(db, scope, args.group.id);
  const k = scope.policy.k;
  const read = async (waves: readonly WaveRef[]) => {
    const series = await loadWaveSeries(db, {
      organizationId: scope.organizationId,
      group: args.group,
      waves,
      segments: args.segment !== null || args.everySegment === true,
    });
    return series.map((data) => {
      const row = populationRow(data, args.segment, k);
      const refused = args.segment !== null && filterRefusal(data, args.segment, k) === 'complement_below_k';
      return { wave: data.wave, row, data, refused };
    });
  };
  let loaded = await read(args.waves === 'latest' ? all.slice(-1) : all);
  if (args.waves === 'latest' && loaded.length === 1 && waiting(loaded[0]!.row.respondents.hidden) && all.length > 1) {
    loaded = await read(all);
  }
  // After the last wave that may be shown; when none may, every wave stays, hidden with its reason.
  const lastShown = loaded.findLastIndex((w) => !waiting(w.row.respondents.hidden));
  const end = lastShown === -1 ? loaded.length : lastShown + 1;
  const shown = loaded.slice(0, end);
  if (shown.at(-1)?.refused) throw refusal(scope, k);
  const waves: PopulationWave[] = [];
  for (const { wave, row, data, refused } of args.waves === 'latest' ? shown.slice(-1) : shown) {
    if (refused) {
      for (const [id, c] of row.cells) if (c.n > 0) row.cells.set(id, { ...c, hidden: 'complement_below_k' });
      row.respondents = { ...row.respondents, hidden: 'complement_below_k' };
    }
    waves.push({ wave, row, data });
  }
  const pending = loaded.slice(end).map((w) => ({
    wave: w.wave,
    respondents: w.row.respondents,
    countsCompanies: w.data.countsCompanies === true,
  }));
  return { waves, pending };
}

function refusal(scope: Scope, k: number): DomainError {
  return scope.department
    ? new DomainError(
        'forbidden',
        `complement_below_k: fewer than ${k} people outside your department answered, so your department’s results would identify them`,
      )
    : new DomainError(
        'invalid',
        `segment: complement_below_k: fewer than ${k} people of the group fall outside this segment`,
        'segment',
      );
}
