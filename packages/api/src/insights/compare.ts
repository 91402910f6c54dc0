import { type Database, listDimensions } from '@facets/db';
import type { Kysely } from 'kysely';
import { cellIn, facetKey, type SegmentRow } from './cells.ts';
import { expectationGapFigure, type Figure, favourabilityFigure, scoreFigure } from './figures.ts';
import { loadPopulation, type Programme, type Selection } from './population.ts';
import { type Scope, scopeGroups, selectionGroup, selectionOf } from './scope.ts';

export type CompareMetric = 'lived' | 'expected' | 'expectationGap' | 'favourability';

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
 * `insights.compareGroups`: the stakeholder heatmap — groups × shared dimensions, one metric, each group at its latest
 * wave with data. The same disclosure rules as every other view apply to each cell.
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
  const rows = new Map<
    string,
    {
      wave: { id: string; label: string; sequence: number } | null;
      row: SegmentRow | null;
      programme: { surveyId: string; chosenWave: string | null } | null;
      programmes: Programme[];
    }
  >();
  for (const g of groups) {
    const selection = g.id === chosen ? selectionOf(input) : undefined;
    const population = await loadPopulation(db, scope, { group: g, segment: scope.department, selection });
    const latest = population.waves.at(-1);
    rows.set(g.id, {
      wave: latest?.wave ?? null,
      row: latest?.row ?? null,
      programme: population.programme,
      programmes: population.programmes,
    });
  }
  return {
    metric,
    segment: scope.department,
    dimensions,
    groups: groups.map((g) => ({
      id: g.id,
      code: g.code,
      label: g.label,
      wave: rows.get(g.id)?.wave ?? null,
      programme: rows.get(g.id)?.programme ?? null,
      programmes: rows.get(g.id)?.programmes ?? [],
    })),
    cells: dimensions.flatMap((d) =>
      d.groupIds.map((groupId) => ({
        groupId,
        dimensionId: d.id,
        ...figureOf(metric, rows.get(groupId)?.row ?? null, d.id),
      })),
    ),
  };
}
