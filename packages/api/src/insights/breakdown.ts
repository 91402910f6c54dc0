import { type Database, listDimensions, listSegmentAttributes } from '@facets/db';
import { DomainError, type LocalizedText } from '@facets/domain';
import type { Kysely } from 'kysely';
import { cellIn, facetKey, loadWaveData, type SegmentRow } from './cells.ts';
import { rowsOf } from './disclosure.ts';
import { scoreFigure } from './figures.ts';
import { loadPopulation } from './population.ts';
import { requireGroup, type Scope, wavesOf } from './scope.ts';

/**
 * `insights.breakdown`: a group's lived scores by the values of one segment key (department, site, supplier
 * category…) in one wave (the latest with data by default). Rows, cells and respondent counts go through the shared
 * disclosure rules (disclosure.ts): small values and their complementary siblings are hidden, and so are values whose
 * membership nearly equals a segment of another key.
 */
export async function breakdownView(
  db: Kysely<Database>,
  scope: Scope,
  input: { groupId: string; segmentKey: string; waveId?: string },
) {
  const group = await requireGroup(db, scope, input.groupId);
  const organizationId = scope.organizationId;
  const [attributes, dimensions, waves] = await Promise.all([
    listSegmentAttributes(db, { organizationId, groupId: group.id }),
    listDimensions(db, { organizationId, groupId: group.id }),
    // A wave asked for must hold answers of the group.
    input.waveId === undefined ? Promise.resolve([]) : wavesOf(db, scope, group.id),
  ]);
  // By default the group's current wave: its latest that may be shown (population.ts), read with every segment.
  const current =
    input.waveId === undefined
      ? (await loadPopulation(db, scope, { group, segment: null, waves: 'latest', everySegment: true })).waves.at(-1)
      : undefined;
  const wave =
    input.waveId === undefined ? (current?.wave ?? null) : (waves.find((w) => w.id === input.waveId) ?? null);
  if (input.waveId !== undefined && !wave) {
    throw new DomainError('not_found', 'waveId: no answers in this wave for this group', 'waveId');
  }
  const data = current?.data ?? (wave ? await loadWaveData(db, { organizationId, group, wave, segments: true }) : null);
  const attribute = attributes.find((a) => a.key === input.segmentKey);
  const k = scope.policy.k;
  const rows = data ? rowsOf(data, input.segmentKey, k) : [];
  if (!attribute && rows.length === 0) {
    throw new DomainError('not_found', 'segmentKey: no such segment in this group', 'segmentKey');
  }
  const labels = new Map<string, LocalizedText>((attribute?.values ?? []).map((v) => [v.value, v.label]));
  const order = [...labels.keys()];
  const values = [...order, ...rows.map((r) => r.value).filter((v) => !labels.has(v))];
  const byValue = new Map(rows.map((r) => [r.value, r]));
  const cellsOf = (row: SegmentRow | undefined) =>
    dimensions.map((d) => ({ dimensionId: d.id, ...scoreFigure(cellIn(row, facetKey(d.id, 'lived'))) }));
  const total = data ? rowsOf(data, '', k)[0] : undefined;
  return {
    groupId: group.id,
    wave,
    segment: { key: input.segmentKey, label: attribute?.label ?? { fr: input.segmentKey, en: input.segmentKey } },
    dimensions: dimensions.map((d) => ({ id: d.id, code: d.code, label: d.label })),
    total: { respondents: total?.respondents ?? { n: 0, hidden: 'no_data' as const }, cells: cellsOf(total) },
    rows: values.map((value) => {
      const row = byValue.get(value);
      return {
        value,
        label: labels.get(value) ?? { fr: value, en: value },
        respondents: row?.respondents ?? { n: 0, hidden: 'no_data' as const },
        cells: cellsOf(row),
      };
    }),
  };
}
