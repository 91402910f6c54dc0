import Papa from 'papaparse';

/** One column of an exported table: its header and how to read a row's cell. */
export interface CsvColumn<T> {
  header: string;
  value: (row: T) => string | number | null | undefined;
}

/** What starts a formula in a spreadsheet: = + - @, their full-width forms, and tab or carriage return. */
const FORMULA_START = '=+\\-@\uFF1D\uFF0B\uFF0D\uFF20';

/**
 * Text a spreadsheet could run as a formula, after OWASP's CSV injection guidance: a cell that starts with a formula
 * character, also after leading spaces or line breaks (spreadsheets trim them), or with a tab or carriage return;
 * and a cell with such a character right after a separator or quote (`,` `;` tab, line break, `"`, `'`, `|`, also
 * with spaces between), which a reader splitting on another separator (`;` in French locales) or ignoring quotes
 * would turn into a new cell that starts a formula.
 */
export const FORMULA_TEXT = new RegExp(`^[\\t\\r]|^\\s*[${FORMULA_START}]|[,;\\t\\r\\n"'|]\\s*[${FORMULA_START}]`, 'u');

/**
 * The table as CSV text, exactly as shown (the API has already withheld what k-anonymity hides; a hidden figure is an
 * empty cell). Text matching FORMULA_TEXT, headers included, is prefixed with an apostrophe and quoted, so that
 * spreadsheets read it as text (quotes inside are doubled); numbers stay numbers, negative ones too.
 */
export function toCsv<T>(rows: readonly T[], columns: readonly CsvColumn<T>[]): string {
  return Papa.unparse(
    {
      fields: columns.map((c) => c.header),
      data: rows.map((row) => columns.map((c) => c.value(row) ?? '')),
    },
    { escapeFormulae: FORMULA_TEXT, newline: '\r\n' },
  );
}

/** A file name safe on every system: letters, digits, dashes; with the date it was made. */
export function csvFileName(title: string, date: Date): string {
  const slug = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${slug || 'export'}-${date.toISOString().slice(0, 10)}.csv`;
}

/** Saves the text as a file; the byte-order mark makes spreadsheets read it as UTF-8 (accents intact). */
export function downloadCsv(fileName: string, csv: string): void {
  const url = URL.createObjectURL(new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
