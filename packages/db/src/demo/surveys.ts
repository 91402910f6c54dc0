import type { LocalizedText, QuestionFacet, QuestionType, Scale, SurveyKind } from '@facets/domain';
import { type GroupCode, t } from './content.ts';

export interface QuestionContent {
  code: string;
  type: QuestionType;
  scale: Scale | null;
  facet: QuestionFacet | null;
  dimension: string | null;
  prompt: LocalizedText;
  required: boolean;
}

export interface SurveyContent {
  group: GroupCode;
  kind: SurveyKind;
  title: LocalizedText;
  intro: LocalizedText;
  anonymous: boolean;
  questions: readonly QuestionContent[];
}

export const surveyId = (group: GroupCode) => `demo-survey-${group}`;
export const waveId = (group: GroupCode, sequence: number) => `demo-wave-${group}-${sequence}`;
export const questionId = (group: GroupCode, code: string) => `demo-question-${group}-${code}`;

const rating = (code: string, scale: Scale, facet: QuestionFacet, dimension: string | null, prompt: LocalizedText) =>
  ({ code, type: 'rating', scale, facet, dimension, prompt, required: true }) satisfies QuestionContent;

/**
 * The expected/lived pair on one aspect, in the founding text's words: l'expérience attendue, l'expérience vécue.
 * `aspect` is a first-person statement starting in lower case.
 */
const expected = (dimension: string, aspect: LocalizedText) =>
  rating(
    `${dimension}_expected`,
    'likert5',
    'expected',
    dimension,
    t(`Ce que j’attends : ${aspect.fr}`, `What I expect: ${aspect.en}`),
  );
const lived = (dimension: string, aspect: LocalizedText) =>
  rating(
    `${dimension}_lived`,
    'likert5',
    'lived',
    dimension,
    t(`Ce que je vis : ${aspect.fr}`, `What I experience: ${aspect.en}`),
  );
const pair = (dimension: string, fr: string, en: string) => [
  expected(dimension, t(fr, en)),
  lived(dimension, t(fr, en)),
];
const livedOnly = (dimension: string, fr: string, en: string) => [lived(dimension, t(fr, en))];

const comment = (prompt: LocalizedText): QuestionContent => ({
  code: 'comment',
  type: 'text',
  scale: null,
  facet: null,
  dimension: null,
  prompt,
  required: false,
});
/** The survey's one free-text question on a dimension: what people would change there, for the dimension page. */
const improvement = (dimension: string, fr: string, en: string): QuestionContent => ({
  code: `${dimension}_improve`,
  type: 'text',
  scale: null,
  facet: null,
  dimension,
  prompt: t(fr, en),
  required: false,
});

const optionalComment = comment(
  t('Voulez-vous ajouter quelque chose ? (facultatif)', 'Anything you would like to add? (optional)'),
);

const ANONYMITY_NOTE = t(
  'Les résultats ne sont affichés que pour des groupes d’au moins 5 personnes.',
  'Results are only shown for groups of at least 5 people.',
);

export const SURVEYS: readonly SurveyContent[] = [
  {
    group: 'employee',
    kind: 'pulse',
    title: t('Baromètre trimestriel des équipes', 'Quarterly team pulse'),
    intro: t(
      `Dix minutes pour dire ce que vous attendez et ce que vous vivez chez Maison Lumière. Ce questionnaire est anonyme : aucune réponse n’est reliée à votre nom. ${ANONYMITY_NOTE.fr}`,
      `Ten minutes to say what you expect and what you experience at Maison Lumière. This survey is anonymous: no answer is linked to your name. ${ANONYMITY_NOTE.en}`,
    ),
    anonymous: true,
    questions: [
      rating(
        'enps',
        'nps11',
        'outcome',
        null,
        t(
          'Recommanderiez-vous Maison Lumière comme employeur à un ami ou à un proche ?',
          'How likely are you to recommend Maison Lumière as an employer to a friend or relative?',
        ),
      ),
      ...pair('recognition', 'mon travail et mon savoir-faire sont reconnus.', 'my work and my skills are recognised.'),
      ...pair(
        'transparency',
        'les décisions qui me concernent me sont expliquées.',
        'decisions that affect me are explained to me.',
      ),
      ...pair('workload', 'ma charge de travail est soutenable.', 'my workload is sustainable.'),
      ...pair('growth', 'j’apprends et je peux évoluer.', 'I learn and I can progress.'),
      ...pair(
        'management',
        'mon manager est disponible et m’aide à progresser.',
        'my manager is available and helps me improve.',
      ),
      ...livedOnly('tools', 'mes outils m’aident à bien faire mon travail.', 'my tools help me do my job well.'),
      ...livedOnly('listening', 'ce que je dis est entendu et suivi d’effets.', 'what I say is heard and acted upon.'),
      improvement(
        'workload',
        'Qu’est-ce qui améliorerait le plus votre charge de travail ? (facultatif, anonyme)',
        'What would most improve your workload? (optional, anonymous)',
      ),
      comment(t('Un commentaire, une idée ? (facultatif, anonyme)', 'A comment or an idea? (optional, anonymous)')),
    ],
  },
  {
    group: 'customer',
    kind: 'relationship',
    title: t('Votre expérience Maison Lumière', 'Your Maison Lumière experience'),
    intro: t(
      `Vos réponses nous aident à tenir nos promesses. ${ANONYMITY_NOTE.fr}`,
      `Your answers help us keep our promises. ${ANONYMITY_NOTE.en}`,
    ),
    anonymous: false,
    questions: [
      rating(
        'nps',
        'nps11',
        'outcome',
        null,
        t(
          'Quelle est la probabilité que vous recommandiez Maison Lumière à un proche ?',
          'How likely are you to recommend Maison Lumière to a friend or relative?',
        ),
      ),
      rating(
        'csat',
        'csat5',
        'outcome',
        null,
        t(
          'Dans l’ensemble, êtes-vous satisfait de votre dernier achat ?',
          'Overall, how satisfied are you with your last purchase?',
        ),
      ),
      rating(
        'ces',
        'ces7',
        'outcome',
        null,
        t('Maison Lumière m’a rendu les choses faciles.', 'Maison Lumière made things easy for me.'),
      ),
      ...pair('delivery', 'ma commande arrive à la date annoncée.', 'my order arrives on the announced date.'),
      ...pair(
        'product_quality',
        'les produits sont solides et conformes à leur description.',
        'products are durable and as described.',
      ),
      ...pair(
        'after_sales',
        'en cas de problème, il est réglé rapidement.',
        'when there is a problem, it is solved quickly.',
      ),
      ...pair('ease_of_ordering', 'commander est simple.', 'ordering is simple.'),
      ...pair('reliability', 'Maison Lumière tient ses promesses.', 'Maison Lumière keeps its promises.'),
      ...pair('listening', 'mon avis est pris en compte.', 'my opinion is taken into account.'),
      improvement(
        'delivery',
        'Qu’est-ce qui améliorerait le plus nos livraisons ? (facultatif)',
        'What would most improve our deliveries? (optional)',
      ),
      optionalComment,
    ],
  },
  {
    group: 'supplier',
    kind: 'relationship',
    title: t('Baromètre de la relation fournisseurs', 'Supplier relationship survey'),
    intro: t(
      `Comment vivez-vous la relation avec Maison Lumière ? ${ANONYMITY_NOTE.fr}`,
      `How do you experience working with Maison Lumière? ${ANONYMITY_NOTE.en}`,
    ),
    anonymous: false,
    questions: [
      rating(
        'satisfaction',
        'csat5',
        'outcome',
        null,
        t(
          'Dans l’ensemble, êtes-vous satisfait de votre relation avec Maison Lumière ?',
          'Overall, how satisfied are you with your relationship with Maison Lumière?',
        ),
      ),
      ...pair(
        'payment_reliability',
        'nos factures sont payées à la date convenue.',
        'our invoices are paid on the agreed date.',
      ),
      ...pair(
        'communication',
        'nous savons à qui parler et obtenons une réponse rapide.',
        'we know whom to talk to and get a quick answer.',
      ),
      ...pair('fairness', 'les conditions sont négociées de bonne foi.', 'terms are negotiated in good faith.'),
      ...pair(
        'transparency',
        'Maison Lumière partage ses prévisions de volumes.',
        'Maison Lumière shares its volume forecasts.',
      ),
      ...pair(
        'reliability',
        'Maison Lumière tient ses engagements envers nous.',
        'Maison Lumière keeps its commitments to us.',
      ),
      ...livedOnly(
        'ordering_process',
        'les commandes sont claires, stables et anticipées.',
        'orders are clear, stable and placed early.',
      ),
      ...livedOnly(
        'recognition',
        'notre savoir-faire est reconnu et respecté.',
        'our expertise is recognised and respected.',
      ),
      ...livedOnly(
        'collaboration',
        'nous sommes associés à l’amélioration des produits.',
        'we take part in improving the products.',
      ),
      improvement(
        'payment_reliability',
        'Qu’est-ce qui améliorerait le plus le paiement de vos factures ? (facultatif)',
        'What would most improve how your invoices are paid? (optional)',
      ),
      optionalComment,
    ],
  },
  {
    group: 'shareholder',
    kind: 'perception',
    title: t('Regard des actionnaires', 'Shareholder perception survey'),
    intro: t(
      `Votre regard sur la stratégie, la gouvernance et l’information qui vous est donnée. ${ANONYMITY_NOTE.fr}`,
      `Your view of the strategy, the governance and the information you receive. ${ANONYMITY_NOTE.en}`,
    ),
    anonymous: false,
    questions: [
      rating(
        'nps',
        'nps11',
        'outcome',
        null,
        t(
          'Recommanderiez-vous à un proche d’investir dans Maison Lumière ?',
          'How likely are you to recommend investing in Maison Lumière to a friend or relative?',
        ),
      ),
      ...pair(
        'strategy_clarity',
        'je comprends la stratégie et ses étapes.',
        'I understand the strategy and its milestones.',
      ),
      ...pair(
        'governance',
        'les décisions sont prises avec rigueur et contre-pouvoirs.',
        'decisions are taken with rigour and checks and balances.',
      ),
      ...pair('returns', 'la rentabilité est à la hauteur de mon engagement.', 'returns match my commitment.'),
      ...pair(
        'transparency',
        'les bonnes comme les mauvaises nouvelles me sont dites.',
        'I am told the bad news as well as the good.',
      ),
      ...pair('reliability', 'les objectifs annoncés sont tenus.', 'announced targets are met.'),
      ...livedOnly('listening', 'mes questions reçoivent une réponse.', 'my questions get an answer.'),
      improvement(
        'transparency',
        'Qu’est-ce qui améliorerait le plus l’information que vous recevez ? (facultatif)',
        'What would most improve the information you receive? (optional)',
      ),
      optionalComment,
    ],
  },
];
