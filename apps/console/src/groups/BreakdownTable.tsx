import { formatNumber, pickText, useLang } from '@facets/portal-kit';
import { Card } from '@facets/ui';
import { ExportButton } from '../export/ExportButton.tsx';
import { csvValue, dimensionPath, type Figure, Lock, useHiddenReason } from '../figures/figures.tsx';
import { HeatCell, HeatKey } from '../figures/HeatCell.tsx';

interface Breakdown {
  groupId: string;
  wave: { label: string } | null;
  segment: { key: string; label: { fr: string; en: string } };
  dimensions: { id: string; label: { fr: string; en: string } }[];
  total: { respondents: { n: number; hidden: string | null }; cells: ({ dimensionId: string } & Figure)[] };
  rows: {
    value: string;
    label: { fr: string; en: string };
    respondents: { n: number; hidden: string | null };
    cells: ({ dimensionId: string } & Figure)[];
  }[];
}

/** Segments × dimensions of lived scores, the whole group first; a shown segment's cell opens its dimension page. */
export function BreakdownTable({ breakdown: b, k, busy }: { breakdown: Breakdown; k: number; busy: boolean }) {
  const { t, lang } = useLang();
  const reason = useHiddenReason();
  const rows = [
    { value: '', label: t('groups.wholeGroup'), respondents: b.total.respondents, cells: b.total.cells },
    ...b.rows.map((r) => ({ ...r, label: pickText(r.label, lang) })),
  ];
  const title = t('groups.tableTitle', { segment: pickText(b.segment.label, lang), wave: b.wave?.label ?? '' });
  const cellOf = (row: (typeof rows)[number], dimensionId: string) =>
    row.cells.find((c) => c.dimensionId === dimensionId) ?? { value: null, n: 0, hidden: 'no_data' };
  return (
    <Card>
      <div className="fx-row fx-row--between">
        <h2>{title}</h2>
        <ExportButton
          title={title}
          rows={rows}
          columns={[
            { header: pickText(b.segment.label, lang), value: (r) => r.label },
            { header: t('groups.respondents'), value: (r) => (r.respondents.hidden ? null : r.respondents.n) },
            ...b.dimensions.flatMap((d) => [
              { header: pickText(d.label, lang), value: (r: (typeof rows)[number]) => csvValue(cellOf(r, d.id)) },
              {
                header: t('compare.nOf', { dimension: pickText(d.label, lang) }),
                value: (r: (typeof rows)[number]) => (cellOf(r, d.id).hidden ? null : cellOf(r, d.id).n),
              },
            ]),
          ]}
        />
      </div>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: scrollable regions must be reachable by keyboard (WCAG 2.1.1) */}
      <section className="fx-table-wrap" tabIndex={0} aria-label={title}>
        <table className="fx-table fx-heatmap" aria-busy={busy}>
          <caption className="fx-visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{pickText(b.segment.label, lang)}</th>
              <th scope="col">{t('groups.respondents')}</th>
              {b.dimensions.map((d) => (
                <th scope="col" key={d.id}>
                  {pickText(d.label, lang)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const why = reason(r.respondents.hidden, k);
              const segment = r.value ? { key: b.segment.key, value: r.value } : null;
              return (
                <tr key={r.value || '(whole)'} className={r.value ? undefined : 'fx-heatmap__total'}>
                  <th scope="row">{r.label}</th>
                  <td>
                    {why ? (
                      <span className="fx-score__detail">
                        <Lock /> {why}
                      </span>
                    ) : (
                      <span>{formatNumber(r.respondents.n, lang)}</span>
                    )}
                  </td>
                  {b.dimensions.map((d) => (
                    <td key={d.id}>
                      <HeatCell
                        figure={cellOf(r, d.id)}
                        k={k}
                        kind="score"
                        to={why ? undefined : dimensionPath(b.groupId, d.id, segment)}
                        context={`${r.label}, ${pickText(d.label, lang)}`}
                      />
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      <HeatKey kind="score" label={t('compare.legend.score')} />
    </Card>
  );
}
