import { ErrorAlert, type Me, useLang, useTRPC } from '@facets/portal-kit';
import { EmptyState, Loading, PageHeader } from '@facets/ui';
import { useQuery } from '@tanstack/react-query';
import { ruleKeys } from '../figures/counting.ts';
import { useSelection } from '../figures/figures.tsx';
import { ManagerScope, useManagerSegment } from '../figures/ManagerScope.tsx';
import { GroupCard } from './GroupCard.tsx';

/**
 * For each stakeholder group: the four facets per dimension (intended target and priority, the initiatives that
 * propose it, expected, lived), the gaps, the trend since the previous wave and the group's alerts.
 */
export function Overview({ me }: { me: Me }) {
  const { t } = useLang();
  const trpc = useTRPC();
  const selection = useSelection();
  // A manager with a team reads it by default, or their department when they ask: a segment filters one group, the
  // employees'.
  const own = useManagerSegment(me);
  const groups = useQuery({ ...trpc.org.groups.queryOptions(), enabled: own !== undefined });
  const employees = groups.data?.find((g) => g.kind === 'employee');
  const overview = useQuery({
    ...trpc.insights.overview.queryOptions({
      ...selection,
      ...(own && employees ? { groupId: employees.id, segment: own } : {}),
    }),
    enabled: own === undefined || employees !== undefined,
    placeholderData: (p) => p,
  });
  // The page states each rule its groups are under: in people, and in companies when it shows suppliers.
  const rules = ruleKeys(overview.data?.groups.map((g) => g.kind) ?? []);
  return (
    <div className="fx-stack">
      <PageHeader title={t('overview.title')} description={t('overview.intro')} />
      {overview.isPending ? <Loading label={t('app.loading')} /> : null}
      {overview.isError ? <ErrorAlert error={overview.error} onRetry={() => void overview.refetch()} /> : null}
      {overview.data ? (
        <>
          {me.role === 'manager' ? (
            <ManagerScope
              me={me}
              segment={overview.data.segment}
              respondents={overview.data.groups[0]?.respondents}
              k={overview.data.kThreshold}
              departmentText={t('overview.managerScope')}
            />
          ) : null}
          <p className="fx-hint">
            {t('overview.legend')}{' '}
            {rules
              .map((keys) =>
                t(keys.anonymity, { k: overview.data.kThreshold, commentK: overview.data.commentThreshold }),
              )
              .join(' ')}
          </p>
          {overview.data.groups.length === 0 ? (
            <EmptyState title={t('overview.emptyTitle')}>{t('overview.emptyBody')}</EmptyState>
          ) : null}
          {overview.data.groups.map((group) => (
            <GroupCard key={group.id} group={group} k={overview.data.kThreshold} />
          ))}
        </>
      ) : null}
    </div>
  );
}
