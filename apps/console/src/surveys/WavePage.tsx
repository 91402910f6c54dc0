import { countsCompanies, SURVEY_BUILDERS } from '@facets/domain';
import { ErrorAlert, formatNumber, Link, type Me, pickText, useLang, useTRPC } from '@facets/portal-kit';
import { Alert, Badge, Card, Loading, PageHeader } from '@facets/ui';
import { useQuery } from '@tanstack/react-query';
import { can } from '../roles/roles.ts';
import type { ResponseRate } from './api.ts';
import { CsvUpload } from './CsvUpload.tsx';
import { DirectoryInvite } from './DirectoryInvite.tsx';
import { STATE_TONE } from './labels.ts';
import './surveys.css';

/** How often the response rate is read again while the page is open. */
const REFRESH_MS = 5_000;

/** One wave: its live response rate and, for those who launch surveys, its invitations (directory or CSV). */
export function WavePage({ me, surveyId, waveId }: { me: Me; surveyId: string; waveId: string }) {
  const { t, lang } = useLang();
  const trpc = useTRPC();
  const survey = useQuery(trpc.surveys.get.queryOptions({ surveyId }));
  const rate = useQuery({ ...trpc.surveys.responseRate.queryOptions({ waveId }), refetchInterval: REFRESH_MS });
  const canBuild = can(me, SURVEY_BUILDERS);
  const wave = survey.data?.waves.find((w) => w.id === waveId);

  return (
    <div className="fx-stack">
      <p>
        <Link to={`surveys/${surveyId}`}>{t('surveyConsole.wave.back')}</Link>
      </p>
      {survey.isPending ? <Loading label={t('app.loading')} /> : null}
      {survey.isError ? <ErrorAlert error={survey.error} /> : null}
      {rate.isError ? <ErrorAlert error={rate.error} /> : null}
      {survey.data && rate.data ? (
        <>
          <PageHeader
            title={t('surveyConsole.wave.title', { survey: pickText(survey.data.title, lang), wave: rate.data.label })}
            description={pickText(survey.data.group.label, lang)}
            actions={<Badge tone={STATE_TONE[rate.data.state]}>{t(`surveyConsole.state.${rate.data.state}`)}</Badge>}
          />
          <RateMeter rate={rate.data} groupKind={survey.data.group.kind} />
          {rate.data.state === 'closed' ? <Alert tone="info">{t('surveyConsole.wave.closedNote')}</Alert> : null}
          {canBuild && wave && rate.data.state !== 'closed' ? (
            <>
              <DirectoryInvite waveId={waveId} attributes={survey.data.invitationColumns.attributes} />
              <CsvUpload waveId={waveId} columns={survey.data.invitationColumns} />
            </>
          ) : null}
        </>
      ) : null}
    </div>
  );
}

function RateMeter({ rate, groupKind }: { rate: ResponseRate; groupKind: string }) {
  const { t, lang } = useLang();
  const percent = new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { style: 'percent' });
  return (
    <Card title={t('surveyConsole.wave.rate')} titleAs="h2">
      <div className="fx-meter" role="status" aria-live="polite">
        {rate.invited === 0 ? (
          <p>{t('surveyConsole.wave.noInvitations')}</p>
        ) : rate.rate === null ? (
          <p>{t('surveyConsole.wave.fewNote', { k: rate.k })}</p>
        ) : (
          <>
            <span className="fx-meter__value">{percent.format(rate.rate)}</span>
            <meter
              min={0}
              max={1}
              value={rate.rate}
              aria-label={t('surveyConsole.wave.meterLabel')}
              aria-valuetext={percent.format(rate.rate)}
            />
          </>
        )}
        <p>
          {rate.responses === null
            ? t('surveyConsole.wave.responsesFew', { k: rate.k })
            : t('surveyConsole.wave.responses', { count: rate.responses, n: formatNumber(rate.responses, lang) })}{' '}
          · {t('surveyConsole.wave.invited', { count: rate.invited, n: formatNumber(rate.invited, lang) })} ·{' '}
          {rate.used === null
            ? t('surveyConsole.wave.linksUsedFew', { k: rate.k })
            : t('surveyConsole.wave.linksUsed', { count: rate.used, n: formatNumber(rate.used, lang) })}
        </p>
        <p className="fx-hint">
          {rate.anonymous ? t('surveyConsole.wave.anonymousNote') : t('surveyConsole.wave.namedNote')}
        </p>
        {countsCompanies(groupKind) ? (
          <p className="fx-hint">{t('surveyConsole.wave.companiesNote', { k: rate.k })}</p>
        ) : null}
        <p className="fx-hint">{t('surveyConsole.wave.rateHint')}</p>
      </div>
    </Card>
  );
}
