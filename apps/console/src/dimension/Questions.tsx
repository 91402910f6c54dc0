import type { DimensionView } from '@facets/api';
import { formatNumber, pickText, useLang } from '@facets/portal-kit';
import { Card, DataTable, FavourabilityBar } from '@facets/ui';
import { ExportButton } from '../export/ExportButton.tsx';
import { ComparisonCell, useComparisonSentence } from '../figures/comparison.tsx';
import { Lock, useCountWords, useHiddenReason } from '../figures/figures.tsx';

type Question = DimensionView['questions'][number];

/**
 * Each rating question of the current wave on this dimension: how its answers split between unfavourable, neutral
 * and favourable, its favourable share and score with their n, and, for a segment, how far it is from the whole
 * group. A question withheld where the dimension is shown (too few answered it) says why.
 */
export function Questions({ view, k }: { view: DimensionView; k: number }) {
  const { t, lang } = useLang();
  const reason = useHiddenReason();
  const counts = useCountWords(view.group.kind);
  const sentence = useComparisonSentence();
  const compare = view.segment !== null;
  const wave = view.distribution.wave?.label ?? '';
  const title = t('dimension.questions.title', { dimension: pickText(view.dimension.label, lang), wave });
  const pct = (x: number | null) => (x === null ? '' : t('figures.percent', { value: formatNumber(x, lang, 1) }));
  const facet = (q: Question) => t(`dimension.questions.facet.${q.facet ?? 'lived'}`);
  return (
    <Card title={t('dimension.questions.heading')}>
      {view.questions.length === 0 ? (
        <p className="fx-muted">{t('dimension.questions.none')}</p>
      ) : (
        <>
          <p className="fx-hint">{t('dimension.questions.note', { wave })}</p>
          {compare && view.vsWhole ? <p>{sentence(view.vsWhole)}</p> : null}
          <DataTable
            title={title}
            className="fx-questions"
            columns={[
              t('dimension.questions.question'),
              t('dimension.questions.spread'),
              t('dimension.questions.favourable'),
              t('dimension.questions.score'),
              ...(compare ? [t('comparison.heading')] : []),
            ]}
          >
            {view.questions.map((q) => {
              const why = reason(q.score.hidden, k);
              const f = q.favourability;
              return (
                <tr key={q.id}>
                  <th scope="row">
                    <span className="fx-questions__prompt">{pickText(q.prompt, lang)}</span>
                    <span className="fx-questions__facet">{facet(q)}</span>
                  </th>
                  {why || q.score.value === null ? (
                    <td colSpan={compare ? 4 : 3}>
                      <span className="fx-score__detail">
                        {why ? (
                          <>
                            <Lock /> {t('dimension.hiddenBecause', { reason: why })}
                          </>
                        ) : (
                          t('figures.noData')
                        )}
                      </span>
                    </td>
                  ) : (
                    <>
                      <td>
                        {f.value !== null && f.neutral !== null && f.unfavourable !== null ? (
                          <FavourabilityBar
                            favourable={f.value}
                            neutral={f.neutral}
                            unfavourable={f.unfavourable}
                            label={t('dimension.questions.spreadLabel', {
                              favourable: pct(f.value),
                              neutral: pct(f.neutral),
                              unfavourable: pct(f.unfavourable),
                            })}
                          />
                        ) : null}
                      </td>
                      <td>
                        <span className="fx-questions__figure">{pct(f.value)}</span>
                      </td>
                      <td>
                        <span className="fx-questions__figure">{formatNumber(q.score.value, lang, 1)}</span>{' '}
                        <span className="fx-score__detail">{counts.n(q.score.n)}</span>
                      </td>
                      {compare ? (
                        <td>
                          <ComparisonCell comparison={q.vsWhole} />
                        </td>
                      ) : null}
                    </>
                  )}
                </tr>
              );
            })}
          </DataTable>
          <p className="fx-hint">{t('dimension.questions.legend')}</p>
          {compare ? <p className="fx-hint">{t('comparison.explain')}</p> : null}
          <div className="fx-row fx-row--end">
            <ExportButton
              title={title}
              rows={view.questions}
              columns={[
                { header: t('dimension.questions.question'), value: (q) => pickText(q.prompt, lang) },
                { header: t('dimension.questions.facetCol'), value: (q) => facet(q) },
                { header: t('dimension.questions.unfavourable'), value: (q) => q.favourability.unfavourable },
                { header: t('dimension.questions.neutral'), value: (q) => q.favourability.neutral },
                { header: t('dimension.questions.favourable'), value: (q) => q.favourability.value },
                { header: t('dimension.questions.score'), value: (q) => q.score.value },
                { header: 'n', value: (q) => (q.score.hidden ? null : q.score.n) },
                ...(compare
                  ? [
                      { header: t('comparison.heading'), value: (q: Question) => q.vsWhole?.value ?? null },
                      { header: t('dimension.questions.low'), value: (q: Question) => q.vsWhole?.ci95.low ?? null },
                      { header: t('dimension.questions.high'), value: (q: Question) => q.vsWhole?.ci95.high ?? null },
                    ]
                  : []),
              ]}
            />
          </div>
        </>
      )}
    </Card>
  );
}
