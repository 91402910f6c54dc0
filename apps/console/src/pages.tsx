import type { Me, Params } from '@facets/portal-kit';
import type { ReactNode } from 'react';
import { Inbox } from './inbox/Inbox.tsx';
import { Overview } from './overview/Overview.tsx';
import { BUILDER_ROLES } from './surveys/api.ts';
import { NewSurvey } from './surveys/NewSurvey.tsx';
import { SurveyEditor } from './surveys/SurveyEditor.tsx';
import { SurveyList } from './surveys/SurveyList.tsx';
import { WavePage } from './surveys/WavePage.tsx';

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
  { path: 'inbox', nav: 'inbox', render: (me) => <Inbox me={me} /> },
  { path: 'surveys', nav: 'surveys', render: (me) => <SurveyList me={me} /> },
  { path: 'surveys/new', section: 'surveys', roles: BUILDER_ROLES, render: () => <NewSurvey /> },
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
];
