import { formatNumber, pickText, useLang, useTRPC } from '@facets/portal-kit';
import { Alert, Button, Card, DataTable, Loading } from '@facets/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ExportButton } from '../export/ExportButton.tsx';
import type { CsvError, ImportOutcome, SurveyDetail } from './api.ts';
import { type ChosenCsv, CsvFilePicker } from './CsvFilePicker.tsx';
import { useSurveyError } from './errors.ts';

/**
 * Invitations from a file: dropped or chosen, checked at once (nothing written), then sent all together. A file with
 * a single mistake is refused whole, with a report of every row to fix, downloadable as CSV.
 */
export function CsvUpload({ waveId, columns }: { waveId: string; columns: SurveyDetail['invitationColumns'] }) {
  const { t, lang } = useLang();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const surveyError = useSurveyError();
  const [file, setFile] = useState<ChosenCsv | null>(null);
  const preview = useMutation(trpc.surveys.invitations.preview.mutationOptions());
  const send = useMutation(
    trpc.surveys.invitations.import.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.surveys.pathFilter()),
    }),
  );
  const n = (value: number) => formatNumber(value, lang);

  const start = () => {
    preview.reset();
    send.reset();
    setFile(null);
  };
  const chose = (chosen: ChosenCsv) => {
    setFile(chosen);
    preview.mutate({ waveId, csv: chosen.text });
  };
  const outcome: ImportOutcome | undefined = send.data ?? preview.data;

  return (
    <Card title={t('surveyConsole.csv.title')} titleAs="h2">
      <div className="fx-stack">
        <p className="fx-hint">{t('surveyConsole.csv.intro')}</p>
        <Columns columns={columns} />
        <CsvFilePicker
          words="surveyConsole.csv"
          templateName="invitations.csv"
          headers={columns.headers}
          chosen={file}
          onStart={start}
          onFile={chose}
        />
        {preview.isPending ? <Loading label={t('surveyConsole.csv.checking')} /> : null}
        {preview.isError ? <Alert tone="error">{surveyError(preview.error)}</Alert> : null}
        {send.isError ? <Alert tone="error">{surveyError(send.error)}</Alert> : null}
        {outcome?.status === 'refused' ? <Report outcome={outcome} attributes={columns.attributes} /> : null}
        {outcome?.status === 'valid' && file ? (
          <Alert tone="info" title={t('surveyConsole.csv.valid')}>
            <p>
              {t('surveyConsole.csv.validBody', {
                rows: n(outcome.summary.rows),
                created: n(outcome.summary.created),
                updated: n(outcome.summary.updated),
                unchanged: n(outcome.summary.unchanged),
                invited: n(outcome.summary.invited),
                alreadyInvited: n(outcome.summary.alreadyInvited),
              })}
              {outcome.summary.overLimit > 0
                ? ` ${t('surveyConsole.csv.overLimit', { count: outcome.summary.overLimit, n: n(outcome.summary.overLimit) })}`
                : null}
            </p>
            <div>
              <Button busy={send.isPending} onClick={() => send.mutate({ waveId, csv: file.text })}>
                {t('surveyConsole.csv.send', { count: outcome.summary.invited })}
              </Button>
            </div>
          </Alert>
        ) : null}
        {outcome?.status === 'imported' ? (
          <Alert tone="success" title={t('surveyConsole.csv.imported')}>
            {t('surveyConsole.csv.importedBody', {
              created: n(outcome.summary.created),
              updated: n(outcome.summary.updated),
              invited: n(outcome.summary.invited),
              alreadyInvited: n(outcome.summary.alreadyInvited),
            })}
            {outcome.summary.overLimit > 0
              ? ` ${t('surveyConsole.csv.overLimit', { count: outcome.summary.overLimit, n: n(outcome.summary.overLimit) })}`
              : null}
          </Alert>
        ) : null}
      </div>
    </Card>
  );
}

export function Report(props: {
  outcome: { rows: number; errorCount: number; errors: CsvError[] };
  attributes: SurveyDetail['invitationColumns']['attributes'];
  /** What the exported report is called (its file, its button, the audit log): an invitation file's by default. */
  title?: string;
}) {
  const { t, lang } = useLang();
  const { outcome } = props;
  /** Allowed segment values are named as the reader knows them, not by their codes. */
  const allowedText = (allowed: readonly string[]) => {
    const attribute = props.attributes.find(
      (a) => a.values.length === allowed.length && a.values.every((v) => allowed.includes(v.value)),
    );
    return attribute ? attribute.values.map((v) => pickText(v.label, lang)).join(', ') : allowed.join(', ');
  };
  const message = (e: CsvError) =>
    t(`surveyConsole.csvError.${e.code}`, {
      value: e.value ?? '',
      allowed: allowedText(e.allowed ?? []),
      otherRow: e.otherRow ?? '',
      rows: e.code === 'reporting_cycle' ? (e.allowed ?? []).join(', ') : '',
    });
  const title = props.title ?? t('surveyConsole.csv.reportTitle');
  const columns = [
    { header: t('surveyConsole.csv.row'), value: (e: CsvError) => e.row },
    { header: t('surveyConsole.csv.column'), value: (e: CsvError) => e.column ?? t('surveyConsole.csv.wholeRow') },
    { header: t('surveyConsole.csv.problem'), value: message },
  ];
  return (
    <div className="fx-stack">
      <Alert tone="error" title={t('surveyConsole.csv.refused')}>
        <p>
          {t('surveyConsole.csv.refusedBody', {
            problems: t('surveyConsole.csv.problems', {
              count: outcome.errorCount,
              n: formatNumber(outcome.errorCount, lang),
            }),
            rows: t('surveyConsole.csv.rows', { count: outcome.rows, n: formatNumber(outcome.rows, lang) }),
          })}
          {outcome.errorCount > outcome.errors.length
            ? ` ${t('surveyConsole.csv.more', { shown: formatNumber(outcome.errors.length, lang) })}`
            : ''}
        </p>
      </Alert>
      <div className="fx-row fx-row--end">
        <ExportButton title={title} rows={outcome.errors} columns={columns} />
      </div>
      <DataTable
        title={t('surveyConsole.csv.reportCaption')}
        className="fx-survey-report"
        columns={columns.map((c) => c.header)}
      >
        {outcome.errors.map((e) => (
          <tr key={`${e.row}-${e.column}-${e.code}`}>
            <th scope="row">{formatNumber(e.row, lang)}</th>
            <td>{e.column ?? t('surveyConsole.csv.wholeRow')}</td>
            <td>{message(e)}</td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}

const OWN_COLUMNS = ['email', 'name', 'external_id', 'company', 'language'] as const;

/** The columns a file may have: the person's own, then one per segment attribute with its allowed values. */
function Columns({ columns }: { columns: SurveyDetail['invitationColumns'] }) {
  const { t, lang } = useLang();
  const attributes = columns.attributes.filter((a) => !(OWN_COLUMNS as readonly string[]).includes(a.key));
  return (
    <section aria-labelledby="csv-columns" className="fx-stack">
      <h3 id="csv-columns">{t('surveyConsole.csv.columns')}</h3>
      <dl className="fx-survey-columns">
        {OWN_COLUMNS.map((key) => (
          <div key={key} className="fx-survey-columns__item">
            <dt>
              <code>{key}</code>
            </dt>
            <dd>{t(`surveyConsole.csv.columnHolds.${key}`)}</dd>
          </div>
        ))}
        {attributes.map((a) => (
          <div key={a.key} className="fx-survey-columns__item">
            <dt>
              <code>{a.key}</code>
            </dt>
            <dd>
              {t('surveyConsole.csv.values', {
                label: pickText(a.label, lang),
                values: a.values.map((v) => pickText(v.label, lang)).join(', '),
              })}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
