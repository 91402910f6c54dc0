import { Badge, ButtonLink, Card, EmptyState, Loading, PageHeader } from '@facets/ui';
import { useQuery } from '@tanstack/react-query';
import { type Me, type SurveyListItem, useTRPC } from '../api.ts';
import { ErrorAlert } from '../errors.tsx';
import { formatDate, pickText } from '../i18n/language.ts';
import { useLang } from '../i18n/useLang.ts';
import { useLinkClick, useRouter } from '../router.tsx';
import { browserStore } from '../storage.ts';
import { hasProgress, loadDraft } from './state.ts';

/** The open surveys of the person's group, with whether they answered and whether a draft waits on this device. */
export function SurveyList({ me }: { me: Me }) {
  const { t } = useLang();
  const trpc = useTRPC();
  const surveys = useQuery(trpc.portal.survey.list.queryOptions());
  const { href } = useRouter();
  const click = useLinkClick();

  return (
    <div className="fx-stack">
      <PageHeader title={t('surveys.title')} description={t('surveys.intro')} />
      {surveys.isPending ? <Loading label={t('app.loading')} /> : null}
      {surveys.isError ? <ErrorAlert error={surveys.error} onRetry={() => void surveys.refetch()} /> : null}
      {surveys.data?.length === 0 ? (
        <EmptyState title={t('surveys.emptyTitle')}>{t('surveys.emptyBody')}</EmptyState>
      ) : null}
      {surveys.data?.map((survey) => (
        <SurveyCard key={survey.waveId} survey={survey} userId={me.user.id} />
      ))}
      <Card title={t('surveys.feedbackTitle')} titleAs="h2">
        <p className="fx-muted">{t('surveys.feedbackBody')}</p>
        <ButtonLink variant="secondary" href={href('feedback/new')} onClick={(e) => click(href('feedback/new'), e)}>
          {t('nav.feedbackNew')}
        </ButtonLink>
      </Card>
    </div>
  );
}

function SurveyCard({ survey, userId }: { survey: SurveyListItem; userId: string }) {
  const { t, lang } = useLang();
  const { href } = useRouter();
  const click = useLinkClick();
  const titleId = `survey-${survey.waveId}`;
  const target = href(`surveys/${encodeURIComponent(survey.waveId)}`);
  const started = !survey.answered && hasProgress(loadDraft(browserStore(), userId, survey.waveId));
  return (
    <Card
      as="article"
      aria-labelledby={titleId}
      title={pickText(survey.title, lang)}
      titleId={titleId}
      aside={
        <div className="fx-row">
          <Badge tone="accent">{t(`surveyKind.${survey.kind}`)}</Badge>
          <Badge tone="neutral">{survey.anonymous ? t('surveys.anonymous') : t('surveys.confidential')}</Badge>
          {survey.answered ? <Badge tone="success">{t('surveys.answered')}</Badge> : null}
        </div>
      }
    >
      <p className="fx-muted">
        {t('surveys.questions', { count: survey.questionCount })}
        {survey.closesAt ? ` · ${t('surveys.closes', { date: formatDate(survey.closesAt, lang) })}` : ''}
      </p>
      {survey.answered ? (
        <p>{t('surveys.answeredThanks')}</p>
      ) : (
        <ButtonLink href={target} onClick={(e) => click(target, e)}>
          {started ? t('surveys.continue') : t('surveys.start')}
        </ButtonLink>
      )}
    </Card>
  );
}
