import type { Me, Params } from '@facets/portal-kit';
import type { ReactNode } from 'react';
import { Inbox } from './inbox/Inbox.tsx';
import { InitiativesBoard } from './initiatives/InitiativesBoard.tsx';
import { IntendedEditor } from './intended/IntendedEditor.tsx';
import { Overview } from './overview/Overview.tsx';
import { PromiseRegister } from './promises/PromiseRegister.tsx';
import { FEEDBACK_READERS, SETTINGS_READERS } from './roles/roles.ts';
import { People } from './settings/People.tsx';
import { Settings } from './settings/Settings.tsx';

/**
 * Every page of the console, in navigation order. A page with a `nav` key (under `console.nav.`) appears in the
 * navigation; `roles` narrows who sees it (the API enforces the same rules, this only keeps the menu honest).
 */
export interface ConsolePage {
  /** A route pattern relative to /console/, e.g. '' or 'surveys/:surveyId'. */
  path: string;
  nav?: string;
  roles?: readonly string[];
  /** Another path whose navigation entry this page lights up (a detail page under its list). */
  section?: string;
  render: (me: Me, params: Params) => ReactNode;
}

export const PAGES: readonly ConsolePage[] = [
  { path: '', nav: 'overview', render: () => <Overview /> },
  { path: 'inbox', nav: 'inbox', roles: FEEDBACK_READERS, render: (me) => <Inbox me={me} /> },
  { path: 'intended', nav: 'intended', render: (me) => <IntendedEditor me={me} /> },
  { path: 'initiatives', nav: 'initiatives', render: (me) => <InitiativesBoard me={me} /> },
  { path: 'promises', nav: 'promises', render: (me) => <PromiseRegister me={me} /> },
  { path: 'people', nav: 'people', roles: SETTINGS_READERS, render: (me) => <People me={me} /> },
  { path: 'settings', nav: 'settings', roles: SETTINGS_READERS, render: (me) => <Settings me={me} /> },
];
