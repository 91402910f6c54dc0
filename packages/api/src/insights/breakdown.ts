import {
  COMPANY_COUNTED,
  COMPANY_KEY,
  type Database,
  listDimensions,
  listSegmentAttributes,
  teamAttribute,
} from '@facets/db';
import { DomainError, type LocalizedText, TEAM_KEY } from '@facets/domain';
import type { Kysely } from 'kysely';
import { cellIn, facetKey, rowOf, type SegmentRow } from './cells.ts';
import { comparisonFigure, scoreFigure } from './figures.ts';
import { fullestWave } from './measurements.ts';
import { loadPopulation, type Selection } from './population.ts';
import { requireReadableGroup, type Scope, selectionOf } from './scope.ts';

/**
 * `insights.breakdown`: a group's lived scores by the values of one segment key (department, site, supplier
 * category…) in one published wave (the chosen one, else the programme's latest that measures the most dimensions,
 * `fullestWave`). Each value is a population of the wave's
 * publication: shown when the publication accepted it, else withheld with the reason it was given there. A shown
 * value's cell says how far it is from the whole group (`vsTotal`, with its 95 % interval).
 */
export async function breakdownView(
  db: Kysely<Database>,
  scope: Scope,
  input: { groupId: string; segmentKey: string } & Selection,
) {
  const group = await requireReadableGroup(db, scope, input.groupId);
  if (input.segmentKey === COMPANY_KEY && COMPANY_COUNTED.includes(group.kind)) {
    throw new DomainError('invalid', 'segmentKey: suppliers are never broken down by company', 'segmentKey');
  }
  const organizationId = scope.organizationId;
  const [attributes, dimensions, population] = await Promise.all([
    input.segmentKey === TEAM_KEY
      ? teamAttribute(db, { organizationId, groupId: group.id }).then((t) => (t ? [t] : []))
      : listSegmentAttributes(db, { organizationId, groupId: group.id }),
    listDimensions(db, { organizationId, groupId: group.id }),
    loadPopulation(db, scope, { group, segment: null, selection: selectionOf(input) }),
  ]);
  const chosen = fullestWave(population) ?? undefined;
  const attribute = attributes.find((a) => a.key === input.segmentKey);
  const published = chosen?.published ?? null;
  const carried = published
    ? [...published.populations.map((p) => p.segment), ...published.refused.map((r) => r.segment)]
        .filter((s) => s.key === input.segmentKey)
        .map((s) => s.value)
    : [];
  if (!attribute && carried.length === 0) {
    throw new DomainError('not_found', 'segmentKey: no such segment in this group', 'segmentKey');
  }
  const labels = new Map<string, LocalizedText>((attribute?.values ?? []).map((v) => [v.value, v.label]));
  const values = [...labels.keys(), ...carried.filter((v) => !labels.has(v))];
  const total = published ? rowOf(published, null) : undefined;
  // Each value's cells carry their difference from the whole group, with its confidence.
  const cellsOf = (row: SegmentRow | undefined, compare: boolean) =>
    dimensions.map((d) => {
      const cell = cellIn(row, facetKey(d.id, 'lived'));
      const whole = cellIn(total, facetKey(d.id, 'lived'));
      return { dimensionId: d.id, ...scoreFigure(cell), vsTotal: compare ? comparisonFigure(cell, whole) : null };
    });
  return {
    groupId: group.id,
    /** The group's kind: a supplier's counts are of contacts, its rule of companies. */
    groupKind: group.kind,
    wave: chosen?.wave ?? null,
    segment: { key: input.segmentKey, label: attribute?.label ?? { fr: input.segmentKey, en: input.segmentKey } },
    dimensions: dimensions.map((d) => ({ id: d.id, code: d.code, label: d.label })),
    total: { respondents: total?.respondents ?? { n: 0, hidden: 'no_data' as const }, cells: cellsOf(total, false) },
    rows: values.map((value) => {
      const row = published ? rowOf(published, { key: input.segmentKey, value }) : undefined;
      return {
        value,
        label: labels.get(value) ?? { fr: value, en: value },
        respondents: row?.respondents ?? { n: 0, hidden: 'no_data' as const },
        cells: cellsOf(row, true),
      };
    }),
  };
}
