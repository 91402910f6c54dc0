import {
  COMPANY_COUNTED,
  type Database,
  type GroupRef,
  listDimensions,
  listInitiatives,
  listWavesWithData,
} from '@facets/db';
import type { Kysely } from 'kysely';
import { cellIn, facetKey, loadWaveData, outcomeCells } from '../insights/cells.ts';
import { populationRow } from '../insights/disclosure.ts';
import { type FacetCell, outcomeFigure, round1, scoreFigure, visibleMean } from '../insights/figures.ts';
import type { Scope } from '../insights/scope.ts';

/**
 * "You said, we did": what a group said in its latest closed wave and what the organisation published for it. The
 * figures are the console's (insights/disclosure.ts and figures.ts, whole group only) from a wave that no longer
 * changes, so that two visits cannot be subtracted to reveal one answer. For groups counted in companies (suppliers),
 * a figure also needs k distinct companies behind it (disclosure.ts).
 */
export async function resultsView(db: Kysely<Database>, scope: Scope, group: GroupRef, now: string) {
  const k = scope.policy.k;
  const byCompany = COMPANY_COUNTED.includes(group.kind);
  const waves = (await listWavesWithData(db, { organizationId: scope.organizationId, groupId: group.id })).filter(
    (w) => w.status === 'closed' || (w.closesAt !== null && w.closesAt <= now),
  );
  const [current, previous] = [waves.at(-1), waves.at(-2)];
  const rowOf = async (wave: (typeof waves)[number] | undefined) => {
    if (!wave) return null;
    const ref = { id: wave.id, label: wave.label, sequence: wave.sequence };
    const data = await loadWaveData(db, { organizationId: scope.organizationId, group, wave: ref, segments: false });
    return populationRow(data, null, k);
  };
  const [row, before] = [await rowOf(current), await rowOf(previous)];
  const [dimensions, initiatives] = await Promise.all([
    listDimensions(db, { organizationId: scope.organizationId, groupId: group.id }),
    listInitiatives(db, { organizationId: scope.organizationId }),
  ]);
  return {
    kThreshold: k,
    countsCompanies: byCompany,
    wave: current ? { label: current.label, closesAt: current.closesAt } : null,
    respondents: row ? row.respondents : { n: 0, hidden: 'no_data' as const },
    outcomes: row ? outcomeCells(row).map((o) => outcomeFigure(o.scale, o.cell)) : [],
    dimensions: dimensions.map((d) => {
      const lived = cellIn(row, facetKey(d.id, 'lived'));
      return {
        id: d.id,
        code: d.code,
        label: d.label,
        expected: scoreFigure(cellIn(row, facetKey(d.id, 'expected'))),
        lived: scoreFigure(lived),
        change: changeOf(lived, before ? cellIn(before, facetKey(d.id, 'lived')) : null),
      };
    }),
    initiatives: initiatives
      .filter((i) => i.published && i.status !== 'cancelled' && i.targets.some((t) => t.groupId === group.id))
      .map((i) => ({
        id: i.id,
        title: i.title,
        description: i.description,
        status: i.status,
        startDate: i.startDate,
        endDate: i.endDate,
        dimensions: i.targets
          .filter((t) => t.groupId === group.id)
          .flatMap((t) => dimensions.filter((d) => d.id === t.dimensionId).map((d) => ({ id: d.id, label: d.label }))),
      })),
  };
}

/** Lived change since the previous closed wave; null unless both waves may be shown. */
function changeOf(now: FacetCell, before: FacetCell | null): number | null {
  const [a, b] = [visibleMean(now), before ? visibleMean(before) : null];
  return a !== null && b !== null ? round1(a - b) : null;
}
