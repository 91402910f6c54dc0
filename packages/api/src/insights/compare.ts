import { type Database, listDimensions } from '@facets/db';
import type { CompareMetric } from '@facets/domain';
import type { Kysely } from 'kysely';
import { cellIn, facetKey, type SegmentRow } from './cells.ts';
import { expectationGapFigure, type Figure, favourabilityFigure, scoreFigure } from './figures.ts';
import { fullestWave } from './measurements.ts';
import { loadPopulation, type Population, type Selection } from './population.ts';
import { populationOf, type Scope, scopeGroups, selectionGroup, selectionOf } from './scope.ts';

function figureOf(metric: CompareMetric, row: SegmentRow | null, dimensionId: string): Figure {
  const expected = cellIn(row, facetKey(dimensionId, 'expected'));
  const lived = cellIn(row, facetKey(dimensionId, 'lived'));
  if (metric === 'expected') return scoreFigure(expected);
  if (metric === 'expectationGap') return expectationGapFigure(expected, lived);
  if (metric === 'favourability') {
    const { value, n, hidden } = favourabilityFigure(lived);
    return { value, n, hidden };
  }
  return scoreFigure(lived);
}

/**
 * `insights.compareGroups`: the stakeholder heatmap — groups × shared dimensions, one metric, each group at the latest
 * published wave of its headline programme that measures the most dimensions (a pulse after the quarterly survey
 * does not replace it), or the survey and wave chosen for it (`surveyId`, `waveId`). The same
 * disclosure rules as every other view apply to each cell.
 */
export async function compareGroupsView(
  db: Kysely<Database>,
  scope: Scope,
  input: { metric: CompareMetric } & Selection,
) {
  const metric = input.metric;
  const groups = await scopeGroups(db, scope);
  const chosen = await selectionGroup(db, scope, input);
  const inScope = new Set(groups.map((g) => g.id));
  const dimensions = (await listDimensions(db, { organizationId: scope.organizationId }))
    .filter((d) => d.shared)
    .map((d) => ({ id: d.id, code: d.code, label: d.label, groupIds: d.groupIds.filter((g) => inScope.has(g)) }))
    .filter((d) => d.groupIds.length > 0);
  // A manager's own population (their team by default); everyone else, the whole group.
  const segment = populationOf(scope, undefined);
  const populations = new Map<string, Population>();
  for (const g of groups) {
    const selection = g.id === chosen ? selectionOf(input) : undefined;
    populations.set(g.id, await loadPopulation(db, scope, { group: g, segment, selection }));
  }
  // Each group at one wave: the chosen one, else its programme's latest that measures the most dimensions.
  const currentOf = (groupId: string) => {
    const population = populations.get(groupId);
    return population ? fullestWave(population) : null;
  };
  return {
    metric,
    segment,
    dimensions,
    groups: groups.map((g) => ({
      id: g.id,
      code: g.code,
      label: g.label,
      wave: currentOf(g.id)?.wave ?? null,
      programme: populations.get(g.id)?.programme ?? null,
      programmes: populations.get(g.id)?.programmes ?? [],
    })),
    cells: dimensions.flatMap((d) =>
      d.groupIds.map((groupId) => ({
        groupId,
        dimensionId: d.id,
        ...figureOf(metric, currentOf(groupId)?.row ?? null, d.id),
      })),
    ),
  };
}
