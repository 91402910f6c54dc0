/** Copy of the overview page, in both languages (merged into the console's messages). */
const en = {
  overview: {
    title: 'Overview',
    intro:
      'For each stakeholder group: the experience you intend, what you put in place, what people expect and what they live, from the latest survey wave with enough answers to be shown.',
    legend:
      'Scores are 0–100 indices. Expectation gap = lived − expected; target gap = lived − intended target; calibration gap = expected − intended target (positive: expectations run ahead of what you intend).',
    managerScope:
      'You see the employee results of your own department. Other departments and the other stakeholder groups are not shown to managers.',
    wave: 'Wave: {{label}}',
    respondents_one: '{{n}} respondent',
    respondents_other: '{{n}} respondents',
    respondentsHidden: 'Respondents hidden: {{reason}}',
    noWave: 'No survey results yet',
    noWaveBody: 'Scores appear here once this group has answered a survey.',
    noDimensions: 'No dimensions are defined for this group yet.',
    emptyTitle: 'No stakeholder groups yet',
    emptyBody: 'Stakeholder groups and their dimensions appear here once they are set up.',
    outcomes: 'Overall indicators',
    outcome: {
      nps: 'NPS',
      nps_employee: 'eNPS',
      csat: 'Satisfaction (CSAT)',
      ces: 'Ease (CES)',
      favourability: 'Overall favourability',
    },
    ci: '95 % interval {{low}} to {{high}}',
    alertsTitle_one: '{{count}} alert',
    alertsTitle_other: '{{count}} alerts',
    alert: {
      promise_drift: {
        label: 'Promise drift',
        text: 'expectations rose {{value}} points more than the lived experience across the waves (n = {{n}}).',
      },
      target_shortfall: {
        label: 'Below target',
        text: 'the lived experience is {{value}} points below the intended target (n = {{n}}).',
      },
      uncovered_intent: {
        label: 'No initiative',
        text: 'an experience is intended but no active or delivered initiative puts it in place.',
      },
      unaligned_initiative: {
        label: 'Unaligned initiative',
        text: '“{{initiative}}” aims at it, but no experience is intended here.',
      },
    },
    tableCaption: 'Dimensions of the group “{{group}}”',
    col: {
      dimension: 'Dimension',
      intended: 'Intended · proposed',
      expected: 'Expected',
      lived: 'Lived',
      trend: 'Lived trend',
      expectationGap: 'Expectation gap',
      targetGap: 'Target gap',
      calibrationGap: 'Calibration gap',
    },
    csv: {
      target: 'Intended target',
      priority: 'Priority',
      initiatives: 'Initiatives',
      coverage: 'Coverage',
      expectedN: 'Expected n',
      livedN: 'Lived n',
    },
    coverage: {
      covered: 'backed by an initiative',
      uncovered: 'No active initiative',
      no_intent: 'no intended experience',
    },
    status: { planned: 'planned', active: 'active', delivered: 'delivered', cancelled: 'cancelled' },
    shared: 'Shared',
    priority: 'Priority {{priority}}',
    notSet: 'Not set',
    firstWave: 'first wave',
    gap: {
      none: 'not available',
      expectation: { above: 'above expectations', on_par: 'in line with expectations', below: 'below expectations' },
      target: { above: 'above target', on_par: 'on target', below: 'below target' },
      calibration: {
        above: 'expectations above target: over-promise risk',
        on_par: 'expectations match the target',
        below: 'expectations below target',
      },
    },
  },
};

const fr: typeof en = {
  overview: {
    title: 'Vue d’ensemble',
    intro:
      'Pour chaque groupe de parties prenantes : l’expérience voulue, ce qui est mis en place, ce que les personnes attendent et ce qu’elles vivent, d’après la dernière vague d’enquête ayant assez de réponses pour être affichée.',
    legend:
      'Les scores sont des indices de 0 à 100. Écart aux attentes = vécue − attendue ; écart à la cible = vécue − cible voulue ; écart de calibrage = attendue − cible voulue (positif : les attentes dépassent ce qui est voulu).',
    managerScope:
      'Vous voyez les résultats des salariés de votre service. Les autres services et les autres groupes de parties prenantes ne sont pas montrés aux managers.',
    wave: 'Vague : {{label}}',
    respondents_one: '{{n}} répondant',
    respondents_other: '{{n}} répondants',
    respondentsHidden: 'Répondants masqués : {{reason}}',
    noWave: 'Pas encore de résultats',
    noWaveBody: 'Les scores apparaîtront ici dès que ce groupe aura répondu à une enquête.',
    noDimensions: 'Aucune dimension n’est encore définie pour ce groupe.',
    emptyTitle: 'Aucun groupe de parties prenantes',
    emptyBody: 'Les groupes de parties prenantes et leurs dimensions apparaîtront ici une fois configurés.',
    outcomes: 'Indicateurs globaux',
    outcome: {
      nps: 'NPS',
      nps_employee: 'eNPS',
      csat: 'Satisfaction (CSAT)',
      ces: 'Facilité (CES)',
      favourability: 'Favorabilité globale',
    },
    ci: 'intervalle à 95 % : {{low}} à {{high}}',
    alertsTitle_one: '{{count}} alerte',
    alertsTitle_other: '{{count}} alertes',
    alert: {
      promise_drift: {
        label: 'Dérive de la promesse',
        text: 'les attentes ont progressé de {{value}} points de plus que le vécu au fil des vagues (n = {{n}}).',
      },
      target_shortfall: {
        label: 'Sous la cible',
        text: 'l’expérience vécue est {{value}} points sous la cible voulue (n = {{n}}).',
      },
      uncovered_intent: {
        label: 'Aucune initiative',
        text: 'une expérience est voulue mais aucune initiative active ou livrée ne la met en place.',
      },
      unaligned_initiative: {
        label: 'Initiative non alignée',
        text: '« {{initiative}} » la vise, mais aucune expérience n’est voulue ici.',
      },
    },
    tableCaption: 'Dimensions du groupe « {{group}} »',
    col: {
      dimension: 'Dimension',
      intended: 'Voulue · proposée',
      expected: 'Attendue',
      lived: 'Vécue',
      trend: 'Tendance du vécu',
      expectationGap: 'Écart aux attentes',
      targetGap: 'Écart à la cible',
      calibrationGap: 'Écart de calibrage',
    },
    csv: {
      target: 'Cible voulue',
      priority: 'Priorité',
      initiatives: 'Initiatives',
      coverage: 'Couverture',
      expectedN: 'n attendue',
      livedN: 'n vécue',
    },
    coverage: {
      covered: 'portée par une initiative',
      uncovered: 'Aucune initiative active',
      no_intent: 'aucune expérience voulue',
    },
    status: { planned: 'prévue', active: 'en cours', delivered: 'livrée', cancelled: 'annulée' },
    shared: 'Partagée',
    priority: 'Priorité {{priority}}',
    notSet: 'Non définie',
    firstWave: 'première vague',
    gap: {
      none: 'non disponible',
      expectation: {
        above: 'au-dessus des attentes',
        on_par: 'conforme aux attentes',
        below: 'en dessous des attentes',
      },
      target: { above: 'au-dessus de la cible', on_par: 'conforme à la cible', below: 'en dessous de la cible' },
      calibration: {
        above: 'attentes au-dessus de la cible : risque de sur-promesse',
        on_par: 'attentes conformes à la cible',
        below: 'attentes en dessous de la cible',
      },
    },
  },
};

export const overviewMessages = { fr, en };
