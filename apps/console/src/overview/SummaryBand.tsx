import { formatNumber, Link, type OverviewGroup, pickText, useLang } from '@facets/portal-kit';
import { BulletChart, formatSigned } from '@facets/ui';
import { dimensionPath, programmeSelection, useCountWords, useHiddenReason } from '../figures/figures.tsx';
import { useWaveName } from '../figures/ProgrammePicker.tsx';
import { measuredEarlier } from '../figures/programme-waves.ts';
import { groupSummary } from './summary.ts';
import './overview.css';

/**
 * A group at a glance, above its detailed tables: the headline outcome with its interval, participation, the widest
 * gaps and the alerts, then each dimension's lived score against its intended target. Every figure carries its n;
 * none is shown that the table below does not show.
 */
export function SummaryBand({ group, k }: { group: OverviewGroup; k: number }) {
  const { t, lang } = useLang();
  const reason = useHiddenReason();
  const counts = useCountWords(group.kind);
  const s = groupSummary(group);
  const waveName = useWaveName();
  if (!group.wave) return null;
  const programme = group.programmes.find((p) => p.surveyId === group.programme?.surveyId);
  const name = pickText(group.label, lang);
  const selection = programmeSelection(group.programme);
  const headline = s.headline;
  const headingId = `summary-${group.id}`;
  return (
    <section className="fx-summary" aria-labelledby={headingId}>
      <h3 id={headingId} className="fx-visually-hidden">
        {t('overview.summary.title', { group: name })}
      </h3>
      <dl className="fx-summary__tiles">
        {headline ? (
          <div className="fx-summary__tile">
            <dt>
              {t(`overview.outcome.${headline.metric}`, {
                context: group.kind === 'employee' ? 'employee' : undefined,
              })}
            </dt>
            <dd>
              {headline.value === null ? (
                <span className="fx-summary__value fx-summary__value--empty">
                  {reason(headline.hidden, k) ?? t('figures.noData')}
                </span>
              ) : (
                <span className="fx-summary__value">
                  {headline.metric === 'nps'
                    ? formatSigned(headline.value, lang)
                    : formatNumber(headline.value, lang, 1)}
                </span>
              )}
              <span className="fx-score__detail">
                {headline.ci95
                  ? `${t('overview.ci', { low: formatNumber(headline.ci95.low, lang), high: formatNumber(headline.ci95.high, lang) })} · `
                  : ''}
                {counts.n(headline.n)}
                {measuredEarlier(headline.measuredIn, group.wave)
                  ? ` · ${t('overview.measuredIn', { wave: waveName(programme, headline.measuredIn) })}`
                  : ''}
              </span>
            </dd>
          </div>
        ) : null}
        <div className="fx-summary__tile">
          <dt>{t('overview.summary.participation')}</dt>
          <dd>
            {s.respondents.hidden ? (
              <span className="fx-summary__value fx-summary__value--empty">{reason(s.respondents.hidden, k)}</span>
            ) : (
              <span className="fx-summary__value">{formatNumber(s.respondents.n, lang)}</span>
            )}
            <span className="fx-score__detail">{counts.respondentsIn(s.respondents.n, group.wave.label)}</span>
          </dd>
        </div>
        <div className="fx-summary__tile fx-summary__tile--wide">
          <dt>{t('overview.summary.gaps')}</dt>
          <dd>
            {s.gaps.length === 0 ? (
              <span className="fx-muted">{t('overview.summary.noGaps')}</span>
            ) : (
              <ol className="fx-summary__gaps">
                {s.gaps.map((g) => (
                  <li key={g.dimension.id}>
                    <Link to={dimensionPath(group.id, g.dimension.id, null, selection)}>
                      {pickText(g.dimension.label, lang)}
                    </Link>{' '}
                    <span className="fx-summary__gap">{formatSigned(g.value, lang)}</span>{' '}
                    <span className="fx-score__detail">
                      {t(`overview.summary.against.${g.against}`)} · {counts.n(g.n)}
                    </span>
                  </li>
                ))}
              </ol>
            )}
          </dd>
        </div>
        <div className="fx-summary__tile">
          <dt>{t('overview.summary.alerts')}</dt>
          <dd>
            {s.alerts.risks + s.alerts.warnings === 0 ? (
              <span className="fx-muted">{t('overview.summary.noAlerts')}</span>
            ) : (
              <>
                <span className="fx-summary__value">{formatNumber(s.alerts.risks + s.alerts.warnings, lang)}</span>
                <span className="fx-score__detail">
                  {t('overview.summary.risks', { count: s.alerts.risks })} ·{' '}
                  {t('overview.summary.warnings', { count: s.alerts.warnings })}
                </span>
              </>
            )}
          </dd>
        </div>
      </dl>
      {/* Withheld respondents withhold every bar too: the tile above says why, once. */}
      {s.respondents.hidden ? null : <LivedAgainstTarget group={group} k={k} />}
    </section>
  );
}

/** Each dimension's lived score as a bar, its intended target as a mark: the table's two columns, drawn. */
function LivedAgainstTarget({ group, k }: { group: OverviewGroup; k: number }) {
  const { t, lang } = useLang();
  const reason = useHiddenReason();
  const counts = useCountWords(group.kind);
  if (group.dimensions.length === 0) return null;
  return (
    <BulletChart
      title={t('overview.summary.chart', { group: pickText(group.label, lang) })}
      valueLabel={t('overview.col.lived')}
      markerLabel={t('overview.summary.target')}
      rows={group.dimensions.map((d) => {
        const shown = d.lived.hidden === null ? d.lived.score : null;
        const n = counts.n(d.lived.n);
        return {
          id: d.id,
          label: pickText(d.label, lang),
          value: shown,
          marker: d.intended?.target ?? null,
          text:
            shown !== null
              ? `${formatNumber(shown, lang, 1)} · ${n}`
              : d.lived.hidden
                ? `${t('figures.hidden')} · ${reason(d.lived.hidden, k) ?? ''}`
                : t('figures.noData'),
        };
      })}
    />
  );
}
