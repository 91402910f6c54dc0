import { Badge, type BadgeTone, Card, EmptyState, Loading, PageHeader } from '@facets/ui';
import { useQuery } from '@tanstack/react-query';
import { type PortalResults, useTRPC } from '../api.ts';
import { ErrorAlert } from '../errors.tsx';
import { formatDate, formatNumber, pickText } from '../i18n/language.ts';
import { useLang } from '../i18n/useLang.ts';

type Figure = PortalResults['dimensions'][number]['lived'];

const STATUS_TONES: Record<string, BadgeTone> = { planned: 'neutral', active: 'info', delivered: 'success' };

/** "You said, we did": the group's results of its latest closed survey, k-safe, and the initiatives published for it. */
export function YouSaidWeDid() {
  const { t } = useLang();
  const trpc = useTRPC();
  const results = useQuery(trpc.portal.results.get.queryOptions());
  return (
    <div className="fx-stack">
      <PageHeader title={t('results.title')} description={t('results.intro')} />
      {results.isPending ? <Loading label={t('app.loading')} /> : null}
      {results.isError ? <ErrorAlert error={results.error} onRetry={() => void results.refetch()} /> : null}
      {results.data ? <Said data={results.data} /> : null}
      {results.data ? <Did data={results.data} /> : null}
    </div>
  );
}

function useHiddenText(data: PortalResults) {
  const { t } = useLang();
  return (f: Figure) =>
    f.hidden === 'no_data'
      ? t('results.noChange')
      : data.countsCompanies
        ? t('results.hiddenCompanies', { k: data.kThreshold })
        : t('results.hidden', { k: data.kThreshold });
}

function Said({ data }: { data: PortalResults }) {
  const { t, lang } = useLang();
  const hiddenText = useHiddenText(data);
  if (!data.wave) return <EmptyState title={t('results.saidTitle')}>{t('results.noWave')}</EmptyState>;
  const shown = data.dimensions.filter((d) => d.lived.hidden !== 'no_data' || d.expected.hidden !== 'no_data');
  return (
    <section className="fx-stack" aria-labelledby="results-said">
      <h2 id="results-said">{t('results.saidTitle')}</h2>
      <p className="fx-muted">
        {t('results.wave', { wave: data.wave.label })}
        {data.respondents.hidden === null
          ? // Suppliers' results stand on k companies; the count is of their contacts.
            ` ${
              data.countsCompanies
                ? t('results.contacts', { count: data.respondents.n, k: data.kThreshold })
                : t('results.respondents', { count: data.respondents.n })
            }`
          : ''}
      </p>
      {data.respondents.hidden !== null && data.respondents.hidden !== 'no_data' ? (
        <p>{hiddenText(data.respondents as Figure)}</p>
      ) : null}
      {data.outcomes.length > 0 ? (
        <Card title={t('results.outcomesTitle')} titleAs="h3">
          <dl className="fx-figures">
            {data.outcomes.map((o) => (
              <div key={o.scale}>
                <dt>{t(`results.outcome.${o.metric}`)}</dt>
                <dd>
                  {o.value === null ? (
                    hiddenText(o)
                  ) : (
                    <strong>{o.metric === 'nps' ? signed(o.value, lang) : formatNumber(o.value, lang)}</strong>
                  )}
                  {o.metric === 'nps' && o.value !== null ? <span className="fx-hint"> {t('results.npsHelp')}</span> : null}
                </dd>
              </div>
            ))}
          </dl>
        </Card>
      ) : null}
      <p className="fx-hint">{t('results.scoreHelp')}</p>
      <ul className="fx-results">
        {shown.map((d) => (
          <li key={d.id}>
            <h3>{pickText(d.label, lang)}</h3>
            <dl className="fx-figures">
              <Score label={t('results.lived')} figure={d.lived} hidden={hiddenText} />
              <Score label={t('results.expected')} figure={d.expected} hidden={hiddenText} />
              {d.change !== null ? (
                <div>
                  <dt>{t('results.change')}</dt>
                  <dd>
                    {d.change === 0
                      ? t('results.same')
                      : t(d.change > 0 ? 'results.up' : 'results.down', {
                          value: formatNumber(Math.abs(d.change), lang, 1),
                        })}
                  </dd>
                </div>
              ) : null}
            </dl>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Score({ label, figure, hidden }: { label: string; figure: Figure; hidden: (f: Figure) => string }) {
  const { t, lang } = useLang();
  // A facet the survey does not ask about (lived-only topics) is left out, not shown as missing.
  if (figure.hidden === 'no_data') return null;
  return (
    <div>
      <dt>{label}</dt>
      <dd>
        {figure.value === null ? (
          <span className="fx-muted">{hidden(figure)}</span>
        ) : (
          <>
            <strong>{t('results.score', { value: formatNumber(figure.value, lang) })}</strong>
            <span className="fx-bar" aria-hidden="true">
              <span style={{ width: `${Math.max(0, Math.min(100, figure.value))}%` }} />
            </span>
          </>
        )}
      </dd>
    </div>
  );
}

function Did({ data }: { data: PortalResults }) {
  const { t, lang } = useLang();
  return (
    <section className="fx-stack" aria-labelledby="results-did">
      <h2 id="results-did">{t('results.didTitle')}</h2>
      {data.initiatives.length === 0 && data.actions.length === 0 ? (
        <p className="fx-muted">{t('results.didEmpty')}</p>
      ) : null}
      {data.initiatives.map((i) => {
        const titleId = `initiative-${i.id}`;
        const start = i.startDate ? formatDate(i.startDate, lang) : null;
        const end = i.endDate ? formatDate(i.endDate, lang) : null;
        return (
          <Card
            key={i.id}
            as="article"
            aria-labelledby={titleId}
            title={pickText(i.title, lang)}
            titleAs="h3"
            titleId={titleId}
            aside={<Badge tone={STATUS_TONES[i.status] ?? 'neutral'}>{t(`results.status.${i.status}`)}</Badge>}
          >
            <div className="fx-stack">
              {i.description ? <p>{pickText(i.description, lang)}</p> : null}
              <p className="fx-hint">
                {start && end ? t('results.period', { start, end }) : start ? t('results.from', { start }) : ''}
                {start && i.dimensions.length > 0 ? ' · ' : ''}
                {i.dimensions.length > 0
                  ? t('results.about', { topics: i.dimensions.map((d) => pickText(d.label, lang)).join(', ') })
                  : ''}
              </p>
            </div>
          </Card>
        );
      })}
      {data.actions.length > 0 ? <Actions actions={data.actions} /> : null}
    </section>
  );
}

const ACTION_TONES: Record<string, BadgeTone> = { planned: 'neutral', in_progress: 'info', done: 'success' };

/** The published actions of the stakeholder's team's plan and of the whole group's, most recently updated first. */
function Actions({ actions }: { actions: PortalResults['actions'] }) {
  const { t, lang } = useLang();
  return (
    <section className="fx-stack" aria-labelledby="results-actions">
      <h3 id="results-actions">{t('results.actionsTitle')}</h3>
      <p className="fx-hint">{t('results.actionsIntro')}</p>
      <ul className="fx-results fx-actions">
        {actions.map((a) => (
          <li key={a.id}>
            <p className="fx-row">
              <Badge tone={ACTION_TONES[a.status] ?? 'neutral'}>{t(`results.actionStatus.${a.status}`)}</Badge>
              <Badge tone="accent">{t(a.team ? 'results.actionTeam' : 'results.actionEveryone')}</Badge>
            </p>
            <h4>{a.title}</h4>
            <p className="fx-hint">
              {[
                a.dimension ? t('results.about', { topics: pickText(a.dimension, lang) }) : null,
                t('results.actionOwner', { owner: a.owner }),
                a.dueDate ? t('results.actionDue', { date: formatDate(a.dueDate, lang) }) : null,
                t('results.actionUpdated', { date: formatDate(a.updatedAt, lang) }),
              ]
                .filter(Boolean)
                .join(' · ')}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

function signed(value: number, lang: 'fr' | 'en'): string {
  return new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { signDisplay: 'exceptZero' }).format(value);
}

