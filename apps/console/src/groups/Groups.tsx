import { ErrorAlert, Link, type Me, pickText, useLang, useRouter, useTRPC } from '@facets/portal-kit';
import { Alert, Card, EmptyState, Loading, PageHeader, Select } from '@facets/ui';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSelection } from '../figures/figures.tsx';
import { BreakdownTable } from './BreakdownTable.tsx';

/**
 * Group drill-down: one group cut by one segment key (department, site, supplier category…) in one wave, under the
 * disclosure rules the API applies; every hidden cell says why.
 */
export function Groups({ me, groupId: initialGroup }: { me: Me; groupId?: string }) {
  const { t, lang } = useLang();
  const trpc = useTRPC();
  const groups = useQuery(trpc.org.groups.queryOptions());
  const [chosenGroup, setGroup] = useState(initialGroup ?? '');
  const [chosenKey, setKey] = useState('');
  // The survey and wave reported on are kept in the link (?survey=…&wave=…), as on the other results pages.
  const { setSearch } = useRouter();
  const selection = useSelection();
  const groupId = chosenGroup || groups.data?.[0]?.id || '';
  const whole = me.role !== 'manager';
  const segments = useQuery({
    ...trpc.insights.segments.queryOptions({
      groupId,
      ...(selection.surveyId ? { surveyId: selection.surveyId } : {}),
    }),
    enabled: whole && groupId !== '',
  });
  const keys = segments.data?.segments ?? [];
  const segmentKey = keys.some((s) => s.key === chosenKey) ? chosenKey : (keys[0]?.key ?? '');
  const waves = segments.data?.waves ?? [];
  const programmes = (segments.data?.programmes ?? []).filter(
    (p) => p.waves.length > 0 || p.surveyId === segments.data?.programme?.surveyId,
  );
  const surveyId = segments.data?.programme?.surveyId ?? '';
  const wave = waves.some((w) => w.id === selection.waveId) ? (selection.waveId ?? '') : '';
  const breakdown = useQuery({
    ...trpc.insights.breakdown.queryOptions({
      groupId,
      segmentKey,
      ...(surveyId ? { surveyId } : {}),
      ...(wave ? { waveId: wave } : {}),
    }),
    enabled: whole && groupId !== '' && segmentKey !== '' && segments.isSuccess,
    placeholderData: (previous) => previous,
  });

  if (!whole) {
    return (
      <div className="fx-stack">
        <PageHeader title={t('groups.title')} />
        <Card>
          <p>{t('groups.managerBody')}</p>
          <Link to="">{t('groups.managerLink')}</Link>
        </Card>
      </div>
    );
  }
  const latest = waves.at(-1);
  return (
    <div className="fx-stack">
      <PageHeader title={t('groups.title')} description={t('groups.intro')} />
      <search className="fx-filters" aria-label={t('groups.filters')}>
        <Select
          label={t('groups.group')}
          value={groupId}
          onChange={(e) => {
            setGroup(e.currentTarget.value);
            setSearch({ survey: null, wave: null });
          }}
          options={(groups.data ?? []).map((g) => ({ value: g.id, label: pickText(g.label, lang) }))}
        />
        <Select
          label={t('groups.segmentKey')}
          value={segmentKey}
          disabled={keys.length === 0}
          onChange={(e) => setKey(e.currentTarget.value)}
          options={keys.map((s) => ({ value: s.key, label: pickText(s.label, lang) }))}
        />
        {programmes.length > 1 ? (
          <Select
            label={t('reporting.survey')}
            value={surveyId}
            onChange={(e) => setSearch({ survey: e.currentTarget.value, wave: null })}
            options={programmes.map((p) => ({
              value: p.surveyId,
              label: p.headline ? t('reporting.headline', { title: pickText(p.title, lang) }) : pickText(p.title, lang),
            }))}
          />
        ) : null}
        <Select
          label={t('groups.wave')}
          value={wave}
          disabled={waves.length === 0}
          onChange={(e) => setSearch({ survey: surveyId || null, wave: e.currentTarget.value || null })}
          options={[
            { value: '', label: latest ? t('groups.latest', { wave: latest.label }) : t('groups.noWave') },
            ...[...waves].reverse().map((w) => ({ value: w.id, label: w.label })),
          ]}
        />
      </search>
      <p className="fx-hint">{t('figures.anonymityScores', { k: me.organization.kThreshold })}</p>
      {groups.isError ? <ErrorAlert error={groups.error} /> : null}
      {segments.isError ? <ErrorAlert error={segments.error} /> : null}
      {breakdown.isError ? <ErrorAlert error={breakdown.error} onRetry={() => void breakdown.refetch()} /> : null}
      {groups.isPending || segments.isPending || (segmentKey && breakdown.isPending) ? (
        <Loading label={t('app.loading')} />
      ) : null}
      {segments.data && keys.length === 0 ? (
        <EmptyState title={t('groups.noSegmentsTitle')}>{t('groups.noSegmentsBody')}</EmptyState>
      ) : null}
      {segments.data && waves.length === 0 && keys.length > 0 ? (
        <Alert tone="info">{t('groups.noWaveBody')}</Alert>
      ) : null}
      {breakdown.data && keys.length > 0 ? (
        <BreakdownTable breakdown={breakdown.data} k={me.organization.kThreshold} busy={breakdown.isFetching} />
      ) : null}
    </div>
  );
}
