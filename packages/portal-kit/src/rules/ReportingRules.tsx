import { Card, Loading, PageHeader } from '@facets/ui';
import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { type PortalRules, useTRPC } from '../api.ts';
import { ErrorAlert } from '../errors.tsx';
import { useLang } from '../i18n/useLang.ts';
import { Link } from '../router.tsx';
import { Shell } from '../shell.tsx';

/** The reporting rules of the signed-in person's organisation and group (the portal's "Reporting rules" page). */
export function ReportingRules() {
  const trpc = useTRPC();
  return <RulesPage rules={useQuery(trpc.portal.rules.get.queryOptions())} />;
}

/**
 * The same page for someone answering from an invitation link, with no account: the link's organisation and group,
 * and a way back to the survey (whose draft waits on the device).
 */
export function InvitationRules({ token }: { token: string }) {
  const { t } = useLang();
  const trpc = useTRPC();
  const rules = useQuery(trpc.portal.invitation.rules.queryOptions({ token }));
  const back = (
    <p>
      <Link to={`i/${encodeURIComponent(token)}`}>
        <span aria-hidden="true">← </span>
        {t('rules.back')}
      </Link>
    </p>
  );
  return (
    <Shell width="narrow">
      <RulesPage rules={rules} header={back} />
    </Shell>
  );
}

function RulesPage({ rules, header }: { rules: UseQueryResult<PortalRules, unknown>; header?: ReactNode }) {
  const { t } = useLang();
  let content: ReactNode;
  if (rules.isPending) content = <Loading label={t('app.loading')} />;
  else if (rules.isError) content = <ErrorAlert error={rules.error} onRetry={() => void rules.refetch()} />;
  else content = <RulesText rules={rules.data} />;
  return (
    <div className="fx-stack">
      {header}
      {content}
    </div>
  );
}

/** The rules as they are enforced, with this organisation's thresholds (k for results, another for comments). */
function RulesText({ rules: r }: { rules: PortalRules }) {
  const { t } = useLang();
  const k = r.kThreshold;
  return (
    <div className="fx-stack">
      <PageHeader title={t('rules.title')} description={t('rules.intro', { organization: r.organizationName })} />
      <Card title={t('rules.modesTitle')} titleAs="h2">
        <p>{t('rules.modesIntro')}</p>
        <ul className="fx-list">
          <li>
            <strong>{t('rules.anonymousLabel')}</strong> {t('rules.anonymous')}
          </li>
          <li>
            <strong>{t('rules.confidentialLabel')}</strong>{' '}
            {r.countsCompanies ? t('rules.confidentialCompanies', { k }) : t('rules.confidential', { k })}
          </li>
        </ul>
      </Card>
      <Card title={t('rules.whenTitle')} titleAs="h2">
        <ul className="fx-list">
          <li>{t('rules.afterClose')}</li>
          <li>{t('rules.periods')}</li>
        </ul>
      </Card>
      <Card title={t('rules.groupsTitle')} titleAs="h2">
        <ul className="fx-list">
          <li>{r.countsCompanies ? t('rules.thresholdCompanies', { k }) : t('rules.threshold', { k })}</li>
          <li>{r.countsCompanies ? t('rules.combinationsCompanies', { k }) : t('rules.combinations', { k })}</li>
          <li>{t('rules.filters')}</li>
          <li>{t('rules.hidden')}</li>
        </ul>
      </Card>
      <Card title={t('rules.commentsTitle')} titleAs="h2">
        <ul className="fx-list">
          <li>{t('rules.comments', { k: r.commentThreshold })}</li>
          <li>{t('rules.commentsOrder')}</li>
          <li>{t('rules.commentsText')}</li>
        </ul>
      </Card>
      <Card title={t('rules.limitsTitle')} titleAs="h2">
        <p>{t('rules.limitsIntro', { k })}</p>
        <ul className="fx-list">
          <li>{t('rules.colluding', { others: k - 1 })}</li>
          <li>{t('rules.alike')}</li>
          <li>{t('rules.text')}</li>
          <li>{t('rules.files')}</li>
          <li>{t('rules.confidentialLimit')}</li>
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
