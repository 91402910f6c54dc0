import { COMPANY_COUNTED, COMPANY_KEY, type Database, listDimensions, listIntendedExperience } from '@facets/db';
import { DomainError, importancePerformance } from '@facets/domain';
import type { Kysely } from 'kysely';
import { cellIn, facetKey, type Segment, type SegmentRow } from './cells.ts';
import { commentsOf } from './comments.ts';
import { driversView } from './drivers.ts';
import { type FacetCell, favourabilityFigure, round1, scoreFigure, visibleMean } from './figures.ts';
import { loadPopulation, type Selection } from './population.ts';
import { populationOf, requireDimension, requireGroup, type Scope, selectionOf } from './scope.ts';

/**
 * `insights.dimension`: one dimension of one group — its trend across waves, the distribution of lived answers, its
 * place in the importance–performance matrix, the group's key drivers and the comments. A segment filter (or a
 * manager's department) applies to everything but the drivers, which are computed on the whole group only and
 * withheld from managers.
 */
export async function dimensionView(
  db: Kysely<Database>,
  scope: Scope,
  input: { groupId: string; dimensionId: string; segment?: Segment } & Selection,
) {
  const group = await requireGroup(db, scope, input.groupId);
  const dimension = await requireDimension(db, scope, { groupId: group.id, dimensionId: input.dimensionId });
  const population = populationOf(scope, input.segment);
  if (population?.key === COMPANY_KEY && COMPANY_COUNTED.includes(group.kind)) {
    throw new DomainError('invalid', 'segment: suppliers are never filtered by company', 'segment');
  }
  const {
    waves: series,
    pending,
    withheld,
    programme,
    programmes,
  } = await loadPopulation(db, scope, { group, segment: population, selection: selectionOf(input) });
  const current = series.at(-1) ?? null;
  const lived = cellIn(current?.row, facetKey(dimension.id, 'lived'));
  const [groupDimensions, intended] = await Promise.all([
    listDimensions(db, { organizationId: scope.organizationId, groupId: group.id }),
    listIntendedExperience(db, { organizationId: scope.organizationId }),
  ]);
  const intent = intended.find((i) => i.groupId === group.id && i.dimensionId === dimension.id);
  return {
    group: { id: group.id, code: group.code, label: group.label },
    dimension: { id: dimension.id, code: dimension.code, label: dimension.label, shared: dimension.shared },
    segment: population,
    /** The survey reported on and every survey of the group to choose from. */
    programme,
    programmes,
    kThreshold: scope.policy.k,
    commentThreshold: scope.policy.commentK,
    intended: intent ? { target: intent.target, priority: intent.priority, statement: intent.statement } : null,
    /** The group's dimensions, which the IPA points and the drivers refer to by id. */
    dimensions: groupDimensions.map((d) => ({ id: d.id, code: d.code, label: d.label })),
    /** Waves still taking answers: published when they close; the trend ends at the current wave. */
    pendingWaves: pending,
    /** Published waves in which this population is withheld, with the reason. */
    withheldWaves: withheld,
    trend: series.map((w) => ({
      wave: w.wave,
      expected: scoreFigure(cellIn(w.row, facetKey(dimension.id, 'expected'))),
      lived: scoreFigure(cellIn(w.row, facetKey(dimension.id, 'lived'))),
      favourability: favourabilityFigure(cellIn(w.row, facetKey(dimension.id, 'lived'))),
    })),
    distribution: { wave: current?.wave ?? null, ...distributionOf(lived) },
    ipa: ipaOf(
      current?.row ?? null,
      groupDimensions.map((d) => d.id),
      dimension.id,
    ),
    // Drivers are the whole group's: its current wave is this page's unless a segment filters the page.
    drivers: scope.department
      ? null
      : await driversView(db, scope, group, population ? undefined : current, selectionOf(input)),
    comments: await commentsOf(db, scope, {
      groupId: group.id,
      current,
      dimensionId: dimension.id,
      segment: population,
    }),
  };
}

/** The histogram of the most answered scale (a dimension is usually measured on one); empty when withheld. */
function distributionOf(c: FacetCell) {
  const main = [...c.scales].sort((a, b) => b.moments.n - a.moments.n || (a.scale < b.scale ? -1 : 1))[0];
  const hidden = c.hidden ?? (main ? null : 'no_data');
  return { scale: main?.scale ?? null, bins: hidden ? [] : (main?.bins ?? []), n: c.n, hidden };
}

/**
 * Where the dimension falls in the importance (expected) × performance (lived) matrix of its group, split at the
 * means of the dimensions that may be shown; null when its own point is withheld.
 */
function ipaOf(row: SegmentRow | null, dimensionIds: readonly string[], dimensionId: string) {
  const points = dimensionIds.flatMap((id) => {
    const importance = visibleMean(cellIn(row, facetKey(id, 'expected')));
    const performance = visibleMean(cellIn(row, facetKey(id, 'lived')));
    return importance === null || performance === null ? [] : [{ id, importance, performance }];
  });
  const result = importancePerformance(points);
  const own = result.points.find((p) => p.id === dimensionId);
  if (!own || result.meanImportance === null || result.meanPerformance === null) return null;
  return {
    quadrant: own.quadrant,
    importance: round1(own.importance),
    performance: round1(own.performance),
    meanImportance: round1(result.meanImportance),
    meanPerformance: round1(result.meanPerformance),
    dimensions: points.length,
    /** Every shown dimension of the group, so the matrix can be drawn with this one highlighted. */
    points: result.points.map((p) => ({
      dimensionId: p.id,
      quadrant: p.quadrant,
      importance: round1(p.importance),
      performance: round1(p.performance),
    })),
  };
}

export type DimensionView = Awaited<ReturnType<typeof dimensionView>>;
