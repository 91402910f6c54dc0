import type { SurveyTemplate } from './types.ts';
import { CONFIDENTIAL_NOTE, closingComment, lived, pair, rating, t, text } from './wording.ts';

/** Templates for the organisation's outside stakeholders: suppliers, customers, shareholders. */
export const STAKEHOLDER_TEMPLATES: readonly SurveyTemplate[] = [
  {
    id: 'supplier_relationship',
    groupKind: 'supplier',
    kind: 'relationship',
    cadence: 'annual',
    name: t('Relation fournisseurs', 'Supplier relationship'),
    description: t(
      'Le baromètre annuel de la relation : paiement, commandes, communication, équité et collaboration, attendus et vécus.',
      'The annual relationship survey: payment, ordering, communication, fairness and collaboration, expected and lived.',
    ),
    title: t('Votre relation avec {organization}', 'Your relationship with {organization}'),
    intro: t(
      `Comment vivez-vous le travail avec {organization} ? Pour chaque thème, dites ce que vous attendez d’un bon client, puis ce que vous vivez avec nous. ${CONFIDENTIAL_NOTE.fr}`,
      `How do you experience working with {organization}? For each theme, say what you expect of a good customer, then what you experience with us. ${CONFIDENTIAL_NOTE.en}`,
    ),
    anonymous: false,
    questions: [
      rating(
        'satisfaction',
        'csat5',
        'outcome',
        null,
        t(
          'Dans l’ensemble, êtes-vous satisfait de votre relation avec {organization} ?',
          'Overall, how satisfied are you with your relationship with {organization}?',
        ),
      ),
      ...pair(
        'payment_reliability',
        t(
          'J’attends que nos factures soient payées à la date convenue.',
          'I expect our invoices to be paid on the agreed date.',
        ),
        t('Nos factures sont payées à la date convenue.', 'Our invoices are paid on the agreed date.'),
      ),
      ...pair(
        'ordering_process',
        t(
          'J’attends des commandes claires, stables et passées à temps.',
          'I expect orders to be clear, stable and placed in good time.',
        ),
        t(
          'Les commandes sont claires, stables et passées à temps.',
          'Orders are clear, stable and placed in good time.',
        ),
      ),
      ...pair(
        'communication',
        t(
          'J’attends de savoir à qui m’adresser et d’obtenir une réponse rapide.',
          'I expect to know whom to contact and to get a quick answer.',
        ),
        t(
          'Je sais à qui m’adresser et j’obtiens une réponse rapide.',
          'I know whom to contact and I get a quick answer.',
        ),
      ),
      ...pair(
        'fairness',
        t('J’attends des conditions négociées de bonne foi.', 'I expect terms to be negotiated in good faith.'),
        t('Les conditions sont négociées de bonne foi.', 'Terms are negotiated in good faith.'),
      ),
      ...pair(
        'collaboration',
        t(
          'J’attends d’être associé à l’amélioration des produits et des procédés.',
          'I expect to be involved in improving products and processes.',
        ),
        t(
          'Nous sommes associés à l’amélioration des produits et des procédés.',
          'We are involved in improving products and processes.',
        ),
      ),
      text(
        'payment_reliability_improve',
        t(
          'Qu’est-ce qui améliorerait le plus notre façon de travailler ensemble ? (facultatif)',
          'What would most improve the way we work together? (optional)',
        ),
      ),
      closingComment(),
    ],
  },
  {
    id: 'customer_post_interaction',
    groupKind: 'customer',
    kind: 'post_interaction',
    cadence: 'after_interaction',
    name: t('Après un contact', 'After an interaction'),
    description: t(
      'Envoyée après un achat ou un échange avec le service client : NPS, satisfaction (CSAT), effort (CES) et un commentaire.',
      'Sent after a purchase or a contact with customer service: NPS, satisfaction (CSAT), effort (CES) and a comment.',
    ),
    title: t('Votre avis sur votre dernier échange', 'Your view of your last interaction'),
    intro: t(
      `Une minute pour nous dire comment s’est passé votre dernier échange avec {organization}. ${CONFIDENTIAL_NOTE.fr}`,
      `One minute to tell us how your last interaction with {organization} went. ${CONFIDENTIAL_NOTE.en}`,
    ),
    anonymous: false,
    questions: [
      rating(
        'nps',
        'nps11',
        'outcome',
        null,
        t(
          'Sur une échelle de 0 à 10, quelle est la probabilité que vous recommandiez {organization} à un proche ?',
          'On a scale of 0 to 10, how likely are you to recommend {organization} to a friend or relative?',
        ),
      ),
      rating(
        'csat',
        'csat5',
        'outcome',
        null,
        t('Êtes-vous satisfait de ce dernier échange ?', 'How satisfied are you with this interaction?'),
      ),
      rating(
        'ces',
        'ces7',
        'outcome',
        null,
        t('A-t-il été facile d’obtenir ce dont vous aviez besoin ?', 'How easy was it to get what you needed?'),
      ),
      text(
        'comment',
        t('Qu’est-ce qui explique votre note ? (facultatif)', 'What is the main reason for your score? (optional)'),
      ),
    ],
  },
  {
    id: 'customer_relationship',
    groupKind: 'customer',
    kind: 'relationship',
    cadence: 'annual',
    name: t('Relation client', 'Customer relationship'),
    description: t(
      'Le regard d’ensemble des clients sur la marque : ce qu’ils attendent et ce qu’ils vivent, de la commande à l’après-vente.',
      'Customers’ overall view of the brand: what they expect and what they live, from ordering to after-sales.',
    ),
    title: t('Votre expérience avec {organization}', 'Your experience with {organization}'),
    intro: t(
      `Dix minutes pour nous dire ce que vous attendez de {organization} et ce que vous vivez. ${CONFIDENTIAL_NOTE.fr}`,
      `Ten minutes to tell us what you expect from {organization} and what you experience. ${CONFIDENTIAL_NOTE.en}`,
    ),
    anonymous: false,
    questions: [
      rating(
        'nps',
        'nps11',
        'outcome',
        null,
        t(
          'Sur une échelle de 0 à 10, quelle est la probabilité que vous recommandiez {organization} à un proche ?',
          'On a scale of 0 to 10, how likely are you to recommend {organization} to a friend or relative?',
        ),
      ),
      ...pair(
        'product_quality',
        t(
          'J’attends des produits solides et conformes à leur description.',
          'I expect products to be durable and as described.',
        ),
        t('Les produits sont solides et conformes à leur description.', 'The products are durable and as described.'),
      ),
      ...pair(
        'delivery',
        t('J’attends que ma commande arrive à la date annoncée.', 'I expect my order to arrive on the date announced.'),
        t('Ma commande arrive à la date annoncée.', 'My order arrives on the date announced.'),
      ),
      ...pair(
        'after_sales',
        t(
          'J’attends qu’un problème soit réglé vite et sans effort.',
          'I expect a problem to be solved quickly and without effort.',
        ),
        t(
          'Quand j’ai un problème, il est réglé vite et sans effort.',
          'When I have a problem, it is solved quickly and without effort.',
        ),
      ),
      ...pair(
        'reliability',
        t('J’attends de {organization} qu’elle tienne ses promesses.', 'I expect {organization} to keep its promises.'),
        t('{organization} tient ses promesses.', '{organization} keeps its promises.'),
      ),
      lived('ease_of_ordering', t('Commander est simple.', 'Ordering is simple.')),
      closingComment(),
    ],
  },
  {
    id: 'shareholder_perception',
    groupKind: 'shareholder',
    kind: 'perception',
    cadence: 'annual',
    name: t('Perception des actionnaires', 'Shareholder perception'),
    description: t(
      'Avant l’assemblée générale : transparence, clarté de la stratégie, gouvernance et rentabilité, attendues et vécues.',
      'Before the annual general meeting: transparency, clarity of strategy, governance and returns, expected and lived.',
    ),
    title: t('Votre regard d’actionnaire sur {organization}', 'Your view of {organization} as a shareholder'),
    intro: t(
      `Votre regard sur l’information que vous recevez, la stratégie, la gouvernance et la rentabilité. ${CONFIDENTIAL_NOTE.fr}`,
      `Your view of the information you receive, the strategy, the governance and the returns. ${CONFIDENTIAL_NOTE.en}`,
    ),
    anonymous: false,
    questions: [
      rating(
        'nps',
        'nps11',
        'outcome',
        null,
        t(
          'Sur une échelle de 0 à 10, recommanderiez-vous à un proche d’investir dans {organization} ?',
          'On a scale of 0 to 10, how likely are you to recommend investing in {organization} to a friend or relative?',
        ),
      ),
      ...pair(
        'transparency',
        t(
          'J’attends d’être informé des mauvaises nouvelles comme des bonnes.',
          'I expect to be told the bad news as well as the good.',
        ),
        t('Je suis informé des mauvaises nouvelles comme des bonnes.', 'I am told the bad news as well as the good.'),
      ),
      ...pair(
        'strategy_clarity',
        t('J’attends une stratégie claire, avec ses étapes.', 'I expect a clear strategy, with its milestones.'),
        t('Je comprends la stratégie et ses étapes.', 'I understand the strategy and its milestones.'),
      ),
      ...pair(
        'governance',
        t(
          'J’attends des décisions prises avec rigueur et de vrais contre-pouvoirs.',
          'I expect decisions to be taken with rigour and real checks and balances.',
        ),
        t(
          'Les décisions sont prises avec rigueur et de vrais contre-pouvoirs.',
          'Decisions are taken with rigour and real checks and balances.',
        ),
      ),
      ...pair(
        'returns',
        t(
          'J’attends une rentabilité à la hauteur du risque que je prends.',
          'I expect returns that match the risk I take.',
        ),
        t('La rentabilité est à la hauteur du risque que je prends.', 'Returns match the risk I take.'),
      ),
      closingComment(),
    ],
  },
];
