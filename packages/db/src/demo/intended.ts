import type { LocalizedText } from '@facets/domain';
import { type GroupCode, t } from './content.ts';

export interface IntendedContent {
  group: GroupCode;
  dimension: string;
  statement: LocalizedText;
  target: number;
  priority: 1 | 2 | 3;
}

const i = (group: GroupCode, dimension: string, target: number, priority: 1 | 2 | 3, fr: string, en: string) =>
  ({ group, dimension, target, priority, statement: t(fr, en) }) satisfies IntendedContent;

/**
 * The experience leadership wants each group to live. Two cells are left out on purpose — employee × tools and
 * shareholder × listening — so the console shows coverage gaps.
 */
export const INTENDED: readonly IntendedContent[] = [
  i(
    'employee',
    'recognition',
    75,
    1,
    'Chacun sait que son savoir-faire compte et le voit reconnu.',
    'Everyone knows their craft matters and sees it recognised.',
  ),
  i(
    'employee',
    'transparency',
    70,
    2,
    "Les décisions qui nous concernent sont expliquées avant d'être appliquées.",
    'Decisions that affect us are explained before they apply.',
  ),
  i(
    'employee',
    'workload',
    65,
    1,
    'Une charge soutenable, même en haute saison.',
    'A sustainable workload, even in peak season.',
  ),
  i(
    'employee',
    'growth',
    70,
    2,
    'Chacun construit son parcours et apprend chaque année.',
    'Everyone builds their path and learns every year.',
  ),
  i(
    'employee',
    'management',
    75,
    1,
    'Des managers disponibles qui font grandir leurs équipes.',
    'Managers who are available and help their teams grow.',
  ),
  i(
    'employee',
    'listening',
    70,
    3,
    'Ce que disent les équipes remonte et change les choses.',
    'What teams say travels up and changes things.',
  ),
  i(
    'customer',
    'delivery',
    80,
    1,
    'Livré à la date promise, en parfait état.',
    'Delivered on the promised date, in perfect condition.',
  ),
  i(
    'customer',
    'product_quality',
    85,
    1,
    'Des objets faits pour durer, dont on est fier.',
    'Objects built to last, that people are proud of.',
  ),
  i(
    'customer',
    'after_sales',
    75,
    2,
    'Un problème est réglé en un seul contact.',
    'A problem is settled in a single contact.',
  ),
  i(
    'customer',
    'ease_of_ordering',
    75,
    2,
    'Commander est simple, quel que soit le canal.',
    'Ordering is simple, whatever the channel.',
  ),
  i(
    'customer',
    'reliability',
    80,
    1,
    'Nous tenons ce que nous promettons, ni plus ni moins.',
    'We deliver what we promise, no more, no less.',
  ),
  i('customer', 'listening', 65, 3, 'Chaque avis client reçoit une réponse.', 'Every customer comment gets an answer.'),
  i(
    'supplier',
    'payment_reliability',
    80,
    1,
    'Nos fournisseurs sont payés à 30 jours, sans relance.',
    'Our suppliers are paid within 30 days, without chasing.',
  ),
  i(
    'supplier',
    'ordering_process',
    70,
    2,
    'Des commandes anticipées et stables.',
    'Orders placed early and kept stable.',
  ),
  i(
    'supplier',
    'communication',
    70,
    2,
    'Un interlocuteur identifié qui répond sous 48 heures.',
    'A named contact who answers within 48 hours.',
  ),
  i(
    'supplier',
    'fairness',
    75,
    1,
    'Une relation équitable, où les risques sont partagés.',
    'A fair relationship, where risks are shared.',
  ),
  i(
    'supplier',
    'collaboration',
    65,
    3,
    'Nos fournisseurs sont associés à la conception des produits.',
    'Suppliers take part in designing our products.',
  ),
  i(
    'supplier',
    'transparency',
    70,
    2,
    'Nos prévisions de volumes sont partagées chaque trimestre.',
    'Our volume forecasts are shared every quarter.',
  ),
  i(
    'supplier',
    'recognition',
    70,
    3,
    'Le savoir-faire de nos artisans partenaires est mis en avant.',
    'Our partner craftspeople’s skill is showcased.',
  ),
  i(
    'supplier',
    'reliability',
    75,
    2,
    'Nos engagements envers les fournisseurs sont tenus.',
    'Our commitments to suppliers are kept.',
  ),
  i(
    'shareholder',
    'strategy_clarity',
    75,
    1,
    'Chaque actionnaire comprend la stratégie et ses étapes.',
    'Every shareholder understands the strategy and its milestones.',
  ),
  i('shareholder', 'governance', 75, 2, 'Une gouvernance exemplaire et lisible.', 'Exemplary, readable governance.'),
  i(
    'shareholder',
    'returns',
    70,
    2,
    'Une rentabilité durable plutôt que des coups.',
    'Lasting returns rather than one-off gains.',
  ),
  i(
    'shareholder',
    'transparency',
    80,
    1,
    'Les bonnes et les mauvaises nouvelles sont dites en même temps.',
    'Good and bad news are told at the same time.',
  ),
  i(
    'shareholder',
    'reliability',
    75,
    2,
    'Les objectifs annoncés sont tenus ou leur écart expliqué.',
    'Announced targets are met, or the gap explained.',
  ),
];
