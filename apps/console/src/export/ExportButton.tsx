import { useLang, useTRPC } from '@facets/portal-kit';
import { Button } from '@facets/ui';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { CsvColumn } from './csv.ts';

/**
 * "Export CSV" for a table of the console: the rows as shown, the columns as labelled. Every table the console
 * shows gets one, so that what leaves as a file is what the screen shows (k-safe) and nothing more. Each export is
 * written to the audit log first (the table, how many rows, from which page); the file is made once it is recorded.
 */
export function ExportButton<T>(props: { title: string; rows: readonly T[]; columns: readonly CsvColumn<T>[] }) {
  const { t } = useLang();
  const trpc = useTRPC();
  const record = useMutation(trpc.audit.recordExport.mutationOptions());
  const [writing, setWriting] = useState<'busy' | 'failed' | null>(null);
  // The CSV writer (papaparse) is fetched by the first export, not with every page that shows a table.
  const write = async () => {
    setWriting('busy');
    try {
      const { csvFileName, downloadCsv, toCsv } = await import('./csv.ts');
      downloadCsv(csvFileName(props.title, new Date()), toCsv(props.rows, props.columns));
      setWriting(null);
    } catch {
      setWriting('failed');
    }
  };
  const exportCsv = () =>
    record.mutate(
      { table: props.title, rows: props.rows.length, page: window.location.pathname },
      { onSuccess: () => void write() },
    );
  return (
    <span className="fx-export">
      <Button
        variant="secondary"
        size="sm"
        disabled={props.rows.length === 0}
        busy={record.isPending || writing === 'busy'}
        aria-label={t('export.csvOf', { title: props.title })}
        onClick={exportCsv}
      >
        {t('export.csv')}
      </Button>
      {record.isError || writing === 'failed' ? (
        <span className="fx-small fx-block" role="alert">
          {t('export.failed')}
        </span>
      ) : null}
    </span>
  );
}
