import { formatNumber, Link, useLang } from '@facets/portal-kit';
import { formatSigned, GAP_BANDS, HeatLegend, heatBand, SCORE_BANDS } from '@facets/ui';
import { type Figure, Lock, useCountWords, useHiddenReason } from './figures.tsx';

/** How a heatmap reads its figures: 0–100 scores, shares in %, or signed gaps in points. */
export type HeatKind = 'score' | 'percent' | 'gap';

const bandsOf = (kind: HeatKind) => (kind === 'gap' ? GAP_BANDS : SCORE_BANDS);

export function useFormatFigure(): (value: number, kind: HeatKind) => string {
  const { t, lang } = useLang();
  return (value, kind) =>
    kind === 'gap'
      ? formatSigned(value, lang)
      : kind === 'percent'
        ? t('figures.percent', { value: formatNumber(value, lang, 1) })
        : formatNumber(value, lang, 1);
}

/**
 * One heatmap cell: the number and its n on the band's colour, a link when it leads somewhere; a hidden figure shows
 * the lock and the reason instead, and `context` names the cell for screen readers reading links out of the table.
 */
export function HeatCell(props: {
  figure: Figure;
  k: number;
  kind: HeatKind;
  to?: string;
  context: string;
  /** The group's kind: a supplier's n counts contacts, its rule companies. */
  groupKind?: string | null;
}) {
  const { t } = useLang();
  const reason = useHiddenReason();
  const counts = useCountWords(props.groupKind);
  const format = useFormatFigure();
  const { figure } = props;
  if (figure.value === null) {
    const why = reason(figure.hidden, props.k);
    return (
      <div className="fx-heat fx-heat--empty">
        <span className="fx-heat__value">
          {why ? (
            <>
              <Lock /> {t('figures.hidden')}
            </>
          ) : (
            t('figures.noData')
          )}
        </span>
        <span className="fx-heat__detail">{why ?? counts.n(figure.n)}</span>
      </div>
    );
  }
  const band = heatBand(figure.value, bandsOf(props.kind));
  const body = (
    <>
      <span className="fx-visually-hidden">{props.context}: </span>
      <span className="fx-heat__value">{format(figure.value, props.kind)}</span>
      <span className="fx-heat__detail">{counts.n(figure.n)}</span>
    </>
  );
  const style = { background: band.background, color: band.text };
  return props.to ? (
    <Link className="fx-heat fx-heat--link" style={style} to={props.to}>
      {body}
    </Link>
  ) : (
    <div className="fx-heat" style={style}>
      {body}
    </div>
  );
}

/** The legend of a heatmap's colours, its ranges in words. */
export function HeatKey({ kind, label }: { kind: HeatKind; label: string }) {
  const { t, lang } = useLang();
  const n = (x: number) =>
    new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
      signDisplay: kind === 'gap' ? 'exceptZero' : 'auto',
    }).format(x);
  return (
    <HeatLegend
      label={label}
      bands={bandsOf(kind)}
      rangeText={(from, to) =>
        from === null
          ? t('figures.range.below', { to: n(to ?? 0) })
          : to === null
            ? t('figures.range.above', { from: n(from) })
            : t('figures.range.between', { from: n(from), to: n(to) })
      }
    />
  );
}
