import {
  type Database,
  type Dimension,
  type Initiative,
  type IntendedExperience,
  listDimensions,
  listInitiatives,
  listIntendedExperience,
} from '@facets/db';
import { coverage, promiseDrift } from '@facets/domain';
import type { Kysely } from 'kysely';
import { cellIn, facetKey } from './cells.ts';
import { round1, visibleMean } from './figures.ts';
import { measurementsOf, measuresDimension } from './measurements.ts';
import type { PopulationWave } from './population.ts';
import { loadPopulation } from './population.ts';
import { populationOf, type Scope, scopeGroups } from './scope.ts';

export type AlertKind = 'promise_drift' | 'target_shortfall' | 'uncovered_intent' | 'unaligned_initiative';

/** Something leadership should look at. value and n are null for alerts about plans rather than answers. */
export interface Alert {
  kind: AlertKind;
  groupId: string;
  dimensionId: string;
  /** The initiative an `unaligned_initiative` alert is about; null for the other kinds. */
  initiativeId: string | null;
  value: number | null;
  n: number | null;
}

/** A target gap at or below this (index points) raises `target_shortfall`. */
export const TARGET_SHORTFALL = -10;

const KIND_ORDER: readonly AlertKind[] = [
  'promise_drift',
  'target_shortfall',
  'uncovered_intent',
  'unaligned_initiative',
];

/** What every group's insights share: the organisation's dimensions, intended experience and initiative coverage. */
export interface OrgContext {
  dimensions: Dimension[];
  intended: IntendedExperience[];
  initiatives: Initiative[];
  coverage: ReturnType<typeof coverage>;
}

export async function loadOrgContext(db: Kysely<Database>, scope: Scope): Promise<OrgContext> {
  const organizationId = scope.organizationId;
  const [dimensions, intended, initiatives] = await Promise.all([
    listDimensions(db, { organizationId }),
    listIntendedExperience(db, { organizationId }),
    listInitiatives(db, { organizationId }),
  ]);
  return {
    dimensions,
    intended,
    initiatives,
    coverage: coverage({
      intended: intended.map((i) => ({ groupId: i.groupId, dimensionId: i.dimensionId })),
      initiatives: initiatives.map((i) => ({ id: i.id, status: i.status, targets: i.targets })),
    }),
  };
}

/**
 * A group's alerts from its population's waves (only figures the disclosure rules let through) and the plans: the
 * promise drifting away from what is lived, lived experience well below target, intent with no initiative behind it,
 * initiatives aimed at nothing intended.
 */
export function groupAlerts(org: OrgContext, groupId: string, series: readonly PopulationWave[]): Alert[] {
  const alerts: Alert[] = [];
  const base = { groupId, initiativeId: null };
  for (const d of org.dimensions.filter((x) => x.groupIds.includes(groupId))) {
    const [expectedKey, livedKey] = [facetKey(d.id, 'expected'), facetKey(d.id, 'lived')];
    // Each alert stands on the dimension's latest measurement in the programme (measurements.ts): drift on the waves
    // whose survey asks both facets, a shortfall on the latest wave that asks the dimension; a pulse that does not ask
    // the dimension neither raises nor hides them.
    const both = measurementsOf(series, (w) => w.asks.has(expectedKey) && w.asks.has(livedKey));
    const points = both.waves.map((w, i) => ({
      sequence: i + 1,
      expected: visibleMean(cellIn(w.row, expectedKey)),
      lived: visibleMean(cellIn(w.row, livedKey)),
    }));
    const drift = promiseDrift(points);
    // The drift is about now: it ends at the latest wave asking both facets, which must show both (else it would
    // stand on an older wave and carry that wave's n = 0).
    const now = points.at(-1);
    if (drift.alert && drift.drift !== null && both.latest && now?.expected != null && now.lived != null) {
      const n = Math.min(cellIn(both.latest.row, expectedKey).n, cellIn(both.latest.row, livedKey).n);
      alerts.push({ ...base, kind: 'promise_drift', dimensionId: d.id, value: round1(drift.drift), n });
    }
    const intended = org.intended.find((i) => i.groupId === groupId && i.dimensionId === d.id);
    const latest = measurementsOf(series, (w) => measuresDimension(w, d.id)).latest;
    const lived = latest ? cellIn(latest.row, livedKey) : null;
    const livedMean = lived ? visibleMean(lived) : null;
    if (intended && lived && livedMean !== null && livedMean - intended.target <= TARGET_SHORTFALL) {
      alerts.push({
        ...base,
        kind: 'target_shortfall',
        dimensionId: d.id,
        value: round1(livedMean - intended.target),
        n: lived.n,
      });
    }
  }
  for (const u of org.coverage.uncovered.filter((x) => x.groupId === groupId)) {
    alerts.push({ ...base, kind: 'uncovered_intent', dimensionId: u.dimensionId, value: null, n: null });
  }
  for (const u of org.coverage.unaligned.filter((x) => x.groupId === groupId)) {
    alerts.push({
      ...base,
      kind: 'unaligned_initiative',
      dimensionId: u.dimensionId,
      initiativeId: u.initiativeId,
      value: null,
      n: null,
    });
  }
  return alerts.sort(
    (a, b) =>
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
      compare(a.dimensionId, b.dimensionId) ||
      compare(a.initiativeId ?? '', b.initiativeId ?? ''),
  );
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** `insights.alerts`: every group of the scope, in the organisation's group order. */
export async function alertsView(db: Kysely<Database>, scope: Scope): Promise<Alert[]> {
  const org = await loadOrgContext(db, scope);
  const alerts: Alert[] = [];
  for (const group of await scopeGroups(db, scope)) {
    const { waves } = await loadPopulation(db, scope, { group, segment: populationOf(scope, undefined) });
    alerts.push(...groupAlerts(org, group.id, waves));
  }
  return alerts;
}
