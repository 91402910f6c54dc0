/** Copy of the overview page, in both languages (merged into the console's messages). */
const en = {
  overview: {
    title: 'Overview',
    intro:
      'For each stakeholder group: the experience you intend, what people expect and what they live, from the latest survey wave with answers.',
    legend:
      'Scores are 0–100 indices. Expectation gap = lived − expected; target gap = lived − intended target. A negative gap is a shortfall.',
    anonymity: 'To protect anonymity, a score is only shown when at least {{k}} people answered.',
    wave: 'Wave: {{label}}',
    noWave: 'No survey results yet',
    noWaveBody: 'Scores appear here once this group has answered a survey.',
    noDimensions: 'No dimensions are defined for this group yet.',
    emptyTitle: 'No stakeholder groups yet',
    emptyBody: 'Stakeholder groups and their dimensions appear here once they are set up.',
    tableCaption: 'Dimensions of the group “{{group}}”',
    tableRegion: 'Scores of {{group}}',
    col: {
      dimension: 'Dimension',
      intended: 'Intended target',
      expected: 'Expected',
      lived: 'Lived',
      expectationGap: 'Expectation gap',
      targetGap: 'Target gap',
    },
    shared: 'Shared',
    priority: 'Priority {{priority}}',
    notSet: 'Not set',
    n: 'n = {{n}}',
    hidden: 'Hidden',
    hiddenReason: 'fewer than {{k}} respondents',
    noData: 'No data',
    gap: {
      none: 'not available',
      expectation: { above: 'above expectations', on_par: 'in line with expectations', below: 'below expectations' },
      target: { above: 'above target', on_par: 'on target', below: 'below target' },
    },
  },
};

const fr: typeof en = {
  overview: {
    title: 'Vue d’ensemble',
    intro:
      'Pour chaque groupe de parties prenantes : l’expérience voulue, ce que les personnes attendent et ce qu’elles vivent, d’après la dernière vague d’enquête avec des réponses.',
    legend:
      'Les scores sont des indices de 0 à 100. Écart aux attentes = vécue − attendue ; écart à la cible = vécue − cible voulue. Un écart négatif est un manque.',
    anonymity: 'Pour protéger l’anonymat, un score n’est affiché que si au moins {{k}} personnes ont répondu.',
    wave: 'Vague : {{label}}',
    noWave: 'Pas encore de résultats',
    noWaveBody: 'Les scores apparaîtront ici dès que ce groupe aura répondu à une enquête.',
    noDimensions: 'Aucune dimension n’est encore définie pour ce groupe.',
    emptyTitle: 'Aucun groupe de parties prenantes',
    emptyBody: 'Les groupes de parties prenantes et leurs dimensions apparaîtront ici une fois configurés.',
    tableCaption: 'Dimensions du groupe « {{group}} »',
    tableRegion: 'Scores : {{group}}',
    col: {
      dimension: 'Dimension',
      intended: 'Cible voulue',
      expected: 'Attendue',
      lived: 'Vécue',
      expectationGap: 'Écart aux attentes',
      targetGap: 'Écart à la cible',
    },
    shared: 'Partagée',
    priority: 'Priorité {{priority}}',
    notSet: 'Non définie',
    n: 'n = {{n}}',
    hidden: 'Masqué',
    hiddenReason: 'moins de {{k}} répondants',
    noData: 'Aucune donnée',
    gap: {
      none: 'non disponible',
      expectation: {
        above: 'au-dessus des attentes',
        on_par: 'conforme aux attentes',
        below: 'en dessous des attentes',
      },
      target: { above: 'au-dessus de la cible', on_par: 'conforme à la cible', below: 'en dessous de la cible' },
    },
  },
};

export const overviewMessages = { fr, en };
