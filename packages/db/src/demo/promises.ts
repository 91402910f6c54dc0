import type { LocalizedText, PromiseChannel } from '@facets/domain';
import { type GroupCode, t } from './content.ts';

export interface PromiseContent {
  group: GroupCode;
  dimension: string | null;
  channel: PromiseChannel;
  statement: LocalizedText;
  madeMonths: number;
}

/** What Maison Lumière tells each group: communication raises expectations (the seed's warning). */
export const PROMISES: readonly PromiseContent[] = [
  {
    group: 'customer',
    dimension: 'delivery',
    channel: 'marketing',
    statement: t(
      'Livré chez vous en 48 heures, partout en France.',
      'Delivered to your door in 48 hours, anywhere in France.',
    ),
    madeMonths: -9,
  },
  {
    group: 'customer',
    dimension: 'product_quality',
    channel: 'marketing',
    statement: t(
      'Des objets faits pour durer, garantis cinq ans.',
      'Objects built to last, with a five-year guarantee.',
    ),
    madeMonths: -14,
  },
  {
    group: 'employee',
    dimension: 'growth',
    channel: 'employer_brand',
    statement: t(
      'Chez Maison Lumière, chacun construit son parcours.',
      'At Maison Lumière, everyone builds their own path.',
    ),
    madeMonths: -8,
  },
  {
    group: 'employee',
    dimension: 'recognition',
    channel: 'employer_brand',
    statement: t('Votre savoir-faire est notre signature.', 'Your craft is our signature.'),
    madeMonths: -13,
  },
  {
    group: 'supplier',
    dimension: 'payment_reliability',
    channel: 'supplier_charter',
    statement: t(
      'Nous payons nos fournisseurs à 30 jours, sans exception.',
      'We pay our suppliers within 30 days, without exception.',
    ),
    madeMonths: -12,
  },
  {
    group: 'shareholder',
    dimension: 'strategy_clarity',
    channel: 'investor_story',
    statement: t(
      'Une croissance rentable portée par l’expérience de nos clients et de nos équipes.',
      'Profitable growth driven by the experience of our customers and our teams.',
    ),
    madeMonths: -12,
  },
];
