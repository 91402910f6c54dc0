import { SURVEY_BUILDERS } from '@facets/domain';
import { ErrorAlert, Link, type Me, pickText, useLang, useTRPC } from '@facets/portal-kit';
import { Badge, DataTable, EmptyState, Loading, PageHeader, Select } from '@facets/ui';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ExportButton } from '../export/ExportButton.tsx';
import { can } from '../roles/roles.ts';
import { currentWave, type SurveySummary } from './api.ts';
import { STATE_TONE, STATUS_TONE, useRateText } from './labels.ts';
import './surveys.css';

/** Every survey of the organisation (a manager: employee surveys), with its current wave and response rate. */
export function SurveyList({ me }: { me: Me }) {
  const { t, lang } = useLang();
  const rateOf = useRateText();
  const trpc = useTRPC();
  const [groupId, setGroupId] = useState('');
  const groups = useQuery(trpc.org.groups.queryOptions());
  const surveys = useQuery({
    ...trpc.surveys.list.queryOptions(groupId ? { groupId } : undefined),
    // Response counts move while waves are open.
    refetchInterval: 15_000,
  });
  const canBuild = can(me, SURVEY_BUILDERS);
  const title = t('surveyConsole.title');
  const rows = surveys.data ?? [];
  const current = (s: SurveySummary) => currentWave(s.waves);

  return (
    <div className="fx-stack">
      <PageHeader
        title={title}
        description={t('surveyConsole.intro')}
        actions={
          canBuild ? (
            <Link to="surveys/new" className="fx-button fx-button--primary">
              {t('surveyConsole.newSurvey')}
            </Link>
          ) : null
        }
      />
      {!canBuild ? <p className="fx-hint">{t('surveyConsole.readOnly')}</p> : null}
      <search className="fx-filters" aria-label={t('surveyConsole.filterGroup')}>
        <Select
          label={t('surveyConsole.filterGroup')}
          value={groupId}
          onChange={(e) => setGroupId(e.currentTarget.value)}
          options={[
            { value: '', label: t('surveyConsole.all') },
            ...(groups.data ?? [])
              .filter((g) => me.role !== 'manager' || g.kind === 'employee')
              .map((g) => ({ value: g.id, label: pickText(g.label, lang) })),
          ]}
        />
      </search>
      {surveys.isPending ? <Loading label={t('app.loading')} /> : null}
      {surveys.isError ? <ErrorAlert error={surveys.error} onRetry={() => void surveys.refetch()} /> : null}
      {surveys.data && rows.length === 0 ? (
        <EmptyState title={t('surveyConsole.empty')}>{t('surveyConsole.emptyBody')}</EmptyState>
      ) : null}
      {rows.length > 0 ? (
        <div className="fx-card fx-stack">
          <div className="fx-row fx-row--end">
            <ExportButton
              title={title}
              rows={rows}
              columns={[
                { header: t('surveyConsole.col.survey'), value: (s) => pickText(s.title, lang) },
                { header: t('surveyConsole.col.group'), value: (s) => pickText(s.group.label, lang) },
                { header: t('surveyConsole.col.status'), value: (s) => t(`surveyConsole.status.${s.status}`) },
                { header: t('surveyConsole.col.questions'), value: (s) => s.questionCount },
                { header: t('surveyConsole.col.currentWave'), value: (s) => current(s)?.label ?? '' },
                { header: t('surveyConsole.col.invited'), value: (s) => current(s)?.invited ?? '' },
                { header: t('surveyConsole.col.responses'), value: (s) => current(s)?.responses ?? '' },
              ]}
            />
          </div>
          <DataTable
            title={t('surveyConsole.tableCaption')}
            columns={[
              t('surveyConsole.col.survey'),
              t('surveyConsole.col.group'),
              t('surveyConsole.col.status'),
              t('surveyConsole.col.currentWave'),
              t('surveyConsole.col.responseRate'),
            ]}
          >
            {rows.map((s) => {
              const wave = current(s);
              return (
                <tr key={s.id}>
                  <th scope="row" className="fx-survey-title-cell">
                    <Link to={`surveys/${s.id}`}>{pickText(s.title, lang)}</Link>
                    <div className="fx-hint">
                      {t(`surveyConsole.kind.${s.kind}`)} ·{' '}
                      {s.anonymous ? t('surveyConsole.anonymous') : t('surveyConsole.named')}
                    </div>
                  </th>
                  <td>{pickText(s.group.label, lang)}</td>
                  <td>
                    <Badge tone={STATUS_TONE[s.status]}>{t(`surveyConsole.status.${s.status}`)}</Badge>
                  </td>
                  <td>
                    {wave ? (
                      <>
                        <div>{wave.label}</div>
                        <Badge tone={STATE_TONE[wave.state]}>{t(`surveyConsole.state.${wave.state}`)}</Badge>
                      </>
                    ) : (
                      <span className="fx-muted">{t('surveyConsole.noWave')}</span>
                    )}
                  </td>
                  <td>{wave ? rateOf(wave) : '—'}</td>
                </tr>
              );
            })}
          </DataTable>
        </div>
      ) : null}
    </div>
  );
}
