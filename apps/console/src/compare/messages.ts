/** Copy of the stakeholder comparison page, in both languages (merged into the console's messages). */
const en = {
  compare: {
    title: 'Compare stakeholders',
    intro:
      'The dimensions several groups share, side by side: each group at the latest published wave of its headline survey, unless you choose another survey or wave. Open a cell to see the dimension for that group.',
    choose: 'Choose the survey and wave of each group',
    metric: 'Metric',
    tableTitle: 'Stakeholder comparison: {{metric}}',
    group: 'Group',
    wave: 'Wave',
    waveOf: 'wave {{wave}}',
    noWave: 'no answers yet',
    nOf: '{{dimension}} (n)',
    explain: {
      lived: 'Lived: the mean 0–100 index of what people say they actually live.',
      expected: 'Expected: the mean 0–100 index of what people expect.',
      expectationGap: 'Expectation gap: lived − expected, in index points; negative means expectations are not met.',
      favourability: 'Favourability: the share of favourable answers (4 or 5 out of 5) on lived items.',
    },
    legend: { score: 'Colour key (0–100 index)', percent: 'Colour key (share in %)', gap: 'Colour key (points)' },
    managerScope: 'You see your own department’s employee results only; the other groups are not shown to managers.',
    emptyTitle: 'No shared dimensions yet',
    emptyBody: 'Share a dimension between several stakeholder groups to compare their views here.',
  },
};

const fr: typeof en = {
  compare: {
    title: 'Comparer les parties prenantes',
    intro:
      'Les dimensions partagées par plusieurs groupes, côte à côte : chaque groupe à la dernière vague publiée de son enquête principale, sauf si vous choisissez une autre enquête ou une autre vague. Ouvrez une case pour voir la dimension pour ce groupe.',
    choose: 'Choisir l’enquête et la vague de chaque groupe',
    metric: 'Indicateur',
    tableTitle: 'Comparaison des parties prenantes : {{metric}}',
    group: 'Groupe',
    wave: 'Vague',
    waveOf: 'vague {{wave}}',
    noWave: 'pas encore de réponses',
    nOf: '{{dimension}} (n)',
    explain: {
      lived: 'Vécue : l’indice moyen (0 à 100) de ce que les personnes disent vivre.',
      expected: 'Attendue : l’indice moyen (0 à 100) de ce que les personnes attendent.',
      expectationGap:
        'Écart aux attentes : vécue − attendue, en points d’indice ; négatif, les attentes ne sont pas satisfaites.',
      favourability: 'Favorabilité : la part de réponses favorables (4 ou 5 sur 5) sur le vécu.',
    },
    legend: {
      score: 'Légende des couleurs (indice 0 à 100)',
      percent: 'Légende des couleurs (part en %)',
      gap: 'Légende des couleurs (points)',
    },
    managerScope:
      'Vous ne voyez que les résultats des salariés de votre service ; les autres groupes ne sont pas montrés aux managers.',
    emptyTitle: 'Aucune dimension partagée',
    emptyBody:
      'Partagez une dimension entre plusieurs groupes de parties prenantes pour comparer leurs points de vue ici.',
  },
};

export const compareMessages = { fr, en };
