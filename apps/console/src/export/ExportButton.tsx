import { useLang } from '@facets/portal-kit';
import { Button } from '@facets/ui';
import { type CsvColumn, csvFileName, downloadCsv, toCsv } from './csv.ts';

/**
 * "Export CSV" for a table of the console: the rows as shown, the columns as labelled. Every table the console
 * shows gets one, so that what leaves as a file is what the screen shows (k-safe) and nothing more.
 */
export function ExportButton<T>(props: { title: string; rows: readonly T[]; columns: readonly CsvColumn<T>[] }) {
  const { t } = useLang();
  return (
    <Button
      variant="secondary"
      size="sm"
      disabled={props.rows.length === 0}
      aria-label={t('export.csvOf', { title: props.title })}
      onClick={() => downloadCsv(csvFileName(props.title, new Date()), toCsv(props.rows, props.columns))}
    >
      {t('export.csv')}
    </Button>
  );
}
