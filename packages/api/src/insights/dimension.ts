import {
  COMPANY_COUNTED,
  COMPANY_KEY,
  type Database,
  getWaveSurvey,
  listDimensions,
  listIntendedExperience,
  readThemeCatalogue,
} from '@facets/db';
import { DomainError, importancePerformance, questionKey } from '@facets/domain';
import type { Kysely } from 'kysely';
import { cellIn, facetKey, rowOf, type Segment, type SegmentRow } from './cells.ts';
import { commentsOf } from './comments.ts';
import { type DriversView, driversView } from './drivers.ts';
import { comparisonFigure, type FacetCell, favourabilityFigure, round1, scoreFigure, visibleMean } from './figures.ts';
import { measurementsOf, measuresDimension, waveOf } from './measurements.ts';
import { loadPopulation, type PopulationWave, type Selection } from './population.ts';
import { populationOf, requireDimension, requireReadableGroup, type Scope, selectionOf } from './scope.ts';
import { themesOf } from './themes.ts';

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
  const group = await requireReadableGroup(db, scope, input.groupId);
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
  // The dimension's latest measurement in the programme, and its trend over the waves that measure it: a pulse that
  // does not ask it leaves its page as it was.
  const measured = measurementsOf(series, (w) => measuresDimension(w, dimension.id));
  const current = measured.latest ?? series.at(-1) ?? null;
  const trendWaves = measured.latest ? measured.waves : series;
  const lived = cellIn(current?.row, facetKey(dimension.id, 'lived'));
  // A segment (or a manager's department) is compared with its whole group in the same wave.
  const whole = population && current ? rowOf(current.published, null) : null;
  const [groupDimensions, intended] = await Promise.all([
    listDimensions(db, { organizationId: scope.organizationId, groupId: group.id }),
    listIntendedExperience(db, { organizationId: scope.organizationId }),
  ]);
  const intent = intended.find((i) => i.groupId === group.id && i.dimensionId === dimension.id);
  // Drivers are the whole group's: the wave of this dimension's measurement, unless a segment filters the page.
  const drivers = scope.own
    ? null
    : await driversView(
        db,
        scope,
        group,
        population ? undefined : current,
        current ? { ...selectionOf(input), waveId: current.wave.id } : selectionOf(input),
      );
  const importance = importanceOf(
    drivers,
    intended.filter((i) => i.groupId === group.id),
  );
  return {
    group: { id: group.id, code: group.code, label: group.label, kind: group.kind },
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
    /** The wave this dimension's figures come from (its latest measurement in the programme). */
    measuredIn: current ? waveOf(current) : null,
    trend: trendWaves.map((w) => ({
      wave: w.wave,
      expected: scoreFigure(cellIn(w.row, facetKey(dimension.id, 'expected'))),
      lived: scoreFigure(cellIn(w.row, facetKey(dimension.id, 'lived'))),
      favourability: favourabilityFigure(cellIn(w.row, facetKey(dimension.id, 'lived'))),
    })),
    distribution: { wave: current?.wave ?? null, ...distributionOf(lived) },
    /** The segment's lived score against the whole group's in the current wave; null without a segment. */
    vsWhole: whole ? comparisonFigure(lived, cellIn(whole, facetKey(dimension.id, 'lived'))) : null,
    /** Each rating question of the current wave on this dimension: its distribution, score and favourability. */
    questions: await questionsOf(db, scope, { groupId: group.id, dimensionId: dimension.id, current, whole }),
    ipa: ipaOf(
      current?.row ?? null,
      groupDimensions.map((d) => d.id),
      dimension.id,
      importance,
    ),
    drivers,
    comments: await commentsOf(db, scope, {
      groupId: group.id,
      current,
      dimensionId: dimension.id,
      segment: population,
    }),
    /** The comments' themes and sentiment, where the comments are shown, with their trend since the previous wave. */
    themes: (
      await themesOf(db, scope, {
        group,
        segment: population,
        catalogue: await readThemeCatalogue(db, { organizationId: scope.organizationId }),
        dimensions: groupDimensions,
        requests: [{ dimensionId: dimension.id, current: measured.latest, previous: measured.previous }],
      })
    ).get(dimension.id)!,
  };
}

/**
 * The rating questions of the current wave's survey that measure the dimension, in the survey's order, each with its
 * own published figures (a question is a measure of the publication, as a cell is) and, for a segment, its
 * difference from the whole group.
 */
async function questionsOf(
  db: Kysely<Database>,
  scope: Scope,
  args: { groupId: string; dimensionId: string; current: PopulationWave | null; whole: SegmentRow | null },
) {
  if (!args.current) return [];
  const survey = await getWaveSurvey(db, {
    organizationId: scope.organizationId,
    waveId: args.current.wave.id,
    groupId: args.groupId,
  });
  return survey.questions
    .filter((q) => q.type === 'rating' && q.dimension?.id === args.dimensionId && q.facet !== 'outcome')
    .map((q) => {
      const cell = cellIn(args.current?.row, questionKey(q.id));
      const distribution = distributionOf(cell);
      return {
        id: q.id,
        prompt: q.prompt,
        facet: q.facet,
        scale: q.scale,
        score: scoreFigure(cell),
        favourability: favourabilityFigure(cell),
        distribution: { bins: distribution.bins, n: distribution.n, hidden: distribution.hidden },
        vsWhole: args.whole ? comparisonFigure(cell, cellIn(args.whole, questionKey(q.id))) : null,
      };
    });
}

/** The histogram of the most answered scale (a dimension is usually measured on one); empty when withheld. */
function distributionOf(c: FacetCell) {
  const main = [...c.scales].sort((a, b) => b.moments.n - a.moments.n || (a.scale < b.scale ? -1 : 1))[0];
  const hidden = c.hidden ?? (main ? null : 'no_data');
  return { scale: main?.scale ?? null, bins: hidden ? [] : (main?.bins ?? []), n: c.n, hidden };
}

/** Where a dimension's importance comes from: what moves the outcome (drivers), else leadership's stated priority. */
export type ImportanceSource = 'drivers' | 'priority';

/**
 * The importance of each dimension for the matrix: its derived importance (relative weight, else correlation with
 * the outcome, × 100) when the group's drivers can be shown, else leadership's stated priority (priority 1 of P
 * scores 100, priority P scores 100 / P). Never the expected level: what people expect is not what matters most to
 * them. Null when neither is known.
 */
function importanceOf(
  drivers: DriversView | null,
  intended: readonly { dimensionId: string; priority: number }[],
): { source: ImportanceSource; values: Map<string, number> } | null {
  const derived = new Map<string, number>();
  if (drivers && drivers.hidden === null && drivers.status !== 'insufficient') {
    for (const d of drivers.drivers) {
      const value = d.relativeWeight ?? (d.r === null ? null : Math.abs(d.r));
      if (d.hidden === null && value !== null) derived.set(d.dimensionId, value * 100);
    }
  }
  if (derived.size > 0) return { source: 'drivers', values: derived };
  const lowest = Math.max(0, ...intended.map((i) => i.priority));
  if (intended.length === 0 || lowest === 0) return null;
  return {
    source: 'priority',
    values: new Map(intended.map((i) => [i.dimensionId, (100 * (lowest - i.priority + 1)) / lowest])),
  };
}

/**
 * Where the dimension falls in the importance × performance (lived) matrix of its group, split at the means of the
 * dimensions that may be placed; null when its own point cannot be (its lived score withheld, or no importance).
 */
function ipaOf(
  row: SegmentRow | null,
  dimensionIds: readonly string[],
  dimensionId: string,
  importanceBy: { source: ImportanceSource; values: Map<string, number> } | null,
) {
  if (!importanceBy) return null;
  const points = dimensionIds.flatMap((id) => {
    const importance = importanceBy.values.get(id) ?? null;
    const performance = visibleMean(cellIn(row, facetKey(id, 'lived')));
    return importance === null || performance === null ? [] : [{ id, importance, performance }];
  });
  const result = importancePerformance(points);
  const own = result.points.find((p) => p.id === dimensionId);
  if (!own || result.meanImportance === null || result.meanPerformance === null) return null;
  return {
    /** What importance stands for: derived from the drivers, or leadership's stated priority. */
    importanceSource: importanceBy.source,
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
