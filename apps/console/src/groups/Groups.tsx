import { ErrorAlert, Link, type Me, pickText, useLang, useRouter, useSearchParam, useTRPC } from '@facets/portal-kit';
import { Alert, Card, EmptyState, Loading, PageHeader, SegmentedControl, Select } from '@facets/ui';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useCountWords, useSelection } from '../figures/figures.tsx';
import { ProgrammePicker } from '../figures/ProgrammePicker.tsx';
import { type BreakdownShow, BreakdownTable } from './BreakdownTable.tsx';

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
  // Scores, or each segment's difference from the whole group: kept in the link too (?show=difference).
  const show: BreakdownShow = useSearchParam('show') === 'difference' ? 'difference' : 'scores';
  const groupId = chosenGroup || groups.data?.[0]?.id || '';
  const group = groups.data?.find((g) => g.id === groupId);
  const counts = useCountWords(group?.kind);
  const whole = me.role !== 'manager';
  const segments = useQuery({
    ...trpc.insights.segments.queryOptions({ groupId, ...selection }),
    enabled: whole && groupId !== '',
  });
  const keys = segments.data?.segments ?? [];
  const segmentKey = keys.some((s) => s.key === chosenKey) ? chosenKey : (keys[0]?.key ?? '');
  const waves = segments.data?.waves ?? [];
  const breakdown = useQuery({
    ...trpc.insights.breakdown.queryOptions({ groupId, segmentKey, ...selection }),
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
        <div className="fx-field">
          <span className="fx-label" aria-hidden="true">
            {t('groups.show')}
          </span>
          <SegmentedControl
            label={t('groups.show')}
            value={show}
            onChange={(value) => setSearch({ show: value === 'difference' ? 'difference' : null })}
            segments={[
              { value: 'scores', label: t('groups.showScores') },
              { value: 'difference', label: t('groups.showDifference') },
            ]}
          />
        </div>
      </search>
      {segments.data ? (
        <ProgrammePicker
          groupName={pickText(group?.label, lang)}
          programme={segments.data.programme}
          programmes={segments.data.programmes}
        />
      ) : null}
      <p className="fx-hint">{counts.anonymityScores(me.organization.kThreshold)}</p>
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
        <BreakdownTable
          breakdown={breakdown.data}
          k={me.organization.kThreshold}
          busy={breakdown.isFetching}
          show={show}
        />
      ) : null}
    </div>
  );
}
