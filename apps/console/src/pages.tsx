import {
  ADMINS,
  AUDIT_READERS,
  DIRECTORY_KEEPERS,
  FEEDBACK_READERS,
  SETTINGS_READERS,
  SURVEY_BUILDERS,
  WHOLE_ORGANISATION_READERS,
} from '@facets/domain';
import { type Me, matchPath, type Params } from '@facets/portal-kit';
import type { ComponentType } from 'react';
import type { NavGroup } from './frame/nav.ts';

/** What the console gives every page: who is signed in and the parameters of its route. */
export interface PageProps {
  me: Me;
  params: Params;
}

export type PageComponent = ComponentType<PageProps>;

/**
 * Every page of the console, in navigation order. A page with a `nav` key (under `console.nav.`) appears in the
 * navigation; `roles` narrows who sees it (the API enforces the same rules, this only keeps the menu honest).
 * Each page's code is its own chunk, fetched by `load` when the page is first opened (ConsoleApp.tsx), so the first
 * screen downloads only the frame and its own page.
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
  /** Fetches the page's chunk and gives the component that renders it; each import() names the page's module. */
  load: () => Promise<PageComponent>;
}

export const PAGES: readonly ConsolePage[] = [
  {
    path: '',
    nav: 'overview',
    group: 'insights',
    load: () => import('./overview/Overview.tsx').then((m) => m.Overview),
  },
  {
    path: 'compare',
    nav: 'compare',
    group: 'insights',
    load: () => import('./compare/Compare.tsx').then((m) => m.Compare),
  },
  { path: 'groups', nav: 'groups', group: 'insights', load: () => import('./groups/Groups.tsx').then((m) => m.Groups) },
  {
    path: 'groups/:groupId',
    section: 'groups',
    load: () =>
      import('./groups/Groups.tsx').then(({ Groups }) => ({ me, params }: PageProps) => (
        <Groups key={params.groupId} me={me} groupId={params.groupId} />
      )),
  },
  {
    path: 'groups/:groupId/dimensions/:dimensionId',
    section: 'groups',
    load: () =>
      import('./dimension/DimensionPage.tsx').then(({ DimensionPage }) => ({ me, params: p }: PageProps) => (
        <DimensionPage
          key={`${p.groupId}/${p.dimensionId}`}
          me={me}
          groupId={p.groupId ?? ''}
          dimensionId={p.dimensionId ?? ''}
        />
      )),
  },
  {
    path: 'groups/:groupId/dimensions/:dimensionId/segment/:key/:value',
    section: 'groups',
    load: () =>
      import('./dimension/DimensionPage.tsx').then(({ DimensionPage }) => ({ me, params: p }: PageProps) => (
        <DimensionPage
          key={`${p.groupId}/${p.dimensionId}/${p.key}/${p.value}`}
          me={me}
          groupId={p.groupId ?? ''}
          dimensionId={p.dimensionId ?? ''}
          segment={{ key: p.key ?? '', value: p.value ?? '' }}
        />
      )),
  },
  {
    path: 'chain',
    nav: 'chain',
    group: 'insights',
    roles: WHOLE_ORGANISATION_READERS,
    load: () => import('./chain/ChainPage.tsx').then((m) => m.ChainPage),
  },
  {
    path: 'maturity',
    nav: 'maturity',
    group: 'insights',
    roles: WHOLE_ORGANISATION_READERS,
    load: () => import('./maturity/Maturity.tsx').then((m) => m.Maturity),
  },
  {
    path: 'intended',
    nav: 'intended',
    group: 'plan',
    load: () => import('./intended/IntendedEditor.tsx').then((m) => m.IntendedEditor),
  },
  {
    path: 'initiatives',
    nav: 'initiatives',
    group: 'plan',
    load: () => import('./initiatives/InitiativesBoard.tsx').then((m) => m.InitiativesBoard),
  },
  {
    path: 'promises',
    nav: 'promises',
    group: 'plan',
    load: () => import('./promises/PromiseRegister.tsx').then((m) => m.PromiseRegister),
  },
  {
    path: 'plans',
    nav: 'plans',
    group: 'plan',
    load: () => import('./plans/ActionPlans.tsx').then((m) => m.ActionPlans),
  },
  {
    path: 'report',
    section: '',
    title: 'report.pageTitle',
    load: () => import('./report/Report.tsx').then((m) => m.Report),
  },
  {
    path: 'inbox',
    nav: 'inbox',
    group: 'listen',
    roles: FEEDBACK_READERS,
    load: () => import('./inbox/Inbox.tsx').then((m) => m.Inbox),
  },
  {
    path: 'surveys',
    nav: 'surveys',
    group: 'listen',
    load: () => import('./surveys/SurveyList.tsx').then((m) => m.SurveyList),
  },
  {
    path: 'surveys/new',
    section: 'surveys',
    roles: SURVEY_BUILDERS,
    load: () => import('./surveys/NewSurvey.tsx').then((m) => m.NewSurvey),
  },
  {
    path: 'surveys/:surveyId',
    section: 'surveys',
    load: () =>
      import('./surveys/SurveyEditor.tsx').then(({ SurveyEditor }) => ({ me, params }: PageProps) => (
        <SurveyEditor me={me} surveyId={params.surveyId ?? ''} />
      )),
  },
  {
    path: 'surveys/:surveyId/waves/:waveId',
    section: 'surveys',
    load: () =>
      import('./surveys/WavePage.tsx').then(({ WavePage }) => ({ me, params }: PageProps) => (
        <WavePage me={me} surveyId={params.surveyId ?? ''} waveId={params.waveId ?? ''} />
      )),
  },
  {
    path: 'directory',
    nav: 'directory',
    group: 'listen',
    roles: DIRECTORY_KEEPERS,
    load: () => import('./directory/Directory.tsx').then((m) => m.Directory),
  },
  {
    path: 'directory/:groupId',
    section: 'directory',
    roles: DIRECTORY_KEEPERS,
    load: () =>
      import('./directory/Directory.tsx').then(({ Directory }) => ({ me, params }: PageProps) => (
        <Directory key={params.groupId} me={me} groupId={params.groupId} />
      )),
  },
  {
    path: 'people',
    nav: 'people',
    group: 'settings',
    roles: SETTINGS_READERS,
    load: () => import('./settings/People.tsx').then((m) => m.People),
  },
  {
    path: 'settings',
    nav: 'settings',
    group: 'settings',
    roles: SETTINGS_READERS,
    load: () => import('./settings/Settings.tsx').then((m) => m.Settings),
  },
  {
    path: 'notifications',
    nav: 'notifications',
    group: 'settings',
    load: () => import('./settings/Notifications.tsx').then((m) => m.Notifications),
  },
  {
    path: 'model',
    nav: 'model',
    group: 'settings',
    roles: SETTINGS_READERS,
    load: () => import('./model/ModelPage.tsx').then((m) => m.ModelPage),
  },
  {
    path: 'audit',
    nav: 'audit',
    group: 'settings',
    roles: AUDIT_READERS,
    load: () => import('./audit/AuditLog.tsx').then((m) => m.AuditLog),
  },
  {
    path: 'webhooks',
    nav: 'webhooks',
    group: 'settings',
    roles: ADMINS,
    load: () => import('./webhooks/Webhooks.tsx').then((m) => m.Webhooks),
  },
  {
    path: 'delivery',
    nav: 'delivery',
    group: 'settings',
    roles: ADMINS,
    load: () => import('./delivery/Delivery.tsx').then((m) => m.Delivery),
  },
];

/** The page a route path opens and its parameters; null when no page has that path. */
export function pageAt(path: string): { page: ConsolePage; params: Params } | null {
  for (const page of PAGES) {
    const params = matchPath(page.path, path);
    if (params) return { page, params };
  }
  return null;
}

/** The message key of a page's title: its own, else its navigation entry's, else that of the page it sits under. */
export function pageTitleKey(page: ConsolePage): string | null {
  if (page.title) return page.title;
  if (page.nav) return `console.nav.${page.nav}`;
  const parent = PAGES.find((p) => p.path === page.section);
  return parent?.nav ? `console.nav.${parent.nav}` : null;
}
