import type { DimensionView } from '@facets/api';
import { formatNumber, pickText, useLang } from '@facets/portal-kit';
import { Card, DataTable, LineChart } from '@facets/ui';
import { ExportButton } from '../export/ExportButton.tsx';
import { csvValue, FigureCell } from '../figures/figures.tsx';

export const COLORS = { lived: '#3a3fbf', expected: '#0d7a73', target: '#566070' };

/** Expected and lived across the waves, with the intended target as a line; the figures in a table below. */
export function Trend({ view, k }: { view: DimensionView; k: number }) {
  const { t, lang } = useLang();
  const name = pickText(view.dimension.label, lang);
  const title = t('dimension.trend.title', { dimension: name });
  const target = view.intended?.target;
  return (
    <Card title={t('dimension.trend.heading')} className="fx-dimension-grid__wide">
      {view.trend.length === 0 ? (
        <p className="fx-muted">{t('dimension.noWaves')}</p>
      ) : (
        <>
          <LineChart
            title={title}
            categories={view.trend.map((w) => w.wave.label)}
            series={[
              {
                id: 'lived',
                label: t('figures.metric.lived'),
                values: view.trend.map((w) => w.lived.value),
                color: COLORS.lived,
              },
              {
                id: 'expected',
                label: t('figures.metric.expected'),
                values: view.trend.map((w) => w.expected.value),
                color: COLORS.expected,
                dash: '7 4',
              },
            ]}
            references={
              target === undefined ? [] : [{ label: t('dimension.trend.target'), value: target, color: COLORS.target }]
            }
            format={(v) => formatNumber(v, lang)}
          />
          <DataTable
            title={title}
            className="fx-table--compact"
            columns={[
              t('groups.wave'),
              t('figures.metric.expected'),
              t('figures.metric.lived'),
              t('dimension.trend.favourable'),
            ]}
          >
            {view.trend.map((w) => (
              <tr key={w.wave.id}>
                <th scope="row">{w.wave.label}</th>
                <td>
                  <FigureCell figure={w.expected} k={k} groupKind={view.group.kind} />
                </td>
                <td>
                  <FigureCell figure={w.lived} k={k} groupKind={view.group.kind} />
                </td>
                <td>
                  <FigureCell figure={w.favourability} k={k} groupKind={view.group.kind} />
                </td>
              </tr>
            ))}
          </DataTable>
          <div className="fx-row fx-row--end">
            <ExportButton
              title={title}
              rows={view.trend}
              columns={[
                { header: t('groups.wave'), value: (w) => w.wave.label },
                { header: t('figures.metric.expected'), value: (w) => csvValue(w.expected) },
                { header: t('overview.csv.expectedN'), value: (w) => w.expected.n },
                { header: t('figures.metric.lived'), value: (w) => csvValue(w.lived) },
                { header: t('overview.csv.livedN'), value: (w) => w.lived.n },
                { header: t('dimension.trend.favourable'), value: (w) => csvValue(w.favourability) },
                { header: t('dimension.trend.target'), value: () => target },
              ]}
            />
          </div>
        </>
      )}
    </Card>
  );
}
