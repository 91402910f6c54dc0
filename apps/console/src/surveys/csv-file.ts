/** The largest invitation file the console sends (the API refuses larger ones too). */
export const MAX_CSV_BYTES = 2 * 1024 * 1024;

/** Why a chosen file is not sent to be checked: too large, empty, or not a CSV file at all (a spreadsheet, a PDF…). */
export type CsvFileProblem = 'too_large' | 'empty' | 'not_csv';

/** What is wrong with a file before its rows are read: from its name, type and size, then from its text. */
export function csvFileProblem(
  file: { name: string; type: string; size: number },
  text?: string,
): CsvFileProblem | null {
  if (file.size > MAX_CSV_BYTES) return 'too_large';
  const named = /\.(csv|txt)$/i.test(file.name) || file.type === 'text/csv' || file.type === 'text/plain';
  if (!named) return 'not_csv';
  if (text === undefined) return null;
  // A spreadsheet renamed .csv is a zip (PK…) or holds NUL bytes: it is not text.
  if (text.startsWith('PK') || text.includes('\u0000')) return 'not_csv';
  if (text.replace(/^\uFEFF/, '').trim() === '') return 'empty';
  return null;
}
