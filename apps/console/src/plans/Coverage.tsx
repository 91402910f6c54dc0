import { ErrorAlert, formatNumber, pickText, useLang, useTRPC } from '@facets/portal-kit';
import { Badge, type BadgeTone, Card, DataTable, EmptyState } from '@facets/ui';
import { useQuery } from '@tanstack/react-query';
import type { Selection } from '../figures/figures.tsx';

const STATE_TONE: Record<string, BadgeTone> = { planned: 'success', no_plan: 'warning', no_results: 'neutral' };

/** For HR: each manager's plan for the wave, those with results and no plan yet first. */
export function Coverage(props: { groupId: string; selection: Selection }) {
  const { t, lang } = useLang();
  const trpc = useTRPC();
  const coverage = useQuery(trpc.actionPlans.coverage.queryOptions({ groupId: props.groupId, ...props.selection }));
  const data = coverage.data;
  if (coverage.isError) return <ErrorAlert error={coverage.error} onRetry={() => void coverage.refetch()} />;
  if (!data?.wave) return null;
  const wave = data.wave.label;
  return (
    <Card title={t('plans.coverage.title', { wave })} titleId="plan-coverage">
      {data.managers.length === 0 ? (
        <EmptyState title={t('plans.coverage.empty')} titleAs="h3" />
      ) : (
        <>
          <p className="fx-hint">{t('plans.coverage.intro')}</p>
          <DataTable
            title={t('plans.coverage.caption', { wave })}
            className="fx-table--stack"
            columns={[
              t('plans.coverage.colManager'),
              t('plans.coverage.colDepartment'),
              t('plans.coverage.colState'),
              t('plans.coverage.colFocus'),
              t('plans.coverage.colActions'),
            ]}
          >
            {data.managers.map((m) => (
              <tr key={m.memberId}>
                <th scope="row">{m.name}</th>
                <td data-label={t('plans.coverage.colDepartment')}>
                  {m.departmentLabel ? pickText(m.departmentLabel, lang) : m.department}
                </td>
                <td data-label={t('plans.coverage.colState')}>
                  <Badge tone={STATE_TONE[m.state] ?? 'neutral'}>{t(`plans.coverage.state.${m.state}`)}</Badge>
                </td>
                <td data-label={t('plans.coverage.colFocus')}>{formatNumber(m.focusAreas, lang)}</td>
                <td data-label={t('plans.coverage.colActions')}>
                  {t('plans.coverage.actionsDone', {
                    done: formatNumber(m.actionsDone, lang),
                    count: formatNumber(m.actions, lang),
                  })}
                </td>
              </tr>
            ))}
          </DataTable>
        </>
      )}
    </Card>
  );
}
