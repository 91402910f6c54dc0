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

describe('csvFileName', () => {
  it('makes a plain name with the date', () => {
    expect(csvFileName('Écarts : employés', new Date('2026-12-01T10:00:00Z'))).toBe('ecarts-employes-2026-12-01.csv');
    expect(csvFileName('***', new Date('2026-12-01T10:00:00Z'))).toBe('export-2026-12-01.csv');
  });
});
