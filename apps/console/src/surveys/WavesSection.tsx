import { formatDateTime, Link, useLang, useTRPC } from '@facets/portal-kit';
import { Alert, Badge, Button, Card, DataTable, TextInput } from '@facets/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ExportButton } from '../export/ExportButton.tsx';
import { Dialog } from '../forms/Dialog.tsx';
import type { SurveyDetail, WaveSummary } from './api.ts';
import { useSurveyError } from './errors.ts';
import { STATE_TONE, useRateText } from './labels.ts';

/** A `datetime-local` value (local time, to the minute) for a date. */
export function toLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A `datetime-local` value as the ISO instant the API takes; '' when the field is empty or unreadable. */
function fromLocalInput(value: string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}

export function WavesSection({ survey, canBuild }: { survey: SurveyDetail; canBuild: boolean }) {
  const { t, lang } = useLang();
  const rateOf = useRateText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const surveyError = useSurveyError();
  const refresh = () => queryClient.invalidateQueries(trpc.surveys.pathFilter());
  const open = useMutation(trpc.surveys.waves.open.mutationOptions({ onSuccess: refresh }));
  const close = useMutation(trpc.surveys.waves.close.mutationOptions({ onSuccess: refresh }));
  const failure = open.error ?? close.error;
  const title = t('surveyConsole.waves.caption');

  return (
    <Card title={t('surveyConsole.waves.title')} titleAs="h2">
      <div className="fx-stack">
        <p className="fx-hint">{t('surveyConsole.waves.intro')}</p>
        {survey.waves.length === 0 ? (
          <p className="fx-muted">{t('surveyConsole.waves.none')}</p>
        ) : (
          <>
            <div className="fx-row fx-row--end">
              <ExportButton
                title={`${survey.title[lang]} — ${title}`}
                rows={survey.waves}
                columns={[
                  { header: t('surveyConsole.col.wave'), value: (w) => w.label },
                  { header: t('surveyConsole.col.opens'), value: (w) => formatDateTime(w.opensAt, lang) },
                  {
                    header: t('surveyConsole.col.closes'),
                    value: (w) => (w.closesAt ? formatDateTime(w.closesAt, lang) : ''),
                  },
                  { header: t('surveyConsole.col.state'), value: (w) => t(`surveyConsole.state.${w.state}`) },
                  { header: t('surveyConsole.col.invited'), value: (w) => w.invited },
                  { header: t('surveyConsole.col.responses'), value: (w) => w.responses },
                ]}
              />
            </div>
            <DataTable
              title={title}
              columns={[
                t('surveyConsole.col.wave'),
                t('surveyConsole.col.opens'),
                t('surveyConsole.col.closes'),
                t('surveyConsole.col.state'),
                t('surveyConsole.col.responseRate'),
                t('surveyConsole.col.actions'),
              ]}
            >
              {survey.waves.map((w) => (
                <WaveRow
                  key={w.id}
                  wave={w}
                  surveyId={survey.id}
                  canBuild={canBuild}
                  busy={open.isPending || close.isPending}
                  onOpen={() => open.mutate({ waveId: w.id })}
                  onClose={() => close.mutate({ waveId: w.id })}
                  rate={rateOf(w)}
                />
              ))}
            </DataTable>
          </>
        )}
        {failure ? <Alert tone="error">{surveyError(failure)}</Alert> : null}
        {canBuild && survey.period === null ? <ScheduleForm surveyId={survey.id} /> : null}
      </div>
    </Card>
  );
}

function WaveRow(props: {
  wave: WaveSummary;
  surveyId: string;
  canBuild: boolean;
  busy: boolean;
  rate: string;
  onOpen: () => void;
  onClose: () => void;
}) {
  const { t, lang } = useLang();
  const { wave: w } = props;
  return (
    <tr>
      <th scope="row">{w.label}</th>
      <td>{formatDateTime(w.opensAt, lang)}</td>
      <td>{w.closesAt ? formatDateTime(w.closesAt, lang) : '—'}</td>
      <td>
        <Badge tone={STATE_TONE[w.state]}>{t(`surveyConsole.state.${w.state}`)}</Badge>
      </td>
      <td>{props.rate}</td>
      <td>
        <div className="fx-survey-actions">
          <Link to={`surveys/${props.surveyId}/waves/${w.id}`}>{t('surveyConsole.waves.manage')}</Link>
          {props.canBuild && w.state === 'scheduled' ? (
            <Button size="sm" variant="secondary" disabled={props.busy} onClick={props.onOpen}>
              {t('surveyConsole.waves.openNow')}
            </Button>
          ) : null}
          {props.canBuild && w.state === 'open' ? (
            <Button size="sm" variant="secondary" disabled={props.busy} onClick={props.onClose}>
              {t('surveyConsole.waves.close')}
            </Button>
          ) : null}
        </div>
      </td>
    </tr>
  );
}

function ScheduleForm({ surveyId }: { surveyId: string }) {
  const { t } = useLang();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const surveyError = useSurveyError();
  const [label, setLabel] = useState('');
  const [labelError, setLabelError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [opensAt, setOpensAt] = useState(() => toLocalInput(new Date()));
  const [closesAt, setClosesAt] = useState(() => toLocalInput(new Date(Date.now() + 14 * 86_400_000)));
  const schedule = useMutation(
    trpc.surveys.waves.schedule.mutationOptions({
      onSuccess: async () => {
        setLabel('');
        await queryClient.invalidateQueries(trpc.surveys.pathFilter());
      },
    }),
  );
  const send = () => {
    setConfirming(false);
    schedule.mutate({
      surveyId,
      label: label.trim(),
      opensAt: fromLocalInput(opensAt),
      closesAt: fromLocalInput(closesAt),
    });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // A wave is reported on by its name ("Winter 2026"), so it needs one.
    if (!label.trim()) {
      setLabelError(t('surveyConsole.waves.labelRequired'));
      return;
    }
    setLabelError(null);
    // A wave that opens now takes answers at once and locks the questions: asked first.
    if (opensNow(opensAt)) setConfirming(true);
    else send();
  };
  return (
    <form className="fx-stack" onSubmit={submit} noValidate aria-labelledby="schedule-title">
      <h3 id="schedule-title">{t('surveyConsole.waves.schedule')}</h3>
      <div className="fx-survey-grid">
        <TextInput
          label={t('surveyConsole.waves.label')}
          hint={t('surveyConsole.waves.labelHint')}
          error={labelError}
          required
          value={label}
          maxLength={100}
          onChange={(e) => setLabel(e.currentTarget.value)}
        />
        <TextInput
          label={t('surveyConsole.waves.opensAt')}
          type="datetime-local"
          value={opensAt}
          onChange={(e) => setOpensAt(e.currentTarget.value)}
        />
        <TextInput
          label={t('surveyConsole.waves.closesAt')}
          type="datetime-local"
          value={closesAt}
          onChange={(e) => setClosesAt(e.currentTarget.value)}
        />
      </div>
      {schedule.isError ? <Alert tone="error">{surveyError(schedule.error)}</Alert> : null}
      {schedule.isSuccess ? <Alert tone="success">{t('surveyConsole.waves.scheduled')}</Alert> : null}
      <div>
        <Button type="submit" busy={schedule.isPending}>
          {t('surveyConsole.waves.submit')}
        </Button>
      </div>
      <Dialog
        open={confirming}
        title={t('surveyConsole.waves.confirmTitle', { wave: label.trim() })}
        closeLabel={t('surveyConsole.waves.confirmCancel')}
        onClose={() => setConfirming(false)}
      >
        <p>{t('surveyConsole.waves.confirmBody')}</p>
        <div className="fx-row">
          <Button onClick={send}>{t('surveyConsole.waves.confirmOpen')}</Button>
          <Button variant="secondary" onClick={() => setConfirming(false)}>
            {t('surveyConsole.waves.confirmCancel')}
          </Button>
        </div>
      </Dialog>
    </form>
  );
}

/** Whether a `datetime-local` opening is now or past (within the minute the field is precise to). */
export function opensNow(value: string, now = Date.now()): boolean {
  const date = new Date(value);
  return !Number.isNaN(date.getTime()) && date.getTime() <= now + 60_000;
}
