import type { DimensionView } from '@facets/api';
import { scalePoints } from '@facets/domain';
import { formatNumber, pickText, useLang } from '@facets/portal-kit';
import { BarChart, Card } from '@facets/ui';
import { ExportButton } from '../export/ExportButton.tsx';
import { useCountWords, useHiddenReason } from '../figures/figures.tsx';

/** How the latest wave's lived answers spread over the scale, as counts and shares. */
export function Distribution({ view, k }: { view: DimensionView; k: number }) {
  const { t, lang } = useLang();
  const reason = useHiddenReason();
  const counts = useCountWords(view.group.kind);
  const d = view.distribution;
  const total = d.bins.reduce((s, b) => s + b.count, 0);
  const rows = d.scale
    ? scalePoints(d.scale).map((point) => {
        const count = d.bins.find((b) => b.value === point)?.count ?? 0;
        return { point, count, share: total > 0 ? (count / total) * 100 : 0 };
      })
    : [];
  const title = t('dimension.distribution.title', {
    dimension: pickText(view.dimension.label, lang),
    wave: d.wave?.label ?? '',
  });
  const why = reason(d.hidden, k);
  return (
    <Card title={t('dimension.distribution.heading')}>
      {why || total === 0 ? (
        <p className="fx-muted">{why ? t('dimension.hiddenBecause', { reason: why }) : t('figures.noData')}</p>
      ) : (
        <>
          <p className="fx-hint">
            {t('dimension.distribution.note', { wave: d.wave?.label ?? '', nText: counts.n(total) })}
          </p>
          <BarChart
            title={title}
            color="#3a3fbf"
            bars={rows.map((r) => ({
              label: String(r.point),
              value: r.count,
              text: t('figures.percent', { value: formatNumber(r.share, lang) }),
            }))}
          />
          <p className="fx-hint">{t(`dimension.distribution.ends.${d.scale}`)}</p>
          <div className="fx-row fx-row--end">
            <ExportButton
              title={title}
              rows={rows}
              columns={[
                { header: t('dimension.distribution.answer'), value: (r) => r.point },
                { header: t('dimension.distribution.count'), value: (r) => r.count },
                { header: t('dimension.distribution.share'), value: (r) => Math.round(r.share * 10) / 10 },
              ]}
            />
          </div>
        </>
      )}
    </Card>
  );
}
