import type { QuestionFacet, Scale } from '@facets/domain';

/** Copy of the dimension page, in both languages (merged into the console's messages). */
const en = {
  dimension: {
    title: 'Dimension',
    filter: 'Segment filter',
    filterKey: 'Filter by',
    filterValue: 'Segment',
    wholeGroup: 'Whole group (no filter)',
    managerScope:
      'You see your own department’s results; key drivers, computed on the whole group, are not shown to managers.',
    hiddenBecause: 'Hidden: {{reason}}.',
    noWaves: 'No wave with answers yet.',
    measuredIn:
      'The later waves of this programme do not ask about this dimension: its figures are those of {{wave}}, its latest measurement.',
    trend: {
      heading: 'Trend across waves',
      title: '{{dimension}}: expected and lived across waves',
      target: 'Intended target',
      favourable: 'Favourable',
    },
    distribution: {
      heading: 'Distribution of answers',
      title: '{{dimension}}: lived answers in wave {{wave}}',
      note: 'Lived answers in wave {{wave}} ({{nText}}).',
      answer: 'Answer',
      count: 'Answers',
      share: 'Share (%)',
      ends: {
        likert5: '1 = strongly disagree, 5 = strongly agree',
        csat5: '1 = very dissatisfied, 5 = very satisfied',
        ces7: '1 = very difficult, 7 = very easy',
        nps11: '0 = not at all likely, 10 = extremely likely',
      } satisfies Record<Scale, string>,
    },
    ipa: {
      heading: 'Importance and performance',
      title: 'Importance–performance matrix of {{group}}',
      none: 'This dimension cannot be placed: it needs a lived score that may be shown and an importance — derived from the key drivers, or a priority set in the intended experience.',
      sentence: '{{dimension}} falls in “{{quadrant}}”, split at the means of the group’s dimensions.',
      importance: 'Importance',
      importanceFrom: {
        drivers: 'Importance (key drivers)',
        priority: 'Importance (stated priority)',
      },
      source: {
        drivers: 'Importance is derived from the key drivers: how much each dimension moves the outcome.',
        priority:
          'Too few answers to derive importance from the key drivers: importance is leadership’s stated priority.',
      },
      performance: 'Performance (lived)',
      quadrantCol: 'Quadrant',
      table: 'Show the figures',
      quadrant: {
        concentrate_here: 'Concentrate here',
        keep_up: 'Keep up the good work',
        low_priority: 'Low priority',
        possible_overkill: 'Possible overkill',
      },
    },
    drivers: {
      heading: 'Key drivers',
      title: 'Key drivers of {{group}}',
      manager: 'Key drivers are computed on the whole group only, and are not shown to managers.',
      insufficient: 'Not enough responses: key drivers need at least {{min}} respondents ({{nText}}).',
      insufficientContacts: 'Not enough responses: key drivers need at least {{min}} contacts ({{nText}}).',
      intro: 'What moves the {{outcome}} in wave {{wave}} ({{nText}}), strongest first.',
      noteWeights: 'Relative weights: each dimension’s share of what the dimensions together explain (R² = {{r2}}).',
      noteCorrelation:
        'Correlations only: relative weights need at least {{min}} respondents. Read them as associations, not causes.',
      noteCorrelationContacts:
        'Correlations only: relative weights need at least {{min}} contacts. Read them as associations, not causes.',
      weight: 'Relative weight',
      r: 'Correlation (r)',
      sign: { positive: 'positive', negative: 'negative' },
      outcome: {
        nps11: 'recommendation score (NPS)',
        csat5: 'overall satisfaction',
        ces7: 'ease of doing business',
        likert5: 'overall rating',
      } satisfies Record<Scale, string>,
    },
    questions: {
      heading: 'Questions',
      title: '{{dimension}}: each question in wave {{wave}}',
      note: 'Each question on this dimension in wave {{wave}}, from its own answers.',
      none: 'No rating question on this dimension in this wave.',
      question: 'Question',
      facetCol: 'Asks about',
      facet: { lived: 'Lived', expected: 'Expected', outcome: 'Outcome' } satisfies Record<QuestionFacet, string>,
      spread: 'Answers',
      spreadLabel: 'Favourable {{favourable}}, neutral {{neutral}}, unfavourable {{unfavourable}}',
      favourable: 'Favourable (%)',
      neutral: 'Neutral (%)',
      unfavourable: 'Unfavourable (%)',
      score: 'Score (0–100)',
      low: 'Interval from',
      high: 'Interval to',
      legend:
        'Bars: unfavourable (red), neutral (grey) and favourable (green) answers. Favourable: 4–5 out of 5 (5–7 out of 7, 9–10 out of 10).',
    },
    comments: {
      heading: 'Comments',
      none: 'No comments on this dimension in the latest wave.',
      count_one: 'Comments of {{n}} person in the latest wave.',
      count_other: 'Comments of {{n}} people in the latest wave.',
      countContacts_one: 'Comments of {{n}} contact in the latest wave.',
      countContacts_other: 'Comments of {{n}} contacts in the latest wave.',
      times_one: '(written once)',
      times_other: '(written {{count}} times)',
    },
  },
};

const fr: typeof en = {
  dimension: {
    title: 'Dimension',
    filter: 'Filtre de segment',
    filterKey: 'Filtrer par',
    filterValue: 'Segment',
    wholeGroup: 'Tout le groupe (sans filtre)',
    managerScope:
      'Vous voyez les résultats de votre service ; les leviers clés, calculés sur tout le groupe, ne sont pas montrés aux managers.',
    hiddenBecause: 'Masqué : {{reason}}.',
    noWaves: 'Aucune vague avec des réponses pour l’instant.',
    measuredIn:
      'Les vagues suivantes de ce programme ne portent pas sur cette dimension : ses chiffres sont ceux de {{wave}}, sa dernière mesure.',
    trend: {
      heading: 'Évolution par vague',
      title: '{{dimension}} : attendue et vécue au fil des vagues',
      target: 'Cible voulue',
      favourable: 'Favorable',
    },
    distribution: {
      heading: 'Répartition des réponses',
      title: '{{dimension}} : réponses sur le vécu, vague {{wave}}',
      note: 'Réponses sur le vécu, vague {{wave}} ({{nText}}).',
      answer: 'Réponse',
      count: 'Réponses',
      share: 'Part (%)',
      ends: {
        likert5: '1 = pas du tout d’accord, 5 = tout à fait d’accord',
        csat5: '1 = très insatisfait, 5 = très satisfait',
        ces7: '1 = très difficile, 7 = très facile',
        nps11: '0 = pas du tout probable, 10 = extrêmement probable',
      },
    },
    ipa: {
      heading: 'Importance et performance',
      title: 'Matrice importance–performance : {{group}}',
      none: 'Cette dimension ne peut pas être placée : il faut un score vécu affichable et une importance — tirée des leviers clés, ou une priorité fixée dans l’expérience voulue.',
      sentence: '{{dimension}} se trouve dans « {{quadrant}} », au regard des moyennes des dimensions du groupe.',
      importance: 'Importance',
      importanceFrom: {
        drivers: 'Importance (leviers clés)',
        priority: 'Importance (priorité déclarée)',
      },
      source: {
        drivers: 'L’importance est tirée des leviers clés : ce que chaque dimension fait bouger dans le résultat.',
        priority:
          'Trop peu de réponses pour tirer l’importance des leviers clés : l’importance est la priorité déclarée par la direction.',
      },
      performance: 'Performance (vécue)',
      quadrantCol: 'Quadrant',
      table: 'Afficher les chiffres',
      quadrant: {
        concentrate_here: 'Concentrer les efforts',
        keep_up: 'Maintenir le cap',
        low_priority: 'Faible priorité',
        possible_overkill: 'Effort peut-être excessif',
      },
    },
    drivers: {
      heading: 'Leviers clés',
      title: 'Leviers clés : {{group}}',
      manager: 'Les leviers clés sont calculés sur tout le groupe et ne sont pas montrés aux managers.',
      insufficient: 'Pas assez de réponses : les leviers clés demandent au moins {{min}} répondants ({{nText}}).',
      insufficientContacts: 'Pas assez de réponses : les leviers clés demandent au moins {{min}} contacts ({{nText}}).',
      intro: 'Ce qui fait bouger le {{outcome}} en vague {{wave}} ({{nText}}), du plus fort au plus faible.',
      noteWeights:
        'Poids relatifs : la part de chaque dimension dans ce que les dimensions expliquent ensemble (R² = {{r2}}).',
      noteCorrelation:
        'Corrélations seules : les poids relatifs demandent au moins {{min}} répondants. À lire comme des associations, pas des causes.',
      noteCorrelationContacts:
        'Corrélations seules : les poids relatifs demandent au moins {{min}} contacts. À lire comme des associations, pas des causes.',
      weight: 'Poids relatif',
      r: 'Corrélation (r)',
      sign: { positive: 'positive', negative: 'négative' },
      outcome: {
        nps11: 'score de recommandation (NPS)',
        csat5: 'niveau de satisfaction global',
        ces7: 'niveau de facilité',
        likert5: 'jugement global',
      },
    },
    questions: {
      heading: 'Questions',
      title: '{{dimension}} : chaque question, vague {{wave}}',
      note: 'Chaque question de cette dimension, vague {{wave}}, d’après ses propres réponses.',
      none: 'Aucune question de notation sur cette dimension dans cette vague.',
      question: 'Question',
      facetCol: 'Porte sur',
      facet: { lived: 'Vécu', expected: 'Attendu', outcome: 'Résultat' },
      spread: 'Réponses',
      spreadLabel: 'Favorables {{favourable}}, neutres {{neutral}}, défavorables {{unfavourable}}',
      favourable: 'Favorables (%)',
      neutral: 'Neutres (%)',
      unfavourable: 'Défavorables (%)',
      score: 'Score (0–100)',
      low: 'Intervalle de',
      high: 'Intervalle à',
      legend:
        'Barres : réponses défavorables (rouge), neutres (gris) et favorables (vert). Favorable : 4–5 sur 5 (5–7 sur 7, 9–10 sur 10).',
    },
    comments: {
      heading: 'Commentaires',
      none: 'Aucun commentaire sur cette dimension lors de la dernière vague.',
      count_one: 'Commentaires de {{n}} personne lors de la dernière vague.',
      count_other: 'Commentaires de {{n}} personnes lors de la dernière vague.',
      countContacts_one: 'Commentaires de {{n}} contact lors de la dernière vague.',
      countContacts_other: 'Commentaires de {{n}} contacts lors de la dernière vague.',
      times_one: '(écrit une fois)',
      times_other: '(écrit {{count}} fois)',
    },
  },
};

export const dimensionMessages = { fr, en };
