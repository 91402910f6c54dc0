import type { SurveyTemplate } from './types.ts';
import { ANONYMOUS_NOTE, closingComment, lived, pair, rating, singleChoice, t, text } from './wording.ts';

const enps = rating(
  'enps',
  'nps11',
  'outcome',
  null,
  t(
    'Sur une échelle de 0 à 10, recommanderiez-vous {organization} comme employeur à un ami ou à un proche ?',
    'On a scale of 0 to 10, how likely are you to recommend {organization} as a place to work to a friend or relative?',
  ),
);

export const EMPLOYEE_TEMPLATES: readonly SurveyTemplate[] = [
  {
    id: 'employee_engagement',
    groupKind: 'employee',
    kind: 'pulse',
    cadence: 'quarterly',
    name: t('Engagement des collaborateurs', 'Employee engagement'),
    description: t(
      'L’enquête trimestrielle de référence : ce que les collaborateurs attendent et ce qu’ils vivent sur chaque dimension, l’eNPS et un commentaire libre.',
      'The quarterly reference survey: what employees expect and what they live on each dimension, eNPS and an open comment.',
    ),
    title: t('Votre expérience chez {organization}', 'Your experience at {organization}'),
    intro: t(
      `Une dizaine de minutes pour dire ce que vous attendez de votre travail et ce que vous vivez vraiment. Pour chaque thème, deux questions : ce que vous attendez, puis ce que vous vivez. ${ANONYMOUS_NOTE.fr}`,
      `About ten minutes to say what you expect from your work and what you actually experience. Each theme has two questions: what you expect, then what you experience. ${ANONYMOUS_NOTE.en}`,
    ),
    anonymous: true,
    questions: [
      enps,
      ...pair(
        'recognition',
        t(
          'J’attends que mon travail soit reconnu à sa juste valeur.',
          'I expect my work to be recognised for what it is worth.',
        ),
        t('Mon travail est reconnu à sa juste valeur.', 'My work is recognised for what it is worth.'),
      ),
      ...pair(
        'management',
        t(
          'J’attends de mon manager qu’il soit disponible et m’aide à progresser.',
          'I expect my manager to be available and to help me improve.',
        ),
        t('Mon manager est disponible et m’aide à progresser.', 'My manager is available and helps me improve.'),
      ),
      ...pair(
        'growth',
        t('J’attends de pouvoir apprendre et évoluer ici.', 'I expect to be able to learn and grow here.'),
        t('J’apprends et j’évolue ici.', 'I am learning and growing here.'),
      ),
      ...pair(
        'workload',
        t('J’attends une charge de travail soutenable.', 'I expect a sustainable workload.'),
        t('Ma charge de travail est soutenable.', 'My workload is sustainable.'),
      ),
      ...pair(
        'transparency',
        t(
          'J’attends que les décisions qui me concernent me soient expliquées.',
          'I expect the decisions that affect me to be explained to me.',
        ),
        t('Les décisions qui me concernent me sont expliquées.', 'The decisions that affect me are explained to me.'),
      ),
      ...pair(
        'listening',
        t('J’attends que mon avis soit entendu et suivi d’effets.', 'I expect my opinion to be heard and acted upon.'),
        t('Mon avis est entendu et suivi d’effets.', 'My opinion is heard and acted upon.'),
      ),
      lived(
        'tools',
        t(
          'J’ai les outils et les moyens de bien faire mon travail.',
          'I have the tools and resources to do my job well.',
        ),
      ),
      lived(
        'wellbeing',
        t(
          'Je peux concilier ma vie professionnelle et ma vie personnelle.',
          'I can balance my work and my personal life.',
        ),
      ),
      closingComment(),
    ],
  },
  {
    id: 'employee_pulse',
    groupKind: 'employee',
    kind: 'pulse',
    cadence: 'monthly',
    name: t('Pulse mensuel', 'Monthly pulse'),
    description: t(
      'Cinq questions en deux minutes pour suivre le climat entre deux enquêtes d’engagement.',
      'Five questions in two minutes to follow the climate between two engagement surveys.',
    ),
    title: t('Pulse du mois', 'This month’s pulse'),
    intro: t(`Deux minutes, cinq questions. ${ANONYMOUS_NOTE.fr}`, `Two minutes, five questions. ${ANONYMOUS_NOTE.en}`),
    anonymous: true,
    questions: [
      enps,
      lived(
        'workload',
        t('Ce mois-ci, ma charge de travail était soutenable.', 'This month, my workload was sustainable.'),
      ),
      lived(
        'recognition',
        t('Ce mois-ci, je me suis senti reconnu pour mon travail.', 'This month, I felt recognised for my work.'),
      ),
      lived(
        'management',
        t(
          'Ce mois-ci, mon manager m’a aidé quand j’en avais besoin.',
          'This month, my manager helped me when I needed it.',
        ),
      ),
      text(
        'comment',
        t(
          'Qu’est-ce qui vous aiderait le plus le mois prochain ? (facultatif)',
          'What would help you most next month? (optional)',
        ),
      ),
    ],
  },
  {
    id: 'employee_onboarding',
    groupKind: 'employee',
    kind: 'onboarding',
    cadence: 'lifecycle',
    name: t('Intégration (après 90 jours)', 'Onboarding (after 90 days)'),
    description: t(
      'Envoyée aux nouveaux arrivants après trois mois : la promesse de l’embauche comparée à ce qu’ils ont trouvé.',
      'Sent to newcomers after three months: the promise made when hiring compared with what they found.',
    ),
    title: t('Vos premiers mois chez {organization}', 'Your first months at {organization}'),
    intro: t(
      `Vous êtes arrivé il y a peu : votre regard neuf nous aide à mieux accueillir les suivants. ${ANONYMOUS_NOTE.fr}`,
      `You joined recently: your fresh eyes help us welcome the next people better. ${ANONYMOUS_NOTE.en}`,
    ),
    anonymous: true,
    questions: [
      rating(
        'onboarding_satisfaction',
        'csat5',
        'outcome',
        null,
        t(
          'Dans l’ensemble, êtes-vous satisfait de votre intégration ?',
          'Overall, how satisfied are you with your onboarding?',
        ),
      ),
      ...pair(
        'transparency',
        t(
          'Lors du recrutement, je m’attendais à ce que le poste soit tel qu’on me l’a décrit.',
          'When I was hired, I expected the job to be as it was described to me.',
        ),
        t('Le poste correspond à ce qu’on m’avait décrit.', 'The job matches what was described to me.'),
      ),
      lived(
        'tools',
        t('Mes outils et mes accès étaient prêts à mon arrivée.', 'My tools and access were ready when I arrived.'),
      ),
      lived(
        'management',
        t(
          'Mon manager m’a donné des objectifs clairs dès le départ.',
          'My manager gave me clear goals from the start.',
        ),
      ),
      lived('growth', t('J’ai reçu la formation dont j’avais besoin.', 'I received the training I needed.')),
      singleChoice(
        'buddy',
        t('Un parrain ou une marraine vous a-t-il accompagné ?', 'Did a buddy or mentor help you settle in?'),
        [
          ['yes', 'Oui', 'Yes'],
          ['no', 'Non', 'No'],
        ],
      ),
      text(
        'improve',
        t(
          'Qu’est-ce qui aurait rendu votre arrivée plus facile ? (facultatif)',
          'What would have made your first weeks easier? (optional)',
        ),
      ),
    ],
  },
  {
    id: 'employee_exit',
    groupKind: 'employee',
    kind: 'exit',
    cadence: 'lifecycle',
    name: t('Départ', 'Exit'),
    description: t(
      'Pour les collaborateurs qui partent : les raisons du départ et ce qu’ils ont vécu, pour retenir les suivants.',
      'For employees who leave: why they leave and what they lived, to keep the next ones.',
    ),
    title: t('Avant votre départ de {organization}', 'Before you leave {organization}'),
    intro: t(
      `Merci pour le chemin parcouru ensemble. Votre franchise nous aide à progresser. ${ANONYMOUS_NOTE.fr}`,
      `Thank you for the time we worked together. Your candour helps us improve. ${ANONYMOUS_NOTE.en}`,
    ),
    anonymous: true,
    questions: [
      enps,
      singleChoice(
        'main_reason',
        t('Quelle est la principale raison de votre départ ?', 'What is the main reason you are leaving?'),
        [
          ['career', 'Une évolution de carrière', 'Career progression'],
          ['pay', 'La rémunération', 'Pay'],
          ['management', 'La relation avec mon manager', 'My relationship with my manager'],
          ['workload', 'La charge de travail', 'Workload'],
          ['personal', 'Une raison personnelle', 'A personal reason'],
          ['other', 'Une autre raison', 'Another reason'],
        ],
        true,
      ),
      lived(
        'recognition',
        t('Mon travail a été reconnu à sa juste valeur.', 'My work was recognised for what it was worth.'),
      ),
      lived('management', t('Mon manager m’a soutenu.', 'My manager supported me.')),
      lived('growth', t('J’ai pu évoluer comme je le souhaitais.', 'I was able to grow as I wished.')),
      lived('workload', t('Ma charge de travail était soutenable.', 'My workload was sustainable.')),
      text(
        'retain',
        t(
          'Qu’est-ce qui vous aurait donné envie de rester ? (facultatif)',
          'What would have made you want to stay? (optional)',
        ),
      ),
    ],
  },
];
