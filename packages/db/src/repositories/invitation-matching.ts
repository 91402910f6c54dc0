import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import type { CsvError, InviteeRow } from './invitation-csv.ts';
import { parseJson } from './rows.ts';

/** Which stakeholder of the group each row of an invitation file is: by external id first, else by e-mail. */

const CHUNK = 500;

export interface Existing {
  id: string;
  external_ref: string | null;
  email: string | null;
  display_name: string;
  company: string | null;
  company_id: string | null;
  segments: string;
  locale: string | null;
  start_date: string | null;
  end_date: string | null;
  active: number;
  manager_id: string | null;
}

export interface Planned {
  invitee: InviteeRow;
  existing: Existing | null;
  changed: boolean;
}

export async function findExisting(trx: Kysely<Database>, organizationId: string, groupId: string, rows: InviteeRow[]) {
  const byRef = new Map<string, Existing>();
  const byEmail = new Map<string, Existing[]>();
  const select = () =>
    trx
      .selectFrom('stakeholder')
      .select([
        'id',
        'external_ref',
        'email',
        'display_name',
        'company',
        'company_id',
        'segments',
        'locale',
        'start_date',
        'end_date',
        'active',
        'manager_id',
      ])
      .where('organization_id', '=', organizationId)
      .where('group_id', '=', groupId);
  const refs = rows.flatMap((r) => (r.externalId ? [r.externalId] : []));
  const emails = rows.map((r) => r.email);
  for (let i = 0; i < refs.length; i += CHUNK) {
    for (const s of await select()
      .where('external_ref', 'in', refs.slice(i, i + CHUNK))
      .execute())
      byRef.set(s.external_ref!, s);
  }
  for (let i = 0; i < emails.length; i += CHUNK) {
    for (const s of await select()
      .where('email', 'in', emails.slice(i, i + CHUNK))
      .orderBy('created_at')
      .execute()) {
      byEmail.set(s.email!, [...(byEmail.get(s.email!) ?? []), s]);
    }
  }
  return { byRef, byEmail };
}

export const mergedSegments = (existing: Existing | null, invitee: InviteeRow) => ({
  ...parseJson<Record<string, string>>(existing?.segments ?? null, {}),
  ...invitee.segments,
});

function isChanged(existing: Existing, invitee: InviteeRow): boolean {
  return (
    (invitee.name !== null && invitee.name !== existing.display_name) ||
    invitee.email !== existing.email ||
    (invitee.externalId !== null && invitee.externalId !== existing.external_ref) ||
    (invitee.company !== null && invitee.company !== existing.company) ||
    (invitee.locale !== null && invitee.locale !== existing.locale) ||
    JSON.stringify(mergedSegments(existing, invitee)) !== JSON.stringify(parseJson(existing.segments, {}))
  );
}

/** Matches every row to a stakeholder or to none; a row whose external id and e-mail point at two people is a mistake. */
export function match(
  rows: InviteeRow[],
  found: Awaited<ReturnType<typeof findExisting>>,
  emailHeader: string,
  refHeader: string,
) {
  const errors: CsvError[] = [];
  const planned: Planned[] = [];
  for (const invitee of rows) {
    const byRef = invitee.externalId ? found.byRef.get(invitee.externalId) : undefined;
    const byEmail = found.byEmail.get(invitee.email) ?? [];
    let existing: Existing | null = byRef ?? null;
    if (byRef && byEmail.some((s) => s.id !== byRef.id)) {
      errors.push({
        row: invitee.row,
        column: emailHeader,
        code: 'email_taken',
        message: 'this e-mail belongs to another stakeholder of the group',
        value: invitee.email,
      });
      continue;
    }
    if (!byRef && byEmail.length > 1) {
      errors.push({
        row: invitee.row,
        column: emailHeader,
        code: 'ambiguous_email',
        message: 'several stakeholders of the group have this e-mail: add their external id',
        value: invitee.email,
      });
      continue;
    }
    if (!byRef && byEmail[0]) {
      const other = byEmail[0].external_ref;
      if (invitee.externalId && other !== null && other !== invitee.externalId) {
        errors.push({
          row: invitee.row,
          column: refHeader,
          code: 'external_id_mismatch',
          message: `this e-mail belongs to the stakeholder with external id ${other}`,
          value: invitee.externalId,
        });
        continue;
      }
      existing = byEmail[0];
    }
    planned.push({ invitee, existing, changed: existing === null || isChanged(existing, invitee) });
  }
  return { errors, planned };
}
