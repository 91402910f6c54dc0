import { COMPARE_METRICS, type CompareMetric } from '@facets/domain';
import { ErrorAlert, type Me, pickText, useLang, useTRPC } from '@facets/portal-kit';
import { Alert, Card, DataTable, EmptyState, Loading, PageHeader, SegmentedControl } from '@facets/ui';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ExportButton } from '../export/ExportButton.tsx';
import { dimensionPath, figureColumns, programmeSelection, useSelection } from '../figures/figures.tsx';
import { HeatCell, HeatKey, type HeatKind } from '../figures/HeatCell.tsx';
import { ProgrammePicker } from '../figures/ProgrammePicker.tsx';

const KIND: Record<CompareMetric, HeatKind> = {
  lived: 'score',
  expected: 'score',
  expectationGap: 'gap',
  favourability: 'percent',
};

/** The stakeholder heatmap: groups × shared dimensions on one metric, each cell leading to its dimension page. */
export function Compare({ me }: { me: Me }) {
  const { t, lang } = useLang();
  const trpc = useTRPC();
  const [metric, setMetric] = useState<CompareMetric>('lived');
  const selection = useSelection();
  const compare = useQuery({
    ...trpc.insights.compareGroups.queryOptions({ metric, ...selection }),
    placeholderData: (p) => p,
  });
  // The comparison names groups, not their kinds: a supplier's n counts contacts, its rule companies.
  const orgGroups = useQuery(trpc.org.groups.queryOptions());
  const kindOf = (groupId: string) => orgGroups.data?.find((g) => g.id === groupId)?.kind ?? null;
  const k = me.organization.kThreshold;
  const data = compare.data;
  const cellOf = (groupId: string, dimensionId: string) =>
    data?.cells.find((c) => c.groupId === groupId && c.dimensionId === dimensionId) ?? null;
  const title = t('compare.tableTitle', { metric: t(`figures.metric.${metric}`) });
  return (
    <div className="fx-stack">
      <PageHeader title={t('compare.title')} description={t('compare.intro')} />
      <div className="fx-row fx-row--between">
        <SegmentedControl
          label={t('compare.metric')}
          value={metric}
          onChange={(value) => setMetric(value as CompareMetric)}
          segments={COMPARE_METRICS.map((m) => ({ value: m, label: t(`figures.metric.${m}`) }))}
        />
        {data ? (
          <ExportButton
            title={title}
            rows={data.groups}
            columns={[
              { header: t('compare.group'), value: (g) => pickText(g.label, lang) },
              { header: t('compare.wave'), value: (g) => g.wave?.label },
              ...figureColumns(
                data.dimensions.map((d) => ({ id: d.id, name: pickText(d.label, lang) })),
                (dimension) => t('compare.nOf', { dimension }),
                (g: { id: string }, dimensionId) => cellOf(g.id, dimensionId),
              ),
            ]}
          />
        ) : null}
      </div>
      <p className="fx-hint">{t(`compare.explain.${metric}`)}</p>
      {data ? (
        <details className="fx-details" open={selection.surveyId !== undefined || selection.waveId !== undefined}>
          <summary>{t('compare.choose')}</summary>
          <div className="fx-stack">
            {data.groups.map((g) => (
              <ProgrammePicker
                key={g.id}
                groupName={pickText(g.label, lang)}
                programme={g.programme}
                programmes={g.programmes}
                showGroup
              />
            ))}
          </div>
        </details>
      ) : null}
      {compare.isPending ? <Loading label={t('app.loading')} /> : null}
      {compare.isError ? <ErrorAlert error={compare.error} onRetry={() => void compare.refetch()} /> : null}
      {data?.segment ? (
        <Alert tone="info" title={data.segment.key === 'team' ? t('scope.myTeamPlain') : undefined}>
          {data.segment.key === 'team' ? t('scope.teamBody') : t('compare.managerScope')}
        </Alert>
      ) : null}
      {data && data.dimensions.length === 0 ? (
        <EmptyState title={t('compare.emptyTitle')}>{t('compare.emptyBody')}</EmptyState>
      ) : null}
      {data && data.dimensions.length > 0 ? (
        <Card>
          <DataTable
            title={title}
            className="fx-heatmap"
            busy={compare.isFetching}
            columns={[t('compare.group'), ...data.dimensions.map((d) => pickText(d.label, lang))]}
          >
            {data.groups.map((g) => (
              <tr key={g.id}>
                <th scope="row">
                  <div>{pickText(g.label, lang)}</div>
                  <div className="fx-score__detail">
                    {g.wave ? t('compare.waveOf', { wave: g.wave.label }) : t('compare.noWave')}
                  </div>
                </th>
                {data.dimensions.map((d) => {
                  const cell = cellOf(g.id, d.id);
                  return (
                    <td key={d.id}>
                      {cell ? (
                        <HeatCell
                          figure={cell}
                          k={k}
                          kind={KIND[metric]}
                          groupKind={kindOf(g.id)}
                          to={dimensionPath(g.id, d.id, null, programmeSelection(g.programme))}
                          context={`${pickText(g.label, lang)}, ${pickText(d.label, lang)}`}
                        />
                      ) : (
                        <div className="fx-heat fx-heat--empty">
                          <span className="fx-heat__value">—</span>
                          <span className="fx-heat__detail">{t('figures.notMeasuredFor')}</span>
                        </div>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </DataTable>
          <HeatKey kind={KIND[metric]} label={t(`compare.legend.${KIND[metric]}`)} />
        </Card>
      ) : null}
    </div>
  );
}
