import type { AppMessages } from '@facets/portal-kit';

/**
 * The copy of the portal of an organisation's own groups (partners, patients, students…), laid over the shared
 * messages of @facets/portal-kit. It names no kind of stakeholder: once the group is known, its own label titles the
 * portal (`titleByGroup`).
 */
export const messages: AppMessages = {
  fr: {
    app: { productName: 'Votre espace', documentTitle: 'Votre espace · Facets' },
    portal: {
      signInIntro: 'Connectez-vous pour répondre aux enquêtes qui vous sont adressées et donner votre avis.',
    },
    surveys: {
      intro: 'Dites-nous ce que vous vivez vraiment. Vos réponses ne sont présentées que par groupe, jamais une à une.',
    },
    feedback: {
      intro:
        'Une idée, un problème, un remerciement ou une question ? L’équipe qui vous accompagne lit chaque message et vous répond ici.',
      reference: 'Référence',
      referenceHint: 'Un numéro de dossier, de demande ou de rendez-vous, si vous en avez un.',
    },
  },
  en: {
    app: { productName: 'Your space', documentTitle: 'Your space · Facets' },
    portal: {
      signInIntro: 'Sign in to answer the surveys addressed to you and share your feedback.',
    },
    surveys: {
      intro: 'Tell us what you really experience. Your answers are only ever reported for groups, never one by one.',
    },
    feedback: {
      intro:
        'An idea, a problem, a thank-you or a question? The team that works with you reads every message and replies here.',
      reference: 'Reference',
      referenceHint: 'A file, request or appointment number, if you have one.',
    },
  },
};
