import type { DimensionView } from '@facets/api';
import { THEME_EDITORS } from '@facets/domain';
import { formatNumber, Link, type Me, type OverviewGroup, pickText, useLang } from '@facets/portal-kit';
import { Button, Card, FavourabilityBar, formatSigned } from '@facets/ui';
import { useState } from 'react';
import { countKeys } from '../figures/counting.ts';
import { dimensionPath, programmeSelection, useHiddenReason } from '../figures/figures.tsx';
import { can } from '../roles/roles.ts';
import { ThemeDialog } from './ThemeDialog.tsx';
import './themes.css';

type DimensionTheme = DimensionView['themes']['themes'][number];
type TopTheme = OverviewGroup['topThemes'][number];
type Shares = NonNullable<DimensionTheme['sentiment']>;

/** Negative, neutral and positive commenters as a bar (the favourability bar's colours), with its words. */
export function SentimentBar({ shares }: { shares: Shares }) {
  const { t, lang } = useLang();
  const pct = (n: number) => (shares.n === 0 ? 0 : (100 * n) / shares.n);
  const words = (n: number) => t('figures.percent', { value: formatNumber(pct(n), lang, 0) });
  const label = t('themes.sentimentLabel', {
    negative: words(shares.negative),
    neutral: words(shares.neutral),
    positive: words(shares.positive),
  });
  return (
    <div className="fx-themes__sentiment">
      <FavourabilityBar
        unfavourable={pct(shares.negative)}
        neutral={pct(shares.neutral)}
        favourable={pct(shares.positive)}
        label={label}
      />
      <span className="fx-score__detail" aria-hidden="true">
        {label}
      </span>
    </div>
  );
}

/** Says the sentiment is indicative, and on request how it is read and where its accuracy is measured. */
export function IndicativeNote({ open = false }: { open?: boolean }) {
  const { t } = useLang();
  return (
    <details className="fx-themes__indicative" open={open}>
      <summary>{t('themes.indicative')}</summary>
      <p className="fx-hint">{t('themes.indicativeDetail')}</p>
    </details>
  );
}

function ThemeRow(props: { theme: DimensionTheme | TopTheme; groupKind: string; aside?: React.ReactNode }) {
  const { t, lang } = useLang();
  const { theme } = props;
  const keys = countKeys(props.groupKind);
  const share = t('figures.percent', { value: formatNumber(theme.share, lang, 0) });
  const count = t(keys === countKeys('supplier') ? 'themes.contacts' : 'themes.commenters', {
    n: formatNumber(theme.commenters, lang),
    count: theme.commenters,
    share,
  });
  const examples = 'examples' in theme ? theme.examples : [];
  return (
    <li className="fx-themes__item">
      <div className="fx-themes__head">
        <span className="fx-themes__name">{pickText(theme.label, lang)}</span>
        <span className="fx-score__detail">{count}</span>
        {theme.trend !== null ? (
          <span className="fx-score__detail">{t('themes.trend', { value: formatSigned(theme.trend, lang) })}</span>
        ) : null}
      </div>
      {props.aside}
      {theme.sentiment ? (
        <SentimentBar shares={theme.sentiment} />
      ) : (
        <p className="fx-hint">{t('themes.sentimentHidden')}</p>
      )}
      {examples.length > 0 ? (
        <details>
          <summary>{t('themes.examples')}</summary>
          <ul className="fx-comments">
            {examples.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </li>
  );
}

/**
 * The dimension page's themes: the comments' overall sentiment, then each theme shown, most raised first. `printed`:
 * the report's, with the note on sentiment open (paper has no disclosure triangle).
 */
export function Themes({ view, me, printed = false }: { view: DimensionView; me?: Me; printed?: boolean }) {
  const { t, lang } = useLang();
  const reason = useHiddenReason();
  const [managing, setManaging] = useState(false);
  const themes = view.themes;
  const why = reason(themes.hidden, view.commentThreshold);
  const dimensionName = (id: string | null) =>
    id === null || id === view.dimension.id ? null : pickText(view.dimensions.find((d) => d.id === id)?.label, lang);
  return (
    <Card
      title={t('themes.heading')}
      aside={
        me && can(me, THEME_EDITORS) ? (
          <Button variant="secondary" size="sm" onClick={() => setManaging(true)}>
            {t('themes.manage')}
          </Button>
        ) : undefined
      }
    >
      {why ? (
        <p className="fx-muted">{t('dimension.hiddenBecause', { reason: why })}</p>
      ) : themes.analysing ? (
        <p className="fx-muted">{t('themes.analysing')}</p>
      ) : view.comments.items.length === 0 ? (
        <p className="fx-muted">{t('dimension.comments.none')}</p>
      ) : (
        <>
          <IndicativeNote open={printed} />
          <div className="fx-themes__overall">
            <span>{t('themes.overall')}</span>
            {themes.sentiment ? (
              <SentimentBar shares={themes.sentiment} />
            ) : (
              <p className="fx-hint">{t('themes.sentimentHidden')}</p>
            )}
          </div>
          {themes.themes.length === 0 ? (
            <p className="fx-muted">{t('themes.none')}</p>
          ) : (
            <ul className="fx-themes">
              {themes.themes.map((theme) => {
                const other = dimensionName(theme.dimensionId);
                return (
                  <ThemeRow
                    key={theme.code}
                    theme={theme}
                    groupKind={view.group.kind}
                    aside={
                      other && theme.dimensionId ? (
                        <Link
                          className="fx-score__detail"
                          to={dimensionPath(view.group.id, theme.dimensionId, view.segment, {
                            ...(view.programme ? programmeSelection(view.programme) : {}),
                          })}
                        >
                          {t('themes.dimensionLink', { dimension: other })}
                        </Link>
                      ) : null
                    }
                  />
                );
              })}
            </ul>
          )}
          <p className="fx-hint">{t('themes.foldNote')}</p>
        </>
      )}
      {me && can(me, THEME_EDITORS) ? (
        <ThemeDialog open={managing} onClose={() => setManaging(false)} dimensions={view.dimensions} />
      ) : null}
    </Card>
  );
}

/** The overview's most raised themes of a group, each with the dimension whose comments raise it. */
export function TopThemes({ group, printed = false }: { group: OverviewGroup; printed?: boolean }) {
  const { t, lang } = useLang();
  if (group.topThemes.length === 0) return null;
  const headingId = `themes-${group.id}`;
  const dimensionName = (id: string) => pickText(group.dimensions.find((d) => d.id === id)?.label, lang);
  return (
    <section className="fx-themes__top" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('themes.overviewHeading')}</h3>
      <IndicativeNote open={printed} />
      <ul className="fx-themes">
        {group.topThemes.map((theme) => (
          <ThemeRow
            key={`${theme.commentedOn}-${theme.code}`}
            theme={theme}
            groupKind={group.kind}
            aside={
              <Link
                className="fx-score__detail"
                to={dimensionPath(group.id, theme.commentedOn, null, programmeSelection(group.programme))}
              >
                {t('themes.commentedOn', { dimension: dimensionName(theme.commentedOn) })}
              </Link>
            }
          />
        ))}
      </ul>
    </section>
  );
}
