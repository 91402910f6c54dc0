import type { DimensionView } from '@facets/api';
import { formatNumber, Link, pickText, useLang } from '@facets/portal-kit';
import { Card, DataTable, QuadrantChart } from '@facets/ui';
import { ExportButton } from '../export/ExportButton.tsx';
import { dimensionPath, programmeSelection } from '../figures/figures.tsx';

/** The group’s importance (key drivers, else stated priority) × performance (lived) matrix, this one highlighted. */
export function Ipa({ view }: { view: DimensionView }) {
  const { t, lang } = useLang();
  const ipa = view.ipa;
  const nameOf = (id: string) => pickText(view.dimensions.find((d) => d.id === id)?.label, lang);
  const title = t('dimension.ipa.title', { group: pickText(view.group.label, lang) });
  return (
    <Card title={t('dimension.ipa.heading')}>
      {!ipa ? (
        <p className="fx-muted">{t('dimension.ipa.none')}</p>
      ) : (
        <>
          <p>
            {t('dimension.ipa.sentence', {
              dimension: pickText(view.dimension.label, lang),
              quadrant: t(`dimension.ipa.quadrant.${ipa.quadrant}`),
            })}
          </p>
          <p className="fx-hint">{t(`dimension.ipa.source.${ipa.importanceSource}`)}</p>
          <QuadrantChart
            title={title}
            xLabel={t(`dimension.ipa.importanceFrom.${ipa.importanceSource}`)}
            yLabel={t('dimension.ipa.performance')}
            split={{ x: ipa.meanImportance, y: ipa.meanPerformance }}
            quadrants={[
              t('dimension.ipa.quadrant.possible_overkill'),
              t('dimension.ipa.quadrant.keep_up'),
              t('dimension.ipa.quadrant.low_priority'),
              t('dimension.ipa.quadrant.concentrate_here'),
            ]}
            points={ipa.points.map((p) => ({
              id: p.dimensionId,
              label: nameOf(p.dimensionId),
              x: p.importance,
              y: p.performance,
              highlight: p.dimensionId === view.dimension.id,
            }))}
          />
          <details className="fx-details">
            <summary>{t('dimension.ipa.table')}</summary>
            <DataTable
              title={title}
              columns={[
                t('overview.col.dimension'),
                t(`dimension.ipa.importanceFrom.${ipa.importanceSource}`),
                t('dimension.ipa.performance'),
                t('dimension.ipa.quadrantCol'),
              ]}
            >
              {ipa.points.map((p) => (
                <tr key={p.dimensionId}>
                  <th scope="row">
                    {p.dimensionId === view.dimension.id ? (
                      nameOf(p.dimensionId)
                    ) : (
                      <Link
                        to={dimensionPath(
                          view.group.id,
                          p.dimensionId,
                          view.segment,
                          programmeSelection(view.programme),
                        )}
                      >
                        {nameOf(p.dimensionId)}
                      </Link>
                    )}
                  </th>
                  <td>{formatNumber(p.importance, lang, 1)}</td>
                  <td>{formatNumber(p.performance, lang, 1)}</td>
                  <td>{t(`dimension.ipa.quadrant.${p.quadrant}`)}</td>
                </tr>
              ))}
            </DataTable>
            <ExportButton
              title={title}
              rows={ipa.points}
              columns={[
                { header: t('overview.col.dimension'), value: (p) => nameOf(p.dimensionId) },
                { header: t(`dimension.ipa.importanceFrom.${ipa.importanceSource}`), value: (p) => p.importance },
                { header: t('dimension.ipa.performance'), value: (p) => p.performance },
                { header: t('dimension.ipa.quadrantCol'), value: (p) => t(`dimension.ipa.quadrant.${p.quadrant}`) },
              ]}
            />
          </details>
        </>
      )}
    </Card>
  );
}
