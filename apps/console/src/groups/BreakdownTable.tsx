import { formatNumber, pickText, useLang } from '@facets/portal-kit';
import { Card } from '@facets/ui';
import { ExportButton } from '../export/ExportButton.tsx';
import { dimensionPath, type Figure, figureColumns, Lock, useHiddenReason } from '../figures/figures.tsx';
import { HeatCell, HeatKey } from '../figures/HeatCell.tsx';
import { TableRegion } from '../figures/TableRegion.tsx';

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
            ...figureColumns(
              b.dimensions.map((d) => ({ id: d.id, name: pickText(d.label, lang) })),
              (dimension) => t('compare.nOf', { dimension }),
              cellOf,
            ),
          ]}
        />
      </div>
      <TableRegion
        title={title}
        className="fx-heatmap"
        busy={busy}
        columns={[
          pickText(b.segment.label, lang),
          t('groups.respondents'),
          ...b.dimensions.map((d) => pickText(d.label, lang)),
        ]}
      >
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
      </TableRegion>
      <HeatKey kind="score" label={t('compare.legend.score')} />
    </Card>
  );
}
