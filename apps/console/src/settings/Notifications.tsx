import { NotificationChoices, NotificationList, Shell, useLang, useRouter, useTRPC } from '@facets/portal-kit';
import { Alert, ButtonLink, Card, PageHeader } from '@facets/ui';
import { useMutation } from '@tanstack/react-query';
import { useEffect } from 'react';

/**
 * A staff member's notifications: every item under their bell, then what they receive of each kind their role gets,
 * by e-mail and in the console, each channel turned on or off by its owner (`account.notifications`).
 */
export function Notifications() {
  const { t } = useLang();
  return (
    <div className="fx-stack">
      <PageHeader title={t('notifications.title')} description={t('notifications.intro')} />
      <NotificationList />
      <NotificationChoices />
    </div>
  );
}

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
