import { EMPTY_MOMENTS, type GroupKind, type LocalizedText, type Moments } from '@facets/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { readCells } from './aggregates.ts';
import { listDimensions, listGroups, listIntendedExperience } from './groups.ts';
import { getOrganization } from './organizations.ts';
import { latestWavesWithData, type WaveRef } from './surveys.ts';

export interface OverviewDimension {
  id: string;
  code: string;
  label: LocalizedText;
  shared: boolean;
  intended: null | { target: number; priority: number; statement: LocalizedText };
  /** Whole-group moments (segment ''), summed over scales since every scale maps to the same 0–100 index. */
  expected: Moments;
  lived: Moments;
}

export interface OverviewGroup {
  id: string;
  code: string;
  kind: GroupKind;
  label: LocalizedText;
  wave: WaveRef | null;
  dimensions: OverviewDimension[];
}

/**
 * What the four-facet overview reads, per group: its latest wave with data and, per dimension, intended experience
 * and the raw expected/lived moments. Anonymity thresholds and gaps are applied by the caller (domain functions).
 */
export async function loadOverview(
  db: Kysely<Database>,
  args: { organizationId: string; groupId?: string },
): Promise<{ kThreshold: number; groups: OverviewGroup[] }> {
  const organization = await getOrganization(db, args.organizationId);
  if (!organization) return { kThreshold: 5, groups: [] };
  const [groups, dimensions, intended, waves] = await Promise.all([
    listGroups(db, args.organizationId),
    listDimensions(db, { organizationId: args.organizationId }),
    listIntendedExperience(db, {
      organizationId: args.organizationId,
      ...(args.groupId ? { groupId: args.groupId } : {}),
    }),
    latestWavesWithData(db, args.organizationId),
  ]);
  const result: OverviewGroup[] = [];
  for (const group of groups) {
    if (args.groupId !== undefined && group.id !== args.groupId) continue;
    const wave = waves.get(group.id) ?? null;
    const cells = wave
      ? await readCells(db, { organizationId: args.organizationId, groupId: group.id, waveId: wave.id, segmentKey: '' })
      : [];
    const momentsOf = (dimensionId: string, facet: string): Moments =>
      cells
        .filter((c) => c.dimensionId === dimensionId && c.facet === facet)
        .reduce((m, c) => ({ n: m.n + c.n, sum: m.sum + c.sum, sumSq: m.sumSq + c.sumSq }), EMPTY_MOMENTS);
    result.push({
      ...group,
      wave,
      dimensions: dimensions
        .filter((d) => d.groupIds.includes(group.id))
        .map((d) => {
          const i = intended.find((x) => x.groupId === group.id && x.dimensionId === d.id);
          return {
            id: d.id,
            code: d.code,
            label: d.label,
            shared: d.shared,
            intended: i ? { target: i.target, priority: i.priority, statement: i.statement } : null,
            expected: momentsOf(d.id, 'expected'),
            lived: momentsOf(d.id, 'lived'),
          };
        }),
    });
  }
  return { kThreshold: organization.kThreshold, groups: result };
}
