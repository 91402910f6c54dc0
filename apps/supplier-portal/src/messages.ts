import type { AppMessages } from '@facets/portal-kit';

/** The supplier portal's own copy, laid over the shared messages of @facets/portal-kit. */
export const messages: AppMessages = {
  fr: {
    app: { productName: 'Espace fournisseurs', documentTitle: 'Espace fournisseurs · Facets' },
    portal: {
      signInIntro: 'Connectez-vous pour répondre aux enquêtes fournisseurs et nous faire part de vos retours.',
    },
    surveys: {
      intro:
        'Dites-nous comment se passe vraiment notre collaboration : commandes, paiements, échanges avec nos équipes.',
    },
    feedback: {
      intro:
        'Un retard de paiement, une idée pour mieux travailler ensemble, une question ? Notre équipe achats lit chaque message et vous répond ici.',
      reference: 'N° de commande ou de facture',
      referenceHint: 'Pour retrouver rapidement la commande ou la facture concernée.',
    },
    // Suppliers are counted in companies: a figure needs k distinct companies, however many contacts answer.
    mode: {
      confidential:
        'Vos réponses sont enregistrées avec votre nom, mais les résultats ne sont montrés que pour des groupes d’au moins {{k}} entreprises, et personne dans l’organisation ne voit les réponses d’une personne.',
    },
    runner: {
      nextThreshold:
        'Un résultat n’est affiché que pour un groupe d’au moins {{k}} entreprises : aucune réponse ne peut être isolée.',
    },
  },
  en: {
    app: { productName: 'Supplier portal', documentTitle: 'Supplier portal · Facets' },
    portal: {
      signInIntro: 'Sign in to answer supplier surveys and share your feedback with us.',
    },
    surveys: {
      intro: 'Tell us how working with us really goes: orders, payments, and how our teams communicate with you.',
    },
    feedback: {
      intro:
        'A late payment, an idea to work better together, a question? Our procurement team reads every message and replies here.',
      reference: 'Order or invoice number',
      referenceHint: 'Helps us find the order or invoice quickly.',
    },
    mode: {
      confidential:
        'Your answers are stored with your name, but results are shown only for groups of at least {{k}} companies, and nobody in the organisation sees one person’s answers.',
    },
    runner: {
      nextThreshold: 'A result is only shown for a group of at least {{k}} companies, so no answer can be singled out.',
    },
  },
};
