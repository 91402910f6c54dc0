import type { DimensionView } from '@facets/api';
import { useLang } from '@facets/portal-kit';
import { Card } from '@facets/ui';
import { useCountWords, useHiddenReason } from '../figures/figures.tsx';

/** Identical comments once each, with how many wrote them, most written first (the texts are shown anyway). */
function grouped(items: readonly string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const text of items) counts.set(text, (counts.get(text) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]);
}

/** What people wrote about the dimension in the latest wave, shown only when enough of them commented. */
export function Comments({ view, k }: { view: DimensionView; k: number }) {
  const { t } = useLang();
  const reason = useHiddenReason();
  const counts = useCountWords(view.group.kind);
  const c = view.comments;
  const why = reason(c.hidden, k);
  return (
    <Card title={t('dimension.comments.heading')}>
      {why ? (
        <p className="fx-muted">{t('dimension.hiddenBecause', { reason: why })}</p>
      ) : c.items.length === 0 ? (
        <p className="fx-muted">{t('dimension.comments.none')}</p>
      ) : (
        <>
          <p className="fx-hint">{counts.commenters(c.commenters)}</p>
          <ul className="fx-comments">
            {grouped(c.items).map(([text, times]) => (
              <li key={text}>
                {text}
                {times > 1 ? (
                  <span className="fx-score__detail"> {t('dimension.comments.times', { count: times })}</span>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}
