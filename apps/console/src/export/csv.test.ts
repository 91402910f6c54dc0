import { describe, expect, it } from 'vitest';
import { csvFileName, toCsv } from './csv.ts';

interface Row {
  name: string;
  score: number | null;
}

const columns = [
  { header: 'Dimension', value: (r: Row) => r.name },
  { header: 'Lived', value: (r: Row) => r.score },
];

describe('toCsv', () => {
  it('writes a header and one line per row, a hidden figure as an empty cell', () => {
    expect(
      toCsv(
        [
          { name: 'Reconnaissance', score: 61.8 },
          { name: 'Charge, "travail"', score: null },
        ],
        columns,
      ),
    ).toBe('Dimension,Lived\r\nReconnaissance,61.8\r\n"Charge, ""travail""",');
  });

  it('neutralises text a spreadsheet would run as a formula, and keeps negative numbers as numbers', () => {
    const csv = toCsv(
      [
        { name: '=HYPERLINK("http://evil.test")', score: -2.7 },
        { name: '+1', score: 0 },
        { name: '@SUM(A1)', score: 3 },
        { name: '-cmd', score: 4 },
      ],
      columns,
    );
    expect(csv.split('\r\n').slice(1)).toEqual([
      `"'=HYPERLINK(""http://evil.test"")",-2.7`,
      `"'+1",0`,
      `"'@SUM(A1)",3`,
      `"'-cmd",4`,
    ]);
  });
});

describe('toCsv against CSV injection (OWASP)', () => {
  const one = (name: string) => toCsv([{ name, score: 1 }], columns).split('\r\n')[1];

  it('neutralises a formula after leading spaces, line breaks, tabs or a carriage return', () => {
    expect(one('  =1+2')).toBe(`"'  =1+2",1`);
    expect(one('\n\n@SUM(A1)')).toBe(`"'\n\n@SUM(A1)",1`);
    expect(one('\tanything')).toBe(`"'\tanything",1`);
    expect(one('\rcmd')).toBe(`"'\rcmd",1`);
    expect(one('\u00a0+1')).toBe(`"'\u00a0+1",1`);
  });

  it('neutralises a formula that a separator or a quote would start in the middle of a cell', () => {
    // OWASP's own examples: the field is quoted, prefixed, and its quotes doubled.
    expect(one('=1+2";=1+2')).toBe(`"'=1+2"";=1+2",1`);
    expect(one(`=1+2'" ;,=1+2`)).toBe(`"'=1+2'"" ;,=1+2",1`);
    expect(one('Retard de paiement;=HYPERLINK("http://evil.test")')).toBe(
      `"'Retard de paiement;=HYPERLINK(""http://evil.test"")",1`,
    );
    expect(one('ok,  -2+3')).toBe(`"'ok,  -2+3",1`);
    expect(one('first line\n@cmd')).toBe(`"'first line\n@cmd",1`);
    expect(one('a | +cmd')).toBe(`"'a | +cmd",1`);
  });

  it('neutralises full-width formula characters and formula-looking headers', () => {
    expect(one('\uff1d1+2')).toBe(`"'\uff1d1+2",1`);
    const csv = toCsv([{ name: 'x', score: 1 }], [{ header: '=cmd', value: (r: Row) => r.name }]);
    expect(csv.split('\r\n')[0]).toBe(`"'=cmd"`);
  });

  it('leaves ordinary text and numbers alone', () => {
    expect(one('Charge de travail - équipe')).toBe('Charge de travail - équipe,1');
    expect(one('e-mail: a@b.test')).toBe('e-mail: a@b.test,1');
    expect(one('2026-12-01')).toBe('2026-12-01,1');
    expect(toCsv([{ name: 'x', score: -12.5 }], columns).split('\r\n')[1]).toBe('x,-12.5');
  });
});

describe('csvFileName', () => {
  it('makes a plain name with the date', () => {
    expect(csvFileName('Écarts : employés', new Date('2026-12-01T10:00:00Z'))).toBe('ecarts-employes-2026-12-01.csv');
    expect(csvFileName('***', new Date('2026-12-01T10:00:00Z'))).toBe('export-2026-12-01.csv');
  });
});
