import { useEffect } from 'react';
import type { Me } from '../api.ts';
import { FacetsApp, mount } from '../app.tsx';
import { FeedbackForm } from '../feedback/FeedbackForm.tsx';
import { MyFeedback } from '../feedback/MyFeedback.tsx';
import type { AppMessages } from '../i18n/keys.ts';
import { useLang } from '../i18n/useLang.ts';
import { InvitationPage } from '../invitation/InvitationPage.tsx';
import { NotificationsPage } from '../notifications/NotificationsPage.tsx';
import { YouSaidWeDid } from '../results/YouSaidWeDid.tsx';
import { codeOfBase, matchPath, portalBase, useRouter } from '../router.tsx';
import { InvitationRules, ReportingRules } from '../rules/ReportingRules.tsx';
import { AccessDenied, AuthGate, NotFound } from '../shell.tsx';
import { SurveyList } from '../survey/SurveyList.tsx';
import { SurveyRunner } from '../survey/SurveyRunner.tsx';
import { TitleByGroup } from './title.tsx';

/** Where a signed-in person belongs: their group's portal, at its code, or the console for staff. */
export function homeOf(me: Me): string {
  return me.stakeholder ? `/${encodeURIComponent(me.stakeholder.group.code)}/` : '/console/';
}

/**
 * Who may use the portal of the group `code`: its own people. Another group's person is sent to their own portal;
 * staff are told to use the console.
 */
export function portalAccess(me: Me, code: string): { allowed: true } | { allowed: false; home: string } {
  return me.stakeholder?.group.code === code ? { allowed: true } : { allowed: false, home: homeOf(me) };
}

/**
 * A whole portal: an invitation link's survey (no account needed), otherwise sign-in, the guard for the group whose
 * code is the portal's base, and the shared stakeholder screens.
 */
export function StakeholderPortal() {
  const { t } = useLang();
  const { path, base } = useRouter();
  const code = codeOfBase(base);
  const invitation = matchPath('i/:token', path);
  if (invitation?.token) return <InvitationPage key={invitation.token} token={invitation.token} />;
  const invitationRules = matchPath('i/:token/rules', path);
  if (invitationRules?.token) return <InvitationRules token={invitationRules.token} />;
  return (
    <AuthGate
      width="narrow"
      allow={(me) => portalAccess(me, code).allowed}
      denied={(me) =>
        me.stakeholder ? (
          <SentHome href={homeOf(me)} />
        ) : (
          <AccessDenied
            message={t('access.staffInPortal')}
            action={{ href: '/console/', label: t('access.goToConsole') }}
          />
        )
      }
      signInIntro={t('portal.signInIntro')}
      signInByLink
      nav={() => [
        { to: '', label: t('nav.surveys'), current: (p) => p === '' || p.startsWith('surveys/') },
        { to: 'feedback/new', label: t('nav.feedbackNew') },
        { to: 'feedback', label: t('nav.feedbackMine') },
        { to: 'results', label: t('nav.results') },
        { to: 'rules', label: t('nav.rules') },
      ]}
    >
      {(me) => <PortalRoutes me={me} />}
    </AuthGate>
  );
}

/** Another group's person, sent to their own portal; the message stays should the browser not follow. */
function SentHome({ href }: { href: string }) {
  const { t } = useLang();
  useEffect(() => window.location.replace(href), [href]);
  return <AccessDenied message={t('access.otherGroup')} action={{ href, label: t('access.goToPortal') }} />;
}

function PortalRoutes({ me }: { me: Me }) {
  const { path } = useRouter();
  if (path === '') return <SurveyList me={me} />;
  const survey = matchPath('surveys/:waveId', path);
  if (survey?.waveId) return <SurveyRunner key={survey.waveId} me={me} waveId={survey.waveId} />;
  if (path === 'feedback/new') return <FeedbackForm me={me} />;
  if (path === 'feedback') return <MyFeedback me={me} />;
  if (path === 'results') return <YouSaidWeDid />;
  if (path === 'rules') return <ReportingRules />;
  if (path === 'notifications') return <NotificationsPage />;
  return <NotFound />;
}

export interface PortalOptions {
  /** The portal's copy; it must define `portal.signInIntro` and may override any shared key. */
  messages: AppMessages;
  /** `import.meta.env.BASE_URL` of the app: its own mount, the base when the address names none. */
  mountedAt: string;
  /**
   * Title the portal with its group's own label once it is known (signed in, or from the invitation), instead of the
   * app's name: the generic portal of custom groups.
   */
  titleByGroup?: boolean;
}

/**
 * The whole of a portal's main.tsx: `mountPortal({ messages, mountedAt: import.meta.env.BASE_URL })`. The router's
 * base is the first segment of the address (the group's code), so one app serves every group of its kind.
 */
export function mountPortal({ messages, mountedAt, titleByGroup = false }: PortalOptions): void {
  mount(
    <FacetsApp messages={messages} base={portalBase(window.location.pathname, mountedAt)}>
      <TitleByGroup.Provider value={titleByGroup}>
        <StakeholderPortal />
      </TitleByGroup.Provider>
    </FacetsApp>,
  );
}
