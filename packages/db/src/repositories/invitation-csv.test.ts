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
      },
      {
        row: 4,
        email: 'bo@example.org',
        name: null,
        externalId: null,
        company: null,
        locale: null,
        segments: { department: 'it' },
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
