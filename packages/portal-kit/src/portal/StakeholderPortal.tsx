import type { Me } from '../api.ts';
import { FacetsApp, mount } from '../app.tsx';
import { FeedbackForm } from '../feedback/FeedbackForm.tsx';
import { MyFeedback } from '../feedback/MyFeedback.tsx';
import type { AppMessages } from '../i18n/keys.ts';
import { useLang } from '../i18n/useLang.ts';
import { InvitationPage } from '../invitation/InvitationPage.tsx';
import { YouSaidWeDid } from '../results/YouSaidWeDid.tsx';
import { matchPath, useRouter } from '../router.tsx';
import { InvitationRules, ReportingRules } from '../rules/ReportingRules.tsx';
import { AccessDenied, AuthGate, NotFound } from '../shell.tsx';
import { SurveyList } from '../survey/SurveyList.tsx';
import { SurveyRunner } from '../survey/SurveyRunner.tsx';

/** The stakeholder groups that have a portal; each portal is mounted at '/<code>/'. */
export type PortalGroup = 'employee' | 'supplier' | 'customer' | 'shareholder';

/** Where a signed-in person belongs: their group's portal, or the console for staff. */
export function homeOf(me: Me): string {
  return me.stakeholder ? `/${me.stakeholder.group.code}/` : '/console/';
}

/**
 * A whole portal: an invitation link's survey (no account needed), otherwise sign-in, the guard for one group, and
 * the shared stakeholder screens.
 */
export function StakeholderPortal({ group }: { group: PortalGroup }) {
  const { t } = useLang();
  const { path } = useRouter();
  const invitation = matchPath('i/:token', path);
  if (invitation?.token) return <InvitationPage key={invitation.token} token={invitation.token} />;
  const invitationRules = matchPath('i/:token/rules', path);
  if (invitationRules?.token) return <InvitationRules token={invitationRules.token} />;
  return (
    <AuthGate
      width="narrow"
      allow={(me) => me.stakeholder?.group.code === group}
      denied={(me) =>
        me.stakeholder ? (
          <AccessDenied message={t('access.otherGroup')} action={{ href: homeOf(me), label: t('access.goToPortal') }} />
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

function PortalRoutes({ me }: { me: Me }) {
  const { path } = useRouter();
  if (path === '') return <SurveyList me={me} />;
  const survey = matchPath('surveys/:waveId', path);
  if (survey?.waveId) return <SurveyRunner key={survey.waveId} me={me} waveId={survey.waveId} />;
  if (path === 'feedback/new') return <FeedbackForm me={me} />;
  if (path === 'feedback') return <MyFeedback me={me} />;
  if (path === 'results') return <YouSaidWeDid />;
  if (path === 'rules') return <ReportingRules />;
  return <NotFound />;
}

export interface PortalOptions {
  group: PortalGroup;
  /** The portal's copy; it must define `portal.signInIntro` and may override any shared key. */
  messages: AppMessages;
  /** `import.meta.env.BASE_URL` of the app. */
  base: string;
}

/** The whole of a portal's main.tsx: `mountPortal({ group: 'supplier', messages, base: import.meta.env.BASE_URL })`. */
export function mountPortal({ group, messages, base }: PortalOptions): void {
  mount(
    <FacetsApp messages={messages} base={base}>
      <StakeholderPortal group={group} />
    </FacetsApp>,
  );
}
