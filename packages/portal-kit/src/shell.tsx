import { AppShell, ButtonLink, Card, Loading, Nav, UserMenu } from '@facets/ui';
import type { ReactNode } from 'react';
import type { Me } from './api.ts';
import { SignIn } from './auth/SignIn.tsx';
import { useMe, useSignOut } from './auth/session.tsx';
import { ErrorAlert } from './errors.tsx';
import { LanguageSwitch } from './i18n/LanguageSwitch.tsx';
import { useLang } from './i18n/useLang.ts';
import { NotificationBell } from './notifications/Bell.tsx';
import { type TitleGroup, useProductName } from './portal/title.tsx';
import { codeOfBase, useLinkClick, useRouter } from './router.tsx';

export interface NavEntry {
  to: string;
  label: string;
  /** Whether the entry is the current page; defaults to an exact path match. */
  current?: (path: string) => boolean;
}

interface ShellProps {
  me?: Me | null;
  /** The group the page is for, when no one is signed in (an invitation link's): it may title the app. */
  group?: TitleGroup | null | undefined;
  nav?: readonly NavEntry[];
  /** A navigation of the app's own beside the page (see AppShell's `sidebar`), instead of `nav` in the header. */
  sidebar?: ReactNode;
  width?: 'narrow' | 'normal' | 'wide';
  children: ReactNode;
}

/** The app frame: product name, organisation, navigation, language switch, notifications bell and user menu. */
export function Shell({ me, group, nav, sidebar, width, children }: ShellProps) {
  const { t } = useLang();
  const { path, href, base } = useRouter();
  const own = me?.stakeholder?.group.code === codeOfBase(base) ? me.stakeholder.group : null;
  const productName = useProductName(group ?? own);
  const click = useLinkClick();
  const { signOut, busy } = useSignOut(me);
  const items = nav?.map((entry) => ({
    href: href(entry.to),
    label: entry.label,
    current: entry.current ? entry.current(path) : entry.to === path,
  }));
  return (
    <AppShell
      productName={productName}
      subtitle={me?.organization.name}
      homeHref={href('')}
      skipLinkLabel={t('app.skipToContent')}
      onNavigate={click}
      nav={items ? <Nav label={t('nav.label')} items={items} onNavigate={click} /> : null}
      languageSwitch={<LanguageSwitch />}
      userMenu={
        me ? (
          <>
            <NotificationBell pageHref={href('notifications')} />
            <UserMenu
              name={me.user.name}
              signOutLabel={t('auth.signOut')}
              onSignOut={() => void signOut()}
              busy={busy}
            />
          </>
        ) : null
      }
      footer={t('app.poweredBy')}
      width={width}
      sidebar={sidebar}
    >
      {children}
    </AppShell>
  );
}

export interface AuthGateProps {
  /** Who may use this app once signed in. */
  allow: (me: Me) => boolean;
  /** What to say (and where to send) a signed-in person this app is not for. */
  denied: (me: Me) => ReactNode;
  signInIntro?: string;
  nav?: (me: Me) => readonly NavEntry[];
  /** Instead of `nav`: the app's own navigation beside the page, once signed in and allowed. */
  sidebar?: (me: Me) => ReactNode;
  /** Offer sign-in by a link sent by e-mail (the portals, for returning stakeholders). */
  signInByLink?: boolean;
  /** Offer sign-in through the organisation's own provider (the console's staff). */
  signInWithSso?: boolean;
  width?: 'narrow' | 'normal' | 'wide';
  children: (me: Me) => ReactNode;
}

/** The route guard: signed out → sign-in page; signed in but not allowed → a clear message; otherwise the app. */
export function AuthGate(props: AuthGateProps) {
  const { t } = useLang();
  const me = useMe();
  if (me.isPending) {
    return (
      <Shell width={props.width}>
        <Loading label={t('app.loading')} />
      </Shell>
    );
  }
  if (me.isError) {
    return (
      <Shell width={props.width}>
        <ErrorAlert error={me.error} onRetry={() => void me.refetch()} />
      </Shell>
    );
  }
  if (!me.data) {
    return (
      <Shell width={props.width}>
        <SignIn intro={props.signInIntro} withLink={props.signInByLink} withSso={props.signInWithSso} />
      </Shell>
    );
  }
  if (!props.allow(me.data)) {
    return (
      <Shell me={me.data} width={props.width}>
        {props.denied(me.data)}
      </Shell>
    );
  }
  return (
    <Shell me={me.data} nav={props.nav?.(me.data)} sidebar={props.sidebar?.(me.data)} width={props.width}>
      {props.children(me.data)}
    </Shell>
  );
}

export function AccessDenied({ message, action }: { message: string; action?: { href: string; label: string } }) {
  const { t } = useLang();
  return (
    <div className="fx-centered">
      <Card>
        <h1>{t('access.title')}</h1>
        <p>{message}</p>
        {action ? <ButtonLink href={action.href}>{action.label}</ButtonLink> : null}
      </Card>
    </div>
  );
}

export function NotFound() {
  const { t } = useLang();
  const { href } = useRouter();
  const click = useLinkClick();
  return (
    <div className="fx-centered">
      <Card>
        <h1>{t('notFound.title')}</h1>
        <p>{t('notFound.body')}</p>
        <ButtonLink variant="secondary" href={href('')} onClick={(e) => click(href(''), e)}>
          {t('notFound.home')}
        </ButtonLink>
      </Card>
    </div>
  );
}
