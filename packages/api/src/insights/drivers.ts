import { type Database, listDimensions, readPairs } from '@facets/db';
import {
  DRIVER_MIN_N_CORRELATION,
  DRIVER_MIN_N_WEIGHTS,
  type DriversStatus,
  type HiddenReason,
  keyDrivers,
  type Scale,
} from '@facets/domain';
import type { Kysely } from 'kysely';
import type { GroupOf } from './cells.ts';
import { round3 } from './figures.ts';
import { fullestWave } from './measurements.ts';
import { loadPopulation, type PopulationWave, type Selection } from './population.ts';
import type { Scope } from './scope.ts';

const OUTCOME = 'outcome:';
const LIVED = 'lived:';
/** The outcome item drivers explain, when a group has several: the (e)NPS first. */
const PREFERRED_OUTCOME = `${OUTCOME}nps11`;

/**
 * `insights.drivers`: which dimensions' lived scores move the group's outcome item, from co-moments of the whole
 * group in its latest wave (never a segment: the analysis needs dozens of respondents). The domain decides what the
 * n allows (correlations from 30, relative weights from 50); below k nothing is shown at all.
 */
export async function driversView(
  db: Kysely<Database>,
  scope: Scope,
  group: GroupOf,
  /** The whole group's current wave, when the caller has read it already. */
  current?: PopulationWave | null,
  selection?: Selection,
) {
  const groupId = group.id;
  const latest =
    current !== undefined ? current : fullestWave(await loadPopulation(db, scope, { group, segment: null, selection }));
  const wave = latest?.wave ?? null;
  // A wave in which the whole group is withheld (below k, or too few companies) shows no driver: only the reason.
  const withheld = latest?.row.respondents.hidden ?? null;
  const thresholds = { correlation: DRIVER_MIN_N_CORRELATION, weights: DRIVER_MIN_N_WEIGHTS };
  const pairs =
    wave && !withheld ? await readPairs(db, { organizationId: scope.organizationId, groupId, waveId: wave.id }) : [];
  const variables = new Set(pairs.flatMap((p) => [p.a, p.b]));
  const outcomes = [...variables].filter((v) => v.startsWith(OUTCOME)).sort();
  const outcome = variables.has(PREFERRED_OUTCOME) ? PREFERRED_OUTCOME : (outcomes[0] ?? null);
  const empty = {
    wave,
    thresholds,
    outcome: null,
    status: 'insufficient' as DriversStatus,
    n: 0,
    rSquared: null,
    hidden: (withheld ?? 'no_data') as HiddenReason | null,
    drivers: [],
  };
  if (!outcome) return empty;
  const dimensions = await listDimensions(db, { organizationId: scope.organizationId, groupId });
  const predictors = dimensions.map((d) => `${LIVED}${d.id}`).filter((v) => variables.has(v));
  const result = keyDrivers({ outcome, predictors, pairs });
  const k = scope.policy.k;
  const below = (n: number): HiddenReason | null => (n === 0 ? 'no_data' : n < k ? 'below_k' : null);
  const hidden = below(result.n);
  return {
    ...empty,
    outcome: { variable: outcome, scale: outcome.slice(OUTCOME.length) as Scale },
    status: hidden ? ('insufficient' as const) : result.status,
    n: hidden ? 0 : result.n,
    rSquared: hidden || result.rSquared === null ? null : round3(result.rSquared),
    hidden,
    drivers: result.drivers.map((d) => {
      const own = hidden ?? below(d.n);
      return {
        dimensionId: d.id.slice(LIVED.length),
        n: own ? 0 : d.n,
        r: own || d.r === null ? null : round3(d.r),
        sign: own ? null : d.sign,
        relativeWeight: own || d.relativeWeight === null ? null : round3(d.relativeWeight),
        hidden: own,
      };
    }),
  };
}

export type DriversView = Awaited<ReturnType<typeof driversView>>;
