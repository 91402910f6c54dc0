import type { LocalizedText } from '../model.ts';
import { t } from './wording.ts';

/** What each dimension code of the templates stands for, so that a screen can name a dimension a group lacks. */
export const TEMPLATE_DIMENSIONS: Readonly<Record<string, LocalizedText>> = {
  recognition: t('Reconnaissance', 'Recognition'),
  management: t('Management de proximité', 'Management'),
  growth: t('Développement professionnel', 'Growth'),
  workload: t('Charge de travail', 'Workload'),
  transparency: t('Transparence', 'Transparency'),
  listening: t('Écoute', 'Listening'),
  tools: t('Outils de travail', 'Tools'),
  wellbeing: t('Équilibre et bien-être', 'Balance and wellbeing'),
  payment_reliability: t('Fiabilité des paiements', 'Payment reliability'),
  ordering_process: t('Processus de commande', 'Ordering process'),
  communication: t('Communication', 'Communication'),
  fairness: t('Équité', 'Fairness'),
  collaboration: t('Collaboration', 'Collaboration'),
  product_quality: t('Qualité des produits', 'Product quality'),
  delivery: t('Livraison', 'Delivery'),
  after_sales: t('Service après-vente', 'After-sales service'),
  reliability: t('Fiabilité des promesses', 'Reliability of promises'),
  ease_of_ordering: t('Facilité de commande', 'Ease of ordering'),
  strategy_clarity: t('Clarté de la stratégie', 'Clarity of strategy'),
  governance: t('Gouvernance', 'Governance'),
  returns: t('Rentabilité', 'Returns'),
};
