import type { GroupKind, LocalizedText } from '@facets/domain';
import type { Kysely } from 'kysely';
import { listDimensions, listSegmentAttributes, type SegmentAttribute } from '../repositories/groups.ts';
import { localized } from '../repositories/rows.ts';
import type { Database } from '../schema.ts';
import { openSurveyAsking } from './dimensions.ts';
import { dimensionInUse, groupHasData, surveysAsking } from './usage.ts';

export interface ModelGroup {
  id: string;
  code: string;
  kind: GroupKind;
  label: LocalizedText;
  archived: boolean;
  /** Whether removing it would archive it (it has surveys, stakeholders, responses…) rather than delete it. */
  hasData: boolean;
  attributes: SegmentAttribute[];
}

export interface ModelDimension {
  id: string;
  code: string;
  label: LocalizedText;
  description: LocalizedText | null;
  groupIds: string[];
  archived: boolean;
  /** Whether removing it would archive it (questions, intended experience… use it) rather than delete it. */
  inUse: boolean;
  /** The groups whose surveys ask it: they cannot be dropped from it. */
  askedByGroupIds: string[];
  /** A survey taking answers now that asks it: it cannot be removed until that wave closes. */
  openSurvey: LocalizedText | null;
}

/** The organisation's whole model as its editors see it, archived items included and marked. */
export async function readModel(
  db: Kysely<Database>,
  args: { organizationId: string; now: string },
): Promise<{ groups: ModelGroup[]; dimensions: ModelDimension[] }> {
  const organizationId = args.organizationId;
  const rows = await db
    .selectFrom('stakeholder_group')
    .select(['id', 'code', 'kind', 'label', 'archived_at'])
    .where('organization_id', '=', organizationId)
    .orderBy('created_at')
    .orderBy('code')
    .execute();
  const groups: ModelGroup[] = [];
  for (const r of rows) {
    groups.push({
      id: r.id,
      code: r.code,
      kind: r.kind as GroupKind,
      label: localized(r.label),
      archived: r.archived_at !== null,
      hasData: await groupHasData(db, { organizationId, groupId: r.id }),
      attributes: await listSegmentAttributes(db, { organizationId, groupId: r.id }),
    });
  }
  const asking = await surveysAsking(db, { organizationId });
  const dimensions: ModelDimension[] = [];
  for (const d of await listDimensions(db, { organizationId })) {
    const askedBy = asking.filter((s) => s.dimensionId === d.id);
    dimensions.push({
      id: d.id,
      code: d.code,
      label: d.label,
      description: d.description,
      groupIds: d.groupIds,
      archived: d.archived,
      inUse: await dimensionInUse(db, { organizationId, dimensionId: d.id }),
      askedByGroupIds: [...new Set(askedBy.map((s) => s.groupId))].sort(),
      openSurvey: askedBy.length > 0 ? await openSurveyAsking(db, { ...args, dimensionId: d.id }) : null,
    });
  }
  return { groups, dimensions };
}
