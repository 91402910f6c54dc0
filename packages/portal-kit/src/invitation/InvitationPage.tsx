import { ButtonLink, Card, Loading } from '@facets/ui';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { errorCode, type InvitationDetail, useTRPC, useTRPCClient } from '../api.ts';
import { ErrorAlert } from '../errors.tsx';
import { useLang } from '../i18n/useLang.ts';
import { useLinkClick, useRouter } from '../router.tsx';
import { Shell } from '../shell.tsx';
import { Runner } from '../survey/Runner.tsx';
import { SurveyDone } from '../survey/SurveyDone.tsx';

/**
 * The page of an invitation link (`<portal>/i/<token>`): the survey, answered without an account. Opening the page
 * uses nothing; the link is used when the answers are recorded, so the person can close the tab and come back through
 * the same link to the draft kept on their device.
 */
export function InvitationPage({ token }: { token: string }) {
  const { t } = useLang();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const invitation = useQuery(trpc.portal.invitation.get.queryOptions({ token }, { refetchOnWindowFocus: false }));

  let content: ReactNode;
  if (invitation.isPending) content = <Loading label={t('app.loading')} />;
  else if (invitation.isError) {
    content =
      errorCode(invitation.error) === 'NOT_FOUND' || errorCode(invitation.error) === 'BAD_REQUEST' ? (
        <Message title={t('invitation.invalidTitle')} body={t('invitation.invalid')} />
      ) : (
        <ErrorAlert error={invitation.error} onRetry={() => void invitation.refetch()} />
      );
  } else if (invitation.data.state === 'open' && invitation.data.survey) {
    const data = invitation.data;
    const survey = invitation.data.survey;
    content = (
      <Runner
        survey={survey}
        // Part of the token, enough to tell two invitations apart on one device and too little to use the link.
        owner={`invite.${token.slice(0, 12)}`}
        header={<p className="fx-muted">{t('runnerExtra.invitedBy', { organization: data.organization.name })}</p>}
        k={data.organization.kThreshold}
        rulesTo={`i/${encodeURIComponent(token)}/rules`}
        send={async (submission) => {
          try {
            await client.portal.invitation.submit.mutate({
              token,
              idempotencyKey: submission.idempotencyKey,
              answers: submission.answers,
            });
          } catch (error) {
            // Used elsewhere or expired meanwhile: the page then says so instead of the form.
            if (errorCode(error) === 'CONFLICT') void invitation.refetch();
            throw error;
          }
        }}
        done={<InvitationDone data={data} />}
      />
    );
  } else content = <StateMessage data={invitation.data} />;

  return (
    <Shell width="narrow" group={invitation.data?.group}>
      {content}
    </Shell>
  );
}

function InvitationDone({ data }: { data: InvitationDetail }) {
  const { t } = useLang();
  return (
    <div className="fx-stack">
      <SurveyDone
        anonymous={data.survey?.anonymous ?? false}
        k={data.organization.kThreshold}
        closesAt={data.closesAt}
        links={false}
      />
      <Message title={t('invitation.closePage')} body={t('invitation.haveAccount')} signIn />
    </div>
  );
}

function StateMessage({ data }: { data: InvitationDetail }) {
  const { t } = useLang();
  switch (data.state) {
    case 'used':
      return <Message title={t('invitation.usedTitle')} body={t('invitation.used')} signIn />;
    case 'answered':
      return <Message title={t('invitation.usedTitle')} body={t('invitation.answered')} signIn />;
    case 'expired':
      return <Message title={t('invitation.expiredTitle')} body={t('invitation.expired')} />;
    default:
      return <Message title={t('invitation.closedTitle')} body={t('invitation.closed')} />;
  }
}

function Message({ title, body, signIn = false }: { title: string; body: string; signIn?: boolean }) {
  const { t } = useLang();
  const { href } = useRouter();
  const click = useLinkClick();
  return (
    <Card>
      <div className="fx-stack">
        <h1>{title}</h1>
        <p>{body}</p>
        {signIn ? (
          <div>
            <ButtonLink variant="secondary" href={href('')} onClick={(e) => click(href(''), e)}>
              {t('invitation.signIn')}
            </ButtonLink>
          </div>
        ) : null}
      </div>
    </Card>
  );
}
