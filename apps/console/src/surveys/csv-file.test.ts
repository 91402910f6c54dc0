import { describe, expect, it } from 'vitest';
import { csvFileProblem, MAX_CSV_BYTES } from './csv-file.ts';

const csv = (name = 'people.csv', type = 'text/csv', size = 100) => ({ name, type, size });

describe('csvFileProblem', () => {
  it('lets a CSV file through to be checked row by row', () => {
    expect(csvFileProblem(csv(), 'email\nana@example.test\n')).toBeNull();
    expect(csvFileProblem(csv('export.CSV', ''))).toBeNull();
    expect(csvFileProblem(csv('people.txt', 'text/plain'), 'email\n')).toBeNull();
  });

  it('says a file is too large before reading it', () => {
    expect(csvFileProblem(csv('people.csv', 'text/csv', MAX_CSV_BYTES + 1))).toBe('too_large');
  });

  it('says a spreadsheet or a PDF is not a CSV file, whatever its name', () => {
    expect(csvFileProblem(csv('people.xlsx', 'application/vnd.ms-excel'))).toBe('not_csv');
    expect(csvFileProblem(csv('scan.pdf', 'application/pdf'))).toBe('not_csv');
    expect(csvFileProblem(csv('renamed.csv'), 'PK\u0003\u0004[Content_Types].xml')).toBe('not_csv');
    expect(csvFileProblem(csv('binary.csv'), 'email\u0000\u0000')).toBe('not_csv');
  });

  it('says an empty file is empty, a byte-order mark and blank lines included', () => {
    expect(csvFileProblem(csv('empty.csv', 'text/csv', 0), '')).toBe('empty');
    expect(csvFileProblem(csv(), '\uFEFF\n  \n')).toBe('empty');
  });
});
