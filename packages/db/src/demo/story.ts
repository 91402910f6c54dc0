import type { GroupCode } from './content.ts';

/**
 * The story the demo data tells, as mean 0–100 indices for waves 1 to 5 (5 is the open wave). The generator adds
 * a respondent's mood, segment effects and noise around these means, so the console shows:
 * - employees: recognition slowly improving after the "Merci !" programme, workload worsening (Lille, customer service),
 *   growth expectations raised by the employer brand faster than what people live, tools better after the laptops;
 * - customers: the "48 h" campaign makes delivery expectations climb while lived delivery slips (promise drift),
 *   after-sales and ordering improve after the 72-hour service and the new shop;
 * - suppliers: payment reliability far below its target and flat (the fix is only planned);
 * - shareholders: strategy clarity up with the quarterly letter, returns drifting down;
 * - the experience chain, site by site: employees feel least recognised in Lille and most in Bordeaux, and the
 *   customers each site serves are least satisfied with Lille's deliveries and after-sales and most with Bordeaux's.
 */
export interface Trajectory {
  lived: readonly number[];
  /** Absent when the survey asks only the lived side of the dimension. */
  expected?: readonly number[];
}

export const TRAJECTORIES: Readonly<Record<GroupCode, Readonly<Record<string, Trajectory>>>> = {
  employee: {
    recognition: { lived: [48, 53, 58, 62, 65], expected: [76, 76, 77, 77, 78] },
    transparency: { lived: [55, 56, 57, 58, 58], expected: [72, 72, 73, 73, 74] },
    workload: { lived: [52, 50, 47, 46, 45], expected: [66, 67, 67, 68, 68] },
    growth: { lived: [53, 52, 54, 53, 54], expected: [66, 69, 72, 74, 76] },
    management: { lived: [60, 62, 64, 67, 69], expected: [72, 72, 73, 73, 74] },
    tools: { lived: [44, 46, 53, 60, 63] },
    listening: { lived: [57, 58, 60, 62, 62] },
  },
  customer: {
    delivery: { lived: [68, 66, 64, 62, 61], expected: [70, 77, 82, 85, 87] },
    product_quality: { lived: [79, 78, 79, 78, 79], expected: [80, 81, 81, 82, 82] },
    after_sales: { lived: [56, 63, 68, 71, 72], expected: [72, 72, 73, 73, 73] },
    ease_of_ordering: { lived: [60, 66, 72, 74, 75], expected: [70, 71, 72, 72, 73] },
    reliability: { lived: [67, 65, 63, 62, 61], expected: [74, 77, 79, 80, 81] },
    listening: { lived: [58, 59, 60, 60, 61], expected: [66, 66, 67, 67, 67] },
  },
  supplier: {
    payment_reliability: { lived: [43, 41, 40, 39, 40], expected: [84, 85, 85, 86, 86] },
    communication: { lived: [58, 60, 63, 65, 66], expected: [72, 72, 73, 73, 73] },
    fairness: { lived: [57, 61, 64, 65, 66], expected: [76, 76, 77, 77, 77] },
    transparency: { lived: [50, 53, 57, 60, 62], expected: [70, 70, 71, 71, 72] },
    reliability: { lived: [55, 53, 52, 51, 51], expected: [78, 78, 79, 79, 80] },
    ordering_process: { lived: [54, 56, 60, 64, 66] },
    recognition: { lived: [58, 60, 62, 63, 63] },
    collaboration: { lived: [64, 65, 65, 66, 66] },
  },
  shareholder: {
    strategy_clarity: { lived: [58, 62, 66, 69, 70], expected: [75, 76, 76, 77, 77] },
    governance: { lived: [66, 66, 65, 66, 66], expected: [78, 78, 78, 79, 79] },
    returns: { lived: [63, 61, 59, 58, 57], expected: [70, 70, 71, 71, 71] },
    transparency: { lived: [60, 63, 66, 67, 68], expected: [80, 80, 80, 81, 81] },
    reliability: { lived: [64, 63, 63, 62, 62], expected: [75, 75, 76, 76, 76] },
    listening: { lived: [55, 56, 56, 57, 57] },
  },
};

/** How much a segment lives a dimension better (+) or worse (−) than its group, in index points. */
export interface SegmentEffect {
  key: string;
  value: string;
  dimension: string;
  delta: number;
}

const e = (key: string, value: string, dimension: string, delta: number): SegmentEffect => ({
  key,
  value,
  dimension,
  delta,
});

export const SEGMENT_EFFECTS: Readonly<Record<GroupCode, readonly SegmentEffect[]>> = {
  employee: [
    e('site', 'lille', 'workload', -10),
    e('site', 'lille', 'recognition', -6),
    e('site', 'bordeaux', 'recognition', 6),
    e('site', 'paris', 'recognition', 2),
    e('department', 'customer_service', 'workload', -8),
    e('department', 'it', 'tools', -10),
    e('department', 'operations', 'tools', -5),
    e('department', 'it', 'management', 5),
    e('tenure_band', 'under_1y', 'growth', 10),
    e('tenure_band', 'over_10y', 'growth', -8),
    e('tenure_band', 'over_10y', 'recognition', -4),
  ],
  customer: [
    e('segment', 'online', 'delivery', -8),
    e('segment', 'online', 'ease_of_ordering', 6),
    e('segment', 'online', 'after_sales', -4),
    e('segment', 'trade', 'after_sales', 6),
    e('segment', 'trade', 'reliability', -5),
    e('segment', 'retail', 'product_quality', 3),
    e('site', 'lille', 'delivery', -6),
    e('site', 'lille', 'after_sales', -8),
    e('site', 'bordeaux', 'delivery', 4),
    e('site', 'bordeaux', 'after_sales', 8),
    e('site', 'lille', 'ease_of_ordering', -6),
    e('site', 'bordeaux', 'ease_of_ordering', 6),
  ],
  supplier: [
    e('supplier_category', 'logistics', 'payment_reliability', -8),
    e('supplier_category', 'it', 'ordering_process', 6),
    e('supplier_category', 'raw_materials', 'collaboration', 5),
    e('supplier_category', 'services', 'recognition', -6),
  ],
  shareholder: [
    e('holder_type', 'institutional', 'strategy_clarity', 6),
    e('holder_type', 'institutional', 'governance', -6),
    e('holder_type', 'employee_shareholder', 'listening', 8),
    e('holder_type', 'employee_shareholder', 'returns', -4),
    e('holder_type', 'retail', 'transparency', -3),
  ],
};

/**
 * An outcome item (eNPS, NPS, CSAT, CES) follows the respondent's lived experience: index = base + slope × mean lived
 * index of `drivers` (all lived dimensions when empty) + noise. That gives the key-driver analysis something to find.
 */
export interface OutcomeModel {
  base: number;
  slope: number;
  sd: number;
  drivers: readonly string[];
}

export const OUTCOMES: Readonly<Record<GroupCode, Readonly<Record<string, OutcomeModel>>>> = {
  employee: { enps: { base: 20, slope: 1, sd: 15, drivers: ['recognition', 'management', 'workload', 'growth'] } },
  customer: {
    nps: { base: 12, slope: 1, sd: 15, drivers: ['product_quality', 'delivery', 'after_sales', 'reliability'] },
    csat: { base: 8, slope: 1, sd: 13, drivers: ['product_quality', 'delivery'] },
    ces: { base: 4, slope: 1, sd: 14, drivers: ['ease_of_ordering', 'after_sales'] },
  },
  supplier: {
    satisfaction: { base: 6, slope: 1, sd: 13, drivers: ['payment_reliability', 'fairness', 'communication'] },
  },
  shareholder: { nps: { base: 14, slope: 1, sd: 15, drivers: [] } },
};

/** Share of a group's stakeholders answering each wave; the last (open) wave is still filling up. */
export const RESPONSE_RATES: Readonly<Record<GroupCode, readonly number[]>> = {
  employee: [0.72, 0.76, 0.78, 0.8, 0.6],
  customer: [0.55, 0.58, 0.6, 0.62, 0.42],
  supplier: [0.7, 0.72, 0.75, 0.78, 0.45],
  shareholder: [0.7, 0.72, 0.75, 0.78, 0.5],
};

/** Probability that a respondent leaves a comment. */
export const COMMENT_RATE = 0.25;

export const COMMENTS: Readonly<Record<GroupCode, readonly string[]>> = {
  employee: [
    'Le programme Merci ! a vraiment changé l’ambiance à l’atelier.',
    'En haute saison, la charge est intenable à Lille : on enchaîne les heures supplémentaires.',
    'On nous promet des parcours, mais personne ne m’a parlé d’évolution depuis deux ans.',
    'Mon manager prend enfin le temps de faire des points réguliers.',
    'Les nouveaux portables sont bien, mais le logiciel de planification plante toujours.',
    'Plus de transparence sur les décisions de la direction serait bienvenue.',
    'Fier de ce qu’on fabrique, moins de la façon dont on l’annonce aux clients.',
    'The onboarding was great, but I still do not know who decides on training budgets.',
    'Le service client absorbe les retards de livraison : les clients s’en prennent à nous.',
    'Bonne ambiance dans l’équipe, merci pour les formations managers.',
  ],
  customer: [
    'Livraison annoncée en 48 h, reçue au bout d’une semaine.',
    'Très belle lampe, solide et bien emballée.',
    'Le SAV a remplacé mon abat-jour en trois jours, bravo.',
    'Le nouveau site est beaucoup plus simple qu’avant.',
    'Il faudrait pouvoir suivre sa livraison plus précisément.',
    'Great products, but the delivery promise is not realistic.',
  ],
  supplier: [
    'Nos factures sont encore payées à 60 jours malgré la charte.',
    'Le portail fournisseurs simplifie beaucoup les commandes.',
    'Des prévisions de volumes plus tôt nous aideraient à planifier.',
    'Relation de confiance avec les acheteurs, mais les paiements traînent.',
  ],
  shareholder: [
    'La lettre trimestrielle est claire et utile.',
    'J’aimerais mieux comprendre le calendrier de l’offre d’abonnement.',
    'La rentabilité baisse : quelles mesures sont prévues ?',
  ],
};

/** Probability that a respondent answers the survey's "what would most improve …?" question. */
export const IMPROVEMENT_RATE = 0.35;

/** Answers to each survey's "what would most improve …?" question (workload, delivery, payments, information). */
export const IMPROVEMENTS: Readonly<Record<GroupCode, readonly string[]>> = {
  employee: [
    'Un renfort saisonnier à Lille avant le pic de novembre.',
    'Moins de réunions le matin, pour avancer sur le vrai travail.',
    'Des plannings connus deux semaines à l’avance.',
    'Remplacer les départs au lieu de répartir leur charge sur l’équipe.',
    'Un outil de planification qui ne plante pas en fin de mois.',
    'Limiter les heures supplémentaires imposées au service client.',
    'Fewer urgent requests landing at the end of the day.',
  ],
  customer: [
    'Annoncer un délai réaliste plutôt que 48 h.',
    'Un suivi de colis avec la vraie date de livraison.',
    'Être prévenu par SMS en cas de retard.',
    'Pouvoir choisir un créneau de livraison.',
    'Livrer en point relais près de chez moi.',
    'Tell me the real delivery date when I order.',
  ],
  supplier: [
    'Respecter les 30 jours de la charte, y compris en fin de trimestre.',
    'Un interlocuteur identifié à la comptabilité fournisseurs.',
    'Valider les factures dès leur réception.',
    'Un portail pour suivre où en est chaque facture.',
    'Pay on the agreed date, even at quarter end.',
  ],
  shareholder: [
    'Publier les chiffres par activité chaque trimestre.',
    'Dire aussi ce qui ne marche pas, pas seulement les réussites.',
    'Une réunion annuelle avec des questions libres.',
    'More detail on the numbers behind the subscription offer.',
  ],
};
