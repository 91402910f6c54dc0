import type { LocalizedText } from '@facets/domain';
import { type GroupCode, t } from './content.ts';

export interface DimensionContent {
  code: string;
  label: LocalizedText;
  description: LocalizedText;
  /** More than one group makes the dimension shared, so the groups' views can be compared. */
  groups: readonly GroupCode[];
}

export const dimensionId = (code: string) => `demo-dim-${code}`;

export const DIMENSIONS: readonly DimensionContent[] = [
  // Shared dimensions: the comparison heatmap's columns.
  {
    code: 'transparency',
    label: t('Transparence', 'Transparency'),
    description: t(
      'Être informé clairement et à temps de ce qui nous concerne, y compris quand les nouvelles sont mauvaises.',
      'Being told clearly and in good time what concerns us, bad news included.',
    ),
    groups: ['employee', 'supplier', 'shareholder'],
  },
  {
    code: 'recognition',
    label: t('Reconnaissance et respect', 'Recognition and respect'),
    description: t(
      'Être reconnu pour sa contribution et traité avec considération.',
      'Being recognised for what one brings and treated with consideration.',
    ),
    groups: ['employee', 'supplier'],
  },
  {
    code: 'reliability',
    label: t('Fiabilité des promesses', 'Reliability of promises'),
    description: t(
      "Maison Lumière fait ce qu'elle a annoncé : l'écart entre promesse et réalité reste faible.",
      'Maison Lumière does what it said it would: the gap between promise and reality stays small.',
    ),
    groups: ['customer', 'supplier', 'shareholder'],
  },
  {
    code: 'listening',
    label: t('Écoute', 'Listening'),
    description: t(
      'Être entendu, et voir ce que devient ce que l’on a dit.',
      'Being heard, and seeing what becomes of what one said.',
    ),
    groups: ['employee', 'customer', 'shareholder'],
  },
  // Employees
  {
    code: 'workload',
    label: t('Charge de travail', 'Workload'),
    description: t('Une charge de travail soutenable et prévisible.', 'A sustainable, predictable workload.'),
    groups: ['employee'],
  },
  {
    code: 'growth',
    label: t('Développement professionnel', 'Growth'),
    description: t('Apprendre, évoluer, construire son parcours.', 'Learning, progressing, building a career.'),
    groups: ['employee'],
  },
  {
    code: 'management',
    label: t('Management de proximité', 'Management'),
    description: t(
      'Un manager disponible, juste et qui fait grandir.',
      'A manager who is available, fair and helps people grow.',
    ),
    groups: ['employee'],
  },
  {
    code: 'tools',
    label: t('Outils de travail', 'Tools'),
    description: t(
      'Des outils et équipements qui aident au lieu de gêner.',
      'Tools and equipment that help rather than hinder.',
    ),
    groups: ['employee'],
  },
  // Customers
  {
    code: 'product_quality',
    label: t('Qualité des produits', 'Product quality'),
    description: t(
      'Des objets beaux, solides et conformes à leur description.',
      'Objects that are beautiful, durable and as described.',
    ),
    groups: ['customer'],
  },
  {
    code: 'delivery',
    label: t('Livraison', 'Delivery'),
    description: t(
      'Recevoir sa commande dans le délai annoncé et en bon état.',
      'Receiving the order on the announced date and intact.',
    ),
    groups: ['customer'],
  },
  {
    code: 'after_sales',
    label: t('Service après-vente', 'After-sales service'),
    description: t(
      'Un problème est pris en charge vite et résolu sans effort.',
      'A problem is taken up quickly and solved without effort.',
    ),
    groups: ['customer'],
  },
  {
    code: 'ease_of_ordering',
    label: t('Facilité de commande', 'Ease of ordering'),
    description: t(
      'Commander en boutique, en ligne ou par un conseiller, simplement.',
      'Ordering in store, online or through an adviser, simply.',
    ),
    groups: ['customer'],
  },
  // Suppliers
  {
    code: 'payment_reliability',
    label: t('Fiabilité des paiements', 'Payment reliability'),
    description: t('Être payé à la date convenue, sans relance.', 'Being paid on the agreed date, without chasing.'),
    groups: ['supplier'],
  },
  {
    code: 'ordering_process',
    label: t('Processus de commande', 'Ordering process'),
    description: t('Des commandes claires, stables et anticipées.', 'Clear, stable orders placed with enough notice.'),
    groups: ['supplier'],
  },
  {
    code: 'communication',
    label: t('Communication', 'Communication'),
    description: t('Savoir à qui parler et obtenir une réponse.', 'Knowing whom to talk to and getting an answer.'),
    groups: ['supplier'],
  },
  {
    code: 'fairness',
    label: t('Équité de la relation', 'Fairness'),
    description: t(
      'Des conditions négociées de bonne foi, des risques partagés.',
      'Terms negotiated in good faith, risks shared.',
    ),
    groups: ['supplier'],
  },
  {
    code: 'collaboration',
    label: t('Collaboration', 'Collaboration'),
    description: t(
      'Travailler ensemble sur les produits et les améliorations.',
      'Working together on products and improvements.',
    ),
    groups: ['supplier'],
  },
  // Shareholders
  {
    code: 'strategy_clarity',
    label: t('Clarté de la stratégie', 'Strategy clarity'),
    description: t(
      'Comprendre où va Maison Lumière et pourquoi.',
      'Understanding where Maison Lumière is going, and why.',
    ),
    groups: ['shareholder'],
  },
  {
    code: 'governance',
    label: t('Gouvernance', 'Governance'),
    description: t(
      'Des décisions prises avec rigueur et contre-pouvoirs.',
      'Decisions taken with rigour and checks and balances.',
    ),
    groups: ['shareholder'],
  },
  {
    code: 'returns',
    label: t('Rentabilité', 'Returns'),
    description: t("Un rendement à la hauteur de l'engagement pris.", 'A return that matches the commitment made.'),
    groups: ['shareholder'],
  },
];
