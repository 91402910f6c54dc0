import { formatNumber, Link, pickText, useLang } from '@facets/portal-kit';
import { Card, DataTable, GAP_BANDS, heatBand } from '@facets/ui';
import { ExportButton } from '../export/ExportButton.tsx';
import { ComparisonCell, type ComparisonFigure } from '../figures/comparison.tsx';
import {
  dimensionPath,
  type Figure,
  figureColumns,
  Lock,
  useCountWords,
  useHiddenReason,
} from '../figures/figures.tsx';
import { HeatCell, HeatKey } from '../figures/HeatCell.tsx';

interface Breakdown {
  groupId: string;
  /** A supplier's counts are of contacts, its rule of companies. */
  groupKind: string;
  wave: { label: string } | null;
  segment: { key: string; label: { fr: string; en: string } };
  dimensions: { id: string; label: { fr: string; en: string } }[];
  total: { respondents: { n: number; hidden: string | null }; cells: ({ dimensionId: string } & Figure)[] };
  rows: {
    value: string;
    label: { fr: string; en: string };
    respondents: { n: number; hidden: string | null };
    cells: ({ dimensionId: string; vsTotal?: ComparisonFigure | null } & Figure)[];
  }[];
}

/** What the heatmap's cells show: each value's lived score, or its difference from the whole group. */
export type BreakdownShow = 'scores' | 'difference';

/**
 * Segments × dimensions of lived scores, the whole group first; a shown segment's cell opens its dimension page.
 * With `show = 'difference'`, each segment's cell is its difference from the whole group in points, with its 95 %
 * interval, coloured only when the interval leaves out 0 (the whole group's row keeps its scores).
 */
export function BreakdownTable({
  breakdown: b,
  k,
  busy,
  show = 'scores',
}: {
  breakdown: Breakdown;
  k: number;
  busy: boolean;
  show?: BreakdownShow;
}) {
  const { t, lang } = useLang();
  const reason = useHiddenReason();
  const counts = useCountWords(b.groupKind);
  const rows = [
    { value: '', label: t('groups.wholeGroup'), respondents: b.total.respondents, cells: b.total.cells },
    ...b.rows.map((r) => ({ ...r, label: pickText(r.label, lang) })),
  ];
  const difference = show === 'difference';
  const title = t(difference ? 'groups.differenceTitle' : 'groups.tableTitle', {
    segment: pickText(b.segment.label, lang),
    wave: b.wave?.label ?? '',
  });
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
            { header: counts.column(), value: (r) => (r.respondents.hidden ? null : r.respondents.n) },
            ...figureColumns(
              b.dimensions.map((d) => ({ id: d.id, name: pickText(d.label, lang) })),
              (dimension) => t('compare.nOf', { dimension }),
              cellOf,
            ),
            ...(difference
              ? b.dimensions.map((d) => ({
                  header: t('groups.differenceOf', { dimension: pickText(d.label, lang) }),
                  value: (r: (typeof rows)[number]) => vsOf(r, d.id)?.value ?? null,
                }))
              : []),
          ]}
        />
      </div>
      <DataTable
        title={title}
        className="fx-heatmap"
        busy={busy}
        columns={[
          pickText(b.segment.label, lang),
          counts.column(),
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
              {b.dimensions.map((d) => {
                const figure = cellOf(r, d.id);
                const context = `${r.label}, ${pickText(d.label, lang)}`;
                const to = why ? undefined : dimensionPath(b.groupId, d.id, segment);
                return (
                  <td key={d.id}>
                    {difference && segment && figure.value !== null ? (
                      <DifferenceCell comparison={vsOf(r, d.id)} context={context} to={to} />
                    ) : (
                      <HeatCell figure={figure} k={k} kind="score" to={to} context={context} groupKind={b.groupKind} />
                    )}
                  </td>
                );
              })}
            </tr>
          );
        })}
      </DataTable>
      {difference ? (
        <>
          <HeatKey kind="gap" label={t('groups.differenceLegend')} />
          <p className="fx-hint">{t('comparison.explain')}</p>
        </>
      ) : (
        <HeatKey kind="score" label={t('compare.legend.score')} />
      )}
    </Card>
  );
}

const vsOf = (row: { cells: readonly { dimensionId: string; vsTotal?: ComparisonFigure | null }[] }, id: string) =>
  row.cells.find((c) => c.dimensionId === id)?.vsTotal ?? null;

/** A segment's difference from the whole group: the gap colours when more than chance, neutral otherwise. */
function DifferenceCell(props: { comparison: ComparisonFigure | null; context: string; to: string | undefined }) {
  const c = props.comparison;
  const band = c?.significant ? heatBand(c.value, GAP_BANDS) : null;
  const style = band ? { background: band.background, color: band.text } : undefined;
  const body = (
    <>
      <span className="fx-visually-hidden">{props.context}: </span>
      <ComparisonCell comparison={c} compact />
    </>
  );
  const className = band ? 'fx-heat fx-heat--difference' : 'fx-heat fx-heat--difference fx-heat--faint';
  return props.to ? (
    <Link className={`${className} fx-heat--link`} style={style} to={props.to}>
      {body}
    </Link>
  ) : (
    <div className={className} style={style}>
      {body}
    </div>
  );
}
