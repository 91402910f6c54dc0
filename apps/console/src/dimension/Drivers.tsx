import type { DimensionView } from '@facets/api';
import { formatNumber, Link, pickText, useLang } from '@facets/portal-kit';
import { Card, DataTable } from '@facets/ui';
import { ExportButton } from '../export/ExportButton.tsx';
import { dimensionPath, programmeSelection, useCountWords, useHiddenReason } from '../figures/figures.tsx';

/**
 * Which dimensions' lived scores move the group's outcome item (eNPS, NPS…): correlation and relative weight with
 * their n and a note on what the n allows; "not enough responses" below the minimum.
 */
export function Drivers({ view, k }: { view: DimensionView; k: number }) {
  const { t, lang } = useLang();
  const reason = useHiddenReason();
  const counts = useCountWords(view.group.kind);
  const d = view.drivers;
  const title = t('dimension.drivers.title', { group: pickText(view.group.label, lang) });
  if (!d) {
    return (
      <Card title={t('dimension.drivers.heading')}>
        <p className="fx-muted">{t('dimension.drivers.manager')}</p>
      </Card>
    );
  }
  const nameOf = (id: string) => pickText(view.dimensions.find((x) => x.id === id)?.label, lang);
  const outcome = d.outcome ? t(`dimension.drivers.outcome.${d.outcome.scale}`) : '';
  const r = (v: number | null) => (v === null ? '—' : formatNumber(v, lang, 2));
  const weight = (v: number | null) =>
    v === null ? '—' : t('figures.percent', { value: formatNumber(v * 100, lang) });
  return (
    <Card title={t('dimension.drivers.heading')}>
      {d.status === 'insufficient' || d.drivers.length === 0 ? (
        <p className="fx-muted">
          {counts.driversInsufficient(d.thresholds.correlation, d.n)}
          {reason(d.hidden, k) ? ` (${reason(d.hidden, k)})` : ''}
        </p>
      ) : (
        <>
          <p>{t('dimension.drivers.intro', { outcome, wave: d.wave?.label ?? '', nText: counts.n(d.n) })}</p>
          <p className="fx-hint">
            {d.status === 'ok'
              ? t('dimension.drivers.noteWeights', {
                  r2: d.rSquared === null ? '—' : t('figures.percent', { value: formatNumber(d.rSquared * 100, lang) }),
                })
              : counts.driversCorrelationOnly(d.thresholds.weights)}
          </p>
          <DataTable
            title={title}
            className="fx-drivers"
            columns={[t('overview.col.dimension'), t('dimension.drivers.weight'), t('dimension.drivers.r'), 'n']}
          >
            {d.drivers.map((x) => (
              <tr key={x.dimensionId} className={x.dimensionId === view.dimension.id ? 'fx-drivers__own' : undefined}>
                <th scope="row">
                  {x.dimensionId === view.dimension.id ? (
                    <strong>{nameOf(x.dimensionId)}</strong>
                  ) : (
                    <Link to={dimensionPath(view.group.id, x.dimensionId, null, programmeSelection(view.programme))}>
                      {nameOf(x.dimensionId)}
                    </Link>
                  )}
                </th>
                <td>
                  {x.hidden ? (
                    <span className="fx-muted">{reason(x.hidden, k)}</span>
                  ) : (
                    <span className="fx-drivers__bar">
                      <span aria-hidden="true" style={{ width: `${((x.relativeWeight ?? 0) * 5).toFixed(2)}rem` }} />
                      {weight(x.relativeWeight)}
                    </span>
                  )}
                </td>
                <td>
                  {r(x.r)}
                  {x.sign ? <span className="fx-score__detail"> {t(`dimension.drivers.sign.${x.sign}`)}</span> : null}
                </td>
                <td>{formatNumber(x.n, lang)}</td>
              </tr>
            ))}
          </DataTable>
          <div className="fx-row fx-row--end">
            <ExportButton
              title={title}
              rows={d.drivers}
              columns={[
                { header: t('overview.col.dimension'), value: (x) => nameOf(x.dimensionId) },
                {
                  header: t('dimension.drivers.weight'),
                  value: (x) => (x.relativeWeight === null ? null : Math.round(x.relativeWeight * 1000) / 10),
                },
                { header: t('dimension.drivers.r'), value: (x) => x.r },
                { header: 'n', value: (x) => x.n },
              ]}
            />
          </div>
        </>
      )}
    </Card>
  );
}
