import { type Database, listDimensions, listSegmentAttributes } from '@facets/db';
import {
  type ChainMeasure,
  chainCorrelation,
  DomainError,
  fieldError,
  type LocalizedText,
  type Scale,
} from '@facets/domain';
import type { Kysely } from 'kysely';
import { facetKey, rowOf } from './cells.ts';
import { EMPTY_CELL, type Figure, type OutcomeMetric, outcomeFigure, round3, scoreFigure } from './figures.ts';
import { measurementsOf, outcomeKey, waveOf } from './measurements.ts';
import { loadPopulation, type ProgrammeWave, type Selection } from './population.ts';
import { requireReadableGroup, type Scope, selectionOf } from './scope.ts';

/** One side of the chain: a group, what it measures there, and optionally the programme and wave to read. */
export interface ChainSideInput extends Selection {
  groupId: string;
  measure: ChainMeasure;
}

/**
 * `insights.chain`: over the values of a segment attribute two groups share (a site, a store, a region), one group's
 * figure against the other's, and how they line up (domain `chainCorrelation`). A unit is shown only where both
 * groups' publications show the figure for that segment — exactly the figure the group drill-down shows, or the
 * overview's outcome figure, from the same cell — so the chain publishes nothing the console withholds
 * (docs/architecture.md, "The experience chain"). Units not shown are counted, never named: the count is the number
 * of shared values less the units shown, both public already.
 */
export async function chainView(
  db: Kysely<Database>,
  scope: Scope,
  input: { attribute: string; x: ChainSideInput; y: ChainSideInput },
) {
  if (input.x.groupId === input.y.groupId) {
    throw fieldError('invalid', 'y.groupId', 'choose a group other than the first side’s');
  }
  const x = await sideOf(db, scope, input.attribute, input.x, 'x');
  const y = await sideOf(db, scope, input.attribute, input.y, 'y');
  const yValues = new Set(y.values.map((v) => v.value));
  const shared = x.values.filter((v) => yValues.has(v.value));
  const units = shared.flatMap((v) => {
    const [fx, fy] = [x.figureOf(v.value), y.figureOf(v.value)];
    return fx.value === null || fy.value === null ? [] : [{ value: v.value, label: v.label, x: fx, y: fy }];
  });
  const c = chainCorrelation(units.map((u) => ({ unit: u.value, x: u.x.value as number, y: u.y.value as number })));
  const r3 = (v: number) => round3(v);
  return {
    attribute: { key: input.attribute, label: x.attributeLabel },
    x: x.view,
    y: y.view,
    /** The units both groups' figures stand for, in the attribute's order. */
    units,
    /** Shared values not shown, because either group's figure is withheld there (or nobody answered). */
    excluded: shared.length - units.length,
    shared: shared.length,
    correlation: {
      n: c.n,
      pearson: c.pearson
        ? { r: r3(c.pearson.r), ci95: { low: r3(c.pearson.ci95.low), high: r3(c.pearson.ci95.high) } }
        : null,
      spearman: c.spearman === null ? null : r3(c.spearman),
      strength: c.strength,
      direction: c.direction,
      caveats: c.caveats,
    },
  };
}

export interface ChainSideView {
  group: { id: string; kind: string; label: LocalizedText };
  measure: ChainMeasure & { label: LocalizedText | null; metric: OutcomeMetric | null };
  /** The wave the figures come from: the latest of the programme (up to the chosen wave) that asks the measure. */
  wave: ProgrammeWave | null;
  programme: { surveyId: string; chosenWave: string | null } | null;
}

async function sideOf(db: Kysely<Database>, scope: Scope, attribute: string, side: ChainSideInput, field: 'x' | 'y') {
  const organizationId = scope.organizationId;
  const group = await requireReadableGroup(db, scope, side.groupId, `${field}.groupId`);
  const [attributes, dimensions] = await Promise.all([
    listSegmentAttributes(db, { organizationId, groupId: group.id }),
    listDimensions(db, { organizationId, groupId: group.id }),
  ]);
  const found = attributes.find((a) => a.key === attribute);
  if (!found) throw fieldError('not_found', 'attribute', `the ${field} group has no such segment attribute`);
  const measure = side.measure;
  let key: string;
  let label: LocalizedText | null = null;
  if (measure.kind === 'dimension') {
    const dimension = dimensions.find((d) => d.id === measure.dimensionId);
    if (!dimension) {
      throw fieldError('not_found', `${field}.measure.dimensionId`, 'no such dimension in this group');
    }
    key = facetKey(dimension.id, measure.facet);
    label = dimension.label;
  } else {
    key = outcomeKey(measure.scale);
  }
  const population = await withField(
    field,
    loadPopulation(db, scope, { group, segment: null, selection: selectionOf(side) }),
  );
  const latest = measurementsOf(population.waves, (w) => w.asks.has(key)).latest;
  const figureOf = (value: string): Figure => {
    if (!latest) return { value: null, n: 0, hidden: 'no_data' };
    const cell = rowOf(latest.published, { key: attribute, value }).cells.get(key) ?? EMPTY_CELL;
    return measure.kind === 'dimension' ? scoreFigure(cell) : figureOnly(outcomeFigure(measure.scale, cell));
  };
  const view: ChainSideView = {
    group: { id: group.id, kind: group.kind, label: group.label },
    measure: { ...measure, label, metric: measure.kind === 'outcome' ? metricOf(measure.scale) : null },
    wave: latest ? waveOf(latest) : null,
    programme: population.programme,
  };
  return { view, values: found.values, attributeLabel: found.label, figureOf };
}

const metricOf = (scale: Scale) => outcomeFigure(scale, EMPTY_CELL).metric;
const figureOnly = (f: Figure): Figure => ({ value: f.value, n: f.n, hidden: f.hidden });

/** A refusal of one side's selection names that side's field (`x.surveyId`, `y.waveId`). */
async function withField<T>(side: 'x' | 'y', work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof DomainError && error.field) {
      const field = `${side}.${error.field}`;
      throw new DomainError(error.kind, `${side}.${error.message}`, field, error.reason);
    }
    throw error;
  }
}

export type ChainView = Awaited<ReturnType<typeof chainView>>;
