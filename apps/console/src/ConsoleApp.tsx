import { STAFF_ROLES } from '@facets/domain';
import { AccessDenied, AuthGate, homeOf, type Me, NotFound, useLang, useRouter } from '@facets/portal-kit';
import { useEffect } from 'react';
import { OrgLanguages } from './forms/languages.ts';
import { pageAllowed } from './frame/nav.ts';
import { lazyPage, PageChunk } from './frame/PageChunk.tsx';
import { Sidebar } from './frame/Sidebar.tsx';
import { pageAt, pageTitleKey } from './pages.tsx';
import { can } from './roles/roles.ts';

/** The staff console: sign-in for staff only, then the pages of pages.tsx beside their navigation. */
export function ConsoleApp() {
  const { t } = useLang();
  const { path } = useRouter();
  // The page's code is fetched while the session is checked (or the sign-in form is filled in), not after.
  useEffect(() => {
    pageAt(path)
      ?.page.load()
      .catch(() => {}); // a failure is shown when the page itself asks for its code
  }, [path]);
  return (
    <AuthGate
      width="wide"
      allow={(me) => can(me, STAFF_ROLES)}
      denied={(me) => (
        <AccessDenied
          message={t('console.stakeholderDenied')}
          action={me.stakeholder ? { href: homeOf(me), label: t('access.goToPortal') } : undefined}
        />
      )}
      signInIntro={t('portal.signInIntro')}
      signInWithSso
      sidebar={(me) => <Sidebar me={me} />}
    >
      {(me) => <ConsoleRoutes me={me} />}
    </AuthGate>
  );
}

function ConsoleRoutes({ me }: { me: Me }) {
  const { t } = useLang();
  const { path } = useRouter();
  const route = pageAt(path);
  const titleKey = route ? pageTitleKey(route.page) : null;
  const pageTitle = titleKey ? t(titleKey) : null;
  const appTitle = t('app.documentTitle');
  // The browser's tab, history and bookmarks name the page, then the console.
  useEffect(() => {
    document.title = pageTitle ? `${pageTitle} – ${appTitle}` : appTitle;
  }, [pageTitle, appTitle]);
  if (!route) return <NotFound />;
  const Page = lazyPage(route.page.load);
  // A page that exists but not for this role says so, rather than pretending the address is wrong.
  if (!pageAllowed(route.page, me.role)) return <AccessDenied message={t('console.notForRole')} />;
  return (
    <OrgLanguages.Provider value={me.organization.languages}>
      <PageChunk key={route.page.path}>
        <Page me={me} params={route.params} />
      </PageChunk>
    </OrgLanguages.Provider>
  );
}
