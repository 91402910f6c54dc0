import type { Database, WaveRef } from '@facets/db';
import { DomainError } from '@facets/domain';
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

/**
 * A population's rows wave by wave, oldest first (the last is the current wave). A filter whose complement within the
 * group is below k is refused on the current wave — FORBIDDEN for a manager's department, BAD_REQUEST naming
 * `segment` for a filter asked for — and withheld as `complement_below_k` on earlier waves.
 */
export async function loadPopulation(
  db: Kysely<Database>,
  scope: Scope,
  args: { group: GroupOf; segment: Segment | null; waves?: 'all' | 'latest' },
): Promise<PopulationWave[]> {
  const all = await wavesOf(db, scope, args.group.id);
  const waves = args.waves === 'latest' ? all.slice(-1) : all;
  const k = scope.policy.k;
  const series = await loadWaveSeries(db, {
    organizationId: scope.organizationId,
    group: args.group,
    waves,
    segments: args.segment !== null,
  });
  const result: PopulationWave[] = [];
  for (const [i, data] of series.entries()) {
    const wave = data.wave;
    const row = populationRow(data, args.segment, k);
    if (args.segment && filterRefusal(data, args.segment, k) === 'complement_below_k') {
      if (i === waves.length - 1) throw refusal(scope, k);
      for (const [id, c] of row.cells) if (c.n > 0) row.cells.set(id, { ...c, hidden: 'complement_below_k' });
      row.respondents = { ...row.respondents, hidden: 'complement_below_k' };
    }
    result.push({ wave, row, data });
  }
  return result;
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
