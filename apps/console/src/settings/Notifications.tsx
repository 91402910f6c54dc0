import type { NotificationKind } from '@facets/domain';
import { type Me, Shell, useLang, useRouter, useTRPC } from '@facets/portal-kit';
import { Alert, ButtonLink, Card } from '@facets/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { PageFrame } from '../forms/PageFrame.tsx';

/** The e-mails a staff member's role receives, each turned on or off by its owner (`account.notifications`). */
export function Notifications({ me }: { me: Me }) {
  const { t } = useLang();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const choices = useQuery(trpc.account.notifications.get.queryOptions());
  const set = useMutation(
    trpc.account.notifications.set.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.account.notifications.pathFilter()),
    }),
  );
  return (
    <PageFrame
      me={me}
      title={t('notifications.title')}
      intro={t('notifications.intro')}
      canChange
      changedBy=""
      saved={set.isSuccess ? t('notifications.saved') : ''}
      queries={[choices]}
    >
      {choices.data ? (
        <Card>
          <fieldset className="fx-stack" disabled={set.isPending}>
            <legend className="fx-label">{t('notifications.legend')}</legend>
            {choices.data.map((c) => (
              <label key={c.kind} className="fx-survey-check">
                <input
                  type="checkbox"
                  checked={c.on}
                  onChange={(e) => set.mutate({ kind: c.kind, on: e.currentTarget.checked })}
                />
                <span>
                  <strong>{t(`notifications.kinds.${c.kind as StaffKind}.label`)}</strong>{' '}
                  {t(`notifications.kinds.${c.kind as StaffKind}.hint`)}
                </span>
              </label>
            ))}
          </fieldset>
          {set.isError ? <Alert tone="error">{t('notifications.failed')}</Alert> : null}
        </Card>
      ) : null}
    </PageFrame>
  );
}

type StaffKind = Extract<NotificationKind, 'feedback_arrived' | 'results_published' | 'delivery_failed'>;

/** Where an e-mail's unsubscribe link leads: turns that kind of e-mail off for its recipient, without signing in. */
export function Unsubscribe() {
  const { t } = useLang();
  const { href } = useRouter();
  const trpc = useTRPC();
  const token = new URLSearchParams(window.location.search).get('token') ?? '';
  const done = useMutation(trpc.account.notifications.unsubscribe.mutationOptions());
  const { mutate } = done;
  useEffect(() => {
    if (token) mutate({ token });
  }, [token, mutate]);
  return (
    <Shell width="narrow">
      <div className="fx-signin">
        <Card>
          <h1>{t('unsubscribe.title')}</h1>
          {done.isSuccess ? (
            <Alert tone="success">{t(`unsubscribe.done.${done.data.kind}`)}</Alert>
          ) : !token || done.isError ? (
            <div className="fx-stack">
              <Alert tone="error">{t('unsubscribe.invalid')}</Alert>
              <ButtonLink variant="secondary" href={href('')}>
                {t('unsubscribe.console')}
              </ButtonLink>
            </div>
          ) : (
            <p className="fx-muted">{t('unsubscribe.working')}</p>
          )}
        </Card>
      </div>
    </Shell>
  );
}
