import { formatNumber, pickText, useLang, useTRPC } from '@facets/portal-kit';
import { Alert, Button, Card, Loading } from '@facets/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type ChosenCsv, CsvFilePicker } from '../surveys/CsvFilePicker.tsx';
import { Report } from '../surveys/CsvUpload.tsx';
import { useSurveyError } from '../surveys/errors.ts';
import '../surveys/surveys.css';
import type { DirectoryPage, SyncSummary } from './api.ts';

type Columns = DirectoryPage['columns'];

/** How many names each list of the summary shows on screen (the counts are whole). */
const SHOWN = 8;

/**
 * The directory from a file: checked at once (a dry run: nothing written), its summary shown — who is created,
 * updated (which fields) and deactivated — then applied on a click; a large deactivation needs a tick first.
 */
export function SyncUpload({ groupId, columns }: { groupId: string; columns: Columns }) {
  const { t, lang } = useLang();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refusal = useSurveyError();
  const [file, setFile] = useState<ChosenCsv | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const preview = useMutation(trpc.people.sync.preview.mutationOptions());
  const commit = useMutation(
    trpc.people.sync.commit.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.people.pathFilter()),
    }),
  );
  const n = (value: number) => formatNumber(value, lang);

  const start = () => {
    preview.reset();
    commit.reset();
    setFile(null);
    setConfirmed(false);
  };
  const chose = (chosen: ChosenCsv) => {
    setFile(chosen);
    preview.mutate({ groupId, csv: chosen.text });
  };
  const outcome = commit.data ?? preview.data;
  const percent = (share: number) =>
    new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { style: 'percent' }).format(share);

  return (
    <Card title={t('directory.sync.title')} titleAs="h2">
      <div className="fx-stack">
        <p className="fx-hint">{t('directory.sync.intro')}</p>
        <section aria-labelledby="directory-columns" className="fx-stack">
          <h3 id="directory-columns">{t('directory.sync.columns')}</h3>
          <dl className="fx-survey-columns">
            {OWN.map((key) => (
              <div key={key} className="fx-survey-columns__item">
                <dt>
                  <code>{key}</code>
                </dt>
                <dd>{t(`directory.sync.columnHolds.${key}`)}</dd>
              </div>
            ))}
            {columns.attributes
              .filter((a) => !(OWN as readonly string[]).includes(a.key))
              .map((a) => (
                <div key={a.key} className="fx-survey-columns__item">
                  <dt>
                    <code>{a.key}</code>
                  </dt>
                  <dd>
                    {t('directory.sync.values', {
                      label: pickText(a.label, lang),
                      values: a.values.map((v) => pickText(v.label, lang)).join(', '),
                    })}
                  </dd>
                </div>
              ))}
          </dl>
        </section>
        <CsvFilePicker
          words="directory.sync"
          templateName="directory.csv"
          headers={columns.headers}
          chosen={file}
          onStart={start}
          onFile={chose}
        />
        {preview.isPending ? <Loading label={t('directory.sync.checking')} /> : null}
        {preview.isError ? <Alert tone="error">{refusal(preview.error)}</Alert> : null}
        {commit.isError ? <Alert tone="error">{refusal(commit.error)}</Alert> : null}
        {outcome?.status === 'refused' ? (
          <Report outcome={outcome} attributes={columns.attributes} title={t('directory.sync.reportTitle')} />
        ) : null}
        {(outcome?.status === 'valid' || outcome?.status === 'needs_confirmation') && file ? (
          <Alert tone="info" title={t('directory.sync.valid')}>
            <Summary summary={outcome.summary} />
            {outcome.summary.confirmationRequired ? (
              <div className="fx-stack fx-directory-confirm">
                <p>
                  <strong>{t('directory.sync.confirmTitle')}</strong>
                  {'. '}
                  {t('directory.sync.confirmBody', {
                    deactivated: n(outcome.summary.deactivated),
                    active: n(outcome.summary.active),
                    share: percent(outcome.summary.confirmShare),
                  })}
                </p>
                <label className="fx-check">
                  <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.currentTarget.checked)} />{' '}
                  {t('directory.sync.confirmCheck', { n: n(outcome.summary.deactivated) })}
                </label>
              </div>
            ) : null}
            <div>
              <Button
                busy={commit.isPending}
                disabled={outcome.summary.confirmationRequired && !confirmed}
                onClick={() => commit.mutate({ groupId, csv: file.text, confirmDeactivation: confirmed })}
              >
                {t('directory.sync.apply')}
              </Button>
            </div>
          </Alert>
        ) : null}
        {outcome?.status === 'synced' ? (
          <Alert tone="success" title={t('directory.sync.synced')}>
            {t('directory.sync.syncedBody', {
              created: n(outcome.summary.created),
              updated: n(outcome.summary.updated),
              deactivated: n(outcome.summary.deactivated),
            })}
          </Alert>
        ) : null}
      </div>
    </Card>
  );
}

const OWN = ['external_id', 'email', 'name', 'language', 'company', 'start_date', 'end_date', 'manager'] as const;

function Summary({ summary }: { summary: SyncSummary }) {
  const { t, lang } = useLang();
  const n = (value: number) => formatNumber(value, lang);
  const list = (title: string, names: string[], total: number) =>
    total === 0 ? null : (
      <div>
        <h4 className="fx-directory-summary__title">{title}</h4>
        <p className="fx-directory-summary__names">
          {names.slice(0, SHOWN).join(', ')}
          {total > Math.min(names.length, SHOWN)
            ? ` ${t('directory.sync.more', { n: n(total - Math.min(names.length, SHOWN)) })}`
            : ''}
        </p>
      </div>
    );
  return (
    <div className="fx-stack fx-directory-summary">
      <p>
        {t('directory.sync.summary', {
          rows: n(summary.rows),
          created: n(summary.created),
          updated: n(summary.updated),
          unchanged: n(summary.unchanged),
          deactivated: n(summary.deactivated),
        })}
        {summary.newCompanies > 0 ? ` ${t('directory.sync.newCompanies', { n: n(summary.newCompanies) })}` : ''}
      </p>
      {list(
        t('directory.sync.creations'),
        summary.creations.map((c) => c.name),
        summary.created,
      )}
      {list(
        t('directory.sync.updates'),
        summary.updates.map((u) => `${u.name} (${u.fields.map((f) => t(`directory.field.${f}`)).join(', ')})`),
        summary.updated,
      )}
      {list(
        t('directory.sync.deactivations'),
        summary.deactivations.map((d) => d.name || t('directory.erasedName')),
        summary.deactivated,
      )}
    </div>
  );
}
