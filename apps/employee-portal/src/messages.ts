import type { AppMessages } from '@facets/portal-kit';

/** The employee portal's own copy, laid over the shared messages of @facets/portal-kit. */
export const messages: AppMessages = {
  fr: {
    app: { productName: 'Votre expérience', documentTitle: 'Votre expérience · Facets' },
    portal: {
      signInIntro: 'Connectez-vous pour répondre aux enquêtes et donner votre avis sur votre expérience de travail.',
    },
    surveys: {
      intro:
        'Dites-nous comment se passe vraiment votre travail. Vos réponses ne sont présentées que par groupe, jamais individuellement.',
    },
    feedback: {
      intro:
        'Une idée, un problème, un remerciement ou une question sur votre expérience de travail ? L’équipe RH lit chaque message et vous répond ici.',
      reference: 'N° de demande ou de ticket',
      referenceHint: 'Par exemple une demande RH ou un ticket informatique.',
    },
  },
  en: {
    app: { productName: 'Your experience', documentTitle: 'Your experience · Facets' },
    portal: {
      signInIntro: 'Sign in to answer surveys and share feedback about your experience at work.',
    },
    surveys: {
      intro: 'Tell us how work really feels. Your answers are only ever reported for groups, never one by one.',
    },
    feedback: {
      intro:
        'An idea, a problem, a thank-you or a question about your experience at work? The HR team reads every message and replies here.',
      reference: 'Request or ticket number',
      referenceHint: 'For example an HR request or an IT ticket.',
    },
  },
};
