import {
  COMPANY_COUNTED,
  DEACTIVATION_CONFIRM_SHARE,
  type DirectoryField,
  deactivationNeedsConfirmation,
  MAX_REPORTING_DEPTH,
  reportingCycles,
} from '@facets/domain';
import type { Kysely } from 'kysely';
import { listCompanies, saveCompanyAssignment } from '../repositories/companies.ts';
import { listSegmentAttributes, requireGroup } from '../repositories/groups.ts';
import { CSV_MAX_REPORTED, type CsvError, type InviteeRow, parseInvitees } from '../repositories/invitation-csv.ts';
import { placeInCompanies, type RowCompany } from '../repositories/invitation-import.ts';
import { findExisting, match, mergedSegments, type Planned } from '../repositories/invitation-matching.ts';
import { inTransaction, parseJson } from '../repositories/rows.ts';
import type { Database } from '../schema.ts';

/**
 * A group's people directory kept in step with the HR or CRM file, all or nothing. The file is read as an invitation
 * file is (same parser, same matching by external id, else e-mail, same companies), plus start and end dates and the
 * manager's external id. Whoever the file lists is created or updated and active; whoever of the group's active people
 * it no longer lists is deactivated, never deleted. A file with any mistake — in a row, a duplicate, an unknown
 * manager, a reporting line that comes back on itself or holds more than `MAX_REPORTING_DEPTH` managers above someone
 * (each is a team a response counts in) — is refused whole, every mistake named. A sync that would
 * deactivate more than 40 % of the active people is applied only when confirmed: a file cut short should not empty
 * the directory.
 */

/** How many people each list of a summary names; the counts are always whole. */
const LISTED = 500;

export interface SyncSummary {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  deactivated: number;
  /** Active people of the group before the sync. */
  active: number;
  newCompanies: number;
  /** More than `confirmShare` of the active people would be deactivated: `confirmDeactivation` is needed. */
  confirmationRequired: boolean;
  confirmShare: number;
  creations: { row: number; name: string; email: string }[];
  updates: { row: number; name: string; fields: DirectoryField[] }[];
  deactivations: { id: string; name: string; externalId: string | null }[];
}

export type SyncOutcome =
  | { status: 'refused'; rows: number; errorCount: number; errors: CsvError[] }
  /** Applying was asked without confirming a large deactivation: nothing was written. */
  | { status: 'needs_confirmation'; summary: SyncSummary }
  | { status: 'valid' | 'synced'; summary: SyncSummary; companies: RowCompany[] };

export interface SyncArgs {
  organizationId: string;
  groupId: string;
  csv: string;
  now: string;
  confirmDeactivation?: boolean;
  /** Share of the active people above which a deactivation must be confirmed (default 40 %). */
  confirmShare?: number;
  /** Ids of new records; a preview names the companies it would create with placeholders. */
  newId?: () => string;
}

interface Member {
  id: string;
  display_name: string;
  external_ref: string | null;
}

let previewIds = 0;

async function plan(trx: Kysely<Database>, args: SyncArgs) {
  const { organizationId } = args;
  const group = await requireGroup(trx, { organizationId, groupId: args.groupId });
  const attributes = await listSegmentAttributes(trx, { organizationId, groupId: group.id });
  const parsed = parseInvitees(args.csv, attributes, { directory: true });
  const empty = { group, rowCount: parsed.rowCount, planned: [] as Planned[] };
  if (parsed.errors.length > 0) return { ...empty, errors: parsed.errors };
  const header = (field: string) => parsed.columns.find((c) => c.field === field)?.header ?? field;
  const has = (field: string) => parsed.columns.some((c) => c.field === field);
  const matched = match(
    parsed.rows,
    await findExisting(trx, organizationId, group.id, parsed.rows),
    header('email'),
    header('external_id'),
  );
  const errors = [...matched.errors, ...reportingLineErrors(parsed.rows, header('manager'))].sort(
    (a, b) => a.row - b.row,
  );
  if (errors.length > 0) return { ...empty, errors };

  const planned = matched.planned;
  const known = await listCompanies(trx, organizationId);
  const companies = placeInCompanies(planned, known, {
    byDomain: COMPANY_COUNTED.includes(group.kind),
    newId: args.newId ?? (() => `new-company-${++previewIds}`),
  });
  // Every row's person, by a key that stands for a new person before it has an id.
  const keyOf = new Map(planned.map((p) => [p, p.existing?.id ?? `new:${p.invitee.row}`]));
  const byRef = new Map(planned.flatMap((p) => (p.invitee.externalId ? [[p.invitee.externalId, p] as const] : [])));
  const managerKeyOf = (p: Planned) => {
    const manager = p.invitee.managerRef === null ? undefined : byRef.get(p.invitee.managerRef);
    return manager ? keyOf.get(manager)! : null;
  };
  const changesOf = (p: Planned): DirectoryField[] => {
    const e = p.existing!;
    const i = p.invitee;
    const company = companies.companyOf.get(p);
    const changed: Record<DirectoryField, boolean> = {
      name: i.name !== null && i.name !== e.display_name,
      email: i.email !== e.email,
      externalId: i.externalId !== null && i.externalId !== e.external_ref,
      company: (i.company !== null && i.company !== e.company) || (company !== undefined && company !== e.company_id),
      language: i.locale !== null && i.locale !== e.locale,
      segments: JSON.stringify(mergedSegments(e, i)) !== JSON.stringify(parseJson(e.segments, {})),
      startDate: has('start_date') && i.startDate !== e.start_date,
      endDate: has('end_date') && i.endDate !== e.end_date,
      manager: has('manager') && managerKeyOf(p) !== e.manager_id,
      active: e.active !== 1,
    };
    return (Object.keys(changed) as DirectoryField[]).filter((f) => changed[f]);
  };
  const fields = new Map(planned.filter((p) => p.existing).map((p) => [p, changesOf(p)]));

  const listed = new Set(planned.flatMap((p) => (p.existing ? [p.existing.id] : [])));
  const activeMembers: Member[] = await trx
    .selectFrom('stakeholder')
    .select(['id', 'display_name', 'external_ref'])
    .where('organization_id', '=', organizationId)
    .where('group_id', '=', group.id)
    .where('active', '=', 1)
    .where('erased_at', 'is', null)
    .orderBy('display_name')
    .orderBy('id')
    .execute();
  const leaving = activeMembers.filter((m) => !listed.has(m.id));
  const share = args.confirmShare ?? DEACTIVATION_CONFIRM_SHARE;
  const updates = planned.filter((p) => (fields.get(p)?.length ?? 0) > 0);
  const summary: SyncSummary = {
    rows: planned.length,
    created: planned.filter((p) => !p.existing).length,
    updated: updates.length,
    unchanged: planned.filter((p) => p.existing && fields.get(p)!.length === 0).length,
    deactivated: leaving.length,
    active: activeMembers.length,
    newCompanies: companies.assignment.created.length,
    confirmationRequired: deactivationNeedsConfirmation(activeMembers.length, leaving.length, share),
    confirmShare: share,
    creations: planned
      .filter((p) => !p.existing)
      .slice(0, LISTED)
      .map((p) => ({ row: p.invitee.row, name: p.invitee.name ?? p.invitee.email, email: p.invitee.email })),
    updates: updates.slice(0, LISTED).map((p) => ({
      row: p.invitee.row,
      name: p.invitee.name ?? p.existing!.display_name,
      fields: fields.get(p)!,
    })),
    deactivations: leaving
      .slice(0, LISTED)
      .map((m) => ({ id: m.id, name: m.display_name, externalId: m.external_ref })),
  };
  return {
    group,
    rowCount: parsed.rowCount,
    errors: [] as CsvError[],
    planned,
    fields,
    has,
    keyOf,
    managerKeyOf,
    leaving,
    summary,
    known,
    ...companies,
  };
}

/**
 * Managers that are nobody of the file, reporting lines that come back on themselves, and people with more than
 * `MAX_REPORTING_DEPTH` managers above them (every row named).
 */
function reportingLineErrors(rows: readonly InviteeRow[], managerHeader: string): CsvError[] {
  const rowOf = new Map(rows.flatMap((r) => (r.externalId ? [[r.externalId, r.row] as const] : [])));
  const errors: CsvError[] = [];
  for (const r of rows) {
    if (r.managerRef !== null && !rowOf.has(r.managerRef)) {
      errors.push({
        row: r.row,
        column: managerHeader,
        code: 'unknown_manager',
        message: 'no row of the file has this external id',
        value: r.managerRef,
      });
    }
  }
  const links = rows.flatMap((r) =>
    r.externalId
      ? [{ key: r.externalId, manager: r.managerRef !== null && rowOf.has(r.managerRef) ? r.managerRef : null }]
      : [],
  );
  for (const cycle of reportingCycles(links)) {
    const chain = [...cycle, cycle[0]!].join(' → ');
    const cycleRows = cycle.map((key) => rowOf.get(key)!);
    for (const key of cycle) {
      errors.push({
        row: rowOf.get(key)!,
        column: managerHeader,
        code: 'reporting_cycle',
        message: `the reporting line comes back on itself: ${chain} (rows ${cycleRows.join(', ')})`,
        value: chain,
        allowed: cycleRows.map(String),
      });
    }
  }
  if (errors.some((e) => e.code === 'reporting_cycle')) return errors;
  const managerOf = new Map(links.map((l) => [l.key, l.manager]));
  for (const r of rows) {
    const chain: string[] = [];
    let m = r.managerRef !== null && rowOf.has(r.managerRef) ? r.managerRef : null;
    for (; m !== null && chain.length <= MAX_REPORTING_DEPTH; m = managerOf.get(m) ?? null) chain.push(m);
    if (chain.length <= MAX_REPORTING_DEPTH) continue;
    errors.push({
      row: r.row,
      column: managerHeader,
      code: 'reporting_too_deep',
      message: `more than ${MAX_REPORTING_DEPTH} managers above this person: ${chain.join(' → ')}`,
      value: chain.join(' → '),
      allowed: [String(MAX_REPORTING_DEPTH)],
    });
  }
  return errors;
}

function refused(result: { rowCount: number; errors: CsvError[] }): SyncOutcome {
  return {
    status: 'refused',
    rows: result.rowCount,
    errorCount: result.errors.length,
    errors: result.errors.slice(0, CSV_MAX_REPORTED),
  };
}

/** Checks a directory file and says what syncing it would do: created, updated (which fields), deactivated. */
export async function previewDirectorySync(db: Kysely<Database>, args: SyncArgs): Promise<SyncOutcome> {
  const result = await plan(db, args);
  if (result.errors.length > 0 || !('summary' in result)) return refused(result);
  return { status: 'valid', summary: result.summary, companies: result.rowCompanies };
}

/** Syncs a group's directory from a file, exactly as its preview says, in one transaction. */
export async function syncDirectory(
  db: Kysely<Database>,
  args: SyncArgs & { newId: () => string },
): Promise<SyncOutcome> {
  return inTransaction(db, async (trx) => {
    const { organizationId } = args;
    const result = await plan(trx, args);
    if (result.errors.length > 0 || !('summary' in result)) return refused(result);
    const { summary, planned, has, group } = result;
    if (summary.confirmationRequired && args.confirmDeactivation !== true) {
      return { status: 'needs_confirmation', summary };
    }
    await saveCompanyAssignment(trx, {
      organizationId,
      assignment: result.assignment,
      known: result.known,
      now: args.now,
    });
    const idOf = new Map<string, string>();
    for (const p of planned) idOf.set(result.keyOf.get(p)!, p.existing?.id ?? args.newId());
    const fresh = planned.filter((p) => !p.existing);
    for (let i = 0; i < fresh.length; i += 200) {
      await trx
        .insertInto('stakeholder')
        .values(
          fresh.slice(i, i + 200).map((p) => ({
            id: idOf.get(result.keyOf.get(p)!)!,
            organization_id: organizationId,
            group_id: group.id,
            external_ref: p.invitee.externalId,
            email: p.invitee.email,
            display_name: p.invitee.name ?? p.invitee.email,
            company: p.invitee.company,
            company_id: result.companyOf.get(p) ?? null,
            segments: JSON.stringify(p.invitee.segments),
            locale: p.invitee.locale,
            start_date: p.invitee.startDate,
            end_date: p.invitee.endDate,
            active: 1,
            created_at: args.now,
          })),
        )
        .execute();
    }
    for (const p of planned) {
      const fields = result.fields.get(p) ?? [];
      const managerKey = result.managerKeyOf(p);
      const managerId = managerKey === null ? null : idOf.get(managerKey)!;
      const setsManager = has('manager') && (p.existing ? fields.includes('manager') : managerId !== null);
      if (p.existing && fields.length === 0) continue;
      if (!p.existing && !setsManager) continue;
      const { invitee, existing } = p;
      const companyId = result.companyOf.get(p);
      await trx
        .updateTable('stakeholder')
        .set({
          ...(existing
            ? {
                email: invitee.email,
                ...(invitee.name !== null ? { display_name: invitee.name } : {}),
                ...(invitee.externalId !== null ? { external_ref: invitee.externalId } : {}),
                ...(invitee.company !== null ? { company: invitee.company } : {}),
                ...(companyId !== undefined ? { company_id: companyId } : {}),
                ...(invitee.locale !== null ? { locale: invitee.locale } : {}),
                ...(has('start_date') ? { start_date: invitee.startDate } : {}),
                ...(has('end_date') ? { end_date: invitee.endDate } : {}),
                segments: JSON.stringify(mergedSegments(existing, invitee)),
                active: 1,
                deactivated_at: null,
              }
            : {}),
          ...(setsManager ? { manager_id: managerId } : {}),
        })
        .where('organization_id', '=', organizationId)
        .where('id', '=', idOf.get(result.keyOf.get(p)!)!)
        .execute();
    }
    const leaving = result.leaving.map((m) => m.id);
    for (let i = 0; i < leaving.length; i += 500) {
      await trx
        .updateTable('stakeholder')
        .set({ active: 0, deactivated_at: args.now })
        .where('organization_id', '=', organizationId)
        .where('group_id', '=', group.id)
        .where('id', 'in', leaving.slice(i, i + 500))
        .execute();
    }
    return { status: 'synced', summary, companies: result.rowCompanies };
  });
}
