import {
  ErrorAlert,
  formatNumber,
  type OverviewDimension,
  type OverviewGroup,
  pickText,
  useLang,
  useTRPC,
} from '@facets/portal-kit';
import { Badge, Card, EmptyState, Gap, Loading, PageHeader, ScoreCell } from '@facets/ui';
import { useQuery } from '@tanstack/react-query';
import { gapWording } from './gaps.ts';

/** The four facets per group: intended target, expected and lived scores, and the gaps between them. */
export function Overview() {
  const { t } = useLang();
  const trpc = useTRPC();
  const overview = useQuery(trpc.insights.overview.queryOptions({}));
  return (
    <div className="fx-stack">
      <PageHeader title={t('overview.title')} description={t('overview.intro')} />
      {overview.isPending ? <Loading label={t('app.loading')} /> : null}
      {overview.isError ? <ErrorAlert error={overview.error} onRetry={() => void overview.refetch()} /> : null}
      {overview.data ? (
        <>
          <p className="fx-hint">
            {t('overview.legend')} {t('overview.anonymity', { k: overview.data.kThreshold })}
          </p>
          {overview.data.groups.length === 0 ? (
            <EmptyState title={t('overview.emptyTitle')}>{t('overview.emptyBody')}</EmptyState>
          ) : null}
          {overview.data.groups.map((group) => (
            <GroupCard key={group.id} group={group} k={overview.data.kThreshold} />
          ))}
        </>
      ) : null}
    </div>
  );
}

function GroupCard({ group, k }: { group: OverviewGroup; k: number }) {
  const { t, lang } = useLang();
  const name = pickText(group.label, lang);
  const titleId = `group-${group.id}`;
  return (
    <Card
      aria-labelledby={titleId}
      title={name}
      titleId={titleId}
      aside={
        group.wave ? (
          <Badge tone="accent">{t('overview.wave', { label: group.wave.label })}</Badge>
        ) : (
          <Badge tone="neutral">{t('overview.noWave')}</Badge>
        )
      }
    >
      {!group.wave ? <p className="fx-muted">{t('overview.noWaveBody')}</p> : null}
      {group.dimensions.length === 0 ? (
        <p className="fx-muted">{t('overview.noDimensions')}</p>
      ) : (
        // A focusable region lets keyboard users scroll the table sideways on small screens.
        // biome-ignore lint/a11y/noNoninteractiveTabindex: scrollable regions must be reachable by keyboard (WCAG 2.1.1)
        <section className="fx-table-wrap" tabIndex={0} aria-label={t('overview.tableRegion', { group: name })}>
          <table className="fx-table fx-table--fixed">
            <caption className="fx-visually-hidden">{t('overview.tableCaption', { group: name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('overview.col.dimension')}</th>
                <th scope="col">{t('overview.col.intended')}</th>
                <th scope="col">{t('overview.col.expected')}</th>
                <th scope="col">{t('overview.col.lived')}</th>
                <th scope="col">{t('overview.col.expectationGap')}</th>
                <th scope="col">{t('overview.col.targetGap')}</th>
              </tr>
            </thead>
            <tbody>
              {group.dimensions.map((d) => (
                <DimensionRow key={d.id} dimension={d} k={k} />
              ))}
            </tbody>
          </table>
        </section>
      )}
    </Card>
  );
}

function DimensionRow({ dimension: d, k }: { dimension: OverviewDimension; k: number }) {
  const { t, lang } = useLang();
  const cell = (c: OverviewDimension['lived']) => (
    <ScoreCell
      score={c.score}
      nText={t('overview.n', { n: formatNumber(c.n, lang) })}
      hiddenReason={c.hidden ? t('overview.hiddenReason', { k }) : null}
      hiddenText={t('overview.hidden')}
      emptyText={t('overview.noData')}
      locale={lang}
    />
  );
  const gapText = (kind: 'expectation' | 'target', value: number | null) => {
    const wording = gapWording(value);
    return wording === 'none' ? t('overview.gap.none') : t(`overview.gap.${kind}.${wording}`);
  };
  return (
    <tr>
      <th scope="row">
        <div>{pickText(d.label, lang)}</div>
        {d.shared ? <Badge tone="neutral">{t('overview.shared')}</Badge> : null}
      </th>
      <td>
        {d.intended ? (
          <div className="fx-score">
            <span className="fx-score__value">{formatNumber(d.intended.target, lang)}</span>
            <span className="fx-score__detail">{t('overview.priority', { priority: d.intended.priority })}</span>
          </div>
        ) : (
          <span className="fx-muted">{t('overview.notSet')}</span>
        )}
      </td>
      <td>{cell(d.expected)}</td>
      <td>{cell(d.lived)}</td>
      <td>
        <Gap value={d.expectationGap} text={gapText('expectation', d.expectationGap)} locale={lang} />
      </td>
      <td>
        <Gap value={d.targetGap} text={gapText('target', d.targetGap)} locale={lang} />
      </td>
    </tr>
  );
}
