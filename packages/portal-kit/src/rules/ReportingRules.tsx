import { Card, Loading, PageHeader } from '@facets/ui';
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../api.ts';
import { ErrorAlert } from '../errors.tsx';
import { useLang } from '../i18n/useLang.ts';

/** The reporting rules in plain words: who sees what, and the thresholds of this organisation. */
export function ReportingRules() {
  const { t } = useLang();
  const trpc = useTRPC();
  const rules = useQuery(trpc.portal.rules.get.queryOptions());
  if (rules.isPending) return <Loading label={t('app.loading')} />;
  if (rules.isError) return <ErrorAlert error={rules.error} onRetry={() => void rules.refetch()} />;
  const r = rules.data;
  const k = r.kThreshold;
  return (
    <div className="fx-stack">
      <PageHeader title={t('rules.title')} description={t('rules.intro', { organization: r.organizationName })} />
      <Card title={t('rules.surveysTitle')} titleAs="h2">
        <ul className="fx-list">
          <li>{r.countsCompanies ? t('rules.thresholdCompanies', { k }) : t('rules.threshold', { k })}</li>
          <li>{t('rules.complement')}</li>
          <li>{t('rules.filters')}</li>
          <li>{t('rules.anonymousSurveys')}</li>
          <li>{t('rules.namedSurveys')}</li>
        </ul>
      </Card>
      <Card title={t('rules.commentsTitle')} titleAs="h2">
        <ul className="fx-list">
          <li>{t('rules.comments', { k: r.commentThreshold })}</li>
          <li>{t('rules.commentsHint')}</li>
        </ul>
      </Card>
      <Card title={t('rules.feedbackTitle')} titleAs="h2">
        <ul className="fx-list">
          <li>{t('rules.feedbackNamed')}</li>
          <li>{r.allowAnonymousFeedback ? t('rules.feedbackAnonymous') : t('rules.feedbackNoAnonymous')}</li>
        </ul>
      </Card>
      <Card title={t('rules.invitationsTitle')} titleAs="h2">
        <p>{t('rules.invitations')}</p>
      </Card>
    </div>
  );
}
