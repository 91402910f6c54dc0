import { describe, expect, it } from 'vitest';
import { CSV_MAX_ROWS, type CsvAttribute, parseInvitees } from './invitation-csv.ts';

const ATTRIBUTES: CsvAttribute[] = [
  {
    key: 'department',
    label: { fr: 'Service', en: 'Department' },
    values: [
      { value: 'it', label: { fr: 'Informatique', en: 'IT' } },
      { value: 'hr', label: { fr: 'Ressources humaines', en: 'Human resources' } },
    ],
  },
  { key: 'site', label: { fr: 'Site', en: 'Site' }, values: [{ value: 'lyon', label: { fr: 'Lyon', en: 'Lyon' } }] },
];

/** What an invitation file's rows hold of the directory: nothing. */
const NO_DIRECTORY_FIELDS = { startDate: null, endDate: null, managerRef: null };

describe('parseInvitees', () => {
  it('reads a French spreadsheet export: semicolons, a BOM, headers and values in French', () => {
    const csv =
      '\uFEFFCourriel;Nom;Matricule;Service;Langue\r\nAna.Diaz@Example.org;Ana Díaz;E-17;Ressources humaines;français\r\n;;;;\r\nbo@example.org;;;IT;\r\n';
    const { rows, errors } = parseInvitees(csv, ATTRIBUTES);
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      {
        row: 2,
        email: 'ana.diaz@example.org',
        name: 'Ana Díaz',
        externalId: 'E-17',
        company: null,
        locale: 'fr',
        segments: { department: 'hr' },
        ...NO_DIRECTORY_FIELDS,
      },
      {
        row: 4,
        email: 'bo@example.org',
        name: null,
        externalId: null,
        company: null,
        locale: null,
        segments: { department: 'it' },
        ...NO_DIRECTORY_FIELDS,
      },
    ]);
  });

  it('reports every mistake with its row and column, and returns no row to import', () => {
    const csv = [
      'email,name,department,site',
      'ok@example.org,Ok,it,lyon',
      'not-an-address,Bad,it,lyon',
      ',Nobody,it,lyon',
      'ok@example.org,Twice,it,lyon',
      'other@example.org,Other,marketing,paris',
      'extra@example.org,Extra,it,lyon,surplus',
    ].join('\n');
    const { rows, errors } = parseInvitees(csv, ATTRIBUTES);
    expect(rows).toEqual([]);
    expect(errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [3, 'email', 'invalid_email'],
      [4, 'email', 'required'],
      [5, 'email', 'duplicate_email'],
      [6, 'department', 'unknown_value'],
      [6, 'site', 'unknown_value'],
      [7, null, 'cell_count'],
    ]);
    expect(errors[2]).toMatchObject({ otherRow: 2, message: 'already given in row 2' });
    expect(errors[3]).toMatchObject({ value: 'marketing', allowed: ['it', 'hr'] });
  });

  it('refuses unknown, repeated and missing columns at the header', () => {
    const { errors } = parseInvitees('nom,departement,name\nAna,it,Ana\n', ATTRIBUTES);
    expect(errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [1, 'departement', 'unknown_column'],
      [1, 'name', 'duplicate_column'],
      [1, 'email', 'missing_column'],
    ]);
    expect(errors[0]!.allowed).toEqual(['email', 'name', 'external_id', 'company', 'language', 'department', 'site']);
    expect(parseInvitees('email\n\n', ATTRIBUTES).errors.map((e) => e.code)).toEqual(['no_rows']);
  });

  it('takes a supplier’s company segment from the company column when the group segments by company', () => {
    const byCompany: CsvAttribute = {
      key: 'company',
      label: { fr: 'Entreprise', en: 'Company' },
      values: [{ value: 'verrerie_du_rhone', label: { fr: 'Verrerie du Rhône', en: 'Verrerie du Rhône' } }],
    };
    const csv = 'email,company\nlea@verrerie.example,verrerie du rhone\nmax@new.example,Nouvelle Scierie\n';
    const { rows, errors } = parseInvitees(csv, [byCompany]);
    expect(errors).toEqual([]);
    expect(rows.map((r) => [r.company, r.segments])).toEqual([
      ['verrerie du rhone', { company: 'verrerie_du_rhone' }],
      ['Nouvelle Scierie', {}],
    ]);
  });

  it('refuses files over the limits as a whole', () => {
    const many = `email\n${Array.from({ length: CSV_MAX_ROWS + 1 }, (_, i) => `p${i}@example.org`).join('\n')}`;
    expect(() => parseInvitees(many, ATTRIBUTES)).toThrow(/^csv: at most 20000 rows/);
    expect(() => parseInvitees(`email\n${'a'.repeat(2 * 1024 * 1024)}`, ATTRIBUTES)).toThrow(
      /^csv: the file is larger than 2 MB/,
    );
  });
});

describe('parseInvitees for a directory', () => {
  it('reads start and end dates (ISO or day first) and the manager, in French headers', () => {
    const csv =
      'Matricule;Courriel;Nom;Date de début;Date de fin;Responsable\nE1;a@x.org;Ana;01/03/2024;;\nE2;b@x.org;Bo;2025-01-15;31/12/2026;E1\n';
    const parsed = parseInvitees(csv, ATTRIBUTES, { directory: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((r) => [r.externalId, r.startDate, r.endDate, r.managerRef])).toEqual([
      ['E1', '2024-03-01', null, null],
      ['E2', '2025-01-15', '2026-12-31', 'E1'],
    ]);
  });

  it('names bad dates and an end before the start by row and column', () => {
    const csv = 'external_id,email,start_date,end_date\nE1,a@x.org,2024-02-30,\nE2,b@x.org,2025-06-01,2025-05-31\n';
    const parsed = parseInvitees(csv, ATTRIBUTES, { directory: true });
    expect(parsed.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, 'start_date', 'invalid_date'],
      [3, 'end_date', 'end_before_start'],
    ]);
  });

  it('leaves the directory columns unknown to an invitation file', () => {
    const parsed = parseInvitees('email,manager\na@x.org,E1\n', ATTRIBUTES);
    expect(parsed.errors.map((e) => [e.column, e.code])).toEqual([['manager', 'unknown_column']]);
  });
});
