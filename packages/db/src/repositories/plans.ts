import type { InitiativeStatus, LocalizedText } from '@facets/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { bool, localized, localizedOrNull } from './rows.ts';

/** What the organisation puts in place (initiatives: the proposed facet) and what it tells each group (promises). */

export interface Initiative {
  id: string;
  title: LocalizedText;
  description: LocalizedText | null;
  /** Codes of the organisation's lists (model/lists.ts). */
  kind: string;
  ownerDepartment: string;
  status: InitiativeStatus;
  startDate: string | null;
  endDate: string | null;
  /** Shown in the linked groups' "you said, we did". */
  published: boolean;
  /** The group × dimensions it aims at, sorted by group then dimension. */
  targets: { groupId: string; dimensionId: string }[];
  updatedAt: string;
}

export interface CommunicatedPromise {
  id: string;
  groupId: string;
  dimensionId: string | null;
  channel: string;
  statement: LocalizedText;
  madeOn: string;
}

/** Every initiative of the organisation (or those of `ids`), oldest first, with its targets. */
export async function listInitiatives(
  db: Kysely<Database>,
  args: { organizationId: string; ids?: readonly string[] },
): Promise<Initiative[]> {
  if (args.ids?.length === 0) return [];
  const [initiatives, targets] = await Promise.all([
    db
      .selectFrom('initiative')
      .select([
        'id',
        'title',
        'description',
        'kind',
        'owner_department',
        'status',
        'start_date',
        'end_date',
        'published',
        'updated_at',
      ])
      .where('organization_id', '=', args.organizationId)
      .$if(args.ids !== undefined, (q) => q.where('id', 'in', args.ids ?? []))
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('initiative_target')
      .select(['initiative_id', 'group_id', 'dimension_id'])
      .where('organization_id', '=', args.organizationId)
      .$if(args.ids !== undefined, (q) => q.where('initiative_id', 'in', args.ids ?? []))
      .execute(),
  ]);
  const targetsOf = new Map<string, { groupId: string; dimensionId: string }[]>();
  for (const t of targets) {
    const list = targetsOf.get(t.initiative_id) ?? [];
    list.push({ groupId: t.group_id, dimensionId: t.dimension_id });
    targetsOf.set(t.initiative_id, list);
  }
  const order = (a: { groupId: string; dimensionId: string }, b: { groupId: string; dimensionId: string }) =>
    a.groupId < b.groupId ? -1 : a.groupId > b.groupId ? 1 : a.dimensionId < b.dimensionId ? -1 : 1;
  return initiatives.map((i) => ({
    id: i.id,
    title: localized(i.title),
    description: localizedOrNull(i.description),
    kind: i.kind,
    ownerDepartment: i.owner_department,
    status: i.status as InitiativeStatus,
    startDate: i.start_date,
    endDate: i.end_date,
    published: bool(i.published),
    targets: (targetsOf.get(i.id) ?? []).sort(order),
    updatedAt: i.updated_at,
  }));
}

/** What the organisation has told its groups (or one group, or the promises of `ids`), oldest first. */
export async function listPromises(
  db: Kysely<Database>,
  args: { organizationId: string; groupId?: string; ids?: readonly string[] },
): Promise<CommunicatedPromise[]> {
  if (args.ids?.length === 0) return [];
  let query = db
    .selectFrom('promise')
    .select(['id', 'group_id', 'dimension_id', 'channel', 'statement', 'made_on'])
    .where('organization_id', '=', args.organizationId);
  if (args.groupId !== undefined) query = query.where('group_id', '=', args.groupId);
  if (args.ids !== undefined) query = query.where('id', 'in', args.ids);
  const rows = await query.orderBy('made_on').orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    groupId: r.group_id,
    dimensionId: r.dimension_id,
    channel: r.channel,
    statement: localized(r.statement),
    madeOn: r.made_on,
  }));
}
