import type { AppMessages } from '@facets/portal-kit';

/** The shareholder portal's own copy, laid over the shared messages of @facets/portal-kit. */
export const messages: AppMessages = {
  fr: {
    app: { productName: 'Espace actionnaires', documentTitle: 'Espace actionnaires · Facets' },
    portal: {
      signInIntro: 'Connectez-vous pour répondre aux enquêtes actionnaires et adresser vos questions.',
    },
    surveys: {
      intro: 'Dites-nous comment vous percevez l’information et le dialogue avec l’entreprise.',
    },
    category: { question: 'Question aux relations investisseurs' },
    feedback: {
      intro:
        'Une question aux relations investisseurs, une suggestion ou une remarque ? L’équipe relations investisseurs lit chaque message et vous répond ici.',
      reference: 'Référence du document ou de l’assemblée',
      referenceHint: 'Par exemple « Rapport annuel 2025 » ou « AG du 12 juin ».',
    },
  },
  en: {
    app: { productName: 'Shareholder space', documentTitle: 'Shareholder space · Facets' },
    portal: {
      signInIntro: 'Sign in to answer shareholder surveys and send your questions.',
    },
    surveys: {
      intro: 'Tell us how you see the information you receive and your dialogue with the company.',
    },
    category: { question: 'Question for investor relations' },
    feedback: {
      intro:
        'A question for investor relations, a suggestion or a remark? The investor relations team reads every message and replies here.',
      reference: 'Document or meeting reference',
      referenceHint: 'For example “Annual report 2025” or “AGM of 12 June”.',
    },
  },
};
