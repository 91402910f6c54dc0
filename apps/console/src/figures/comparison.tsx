import type { ComparisonFigure } from '@facets/api';
import { useLang } from '@facets/portal-kit';
import { formatSigned } from '@facets/ui';

export type { ComparisonFigure };

/** The comparison in one sentence: the difference, its interval and whether it is more than chance. */
export function useComparisonSentence(): (c: ComparisonFigure) => string {
  const { t, lang } = useLang();
  return (c) =>
    t('comparison.sentence', {
      value: formatSigned(c.value, lang),
      low: formatSigned(c.ci95.low, lang),
      high: formatSigned(c.ci95.high, lang),
      verdict: t(c.significant ? 'comparison.significant' : 'comparison.notSignificant'),
    });
}

/**
 * A difference from the whole group in a table cell: the signed points, bold when the interval leaves out 0, and
 * the interval below with the verdict in words (left out when `compact`, where the cell's colour says it); "—" with
 * the reason in words when there is nothing to compare. Screen readers read the whole sentence either way.
 */
export function ComparisonCell({
  comparison,
  compact = false,
}: {
  comparison: ComparisonFigure | null;
  compact?: boolean;
}) {
  const { t, lang } = useLang();
  const sentence = useComparisonSentence();
  if (!comparison) {
    return (
      <span className="fx-compare fx-compare--none" title={t('comparison.none')}>
        —<span className="fx-visually-hidden"> {t('comparison.none')}</span>
      </span>
    );
  }
  const { value, ci95, significant } = comparison;
  return (
    <span className={significant ? 'fx-compare fx-compare--significant' : 'fx-compare'}>
      <span className="fx-visually-hidden">{sentence(comparison)}</span>
      <span className="fx-compare__value" aria-hidden="true">
        {t('comparison.points', { value: formatSigned(value, lang) })}
      </span>
      <span className="fx-compare__detail" aria-hidden="true">
        {t('comparison.interval', { low: formatSigned(ci95.low, lang), high: formatSigned(ci95.high, lang) })}
        {compact ? null : ` · ${t(significant ? 'comparison.significant' : 'comparison.notSignificant')}`}
      </span>
    </span>
  );
}
