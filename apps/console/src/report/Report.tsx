import { ErrorAlert, formatDate, type Me, pickText, useLang, useTRPC } from '@facets/portal-kit';
import { Alert, Button, EmptyState, Loading, PageHeader } from '@facets/ui';
import { useQueries, useQuery } from '@tanstack/react-query';
import { Comments } from '../dimension/Comments.tsx';
import { Distribution } from '../dimension/Distribution.tsx';
import { Questions } from '../dimension/Questions.tsx';
import { Trend } from '../dimension/Trend.tsx';
import { useCountWords, useHiddenReason, useSelection } from '../figures/figures.tsx';
import { ProgrammePicker } from '../figures/ProgrammePicker.tsx';
import { ScopeFilters, useScopeChoice } from '../figures/ScopeFilters.tsx';
import { BreakdownTable } from '../groups/BreakdownTable.tsx';
import { DimensionTable } from '../overview/DimensionTable.tsx';
import { Alerts } from '../overview/GroupCard.tsx';
import { SummaryBand } from '../overview/SummaryBand.tsx';
import { FocusAreas } from '../plans/ActionPlans.tsx';
import { Themes, TopThemes } from '../themes/Themes.tsx';
import './report.css';

const noop = async () => {};

/**
 * A group's results in one wave, laid out to print (A4, a page per part, charts as vector): the summary, the
 * dimensions, the heatmap by each segment attribute, each dimension's trend, distribution, comments, questions and
 * comment themes, and the action plans. For the whole group or one segment of it (a manager: their department), in the console's language.
 * It reads the same views as the other pages, so it shows exactly what they show, under the same rules.
 */
export function Report({ me }: { me: Me }) {
  const { t, lang } = useLang();
  const trpc = useTRPC();
  const selection = useSelection();
  const choice = useScopeChoice(me);
  const { groupId, segment, manager } = choice;
  const scoped = { groupId, ...(segment ? { segment } : {}), ...selection };
  const overview = useQuery({ ...trpc.insights.overview.queryOptions(scoped), enabled: groupId !== '' });
  const group = overview.data?.groups.find((g) => g.id === groupId);
  // A scope withheld in the wave (too few people, or it would single some out) prints its reason, and nothing else.
  const withheld = group?.wave ? group.respondents.hidden : null;
  const shown = Boolean(group?.wave) && withheld === null;
  // The heatmap cuts the whole group: not for a manager, nor for a report on one segment.
  const heatmap = !manager && !segment;
  // The segment attributes are the scope choice's own (they do not depend on the wave).
  const breakdowns = useQueries({
    queries: (heatmap && shown ? choice.keys : []).map((s) =>
      trpc.insights.breakdown.queryOptions({ groupId, segmentKey: s.key, ...selection }),
    ),
  });
  const dimensions = useQueries({
    queries: (shown ? (group?.dimensions ?? []) : []).map((d) =>
      trpc.insights.dimension.queryOptions({ ...scoped, dimensionId: d.id }),
    ),
  });
  const plan = useQuery({ ...trpc.actionPlans.get.queryOptions(scoped), enabled: shown });
  const queries = [overview, plan, ...breakdowns, ...dimensions];
  const pending = queries.some((q) => q.isLoading) || (heatmap && choice.keysLoading);
  const failed = queries.find((q) => q.isError);
  const k = overview.data?.kThreshold ?? me.organization.kThreshold;
  const counts = useCountWords(group?.kind);
  const programme = group?.programmes.find((p) => p.surveyId === group.programme?.surveyId);
  const scopeLabel = overview.data?.segmentLabel;
  const groupName = group ? pickText(group.label, lang) : choice.groupName;
  const scopeText = scopeLabel
    ? t('report.scopeOf', { key: pickText(scopeLabel.key, lang), value: pickText(scopeLabel.value, lang) })
    : t('scope.wholeGroup');
  const reason = useHiddenReason();
  // A cut with no segment shown would print a page of padlocks: it is named in one line instead.
  const loaded = breakdowns.flatMap((b) => (b.data ? [b.data] : []));
  const heatmaps = {
    shown: loaded.filter((b) => b.rows.some((r) => r.respondents.hidden === null)),
    withheld: loaded.filter((b) => b.rows.every((r) => r.respondents.hidden !== null)),
  };

  return (
    <div className="fx-stack">
      <div className="fx-report__controls fx-stack">
        <PageHeader title={t('report.pageTitle')} description={t('report.intro')} />
        <ScopeFilters
          choice={choice}
          labels={{
            filters: t('report.filters'),
            scope: t('report.scope'),
          }}
        />
        {group ? (
          <ProgrammePicker
            groupName={groupName}
            programme={group.programme}
            programmes={group.programmes}
            shownWave={group.wave}
          />
        ) : null}
        <div className="fx-row">
          <Button onClick={() => window.print()} disabled={pending || !shown}>
            {t('report.print')}
          </Button>
          <span className="fx-hint">{t('report.printHint')}</span>
        </div>
      </div>
      {pending ? <Loading label={t('app.loading')} /> : null}
      {failed?.error ? <ErrorAlert error={failed.error} /> : null}
      {group && !pending ? (
        <article className="fx-report" data-report-ready="true" aria-labelledby="report-title">
          <header className="fx-report__cover">
            <p className="fx-report__org">{me.organization.name}</p>
            <h1 id="report-title">{t('report.title', { group: groupName })}</h1>
            <dl className="fx-report__meta">
              <dt>{t('report.survey')}</dt>
              <dd>{programme ? pickText(programme.title, lang) : '—'}</dd>
              <dt>{t('report.wave')}</dt>
              <dd>{group.wave?.label ?? t('report.noWave')}</dd>
              <dt>{t('report.scope')}</dt>
              <dd>{scopeText}</dd>
              <dt>{t('report.printed')}</dt>
              <dd>{t('report.printedBy', { date: formatDate(new Date().toISOString(), lang), name: me.user.name })}</dd>
            </dl>
            <p className="fx-hint">
              {counts.anonymity(k, overview.data?.commentThreshold ?? k)} {t('report.confidential')}
            </p>
          </header>
          {!group.wave ? (
            <EmptyState title={t('overview.noWave')}>{t('overview.noWaveBody')}</EmptyState>
          ) : withheld ? (
            <Alert tone="info">
              {t('report.withheld', {
                scope: scopeText,
                wave: group.wave.label,
                reason: reason(withheld, k) ?? t('figures.reason.no_data'),
              })}
            </Alert>
          ) : (
            <>
              <section className="fx-report__part" aria-labelledby="report-summary">
                <h2 id="report-summary" className="fx-report__heading">
                  {t('report.summary')}
                </h2>
                <SummaryBand group={group} k={k} />
                <Alerts group={group} />
                <TopThemes group={group} printed />
              </section>
              <section className="fx-report__part fx-report__break" aria-labelledby="report-dimensions">
                <h2 id="report-dimensions" className="fx-report__heading">
                  {t('report.dimensions')}
                </h2>
                <p className="fx-hint">{t('overview.legend')}</p>
                <DimensionTable group={group} k={k} />
              </section>
              {breakdowns.length > 0 ? (
                <section className="fx-report__part fx-report__break" aria-labelledby="report-heatmap">
                  <h2 id="report-heatmap" className="fx-report__heading">
                    {t('report.heatmap')}
                  </h2>
                  <p className="fx-hint">{counts.anonymityScores(k)}</p>
                  {heatmaps.shown.map((b) => (
                    <BreakdownTable key={b.segment.key} breakdown={b} k={k} busy={false} />
                  ))}
                  {heatmaps.withheld.length > 0 ? (
                    <ul className="fx-report__withheld">
                      {heatmaps.withheld.map((b) => (
                        <li key={b.segment.key}>
                          {t('report.heatmapWithheld', {
                            segment: pickText(b.segment.label, lang),
                            reason: new Intl.ListFormat(lang).format(
                              new Set(b.rows.map((r) => reason(r.respondents.hidden, k) ?? t('figures.noData'))),
                            ),
                          })}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </section>
              ) : null}
              {dimensions.map((q) =>
                q.data ? (
                  <section
                    key={q.data.dimension.id}
                    className="fx-report__part fx-report__break fx-report__dimension"
                    aria-labelledby={`report-dimension-${q.data.dimension.id}`}
                  >
                    <h2 id={`report-dimension-${q.data.dimension.id}`} className="fx-report__heading">
                      {pickText(q.data.dimension.label, lang)}
                    </h2>
                    {q.data.intended ? (
                      <p className="fx-statement">{pickText(q.data.intended.statement, lang)}</p>
                    ) : null}
                    <Trend view={q.data} k={k} />
                    <div className="fx-report__pair">
                      <Distribution view={q.data} k={k} />
                      <Comments view={q.data} k={q.data.commentThreshold} />
                    </div>
                    <Questions view={q.data} k={k} />
                    {q.data.comments.items.length > 0 ? <Themes view={q.data} printed /> : null}
                  </section>
                ) : null,
              )}
              {plan.data ? (
                <section className="fx-report__part fx-report__break fx-report__plans">
                  <FocusAreas plan={plan.data} canPlan={false} onEdit={() => {}} onDone={noop} />
                </section>
              ) : null}
            </>
          )}
        </article>
      ) : null}
      {overview.data && !group && groupId ? <Alert tone="info">{t('report.noGroup')}</Alert> : null}
    </div>
  );
}
