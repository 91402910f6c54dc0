import {
  COMPANY_COUNTED,
  type Database,
  type GroupRef,
  listDimensions,
  listInitiatives,
  publishedActionsFor,
} from '@facets/db';
import type { Kysely } from 'kysely';
import { cellIn, facetKey, outcomeCells } from '../insights/cells.ts';
import { type FacetCell, outcomeFigure, round1, scoreFigure, visibleMean } from '../insights/figures.ts';
import { fullestWave } from '../insights/measurements.ts';
import { loadPopulation } from '../insights/population.ts';
import type { Scope } from '../insights/scope.ts';

/**
 * "You said, we did": what a group said in its latest closed wave and what the organisation published for it. The
 * figures are the console's: the whole group's row of its latest published wave (db publication, whole group only),
 * which no longer changes, so that two visits cannot be subtracted to reveal one answer. For groups counted in
 * companies (suppliers), the publication required k distinct companies behind every figure. The actions shown are
 * those published for the whole group and for the stakeholder's own segments (their team's plan): they hold no
 * figure, only what the organisation chose to do.
 */
export async function resultsView(
  db: Kysely<Database>,
  scope: Scope,
  group: GroupRef,
  segments: Readonly<Record<string, string>>,
) {
  const k = scope.policy.k;
  const byCompany = COMPANY_COUNTED.includes(group.kind);
  // The programme's fullest closed wave (a one-question pulse after the quarterly survey does not replace it), and
  // the wave before it that asks as much, for the change.
  const population = await loadPopulation(db, scope, { group, segment: null });
  const current = fullestWave(population) ?? undefined;
  const asked = (w: { asks: ReadonlySet<string> }) => [...w.asks].filter((a) => current?.asks.has(a)).length;
  const earlier = population.waves.slice(0, current ? population.waves.indexOf(current) : 0);
  const previous = current ? earlier.reverse().find((w) => asked(w) === current.asks.size) : undefined;
  const [row, before] = [current?.row ?? null, previous?.row ?? null];
  const closesAt = current ? await closingOf(db, scope.organizationId, current.wave.id) : null;
  const [dimensions, initiatives, actions] = await Promise.all([
    listDimensions(db, { organizationId: scope.organizationId, groupId: group.id }),
    listInitiatives(db, { organizationId: scope.organizationId }),
    publishedActionsFor(db, { organizationId: scope.organizationId, groupId: group.id, segments }),
  ]);
  return {
    kThreshold: k,
    countsCompanies: byCompany,
    wave: current ? { label: current.wave.label, closesAt } : null,
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
    /** Published actions of the whole group's plan and of the stakeholder's team's (`team`: their segment's). */
    actions: actions.map((a) => ({
      id: a.id,
      title: a.title,
      owner: a.owner,
      dueDate: a.dueDate,
      status: a.status,
      updatedAt: a.updatedAt,
      team: a.scope !== null,
      dimension: dimensions.find((d) => d.id === a.dimensionId)?.label ?? null,
    })),
  };
}

/** Lived change since the previous closed wave; null unless both waves may be shown. */
function changeOf(now: FacetCell, before: FacetCell | null): number | null {
  const [a, b] = [visibleMean(now), before ? visibleMean(before) : null];
  return a !== null && b !== null ? round1(a - b) : null;
}

async function closingOf(db: Kysely<Database>, organizationId: string, waveId: string): Promise<string | null> {
  const wave = await db
    .selectFrom('wave')
    .select('closes_at')
    .where('organization_id', '=', organizationId)
    .where('id', '=', waveId)
    .executeTakeFirst();
  return wave?.closes_at ?? null;
}
