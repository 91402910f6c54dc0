import { INITIATIVE_KINDS, MATURITY_ASSESSORS } from '@facets/domain';
import { ErrorAlert, formatDate, type Me, pickText, useLang, useTRPC } from '@facets/portal-kit';
import { Badge, Card, Loading, PageHeader } from '@facets/ui';
import { useQuery } from '@tanstack/react-query';
import { useOrgLists } from '../model/lists.ts';
import { can } from '../roles/roles.ts';
import { SelfAssessment } from './SelfAssessment.tsx';
import { STAGES } from './stages.ts';

/** The organisation's maturity: the stage its data supports, the evidence and reasons, the self-assessment, next steps. */
export function Maturity({ me }: { me: Me }) {
  const { t, lang } = useLang();
  const lists = useOrgLists();
  const trpc = useTRPC();
  const maturity = useQuery(trpc.insights.maturity.get.queryOptions());
  const m = maturity.data;
  return (
    <div className="fx-stack">
      <PageHeader title={t('maturity.title')} description={t('maturity.intro')} />
      {maturity.isPending ? <Loading label={t('app.loading')} /> : null}
      {maturity.isError ? <ErrorAlert error={maturity.error} onRetry={() => void maturity.refetch()} /> : null}
      {m ? (
        <>
          <Card title={t('maturity.stageTitle', { stage: m.stage, name: t(`maturity.stage.${m.stage}.name`) })}>
            <ol className="fx-ladder">
              {STAGES.map((s) => (
                <li
                  key={s}
                  aria-current={s === m.stage ? 'step' : undefined}
                  className={s <= m.stage ? 'fx-ladder--reached' : undefined}
                >
                  <span className="fx-ladder__number" aria-hidden="true">
                    {s}
                  </span>
                  <span>
                    <strong>{t(`maturity.stage.${s}.name`)}</strong>
                    {s === m.stage ? (
                      <>
                        {' '}
                        <Badge tone="accent">{t('maturity.evidenceSays')}</Badge>
                      </>
                    ) : null}
                    {s === m.selfStage ? (
                      <>
                        {' '}
                        <Badge tone="neutral">{t('maturity.leadershipSays')}</Badge>
                      </>
                    ) : null}
                    <span className="fx-ladder__text">{t(`maturity.stage.${s}.text`)}</span>
                  </span>
                </li>
              ))}
            </ol>
          </Card>
          <div className="fx-dimension-grid">
            <Card title={t('maturity.evidenceTitle')}>
              <ul className="fx-list">
                {m.reasons.map((r) => (
                  <li key={r.en}>{pickText(r, lang)}</li>
                ))}
              </ul>
              <dl className="fx-facts">
                <dt>{t('maturity.fact.intended')}</dt>
                <dd>
                  {t('maturity.fact.intendedValue', { count: m.evidence.groups, n: m.evidence.groupsWithIntended })}
                </dd>
                <dt>{t('maturity.fact.initiatives')}</dt>
                <dd>{t('maturity.fact.initiativesValue', { count: live(m.evidence.initiatives).length })}</dd>
                <dt>{t('maturity.fact.kinds')}</dt>
                <dd>
                  {kindsText(m.evidence.initiatives, (kind) =>
                    // An organisation's own kind is named as its list does.
                    (INITIATIVE_KINDS as readonly string[]).includes(kind)
                      ? t(`maturity.kind.${kind}`)
                      : lists.label('initiative_kind', kind),
                  ) || t('maturity.none')}
                </dd>
                <dt>{t('maturity.fact.promises')}</dt>
                <dd>
                  {m.evidence.promisedCells === 0
                    ? t('maturity.fact.promisesNone')
                    : t('maturity.fact.promisesValue', {
                        kept: m.evidence.promisesKept,
                        count: m.evidence.promisedCells,
                      })}
                </dd>
                <dt>{t('maturity.fact.review')}</dt>
                <dd>
                  {m.selfAssessment
                    ? t(m.evidence.leadershipReview ? 'maturity.fact.reviewed' : 'maturity.fact.reviewOld', {
                        date: formatDate(m.selfAssessment.createdAt, lang),
                      })
                    : t('maturity.fact.reviewNever')}
                </dd>
              </dl>
            </Card>
            <Card title={t('maturity.nextTitle')}>
              <ol className="fx-list">
                {m.nextSteps.map((s) => (
                  <li key={s.en}>{pickText(s, lang)}</li>
                ))}
              </ol>
            </Card>
          </div>
          <SelfAssessment
            canAssess={can(me, MATURITY_ASSESSORS)}
            latest={m.selfAssessment}
            agreement={m.agreement}
            evidenceStage={m.evidenceStage}
          />
        </>
      ) : null}
    </div>
  );
}

type Initiative = { kind: string; status: string };
const live = (initiatives: readonly Initiative[]) =>
  initiatives.filter((i) => i.status === 'active' || i.status === 'delivered');

/** "3 service, 1 offer…" of the active or delivered initiatives, most frequent first. */
function kindsText(initiatives: readonly Initiative[], name: (kind: string) => string): string {
  const counts = new Map<string, number>();
  for (const i of live(initiatives)) counts.set(i.kind, (counts.get(i.kind) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([kind, n]) => `${name(kind)} (${n})`)
    .join(', ');
}
