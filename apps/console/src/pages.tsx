import {
  ADMINS,
  AUDIT_READERS,
  DIRECTORY_KEEPERS,
  FEEDBACK_READERS,
  SETTINGS_READERS,
  SURVEY_BUILDERS,
  WHOLE_ORGANISATION_READERS,
} from '@facets/domain';
import type { Me, Params } from '@facets/portal-kit';
import type { ReactNode } from 'react';
import { AuditLog } from './audit/AuditLog.tsx';
import { ChainPage } from './chain/ChainPage.tsx';
import { Compare } from './compare/Compare.tsx';
import { Delivery } from './delivery/Delivery.tsx';
import { DimensionPage } from './dimension/DimensionPage.tsx';
import { Directory } from './directory/Directory.tsx';
import type { NavGroup } from './frame/nav.ts';
import { Groups } from './groups/Groups.tsx';
import { Inbox } from './inbox/Inbox.tsx';
import { InitiativesBoard } from './initiatives/InitiativesBoard.tsx';
import { IntendedEditor } from './intended/IntendedEditor.tsx';
import { Maturity } from './maturity/Maturity.tsx';
import { ModelPage } from './model/ModelPage.tsx';
import { Overview } from './overview/Overview.tsx';
import { ActionPlans } from './plans/ActionPlans.tsx';
import { PromiseRegister } from './promises/PromiseRegister.tsx';
import { Report } from './report/Report.tsx';
import { Notifications } from './settings/Notifications.tsx';
import { People } from './settings/People.tsx';
import { Settings } from './settings/Settings.tsx';
import { NewSurvey } from './surveys/NewSurvey.tsx';
import { SurveyEditor } from './surveys/SurveyEditor.tsx';
import { SurveyList } from './surveys/SurveyList.tsx';
import { WavePage } from './surveys/WavePage.tsx';
import { Webhooks } from './webhooks/Webhooks.tsx';

/**
 * Every page of the console, in navigation order. A page with a `nav` key (under `console.nav.`) appears in the
 * navigation; `roles` narrows who sees it (the API enforces the same rules, this only keeps the menu honest).
 */
export interface ConsolePage {
  /** A route pattern relative to /console/, e.g. '' or 'surveys/:surveyId'. */
  path: string;
  nav?: string;
  /** The navigation section the entry is listed in (frame/nav.ts: insights, plan, listen, settings). */
  group?: NavGroup;
  roles?: readonly string[];
  /** Another path whose navigation entry this page lights up (a detail page under its list). */
  section?: string;
  /** The message key naming the page in the browser's title; by default its navigation entry's, or its section's. */
  title?: string;
  render: (me: Me, params: Params) => ReactNode;
}

export const PAGES: readonly ConsolePage[] = [
  { path: '', nav: 'overview', group: 'insights', render: (me) => <Overview me={me} /> },
  { path: 'compare', nav: 'compare', group: 'insights', render: (me) => <Compare me={me} /> },
  { path: 'groups', nav: 'groups', group: 'insights', render: (me) => <Groups me={me} /> },
  {
    path: 'groups/:groupId',
    section: 'groups',
    render: (me, params) => <Groups key={params.groupId} me={me} groupId={params.groupId} />,
  },
  {
    path: 'groups/:groupId/dimensions/:dimensionId',
    section: 'groups',
    render: (me, p) => (
      <DimensionPage
        key={`${p.groupId}/${p.dimensionId}`}
        me={me}
        groupId={p.groupId ?? ''}
        dimensionId={p.dimensionId ?? ''}
      />
    ),
  },
  {
    path: 'groups/:groupId/dimensions/:dimensionId/segment/:key/:value',
    section: 'groups',
    render: (me, p) => (
      <DimensionPage
        key={`${p.groupId}/${p.dimensionId}/${p.key}/${p.value}`}
        me={me}
        groupId={p.groupId ?? ''}
        dimensionId={p.dimensionId ?? ''}
        segment={{ key: p.key ?? '', value: p.value ?? '' }}
      />
    ),
  },
  {
    path: 'chain',
    nav: 'chain',
    group: 'insights',
    roles: WHOLE_ORGANISATION_READERS,
    render: (me) => <ChainPage me={me} />,
  },
  {
    path: 'maturity',
    nav: 'maturity',
    group: 'insights',
    roles: WHOLE_ORGANISATION_READERS,
    render: (me) => <Maturity me={me} />,
  },
  { path: 'intended', nav: 'intended', group: 'plan', render: (me) => <IntendedEditor me={me} /> },
  { path: 'initiatives', nav: 'initiatives', group: 'plan', render: (me) => <InitiativesBoard me={me} /> },
  { path: 'promises', nav: 'promises', group: 'plan', render: (me) => <PromiseRegister me={me} /> },
  { path: 'plans', nav: 'plans', group: 'plan', render: (me) => <ActionPlans me={me} /> },
  { path: 'report', section: '', title: 'report.pageTitle', render: (me) => <Report me={me} /> },
  { path: 'inbox', nav: 'inbox', group: 'listen', roles: FEEDBACK_READERS, render: (me) => <Inbox me={me} /> },
  { path: 'surveys', nav: 'surveys', group: 'listen', render: (me) => <SurveyList me={me} /> },
  { path: 'surveys/new', section: 'surveys', roles: SURVEY_BUILDERS, render: () => <NewSurvey /> },
  {
    path: 'surveys/:surveyId',
    section: 'surveys',
    render: (me, params) => <SurveyEditor me={me} surveyId={params.surveyId ?? ''} />,
  },
  {
    path: 'surveys/:surveyId/waves/:waveId',
    section: 'surveys',
    render: (me, params) => <WavePage me={me} surveyId={params.surveyId ?? ''} waveId={params.waveId ?? ''} />,
  },
  {
    path: 'directory',
    nav: 'directory',
    group: 'listen',
    roles: DIRECTORY_KEEPERS,
    render: (me) => <Directory me={me} />,
  },
  {
    path: 'directory/:groupId',
    section: 'directory',
    roles: DIRECTORY_KEEPERS,
    render: (me, params) => <Directory key={params.groupId} me={me} groupId={params.groupId} />,
  },
  { path: 'people', nav: 'people', group: 'settings', roles: SETTINGS_READERS, render: (me) => <People me={me} /> },
  {
    path: 'settings',
    nav: 'settings',
    group: 'settings',
    roles: SETTINGS_READERS,
    render: (me) => <Settings me={me} />,
  },
  { path: 'notifications', nav: 'notifications', group: 'settings', render: () => <Notifications /> },
  { path: 'model', nav: 'model', group: 'settings', roles: SETTINGS_READERS, render: (me) => <ModelPage me={me} /> },
  { path: 'audit', nav: 'audit', group: 'settings', roles: AUDIT_READERS, render: (me) => <AuditLog me={me} /> },
  { path: 'webhooks', nav: 'webhooks', group: 'settings', roles: ADMINS, render: (me) => <Webhooks me={me} /> },
  { path: 'delivery', nav: 'delivery', group: 'settings', roles: ADMINS, render: (me) => <Delivery me={me} /> },
];

/** The message key of a page's title: its own, else its navigation entry's, else that of the page it sits under. */
export function pageTitleKey(page: ConsolePage): string | null {
  if (page.title) return page.title;
  if (page.nav) return `console.nav.${page.nav}`;
  const parent = PAGES.find((p) => p.path === page.section);
  return parent?.nav ? `console.nav.${parent.nav}` : null;
}
