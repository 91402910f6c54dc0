import { type AppMessages, type MessageTree, mergeMessages } from '@facets/portal-kit';
import { auditMessages } from './audit/messages.ts';
import { chainMessages } from './chain/messages.ts';
import { compareMessages } from './compare/messages.ts';
import { deliveryMessages } from './delivery/messages.ts';
import { dimensionMessages } from './dimension/messages.ts';
import { directoryMessages } from './directory/messages.ts';
import { exportMessages } from './export/messages.ts';
import { figuresMessages } from './figures/messages.ts';
import { formMessages } from './forms/messages.ts';
import { groupsMessages } from './groups/messages.ts';
import { inboxMessages } from './inbox/messages.ts';
import { initiativesMessages } from './initiatives/messages.ts';
import { intendedMessages } from './intended/messages.ts';
import { maturityMessages } from './maturity/messages.ts';
import { modelMessages } from './model/messages.ts';
import { overviewMessages } from './overview/messages.ts';
import { plansMessages } from './plans/messages.ts';
import { promisesMessages } from './promises/messages.ts';
import { reportMessages } from './report/messages.ts';
import { rolesMessages } from './roles/messages.ts';
import { settingsMessages } from './settings/messages.ts';
import { setupMessages } from './setup/messages.ts';
import { surveyMessages } from './surveys/messages.ts';
import { themesMessages } from './themes/messages.ts';
import { webhooksMessages } from './webhooks/messages.ts';

/**
 * The console's copy, laid over the shared messages of @facets/portal-kit: the frame's own keys here, each page's in
 * its folder (`overview/messages.ts` …), merged below.
 */
const en = {
  app: { productName: 'Facets console', documentTitle: 'Facets console' },
  portal: { signInIntro: 'Sign in to the console with your staff account.' },
  console: {
    nav: {
      overview: 'Overview',
      compare: 'Compare stakeholders',
      groups: 'Group drill-down',
      chain: 'Experience chain',
      maturity: 'Maturity',
      inbox: 'Feedback inbox',
    },
    navGroup: { insights: 'Insights', plan: 'Plan', listen: 'Listen', more: 'More', settings: 'Settings' },
    managerScope: 'As a manager, you see the employee results of your own department only.',
    managerScopeTeam: 'As a manager, you see the employee results of your team and of your department only.',
    notForRole: 'This page covers the whole organisation and is not available to your role.',
    pageLoading: 'Loading the page…',
    pageFailed: {
      title: 'This page could not be loaded',
      body: 'The connection may have dropped, or the console has been updated since you opened it. Reload to try again.',
      reload: 'Reload',
    },
    stakeholderDenied:
      'The console is for the organisation’s staff. As a stakeholder, please use your own portal to answer surveys and share feedback.',
  },
};

const fr: typeof en = {
  app: { productName: 'Console Facets', documentTitle: 'Console Facets' },
  portal: { signInIntro: 'Connectez-vous à la console avec votre compte collaborateur.' },
  console: {
    nav: {
      overview: 'Vue d’ensemble',
      compare: 'Comparer les groupes',
      groups: 'Analyse par groupe',
      chain: 'Chaîne de l’expérience',
      maturity: 'Maturité',
      inbox: 'Retours reçus',
    },
    navGroup: { insights: 'Analyses', plan: 'Piloter', listen: 'Écouter', more: 'Autres', settings: 'Paramètres' },
    managerScope: 'En tant que manager, vous voyez uniquement les résultats des salariés de votre service.',
    managerScopeTeam:
      'En tant que manager, vous voyez uniquement les résultats des salariés de votre équipe et de votre service.',
    notForRole: 'Cette page porte sur toute l’organisation et n’est pas accessible à votre rôle.',
    pageLoading: 'Chargement de la page…',
    pageFailed: {
      title: 'Cette page n’a pas pu être chargée',
      body: 'La connexion a peut-être été coupée, ou la console a été mise à jour depuis que vous l’avez ouverte. Rechargez pour réessayer.',
      reload: 'Recharger',
    },
    stakeholderDenied:
      'La console est réservée aux équipes de l’organisation. En tant que partie prenante, utilisez votre espace pour répondre aux enquêtes et donner votre avis.',
  },
};

const AREAS: readonly { fr: MessageTree; en: MessageTree }[] = [
  overviewMessages,
  inboxMessages,
  exportMessages,
  figuresMessages,
  compareMessages,
  chainMessages,
  groupsMessages,
  dimensionMessages,
  themesMessages,
  maturityMessages,
  surveyMessages,
  directoryMessages,
  formMessages,
  rolesMessages,
  intendedMessages,
  initiativesMessages,
  promisesMessages,
  plansMessages,
  reportMessages,
  settingsMessages,
  modelMessages,
  setupMessages,
  auditMessages,
  webhooksMessages,
  deliveryMessages,
];

export const messages: AppMessages = {
  fr: AREAS.reduce((all, area) => mergeMessages(all, area.fr), fr as MessageTree),
  en: AREAS.reduce((all, area) => mergeMessages(all, area.en), en as MessageTree),
};
