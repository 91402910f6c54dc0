import {
  COMPANY_COUNTED,
  COMPANY_KEY,
  type Database,
  type GroupRef,
  listSegmentAttributes,
  readThemeCatalogue,
  type WaveRef,
} from '@facets/db';
import { DomainError, type HiddenReason, type LocalizedText } from '@facets/domain';
import type { Kysely } from 'kysely';
import { type Alert, groupAlerts, loadOrgContext, type OrgContext } from './alerts.ts';
import { cellIn, facetKey, type Segment, type SegmentRow } from './cells.ts';
import {
  cellOf,
  type FacetCell,
  favourabilityFigure,
  gapsFrom,
  outcomeFigure,
  round1,
  visibleMean,
} from './figures.ts';
import { askedOutcomes, measurementsOf, measuresDimension, outcomeKey, waveOf } from './measurements.ts';
import { loadPopulation, type Population, type PopulationWave, type Selection } from './population.ts';
import { populationOf, requireReadableGroup, type Scope, scopeGroups, selectionGroup, selectionOf } from './scope.ts';
import { type ThemesView, themesOf } from './themes.ts';

/** Themes shown per group on the overview. */
const TOP_THEMES = 5;

/**
 * Lived change since the dimension's previous measurement in the programme (the latest earlier wave whose survey asks
 * it); withheld when either side is.
 */
export interface TrendFigure {
  value: number | null;
  n: number;
  hidden: HiddenReason | null;
  since: WaveRef | null;
}

export type Coverage = 'covered' | 'uncovered' | 'no_intent';

/**
 * `insights.overview`: per group, its current wave and per dimension the four facets, the gaps, favourability, the
 * trend and whether an initiative backs the intent; plus the group's alerts. A manager sees employee groups through
 * their department. The first fields are those the console has read since the walking skeleton; the rest were added.
 * Each dimension and outcome item stands on its latest measurement in the programme (`measurements.ts`), which it
 * names (`measuredIn`): the quarterly survey's dimensions stay shown when a pulse asking one of them comes after.
 */
export async function overviewView(
  db: Kysely<Database>,
  scope: Scope,
  input: ({ groupId?: string; segment?: Segment } & Selection) | undefined,
) {
  const segment = populationOf(scope, input?.segment);
  const groups = input?.groupId ? [await requireReadableGroup(db, scope, input.groupId)] : await scopeGroups(db, scope);
  const chosen = await selectionGroup(db, scope, input);
  if (chosen && input?.groupId && chosen !== input.groupId) {
    throw new DomainError('invalid', 'surveyId: this survey is of another group', 'surveyId');
  }
  if (input?.segment && segment?.key === COMPANY_KEY && groups.some((g) => COMPANY_COUNTED.includes(g.kind))) {
    throw new DomainError('invalid', 'segment: suppliers are never filtered by company', 'segment');
  }
  const org = await loadOrgContext(db, scope);
  const segmentLabel = segment ? await labelOf(db, scope, groups, segment) : null;
  const catalogue = await readThemeCatalogue(db, { organizationId: scope.organizationId });
  const result = [];
  for (const group of groups) {
    const selection = group.id === chosen ? selectionOf(input) : undefined;
    const population = await loadPopulation(db, scope, { group, segment, selection });
    const dimensions = org.dimensions.filter((d) => d.groupIds.includes(group.id));
    const themes = await themesOf(db, scope, {
      group,
      segment,
      catalogue,
      dimensions,
      requests: dimensions.map((d) => {
        const measured = measurementsOf(population.waves, (w) => measuresDimension(w, d.id));
        return { dimensionId: d.id, current: measured.latest, previous: measured.previous };
      }),
    });
    result.push({ ...groupView(org, group, population), topThemes: topThemes(themes) });
  }
  return {
    kThreshold: scope.policy.k,
    commentThreshold: scope.policy.commentK,
    /** The segment every figure is filtered to (a manager's department, or the one asked for), null for the whole group. */
    segment,
    /** The segment's attribute and value in words (the raw key and value when the group does not define them). */
    segmentLabel,
    groups: result,
  };
}

async function labelOf(
  db: Kysely<Database>,
  scope: Scope,
  groups: readonly GroupRef[],
  segment: Segment,
): Promise<{ key: LocalizedText; value: LocalizedText }> {
  for (const group of groups) {
    const attributes = await listSegmentAttributes(db, { organizationId: scope.organizationId, groupId: group.id });
    const attribute = attributes.find((a) => a.key === segment.key);
    const value = attribute?.values.find((v) => v.value === segment.value);
    if (attribute && value) return { key: attribute.label, value: value.label };
  }
  return { key: { fr: segment.key, en: segment.key }, value: { fr: segment.value, en: segment.value } };
}

function groupView(org: OrgContext, group: GroupRef, population: Population) {
  const series = population.waves;
  const current = series.at(-1) ?? null;
  const row: SegmentRow | null = current?.row ?? null;
  const alerts: Alert[] = groupAlerts(org, group.id, series);
  return {
    id: group.id,
    code: group.code,
    kind: group.kind,
    label: group.label,
    wave: current?.wave ?? null,
    /** The programme reported on (the reader's choice, else the group's headline) and every programme to choose. */
    programme: population.programme,
    programmes: population.programmes,
    /** Waves still taking answers: published when they close. */
    pendingWaves: population.pending,
    /** Published waves in which this population is withheld, with the reason. */
    withheldWaves: population.withheld,
    respondents: row ? row.respondents : { n: 0, hidden: 'no_data' as const },
    outcomes: outcomesOf(series),
    alerts,
    /** The initiatives (any status but cancelled) aimed at this group: the proposed facet, and what alerts name. */
    initiatives: org.initiatives
      .filter((i) => i.status !== 'cancelled' && i.targets.some((t) => t.groupId === group.id))
      .map((i) => ({
        id: i.id,
        title: i.title,
        kind: i.kind,
        status: i.status,
        ownerDepartment: i.ownerDepartment,
        dimensionIds: i.targets.filter((t) => t.groupId === group.id).map((t) => t.dimensionId),
      })),
    dimensions: org.dimensions
      .filter((d) => d.groupIds.includes(group.id))
      .map((d) => {
        const i = org.intended.find((x) => x.groupId === group.id && x.dimensionId === d.id);
        const measured = measurementsOf(series, (w) => measuresDimension(w, d.id));
        // A dimension no wave asks shows the current wave's row: empty, or the reason it is withheld.
        const source = measured.latest?.row ?? row;
        const expected = cellIn(source, facetKey(d.id, 'expected'));
        const lived = cellIn(source, facetKey(d.id, 'lived'));
        const gaps = gapsFrom({ target: i?.target ?? null, expected, lived });
        const uncovered = org.coverage.uncovered.some((u) => u.groupId === group.id && u.dimensionId === d.id);
        const coverage: Coverage = !i ? 'no_intent' : uncovered ? 'uncovered' : 'covered';
        const previous = measured.previous;
        return {
          id: d.id,
          code: d.code,
          label: d.label,
          shared: d.shared,
          intended: i ? { target: i.target, priority: i.priority, statement: i.statement } : null,
          expected: cellOf(expected),
          lived: cellOf(lived),
          expectationGap: gaps.expectationGap,
          targetGap: gaps.targetGap,
          calibrationGap: gaps.calibrationGap,
          favourability: favourabilityFigure(lived),
          trend: trendOf(
            lived,
            previous ? cellIn(previous.row, facetKey(d.id, 'lived')) : null,
            previous?.wave ?? null,
          ),
          /** The wave these figures come from: the latest that asks the dimension; null when none does. */
          measuredIn: measured.latest ? waveOf(measured.latest) : null,
          /** Which facets that wave's survey asks: a facet it does not ask is "not asked", not "no data". */
          asked: {
            expected: measured.latest?.asks.has(facetKey(d.id, 'expected')) ?? false,
            lived: measured.latest?.asks.has(facetKey(d.id, 'lived')) ?? false,
          },
          coverage,
        };
      }),
  };
}

/**
 * The outcome items (eNPS, NPS, CSAT, CES…), each from the latest wave that asks it, with that wave; an item the
 * latest asking wave has no figure for is left out, as one nobody answered.
 */
function outcomesOf(series: readonly PopulationWave[]) {
  return askedOutcomes(series).flatMap((scale) => {
    const { latest } = measurementsOf(series, (w) => w.asks.has(outcomeKey(scale)));
    const cell = latest?.row.cells.get(outcomeKey(scale));
    return latest && cell ? [{ ...outcomeFigure(scale, cell), measuredIn: waveOf(latest) }] : [];
  });
}

/**
 * The group's most raised themes across its dimensions' comment lists, each figure one list's own (so held to that
 * list's rule), with the dimension whose comments raise it. No comment text: the overview is also the public API's
 * results, and texts are read on the dimension page.
 */
function topThemes(themes: Map<string, ThemesView>) {
  return [...themes]
    .flatMap(([commentedOn, view]) => view.themes.map(({ examples: _, ...theme }) => ({ commentedOn, ...theme })))
    .sort((a, b) => b.commenters - a.commenters || b.share - a.share || (a.code < b.code ? -1 : 1))
    .slice(0, TOP_THEMES);
}

function trendOf(now: FacetCell, before: FacetCell | null, since: WaveRef | null): TrendFigure {
  const [a, b] = [visibleMean(now), before ? visibleMean(before) : null];
  if (a !== null && b !== null) return { value: round1(a - b), n: now.n, hidden: null, since };
  const hidden = now.hidden ?? before?.hidden ?? 'no_data';
  return { value: null, n: now.n, hidden, since };
}
