import { notificationText } from '@facets/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type MouseEvent, useEffect, useId, useRef, useState } from 'react';
import { useTRPC } from '../api.ts';
import { formatDateTime } from '../i18n/language.ts';
import { useLang } from '../i18n/useLang.ts';
import { useLinkClick } from '../router.tsx';

/** How often the bell asks for new items while the app is open. */
const POLL_MS = 60_000;
const PANEL_ITEMS = 8;

/**
 * The bell of the header, in the console and every portal: the signed-in person's unread count, and a panel of their
 * latest notifications, each linking where it is about (marked read on the way), with "mark all read" and a link to
 * the page that lists them all and holds the choices.
 */
export function NotificationBell({ pageHref }: { pageHref: string }) {
  const { t, lang } = useLang();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const click = useLinkClick();
  const list = useQuery({
    ...trpc.notifications.list.queryOptions({ limit: PANEL_ITEMS }),
    refetchInterval: POLL_MS,
  });
  const refresh = () => queryClient.invalidateQueries(trpc.notifications.list.pathFilter());
  const markRead = useMutation(trpc.notifications.markRead.mutationOptions({ onSuccess: refresh }));
  useEffect(() => {
    if (!open) return;
    const close = (event: Event) => {
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !root.current?.contains(event.target as Node)) {
        setOpen(false);
      }
    };
    document.addEventListener('keydown', close);
    document.addEventListener('mousedown', close);
    return () => {
      document.removeEventListener('keydown', close);
      document.removeEventListener('mousedown', close);
    };
  }, [open]);
  const unread = list.data?.unread ?? 0;
  const follow = (href: string, event: MouseEvent<HTMLAnchorElement>) => {
    setOpen(false);
    click(href, event);
  };
  return (
    <div className="fx-bell" ref={root}>
      <button
        type="button"
        className="fx-bell__button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={unread > 0 ? t('bell.labelUnread', { count: unread }) : t('bell.label')}
        onClick={() => setOpen((o) => !o)}
      >
        <BellIcon />
        {unread > 0 ? (
          <span className="fx-bell__count" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        ) : null}
      </button>
      {open ? (
        <section id={panelId} className="fx-bell__panel" aria-label={t('bell.title')}>
          <div className="fx-bell__head">
            <h2>{t('bell.title')}</h2>
            {unread > 0 ? (
              <button
                type="button"
                className="fx-button fx-button--secondary fx-button--sm"
                disabled={markRead.isPending}
                onClick={() => markRead.mutate({ all: true })}
              >
                {t('bell.markAllRead')}
              </button>
            ) : null}
          </div>
          {list.data && list.data.items.length === 0 ? <p className="fx-muted">{t('bell.empty')}</p> : null}
          {list.isError ? <p className="fx-muted">{t('bell.failed')}</p> : null}
          <ul className="fx-bell__items">
            {list.data?.items.map((item) => (
              <li key={item.id} className={item.readAt ? 'fx-bell__item' : 'fx-bell__item fx-bell__item--unread'}>
                <a
                  href={item.link}
                  onClick={(e) => {
                    if (!item.readAt) markRead.mutate({ id: item.id });
                    follow(item.link, e);
                  }}
                >
                  <span>{notificationText(item.params, lang)}</span>
                  <time dateTime={item.createdAt}>{formatDateTime(item.createdAt, lang)}</time>
                  {item.readAt ? null : <span className="fx-visually-hidden">{t('bell.unread')}</span>}
                </a>
              </li>
            ))}
          </ul>
          <a className="fx-bell__all" href={pageHref} onClick={(e) => follow(pageHref, e)}>
            {t('bell.all')}
          </a>
        </section>
      ) : null}
    </div>
  );
}

function BellIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
      />
    </svg>
  );
}
