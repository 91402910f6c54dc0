import { type NotificationChannel, type NotificationKind, notificationText } from '@facets/domain';
import { Alert, Button, Card, EmptyState, Loading, PageHeader } from '@facets/ui';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../api.ts';
import { ErrorAlert } from '../errors.tsx';
import { formatDateTime } from '../i18n/language.ts';
import { useLang } from '../i18n/useLang.ts';
import { useLinkClick } from '../router.tsx';

const PAGE = 20;

/** Every notification of the signed-in person, newest first, by pages; each links where it is about. */
export function NotificationList() {
  const { t, lang } = useLang();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const click = useLinkClick();
  const pages = useInfiniteQuery(
    trpc.notifications.list.infiniteQueryOptions({ limit: PAGE }, { getNextPageParam: (last) => last.nextCursor }),
  );
  const markRead = useMutation(
    trpc.notifications.markRead.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.notifications.list.pathFilter()),
    }),
  );
  const items = pages.data?.pages.flatMap((p) => p.items) ?? [];
  const unread = pages.data?.pages[0]?.unread ?? 0;
  return (
    <Card
      title={t('bell.title')}
      titleAs="h2"
      titleId="notifications-list"
      aria-labelledby="notifications-list"
      aside={
        unread > 0 ? (
          <Button
            variant="secondary"
            size="sm"
            disabled={markRead.isPending}
            onClick={() => markRead.mutate({ all: true })}
          >
            {t('bell.markAllRead')}
          </Button>
        ) : null
      }
    >
      {pages.isPending ? <Loading label={t('app.loading')} /> : null}
      {pages.isError ? <ErrorAlert error={pages.error} onRetry={() => void pages.refetch()} /> : null}
      {pages.data && items.length === 0 ? (
        <EmptyState titleAs="h3" title={t('bell.empty')}>
          {t('bell.emptyBody')}
        </EmptyState>
      ) : null}
      <ul className="fx-bell__items fx-bell__items--page">
        {items.map((item) => (
          <li key={item.id} className={item.readAt ? 'fx-bell__item' : 'fx-bell__item fx-bell__item--unread'}>
            <a
              href={item.link}
              onClick={(e) => {
                if (!item.readAt) markRead.mutate({ id: item.id });
                click(item.link, e);
              }}
            >
              <span>{notificationText(item.params, lang)}</span>
              <time dateTime={item.createdAt}>{formatDateTime(item.createdAt, lang)}</time>
              {item.readAt ? null : <span className="fx-visually-hidden">{t('bell.unread')}</span>}
            </a>
          </li>
        ))}
      </ul>
      {pages.hasNextPage ? (
        <Button variant="secondary" disabled={pages.isFetchingNextPage} onClick={() => void pages.fetchNextPage()}>
          {t('bell.more')}
        </Button>
      ) : null}
    </Card>
  );
}

/**
 * What the signed-in person receives of each kind their role gets, by e-mail and in the app, each channel turned on
 * or off by its owner (`account.notifications`). A kind that does not go by a channel has no box for it.
 */
export function NotificationChoices() {
  const { t } = useLang();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const choices = useQuery(trpc.account.notifications.get.queryOptions());
  const set = useMutation(
    trpc.account.notifications.set.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.account.notifications.pathFilter()),
    }),
  );
  const box = (kind: NotificationKind, channel: NotificationChannel, on: boolean | null) =>
    on === null ? (
      <span className="fx-muted">—</span>
    ) : (
      <input
        type="checkbox"
        checked={on}
        aria-label={`${t(`notificationKinds.${kind}.label`)} · ${t(`notificationChoices.${channel}`)}`}
        onChange={(e) => set.mutate({ kind, channel, on: e.currentTarget.checked })}
      />
    );
  return (
    <Card
      title={t('notificationChoices.title')}
      titleAs="h2"
      titleId="notification-choices"
      aria-labelledby="notification-choices"
    >
      <p className="fx-hint">{t('notificationChoices.intro')}</p>
      {choices.isPending ? <Loading label={t('app.loading')} /> : null}
      {choices.isError ? <ErrorAlert error={choices.error} onRetry={() => void choices.refetch()} /> : null}
      {choices.data ? (
        <fieldset className="fx-choices" disabled={set.isPending}>
          <legend className="fx-visually-hidden">{t('notificationChoices.title')}</legend>
          <table className="fx-choices__table">
            <thead>
              <tr>
                <th scope="col" className="fx-choices__cell">
                  {t('notificationChoices.kind')}
                </th>
                <th scope="col" className="fx-choices__cell">
                  {t('notificationChoices.email')}
                </th>
                <th scope="col" className="fx-choices__cell">
                  {t('notificationChoices.in_app')}
                </th>
              </tr>
            </thead>
            <tbody>
              {choices.data.map((c) => (
                <tr key={c.kind}>
                  <th scope="row" className="fx-choices__cell fx-choices__kind">
                    <strong>{t(`notificationKinds.${c.kind}.label`)}</strong>
                    <span className="fx-hint">{t(`notificationKinds.${c.kind}.hint`)}</span>
                  </th>
                  <td className="fx-choices__cell fx-choices__box">{box(c.kind, 'email', c.email)}</td>
                  <td className="fx-choices__cell fx-choices__box">{box(c.kind, 'in_app', c.inApp)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </fieldset>
      ) : null}
      {set.isSuccess ? <Alert tone="success">{t('notificationChoices.saved')}</Alert> : null}
      {set.isError ? <Alert tone="error">{t('notificationChoices.failed')}</Alert> : null}
    </Card>
  );
}

/** A portal's page of notifications: the whole list, then the choices. */
export function NotificationsPage() {
  const { t } = useLang();
  return (
    <div className="fx-stack">
      <PageHeader title={t('bell.title')} />
      <NotificationList />
      <NotificationChoices />
    </div>
  );
}
