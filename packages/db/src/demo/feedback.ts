import type { FeedbackCategory, FeedbackStatus } from '@facets/domain';
import type { GroupCode } from './content.ts';

export interface FeedbackContent {
  group: GroupCode;
  /**
   * Who sent it: null when given anonymously; otherwise the first not-yet-used stakeholder of the group matching
   * `where` (sign-in stakeholders only when `signIn` is set, so the e2e story starts from a known inbox).
   */
  from: null | { where?: Readonly<Record<string, string>>; signIn?: true };
  category: FeedbackCategory;
  dimension: string | null;
  body: string;
  reference: string | null;
  status: FeedbackStatus;
  daysAgo: number;
  replies: readonly { staff: string; hoursLater: number; body: string }[];
}

/** Unsolicited feedback, in the stakeholders' own words (mostly French, one customer writes in English). */
export const FEEDBACK: readonly FeedbackContent[] = [
  {
    group: 'supplier',
    from: { signIn: true },
    category: 'problem',
    dimension: 'payment_reliability',
    body: 'Notre facture F-2611 est en retard de 25 jours malgré deux relances. Pouvez-vous nous donner une date de paiement ?',
    reference: 'F-2611',
    status: 'acknowledged',
    daysAgo: 12,
    replies: [
      {
        staff: 'leadership',
        hoursLater: 20,
        body: 'Merci pour votre signalement. La facture est validée et sera réglée vendredi. Nous préparons le paiement à 30 jours pour que cela ne se reproduise pas.',
      },
    ],
  },
  {
    group: 'supplier',
    from: { where: { supplier_category: 'logistics' } },
    category: 'problem',
    dimension: 'ordering_process',
    body: 'Les enlèvements de fin de mois nous sont commandés avec 48 heures de préavis : impossible de réserver les camions à temps.',
    reference: null,
    status: 'in_progress',
    daysAgo: 30,
    replies: [
      {
        staff: 'admin',
        hoursLater: 30,
        body: 'Nous avons transmis votre remarque aux achats : le portail fournisseurs affichera les prévisions d’enlèvement à quatre semaines.',
      },
    ],
  },
  {
    group: 'supplier',
    from: { where: { supplier_category: 'raw_materials' } },
    category: 'praise',
    dimension: 'collaboration',
    body: 'Merci de nous avoir associés à la conception de la nouvelle gamme de suspensions, c’est une première en vingt ans.',
    reference: null,
    status: 'resolved',
    daysAgo: 55,
    replies: [
      {
        staff: 'leadership',
        hoursLater: 48,
        body: 'Merci à vous : votre savoir-faire fait la qualité de cette gamme.',
      },
    ],
  },
  {
    group: 'customer',
    from: { where: { segment: 'online' } },
    category: 'problem',
    dimension: 'delivery',
    body: 'Commande annoncée « livrée en 48 h », reçue au bout de six jours, sans aucune information entre-temps.',
    reference: 'CMD-48213',
    status: 'received',
    daysAgo: 3,
    replies: [],
  },
  {
    group: 'customer',
    from: { where: { segment: 'retail' } },
    category: 'question',
    dimension: 'after_sales',
    body: 'Is it possible to have a lamp bought four years ago repaired? The switch no longer works.',
    reference: null,
    status: 'resolved',
    daysAgo: 40,
    replies: [
      {
        staff: 'admin',
        hoursLater: 6,
        body: 'Yes: bring it to any of our shops or send it to our Lyon workshop; repairs are covered for five years.',
      },
    ],
  },
  {
    group: 'customer',
    from: { where: { segment: 'trade' } },
    category: 'suggestion',
    dimension: 'ease_of_ordering',
    body: 'Pour les professionnels, pouvoir demander un devis et commander en ligne sur la même page nous ferait gagner du temps.',
    reference: null,
    status: 'acknowledged',
    daysAgo: 21,
    replies: [
      {
        staff: 'admin',
        hoursLater: 26,
        body: 'Bonne idée, nous l’étudions pour la prochaine version de la boutique en ligne.',
      },
    ],
  },
  {
    group: 'employee',
    from: null,
    category: 'suggestion',
    dimension: 'workload',
    body: 'En haute saison, l’atelier de Lille tourne avec deux personnes de moins qu’à Lyon. Un renfort saisonnier éviterait les heures supplémentaires en continu.',
    reference: null,
    status: 'in_progress',
    daysAgo: 18,
    replies: [
      {
        staff: 'hr',
        hoursLater: 24,
        body: 'Merci. Nous ouvrons trois postes saisonniers à Lille et reprenons la charte de déconnexion avec les représentants du personnel.',
      },
    ],
  },
  {
    group: 'employee',
    from: null,
    category: 'praise',
    dimension: 'recognition',
    body: 'Voir nos artisans dans la dernière campagne, avec leurs prénoms, ça fait plaisir.',
    reference: null,
    status: 'received',
    daysAgo: 5,
    replies: [],
  },
  {
    group: 'shareholder',
    from: { where: { holder_type: 'institutional' } },
    category: 'question',
    dimension: 'strategy_clarity',
    body: 'Quel est le calendrier de lancement de l’abonnement Lumière+ et son poids attendu dans le chiffre d’affaires ?',
    reference: null,
    status: 'acknowledged',
    daysAgo: 15,
    replies: [
      {
        staff: 'leadership',
        hoursLater: 40,
        body: 'Lancement pilote dans deux mois à Lyon ; nous présenterons les objectifs chiffrés à la prochaine assemblée générale.',
      },
    ],
  },
];
