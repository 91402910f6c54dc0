import type { AppMessages } from '@facets/portal-kit';

/** The customer portal's own copy, laid over the shared messages of @facets/portal-kit. */
export const messages: AppMessages = {
  fr: {
    app: { productName: 'Espace clients', documentTitle: 'Espace clients · Facets' },
    portal: {
      signInIntro: 'Connectez-vous pour répondre à nos enquêtes et nous donner votre avis.',
    },
    surveys: {
      intro:
        'Dites-nous ce que vous pensez vraiment de nos produits et de notre service. Cela ne prend que quelques minutes.',
    },
    feedback: {
      intro:
        'Un compliment, une suggestion, un souci avec une commande ? Notre service client lit chaque message et vous répond ici.',
      reference: 'N° de commande',
      referenceHint: 'Il figure dans l’e-mail de confirmation de votre commande.',
    },
  },
  en: {
    app: { productName: 'Customer space', documentTitle: 'Customer space · Facets' },
    portal: {
      signInIntro: 'Sign in to answer our surveys and share your feedback.',
    },
    surveys: {
      intro: 'Tell us what you really think of our products and service. It only takes a few minutes.',
    },
    feedback: {
      intro:
        'A compliment, a suggestion, a problem with an order? Our customer service team reads every message and replies here.',
      reference: 'Order number',
      referenceHint: 'You will find it in your order confirmation email.',
    },
  },
};
