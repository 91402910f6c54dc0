import { AccessDenied, AuthGate, homeOf, type Me, matchPath, NotFound, useLang, useRouter } from '@facets/portal-kit';
import { type ConsolePage, PAGES } from './pages.tsx';

const STAFF_ROLES: readonly string[] = ['admin', 'leadership', 'hr', 'manager', 'analyst'];

const allowed = (page: ConsolePage, me: Me) => !page.roles || page.roles.includes(me.role);

/** The staff console: sign-in for staff only, then the pages of pages.tsx. */
export function ConsoleApp() {
  const { t } = useLang();
  return (
    <AuthGate
      width="wide"
      allow={(me) => STAFF_ROLES.includes(me.role)}
      denied={(me) => (
        <AccessDenied
          message={t('console.stakeholderDenied')}
          action={me.stakeholder ? { href: homeOf(me), label: t('access.goToPortal') } : undefined}
        />
      )}
      signInIntro={t('portal.signInIntro')}
      nav={(me) =>
        PAGES.filter((page) => page.nav !== undefined && allowed(page, me)).map((page) => ({
          to: page.path,
          label: t(`console.nav.${page.nav}`),
          current: (path: string) =>
            path === page.path || PAGES.some((p) => p.section === page.path && matchPath(p.path, path) !== null),
        }))
      }
    >
      {(me) => <ConsoleRoutes me={me} />}
    </AuthGate>
  );
}

function ConsoleRoutes({ me }: { me: Me }) {
  const { path } = useRouter();
  for (const page of PAGES) {
    const params = matchPath(page.path, path);
    if (params && allowed(page, me)) return page.render(me, params);
  }
  return <NotFound />;
}
