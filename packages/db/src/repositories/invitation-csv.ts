import { DomainError, type Locale, parseDirectoryDate } from '@facets/domain';
import Papa from 'papaparse';
import { z } from 'zod';
import type { SegmentAttribute as StoredAttribute } from './groups.ts';

/** An attribute as a file reads it: its key, label and values (the active ones, as invitation-import passes them). */
export type CsvAttribute = Pick<StoredAttribute, 'key' | 'label'> & {
  values: readonly Pick<StoredAttribute['values'][number], 'value' | 'label'>[];
};

/**
 * Reading a CSV of people (invitees, or a group's directory): columns found by name (English or French, any case or
 * accents), every row checked, and every mistake reported with its row and column, so that the file can be fixed in
 * one go. Rows are numbered as a spreadsheet numbers them: the header is row 1. A directory file may also give each
 * person's start and end dates and their manager's external id (`{ directory: true }`).
 */

const CSV_MAX_BYTES = 2 * 1024 * 1024;
export const CSV_MAX_ROWS = 20_000;
/** A report longer than this says how many more mistakes there are instead of listing them. */
export const CSV_MAX_REPORTED = 500;
const MAX_CELL = 500;

export type CsvErrorCode =
  | 'no_rows'
  | 'unreadable'
  | 'unknown_column'
  | 'duplicate_column'
  | 'missing_column'
  | 'cell_count'
  | 'required'
  | 'invalid_email'
  | 'invalid_language'
  | 'unknown_value'
  | 'too_long'
  | 'duplicate_email'
  | 'duplicate_external_id'
  | 'email_taken'
  | 'external_id_mismatch'
  | 'ambiguous_email'
  // Directory files only.
  | 'invalid_date'
  | 'end_before_start'
  | 'unknown_manager'
  | 'reporting_cycle'
  | 'reporting_too_deep';

export interface CsvError {
  row: number;
  /** The column's header as written in the file; null for a problem of the whole row or file. */
  column: string | null;
  code: CsvErrorCode;
  /** An English sentence; screens translate `code` with `value`, `allowed` and `otherRow`. */
  message: string;
  value?: string;
  allowed?: string[];
  otherRow?: number;
}

/** One valid row: what the person's stakeholder record should hold. Empty cells are left out (they change nothing). */
export interface InviteeRow {
  row: number;
  email: string;
  name: string | null;
  externalId: string | null;
  company: string | null;
  locale: Locale | null;
  segments: Record<string, string>;
  /** Directory files only (null otherwise): YYYY-MM-DD, and the manager's external id. */
  startDate: string | null;
  endDate: string | null;
  managerRef: string | null;
}

export interface ParsedInvitees {
  rows: InviteeRow[];
  /** Rows of the file with something in them, whether right or wrong. */
  rowCount: number;
  errors: CsvError[];
  /** The headers the file's columns were understood as, e.g. { 'E-mail': 'email', 'Service': 'segment:department' }. */
  columns: { header: string; field: string }[];
}

type OwnField = 'email' | 'name' | 'external_id' | 'company' | 'language';
type DirectoryOnlyField = 'start_date' | 'end_date' | 'manager';
type Field = OwnField | DirectoryOnlyField | `segment:${string}`;

const ALIASES: Record<OwnField, string[]> = {
  email: ['email', 'e_mail', 'mail', 'courriel', 'adresse_e_mail', 'adresse_email', 'email_address'],
  name: ['name', 'full_name', 'display_name', 'nom', 'nom_complet', 'prenom_nom', 'prenom_et_nom'],
  external_id: ['external_id', 'external_ref', 'id_externe', 'identifiant', 'matricule', 'employee_id', 'reference'],
  company: ['company', 'entreprise', 'societe', 'organisation', 'organization'],
  language: ['language', 'langue', 'lang', 'locale'],
};

const DIRECTORY_ALIASES: Record<DirectoryOnlyField, string[]> = {
  start_date: ['start_date', 'date_debut', 'date_de_debut', 'debut', 'date_entree', 'date_d_entree', 'hire_date'],
  end_date: ['end_date', 'date_fin', 'date_de_fin', 'fin', 'date_sortie', 'date_de_sortie', 'leave_date'],
  manager: [
    'manager',
    'manager_id',
    'manager_external_id',
    'manager_ref',
    'id_manager',
    'matricule_manager',
    'responsable',
    'id_responsable',
    'matricule_responsable',
  ],
};

export interface ParseOptions {
  /** A directory file: start and end dates and the manager's external id are columns too. */
  directory?: boolean;
}

const LANGUAGES: Record<string, Locale> = {
  fr: 'fr',
  francais: 'fr',
  french: 'fr',
  en: 'en',
  anglais: 'en',
  english: 'en',
};

const Email = z.email();

/** 'Adresse e-mail ' → 'adresse_e_mail': how headers and values are compared. */
function normalizeName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}

function fieldOfHeader(header: string, attributes: readonly CsvAttribute[], options: ParseOptions): Field | null {
  const name = normalizeName(header);
  const aliases = options.directory ? { ...ALIASES, ...DIRECTORY_ALIASES } : ALIASES;
  for (const [field, names] of Object.entries(aliases)) if (names.includes(name)) return field as Field;
  const attribute = attributes.find(
    (a) => normalizeName(a.key) === name || normalizeName(a.label.fr) === name || normalizeName(a.label.en) === name,
  );
  return attribute ? `segment:${attribute.key}` : null;
}

const error = (
  row: number,
  column: string | null,
  code: CsvErrorCode,
  message: string,
  extra: Partial<CsvError> = {},
) => ({ row, column, code, message, ...extra }) satisfies CsvError;

/** The headers a file for this group may have, in the order a template file lists them. */
export function csvHeaders(attributes: readonly CsvAttribute[], options: ParseOptions = {}): string[] {
  const own = options.directory
    ? ['external_id', 'email', 'name', 'language', 'company', 'start_date', 'end_date', 'manager']
    : ['email', 'name', 'external_id', 'company', 'language'];
  return [...own, ...attributes.map((a) => a.key).filter((key) => !own.includes(key))];
}

/** The value of `attribute` that a cell names, by code or by label in either language (any case or accents). */
function valueNamed(attribute: CsvAttribute, cell: string): string | undefined {
  const wanted = normalizeName(cell);
  return attribute.values.find((v) => [v.value, v.label.fr, v.label.en].some((name) => normalizeName(name) === wanted))
    ?.value;
}

/**
 * Parses and checks a file. Throws DomainError('invalid', 'csv: …') for a file over the limits; everything else is
 * reported in `errors` (empty when every row is right).
 */
export function parseInvitees(
  csv: string,
  attributes: readonly CsvAttribute[],
  options: ParseOptions = {},
): ParsedInvitees {
  if (new TextEncoder().encode(csv).length > CSV_MAX_BYTES) {
    throw new DomainError(
      'invalid',
      `csv: the file is larger than ${CSV_MAX_BYTES / 1024 / 1024} MB`,
      'csv',
      'too_big',
    );
  }
  const parsed = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { header: false, skipEmptyLines: false });
  const records = parsed.data;
  const errors: CsvError[] = parsed.errors
    .filter((e) => e.code === 'MissingQuotes' || e.code === 'InvalidQuotes')
    .map((e) => error((e.row ?? 0) + 1, null, 'unreadable', `the row cannot be read: ${e.message}`));
  const header = records[0] ?? [];
  const body = records.slice(1).map((cells, i) => ({ cells, row: i + 2 }));
  const dataRows = body.filter(({ cells }) => cells.some((c) => c.trim() !== ''));
  if (dataRows.length > CSV_MAX_ROWS) {
    throw new DomainError('invalid', `csv: at most ${CSV_MAX_ROWS} rows (this file has ${dataRows.length})`, 'csv', {
      reason: 'too_many',
      maximum: CSV_MAX_ROWS,
    });
  }

  const columns: { header: string; field: Field }[] = [];
  header.forEach((h, i) => {
    const title = h.trim();
    if (title === '' && body.every(({ cells }) => (cells[i] ?? '').trim() === '')) return;
    const field = fieldOfHeader(title, attributes, options);
    if (field === null) {
      errors.push(
        error(1, title, 'unknown_column', 'this column is not known', {
          value: title,
          allowed: csvHeaders(attributes, options),
        }),
      );
    } else if (columns.some((c) => c.field === field)) {
      errors.push(error(1, title, 'duplicate_column', 'another column holds the same information', { value: title }));
    }
    columns[i] = { header: title, field: field ?? 'name' };
  });
  if (!columns.some((c) => c?.field === 'email')) {
    errors.push(error(1, 'email', 'missing_column', 'the file needs an e-mail column'));
  }
  if (dataRows.length === 0) errors.push(error(2, null, 'no_rows', 'the file has no invitees'));
  if (errors.length > 0) return { rows: [], rowCount: dataRows.length, errors, columns: columns.filter(Boolean) };

  const rows: InviteeRow[] = [];
  const firstRowOf = { email: new Map<string, number>(), external_id: new Map<string, number>() };
  for (const { cells, row } of dataRows) {
    if (cells.length > header.length) {
      errors.push(
        error(row, null, 'cell_count', `the row has ${cells.length} cells, the header ${header.length}`, {
          value: String(cells.length),
        }),
      );
      continue;
    }
    const invitee: InviteeRow = {
      row,
      email: '',
      name: null,
      externalId: null,
      company: null,
      locale: null,
      segments: {},
      startDate: null,
      endDate: null,
      managerRef: null,
    };
    columns.forEach((column, i) => {
      if (!column) return;
      const value = (cells[i] ?? '').trim();
      const problem = readCell(invitee, column.field, value, attributes);
      if (problem) errors.push(error(row, column.header, problem.code, problem.message, { value, ...problem.extra }));
    });
    if (invitee.startDate !== null && invitee.endDate !== null && invitee.endDate < invitee.startDate) {
      const header = columns.find((c) => c?.field === 'end_date')?.header ?? 'end_date';
      errors.push(
        error(row, header, 'end_before_start', `the end date comes before the start date (${invitee.startDate})`, {
          value: invitee.endDate,
        }),
      );
    }
    for (const [kind, value] of [
      ['email', invitee.email],
      ['external_id', invitee.externalId],
    ] as const) {
      if (!value) continue;
      const first = firstRowOf[kind].get(value);
      if (first === undefined) firstRowOf[kind].set(value, row);
      else {
        const header = columns.find((c) => c?.field === kind)?.header ?? kind;
        errors.push(
          error(
            row,
            header,
            kind === 'email' ? 'duplicate_email' : 'duplicate_external_id',
            `already given in row ${first}`,
            {
              value,
              otherRow: first,
            },
          ),
        );
      }
    }
    rows.push(invitee);
  }
  return { rows: errors.length > 0 ? [] : rows, rowCount: dataRows.length, errors, columns: columns.filter(Boolean) };
}

type CellProblem = { code: CsvErrorCode; message: string; extra?: Partial<CsvError> };

/** Puts one cell's value on the invitee; returns what is wrong with it, if anything. */
function readCell(
  invitee: InviteeRow,
  field: Field,
  value: string,
  attributes: readonly CsvAttribute[],
): CellProblem | undefined {
  if (value.length > MAX_CELL) return { code: 'too_long', message: `at most ${MAX_CELL} characters` };
  if (field === 'email') {
    if (value === '') return { code: 'required', message: 'an e-mail address is required' };
    if (!Email.safeParse(value).success) return { code: 'invalid_email', message: 'is not an e-mail address' };
    invitee.email = value.toLowerCase();
    return undefined;
  }
  if (value === '') return undefined;
  if (field === 'name') invitee.name = value;
  else if (field === 'external_id') invitee.externalId = value;
  else if (field === 'start_date' || field === 'end_date') {
    const day = parseDirectoryDate(value);
    if (day === null) {
      return { code: 'invalid_date', message: 'is not a date: write it 2026-01-31 or 31/01/2026' };
    }
    if (field === 'start_date') invitee.startDate = day;
    else invitee.endDate = day;
  } else if (field === 'manager') invitee.managerRef = value;
  else if (field === 'company') {
    invitee.company = value;
    // A group segmented by company (suppliers) gets the segment from the company's name when it is a known one.
    const byCompany = attributes.find((a) => a.key === 'company');
    const known = byCompany && valueNamed(byCompany, value);
    if (known) invitee.segments.company = known;
  } else if (field === 'language') {
    const locale = LANGUAGES[normalizeName(value)];
    if (!locale) return { code: 'invalid_language', message: 'use fr or en', extra: { allowed: ['fr', 'en'] } };
    invitee.locale = locale;
  } else {
    const key = field.slice('segment:'.length);
    const attribute = attributes.find((a) => a.key === key)!;
    const match = valueNamed(attribute, value);
    if (match === undefined) {
      return {
        code: 'unknown_value',
        message: 'is not one of the allowed values',
        extra: { allowed: attribute.values.map((v) => v.value) },
      };
    }
    invitee.segments[key] = match;
  }
  return undefined;
}
