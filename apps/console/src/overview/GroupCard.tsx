import { formatNumber, Link, type OverviewGroup, pickText, useLang } from '@facets/portal-kit';
import { Badge, Card, formatSigned } from '@facets/ui';
import {
  dimensionPath,
  PendingWaves,
  programmeSelection,
  useCountWords,
  useHiddenReason,
} from '../figures/figures.tsx';
import { ProgrammePicker, useWaveName } from '../figures/ProgrammePicker.tsx';
import { measuredEarlier } from '../figures/programme-waves.ts';
import { reportPath } from '../report/paths.ts';
import { TopThemes } from '../themes/Themes.tsx';
import { DimensionTable } from './DimensionTable.tsx';
import { SummaryBand } from './SummaryBand.tsx';
import { headlineOutcome } from './summary.ts';

/** One group: its wave and respondents, outcome items, alerts, its most raised comment themes, the dimension table. */
export function GroupCard({ group, k }: { group: OverviewGroup; k: number }) {
  const { t, lang } = useLang();
  const reason = useHiddenReason();
  const counts = useCountWords(group.kind);
  const name = pickText(group.label, lang);
  const titleId = `group-${group.id}`;
  const respondents = group.respondents;
  // The headline outcome is in the summary band; the list holds the others.
  const headline = headlineOutcome(group);
  const others = group.wave ? group.outcomes.filter((o) => o !== headline) : group.outcomes;
  const waveName = useWaveName();
  const programme = group.programmes.find((p) => p.surveyId === group.programme?.surveyId);
  return (
    <Card
      aria-labelledby={titleId}
      title={name}
      titleId={titleId}
      aside={
        group.wave ? (
          <span className="fx-row">
            <Badge tone="accent">{t('overview.wave', { label: group.wave.label })}</Badge>
            <Badge tone="neutral">
              {respondents.hidden
                ? counts.respondentsHidden(reason(respondents.hidden, k))
                : counts.respondents(respondents.n)}
            </Badge>
          </span>
        ) : (
          <Badge tone="neutral">{t('overview.noWave')}</Badge>
        )
      }
    >
      <ProgrammePicker
        groupName={name}
        programme={group.programme}
        programmes={group.programmes}
        shownWave={group.wave}
      />
      {!group.wave ? <p className="fx-muted">{t('overview.noWaveBody')}</p> : null}
      <PendingWaves pending={group.pendingWaves} k={k} surveyId={group.programme?.surveyId} />
      <LaterWithheld group={group} k={k} />
      <SummaryBand group={group} k={k} />
      {group.wave ? (
        <p className="fx-row fx-row--end">
          <Link
            to={reportPath(group.id, null, programmeSelection(group.programme))}
            aria-label={t('report.linkNamed', { group: name })}
          >
            {t('report.link')}
          </Link>
        </p>
      ) : null}
      {others.length > 0 ? (
        <ul className="fx-outcomes" aria-label={t('overview.outcomes')}>
          {others.map((o) => (
            <li key={o.scale}>
              <span className="fx-outcomes__name">
                {t(`overview.outcome.${o.metric}`, { context: group.kind === 'employee' ? 'employee' : undefined })}
              </span>
              {o.value === null ? (
                <span className="fx-muted">{reason(o.hidden, k) ?? t('figures.noData')}</span>
              ) : (
                <span className="fx-outcomes__value">
                  {o.metric === 'nps' ? formatSigned(o.value, lang) : formatNumber(o.value, lang, 1)}
                </span>
              )}
              <span className="fx-score__detail">
                {counts.n(o.n)}
                {o.ci95
                  ? ` · ${t('overview.ci', { low: formatNumber(o.ci95.low, lang), high: formatNumber(o.ci95.high, lang) })}`
                  : ''}
                {measuredEarlier(o.measuredIn, group.wave)
                  ? ` · ${t('overview.measuredIn', { wave: waveName(programme, o.measuredIn) })}`
                  : ''}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      <Alerts group={group} />
      <TopThemes group={group} />
      {group.dimensions.length === 0 ? (
        <p className="fx-muted">{t('overview.noDimensions')}</p>
      ) : (
        <DimensionTable group={group} k={k} />
      )}
    </Card>
  );
}

/**
 * The published waves after the one shown in which this scope is withheld (a manager's department that did not answer
 * the latest pulse), each with its reason: the page says why it reports on an earlier wave.
 */
function LaterWithheld({ group, k }: { group: OverviewGroup; k: number }) {
  const { t } = useLang();
  const reason = useHiddenReason();
  const waveName = useWaveName();
  const programme = group.programmes.find((p) => p.surveyId === group.programme?.surveyId);
  const current = group.wave;
  if (!programme || !current) return null;
  const position = (id: string) => programme.waves.findIndex((w) => w.id === id);
  const later = group.withheldWaves.filter((w) => position(w.wave.id) > position(current.id));
  if (later.length === 0) return null;
  const nameOf = (id: string, label: string) => {
    const wave = programme.waves.find((w) => w.id === id);
    return wave ? waveName(programme, wave) : label;
  };
  return (
    <p className="fx-hint" role="note">
      {later
        .map((w) =>
          t('overview.withheldLater', {
            wave: nameOf(w.wave.id, w.wave.label),
            reason: reason(w.hidden, k) ?? t('overview.withheldNoData'),
            current: nameOf(current.id, current.label),
          }),
        )
        .join(' ')}
    </p>
  );
}

export function Alerts({ group }: { group: OverviewGroup }) {
  const { t, lang } = useLang();
  const counts = useCountWords(group.kind);
  if (group.alerts.length === 0) return null;
  const dimensionName = (id: string) => pickText(group.dimensions.find((d) => d.id === id)?.label, lang);
  const initiativeName = (id: string | null) => pickText(group.initiatives.find((i) => i.id === id)?.title, lang);
  const headingId = `alerts-${group.id}`;
  return (
    <section className="fx-alerts" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('overview.alertsTitle', { count: group.alerts.length })}</h3>
      <ul>
        {group.alerts.map((a) => (
          <li key={`${a.kind}-${a.dimensionId}-${a.initiativeId ?? ''}`} className={`fx-alerts__item--${a.kind}`}>
            <Badge tone={a.kind === 'promise_drift' || a.kind === 'target_shortfall' ? 'danger' : 'warning'}>
              {t(`overview.alert.${a.kind}.label`)}
            </Badge>{' '}
            <Link to={dimensionPath(group.id, a.dimensionId, null, programmeSelection(group.programme))}>
              {dimensionName(a.dimensionId)}
            </Link>
            {' — '}
            {t(`overview.alert.${a.kind}.text`, {
              value: a.value === null ? '' : formatNumber(Math.abs(a.value), lang, 1),
              nText: a.n === null ? '' : counts.n(a.n),
              initiative: initiativeName(a.initiativeId),
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}
