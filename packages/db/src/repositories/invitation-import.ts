import {
  assignCompanies,
  type CompanyAssignment,
  type CompanyMatchKind,
  DomainError,
  type GroupKind,
  type KnownCompany,
  Locale,
  waveState,
} from '@facets/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { listCompanies, saveCompanyAssignment } from './companies.ts';
import { overFatigueLimitAmong } from './fatigue.ts';
import { listSegmentAttributes } from './groups.ts';
import { CSV_MAX_REPORTED, type CsvError, parseInvitees } from './invitation-csv.ts';
import { invitationMail } from './invitation-mail.ts';
import { findExisting, match, mergedSegments, type Planned } from './invitation-matching.ts';
import { invitationLink, issueInvitations } from './invitations.ts';
import { enqueueMessage } from './outbox.ts';
import { surveyPeriod } from './periods.ts';
import { COMPANY_COUNTED } from './respondents.ts';
import { inTransaction, localized } from './rows.ts';
import { requireWave } from './survey-access.ts';

/**
 * Invitations from a CSV, all or nothing: every row is checked against the group's segment attributes and its
 * stakeholders first; only a file without a single mistake is written, in one transaction — stakeholders created or
 * updated (matched by external id, else by e-mail, within the group), one invitation and one e-mail per person not
 * invited to this wave yet. Uploading the same people again creates nobody twice and invites nobody twice.
 */

/** Invitations to a wave without a closing date stop working after this long. */
const OPEN_ENDED_EXPIRY_DAYS = 90;

export interface ImportSummary {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  /** People who get an invitation now. */
  invited: number;
  /** People already invited to this wave, who get no second e-mail. */
  alreadyInvited: number;
  /** People the organisation's fatigue rule withholds: asked too often lately, not invited (created or updated still). */
  overLimit: number;
  /** Companies the file brings that were not known yet. */
  newCompanies: number;
}

/** Which company a row's person belongs to, and how it was found: by its name, by the e-mail's domain, or new. */
export interface RowCompany {
  row: number;
  companyId: string;
  company: string;
  how: CompanyMatchKind;
}

export type ImportOutcome =
  | { status: 'refused'; rows: number; errorCount: number; errors: CsvError[] }
  | { status: 'valid' | 'imported'; summary: ImportSummary; companies: RowCompany[] };

interface ImportArgs {
  organization: { id: string; name: string; defaultLocale: string };
  waveId: string;
  csv: string;
  now: string;
  groupKinds?: readonly GroupKind[];
  /** Ids of new records; a preview, which writes nothing, names the companies it would create with placeholders. */
  newId?: () => string;
}

async function plan(trx: Kysely<Database>, args: ImportArgs) {
  const organizationId = args.organization.id;
  const { survey, wave } = await requireWave(trx, {
    organizationId,
    waveId: args.waveId,
    ...(args.groupKinds ? { groupKinds: args.groupKinds } : {}),
  });
  if (waveState(wave, args.now) === 'closed') {
    throw new DomainError(
      'conflict',
      'waveId: this wave is closed and takes no more answers: schedule a new wave',
      'waveId',
      'closed',
    );
  }
  // Archived attributes and values take no new people: a file naming one is refused as an unknown value.
  const attributes = await listSegmentAttributes(trx, { organizationId, groupId: survey.groupId, active: true });
  const parsed = parseInvitees(args.csv, attributes);
  const header = (field: string) => parsed.columns.find((c) => c.field === field)?.header ?? field;
  const matched =
    parsed.errors.length > 0
      ? { errors: parsed.errors, planned: [] }
      : match(
          parsed.rows,
          await findExisting(trx, organizationId, survey.groupId, parsed.rows),
          header('email'),
          header('external_id'),
        );
  const invited = new Set(
    (
      await trx
        .selectFrom('invitation')
        .select('stakeholder_id')
        .where('organization_id', '=', organizationId)
        .where('wave_id', '=', wave.id)
        .execute()
    ).map((r) => r.stakeholder_id),
  );
  const known = await listCompanies(trx, organizationId);
  const companies = placeInCompanies(matched.planned, known, {
    byDomain: COMPANY_COUNTED.includes(survey.groupKind),
    newId: args.newId ?? (() => `new-company-${++previewIds}`),
  });
  return {
    survey,
    wave,
    rowCount: parsed.rowCount,
    errors: matched.errors,
    planned: matched.planned,
    invited,
    known,
    ...companies,
  };
}

let previewIds = 0;

/**
 * The company of each row: a row naming a company, or (in groups counted in companies) a person with none yet, is
 * placed by `assignCompanies`; a row with no company keeps the person's. A person moved to another company is a
 * change.
 */
export function placeInCompanies(
  planned: Planned[],
  known: readonly KnownCompany[],
  options: { byDomain: boolean; newId: () => string },
): { assignment: CompanyAssignment; companyOf: Map<Planned, string>; rowCompanies: RowCompany[] } {
  const placed = planned.filter(
    (p) => p.invitee.company !== null || (options.byDomain && (p.existing?.company_id ?? null) === null),
  );
  const assignment = assignCompanies(
    known,
    placed.map((p) => ({ company: p.invitee.company, email: p.invitee.email })),
    options,
  );
  const companyOf = new Map<Planned, string>();
  const rowCompanies: RowCompany[] = [];
  placed.forEach((p, i) => {
    const m = assignment.matches[i]!;
    if (m.companyId === null) return;
    companyOf.set(p, m.companyId);
    rowCompanies.push({ row: p.invitee.row, companyId: m.companyId, company: m.companyName, how: m.how });
    if (p.existing && p.existing.company_id !== m.companyId) p.changed = true;
  });
  return { assignment, companyOf, rowCompanies };
}

function summaryOf(
  planned: Planned[],
  invited: Set<string>,
  assignment: CompanyAssignment,
  overLimit: number,
): ImportSummary {
  const already = planned.filter((p) => p.existing && invited.has(p.existing.id)).length;
  return {
    rows: planned.length,
    created: planned.filter((p) => !p.existing).length,
    updated: planned.filter((p) => p.existing && p.changed).length,
    unchanged: planned.filter((p) => p.existing && !p.changed).length,
    invited: planned.length - already - overLimit,
    alreadyInvited: already,
    overLimit,
    newCompanies: assignment.created.length,
  };
}

function refused(result: { rowCount: number; errors: CsvError[] }): ImportOutcome {
  return {
    status: 'refused',
    rows: result.rowCount,
    errorCount: result.errors.length,
    errors: result.errors.slice(0, CSV_MAX_REPORTED),
  };
}

/** Checks a file and says what importing it would do; writes nothing. */
export async function previewInvitationImport(db: Kysely<Database>, args: ImportArgs): Promise<ImportOutcome> {
  const result = await plan(db, args);
  if (result.errors.length > 0) return refused(result);
  // People new to the directory have never been asked: only known ones can be over the limit.
  const over = await overFatigueLimitAmong(db, {
    organizationId: args.organization.id,
    stakeholderIds: result.planned.flatMap((p) =>
      p.existing && !result.invited.has(p.existing.id) ? [p.existing.id] : [],
    ),
    now: args.now,
    lock: false,
  });
  return {
    status: 'valid',
    summary: summaryOf(result.planned, result.invited, result.assignment, over.size),
    companies: result.rowCompanies,
  };
}

/** Imports a file all or nothing (see the top of this file); a file with any mistake is refused with its report. */
export async function importInvitations(
  db: Kysely<Database>,
  args: ImportArgs & { baseUrl: string; newId: () => string },
): Promise<ImportOutcome> {
  return inTransaction(db, async (trx) => {
    const organizationId = args.organization.id;
    const result = await plan(trx, args);
    if (result.errors.length > 0) return refused(result);
    const { survey, wave, planned, invited, companyOf } = result;
    await saveCompanyAssignment(trx, {
      organizationId,
      assignment: result.assignment,
      known: result.known,
      now: args.now,
    });
    const fresh = planned
      .filter((p) => !p.existing)
      .map((p) => ({ ...p, id: args.newId(), companyId: companyOf.get(p) }));
    for (let i = 0; i < fresh.length; i += 200) {
      await trx
        .insertInto('stakeholder')
        .values(
          fresh.slice(i, i + 200).map(({ invitee, id, companyId }) => ({
            id,
            organization_id: organizationId,
            group_id: survey.groupId,
            external_ref: invitee.externalId,
            email: invitee.email,
            display_name: invitee.name ?? invitee.email,
            company: invitee.company,
            company_id: companyId ?? null,
            segments: JSON.stringify(invitee.segments),
            locale: invitee.locale,
            created_at: args.now,
          })),
        )
        .execute();
    }
    for (const p of planned.filter((p) => p.existing && p.changed)) {
      const { invitee, existing } = p;
      const companyId = companyOf.get(p);
      await trx
        .updateTable('stakeholder')
        .set({
          email: invitee.email,
          ...(invitee.name !== null ? { display_name: invitee.name } : {}),
          ...(invitee.externalId !== null ? { external_ref: invitee.externalId } : {}),
          ...(invitee.company !== null ? { company: invitee.company } : {}),
          ...(companyId !== undefined ? { company_id: companyId } : {}),
          ...(invitee.locale !== null ? { locale: invitee.locale } : {}),
          segments: JSON.stringify(mergedSegments(existing, invitee)),
        })
        .where('organization_id', '=', organizationId)
        .where('id', '=', existing!.id)
        .execute();
    }
    const people = [
      ...fresh.map((p) => ({ id: p.id, invitee: p.invitee, existing: null })),
      ...planned
        .filter((p) => p.existing)
        .map((p) => ({ id: p.existing!.id, invitee: p.invitee, existing: p.existing })),
    ]
      .filter((p) => !invited.has(p.id))
      .map(({ id, invitee, existing }) => ({
        id,
        email: invitee.email,
        name: invitee.name ?? existing?.display_name ?? invitee.email,
        locale: invitee.locale ?? existing?.locale ?? null,
      }));
    const sent = await sendInvitations(trx, { ...args, survey, wave, people });
    return {
      status: 'imported',
      summary: summaryOf(planned, invited, result.assignment, sent.overLimit.length),
      companies: result.rowCompanies,
    };
  });
}

/** Someone to invite: their stakeholder record, address, name and language (null: the organisation's). */
export interface Invitee {
  id: string;
  email: string;
  name: string;
  locale: string | null;
}

/** What `sendInvitations` did: the people invited, and those the fatigue rule withheld (not invited, no e-mail). */
export interface SentInvitations {
  invited: Invitee[];
  overLimit: Invitee[];
}

/**
 * Issues one invitation per person to a wave and writes each one's e-mail to the outbox, in the caller's transaction:
 * the one path of invitations, whether the people come from a file, the group's directory, a cadence or a trigger.
 * It is where the organisation's fatigue rule is enforced (`overFatigueLimitAmong`): a person it withholds gets no
 * invitation and is returned in `overLimit` for the caller to count.
 */
export async function sendInvitations(
  trx: Kysely<Database>,
  args: {
    organization: ImportArgs['organization'];
    survey: Awaited<ReturnType<typeof requireWave>>['survey'];
    wave: Awaited<ReturnType<typeof requireWave>>['wave'];
    people: readonly Invitee[];
    now: string;
    baseUrl: string;
    newId: () => string;
  },
): Promise<SentInvitations> {
  const organizationId = args.organization.id;
  const { survey, wave } = args;
  if (args.people.length === 0) return { invited: [], overLimit: [] };
  const over = await overFatigueLimitAmong(trx, {
    organizationId,
    stakeholderIds: args.people.map((p) => p.id),
    now: args.now,
    lock: true,
  });
  const people = args.people.filter((p) => !over.has(p.id));
  const overLimit = args.people.filter((p) => over.has(p.id));
  if (people.length === 0) return { invited: [], overLimit };
  // A continuous survey's link outlives its period: unused, it moves into the next period's wave (periods.ts).
  const continuous = (await surveyPeriod(trx, organizationId, survey.id)) !== null;
  const expiresAt =
    (!continuous && wave.closesAt) ||
    new Date(Date.parse(args.now) + OPEN_ENDED_EXPIRY_DAYS * 86_400_000).toISOString();
  const issued = await issueInvitations(trx, {
    organizationId,
    waveId: wave.id,
    stakeholderIds: people.map((p) => p.id),
    expiresAt,
    now: args.now,
    newId: args.newId,
  });
  const tokens = new Map(issued.map((i) => [i.stakeholderId, i.token]));
  const title = await surveyTitle(trx, organizationId, survey.id);
  for (const person of people) {
    const locale = Locale.safeParse(person.locale ?? args.organization.defaultLocale).data ?? 'fr';
    const mail = invitationMail({
      locale,
      organizationName: args.organization.name,
      personName: person.name,
      surveyTitle: title,
      anonymous: survey.anonymous,
      opensAt: wave.opensAt,
      closesAt: continuous ? expiresAt : wave.closesAt,
      now: args.now,
      link: invitationLink(args.baseUrl, survey.groupCode, tokens.get(person.id)!),
    });
    await enqueueMessage(trx, { organizationId, to: person.email, ...mail, now: args.now, newId: args.newId });
  }
  return { invited: people, overLimit };
}

async function surveyTitle(trx: Kysely<Database>, organizationId: string, surveyId: string) {
  const row = await trx
    .selectFrom('survey')
    .select('title')
    .where('organization_id', '=', organizationId)
    .where('id', '=', surveyId)
    .executeTakeFirstOrThrow();
  return localized(row.title);
}
