import { AccessDenied, AuthGate, homeOf, type Me, NotFound, useLang, useRouter } from '@facets/portal-kit';
import { Inbox } from './inbox/Inbox.tsx';
import { Overview } from './overview/Overview.tsx';

const STAFF_ROLES: readonly string[] = ['admin', 'leadership', 'hr', 'manager', 'analyst'];

/** The staff console: sign-in for staff only, then the overview and the feedback inbox. */
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
      nav={() => [
        { to: '', label: t('console.nav.overview') },
        { to: 'inbox', label: t('console.nav.inbox') },
      ]}
    >
      {(me) => <ConsoleRoutes me={me} />}
    </AuthGate>
  );
}

function ConsoleRoutes({ me }: { me: Me }) {
  const { path } = useRouter();
  if (path === '') return <Overview />;
  if (path === 'inbox') return <Inbox me={me} />;
  return <NotFound />;
}
