import type { Department, InitiativeKind, InitiativeStatus, LocalizedText } from '@facets/domain';
import { type GroupCode, t } from './content.ts';

export interface InitiativeContent {
  code: string;
  title: LocalizedText;
  description: LocalizedText;
  kind: InitiativeKind;
  owner: Department;
  status: InitiativeStatus;
  /** Months relative to now (negative = past); null when not set. */
  startMonths: number | null;
  endMonths: number | null;
  published: boolean;
  targets: readonly (readonly [GroupCode, string])[];
}

/**
 * The proposed experience. On purpose: the laptop renewal targets employee × tools, which has no intended experience
 * (unaligned effort); supplier payment reliability is only backed by a planned initiative, and customer × listening,
 * shareholder × governance and shareholder × returns by none (strategy not operationalised).
 */
export const INITIATIVES: readonly InitiativeContent[] = [
  {
    code: 'delivery-48h',
    title: t('Campagne « Livré en 48 h »', '“Delivered in 48 hours” campaign'),
    description: t(
      'Campagne nationale (affichage, réseaux sociaux) sur la livraison express, lancée avant que la logistique ne suive.',
      'National campaign (billboards, social media) on express delivery, launched before logistics caught up.',
    ),
    kind: 'communication',
    owner: 'marketing',
    status: 'active',
    startMonths: -9,
    endMonths: 3,
    published: true,
    targets: [['customer', 'delivery']],
  },
  {
    code: 'after-sales-72h',
    title: t('SAV en 72 heures', 'After-sales in 72 hours'),
    description: t(
      'Toute demande de SAV reçoit une solution (échange, réparation, avoir) sous 72 heures.',
      'Every after-sales request gets a solution (exchange, repair, credit) within 72 hours.',
    ),
    kind: 'service',
    owner: 'customer_service',
    status: 'delivered',
    startMonths: -12,
    endMonths: -5,
    published: true,
    targets: [
      ['customer', 'after_sales'],
      ['customer', 'reliability'],
    ],
  },
  {
    code: 'online-shop',
    title: t('Nouvelle boutique en ligne', 'New online shop'),
    description: t(
      'Refonte du site de commande : compte client, suivi de livraison, paiement en trois fois.',
      'Rebuilt ordering site: customer account, delivery tracking, payment in three instalments.',
    ),
    kind: 'digital',
    owner: 'it',
    status: 'delivered',
    startMonths: -11,
    endMonths: -6,
    published: true,
    targets: [['customer', 'ease_of_ordering']],
  },
  {
    code: 'lumiere-plus',
    title: t('Abonnement Lumière+', 'Lumière+ subscription'),
    description: t(
      'Entretien, réparation et renouvellement des luminaires par abonnement : le produit devient service.',
      'Care, repair and renewal of lamps by subscription: the product becomes a service.',
    ),
    kind: 'offer',
    owner: 'marketing',
    status: 'planned',
    startMonths: 2,
    endMonths: 12,
    published: false,
    targets: [
      ['customer', 'product_quality'],
      ['customer', 'after_sales'],
    ],
  },
  {
    code: 'laptops',
    title: t('Renouvellement des postes de travail', 'Workstation renewal'),
    description: t(
      'Nouveaux ordinateurs portables et écrans pour les équipes de Lyon et de Lille.',
      'New laptops and screens for the Lyon and Lille teams.',
    ),
    kind: 'digital',
    owner: 'it',
    status: 'active',
    startMonths: -7,
    endMonths: 2,
    published: false,
    targets: [['employee', 'tools']],
  },
  {
    code: 'supplier-portal',
    title: t('Portail fournisseurs', 'Supplier portal'),
    description: t(
      'Commandes, prévisions et factures au même endroit, avec un interlocuteur nommé par fournisseur.',
      'Orders, forecasts and invoices in one place, with a named contact for each supplier.',
    ),
    kind: 'digital',
    owner: 'it',
    status: 'active',
    startMonths: -6,
    endMonths: 4,
    published: true,
    targets: [
      ['supplier', 'ordering_process'],
      ['supplier', 'communication'],
      ['supplier', 'transparency'],
    ],
  },
  {
    code: 'merci',
    title: t('Programme de reconnaissance « Merci ! »', '“Merci!” recognition programme'),
    description: t(
      'Remerciements entre pairs, mise en avant des savoir-faire des ateliers dans la communication de la marque.',
      'Peer-to-peer thanks, and the workshops’ craft showcased in the brand’s communication.',
    ),
    kind: 'policy',
    owner: 'hr',
    status: 'delivered',
    startMonths: -13,
    endMonths: -8,
    published: true,
    targets: [['employee', 'recognition']],
  },
  {
    code: 'manager-path',
    title: t('Parcours managers', 'Manager development path'),
    description: t(
      'Six modules pour les managers de proximité : feedback, entretiens, animation des rituels d’équipe.',
      'Six modules for front-line managers: feedback, one-to-ones, running team rituals.',
    ),
    kind: 'training',
    owner: 'hr',
    status: 'active',
    startMonths: -8,
    endMonths: 4,
    published: true,
    targets: [
      ['employee', 'management'],
      ['employee', 'listening'],
    ],
  },
  {
    code: 'career-reviews',
    title: t('Entretiens de carrière annuels', 'Annual career reviews'),
    description: t(
      'Un entretien de carrière par an et par salarié, distinct de l’évaluation.',
      'One career conversation a year for every employee, separate from the appraisal.',
    ),
    kind: 'process',
    owner: 'hr',
    status: 'planned',
    startMonths: 1,
    endMonths: 6,
    published: false,
    targets: [['employee', 'growth']],
  },
  {
    code: 'right-to-disconnect',
    title: t('Charte du droit à la déconnexion', 'Right-to-disconnect charter'),
    description: t(
      'Abandonnée en l’état : à reprendre avec les représentants du personnel après la haute saison.',
      'Dropped as drafted: to be reworked with staff representatives after peak season.',
    ),
    kind: 'policy',
    owner: 'hr',
    status: 'cancelled',
    startMonths: -10,
    endMonths: -7,
    published: false,
    targets: [['employee', 'workload']],
  },
  {
    code: 'supplier-charter',
    title: t('Charte fournisseurs responsables', 'Responsible supplier charter'),
    description: t(
      'Engagements réciproques : délais de commande, partage des hausses de coûts, visibilité des artisans.',
      'Mutual commitments: order lead times, sharing of cost increases, visibility for craftspeople.',
    ),
    kind: 'policy',
    owner: 'procurement',
    status: 'delivered',
    startMonths: -12,
    endMonths: -9,
    published: true,
    targets: [
      ['supplier', 'fairness'],
      ['supplier', 'recognition'],
      ['supplier', 'collaboration'],
    ],
  },
  {
    code: 'pay-30-days',
    title: t('Paiement à 30 jours', 'Payment within 30 days'),
    description: t(
      'Dématérialisation des factures et validation en deux étapes pour tenir l’engagement de paiement à 30 jours.',
      'Paperless invoices and two-step approval to keep the 30-day payment commitment.',
    ),
    kind: 'process',
    owner: 'finance',
    status: 'planned',
    startMonths: 1,
    endMonths: 7,
    published: false,
    targets: [
      ['supplier', 'payment_reliability'],
      ['supplier', 'reliability'],
    ],
  },
  {
    code: 'shareholder-letter',
    title: t('Lettre trimestrielle aux actionnaires', 'Quarterly shareholder letter'),
    description: t(
      'Chaque trimestre : avancement de la stratégie, indicateurs d’expérience, difficultés rencontrées.',
      'Every quarter: strategy progress, experience indicators, difficulties met.',
    ),
    kind: 'communication',
    owner: 'investor_relations',
    status: 'delivered',
    startMonths: -12,
    endMonths: -10,
    published: true,
    targets: [
      ['shareholder', 'strategy_clarity'],
      ['shareholder', 'transparency'],
      ['shareholder', 'reliability'],
    ],
  },
];
