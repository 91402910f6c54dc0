/** Copy of the experience chain page, in both languages (merged into the console's messages). */
const en = {
  chain: {
    title: 'Experience chain',
    intro:
      'Where employees live a better experience, do customers too? Two groups’ results side by side over the sites, stores or regions both are broken down by: each point is one unit, placed by the first group’s figure and the second’s, at the latest published wave of each group’s headline survey.',
    first: 'First group',
    second: 'Second group',
    measure: 'Measure',
    attribute: 'Units',
    lived: '{{dimension}} (lived)',
    expected: '{{dimension}} (expected)',
    noAttributeTitle: 'No units these two groups share',
    noAttributeBody:
      'Give both groups the same segment attribute with the same value codes (a site, a store, a region) in the organisation model, and their results can be set side by side here.',
    fewGroups: 'The experience chain needs two stakeholder groups.',
    sentence:
      'Over {{n}} units ({{unit}}), r = {{r}} (95 % interval {{low}} to {{high}}): {{strength}}. Rank correlation (Spearman) {{rho}}.',
    strength: {
      none: 'no correlation to speak of',
      weak_positive: 'a weak positive correlation',
      weak_negative: 'a weak negative correlation',
      moderate_positive: 'a moderate positive correlation',
      moderate_negative: 'a moderate negative correlation',
      strong_positive: 'a strong positive correlation',
      strong_negative: 'a strong negative correlation',
    },
    noFigure_one: 'Only {{count}} unit can be shown: a correlation needs at least 4.',
    noFigure_other: 'Only {{count}} units can be shown: a correlation needs at least 4.',
    noSpread: 'One of the two figures is the same in every unit: there is nothing to correlate.',
    notCause:
      'Correlation is not cause. Units where both figures are high may share something else — their size, their customers, their manager — and a link over a few units can be chance.',
    caveat: {
      few_units: 'Fewer than 10 units: read it as a first sign, not a finding.',
      interval_includes_zero: 'The interval includes 0: no link at all is still plausible.',
    },
    excluded_one:
      '{{count}} of the {{shared}} values both groups share is not shown: one group’s figure is withheld there, because too few people answered or because it would single people out, or nobody answered it.',
    excluded_other:
      '{{count}} of the {{shared}} values both groups share are not shown: one group’s figure is withheld there, because too few people answered or because it would single people out, or nobody answered it.',
    waveOf: '{{group}}: wave {{wave}}',
    noWave: '{{group}}: no published wave measures this',
    chartTitle: '{{x}} and {{y}} by {{unit}}',
    tableTitle: 'Units of the experience chain',
    unit: 'Unit',
    valueOf: '{{measure}} — {{group}}',
    n: 'n',
  },
};

const fr: typeof en = {
  chain: {
    title: 'Chaîne de l’expérience',
    intro:
      'Là où les salariés vivent une meilleure expérience, les clients aussi ? Les résultats de deux groupes côte à côte, sur les sites, magasins ou régions selon lesquels tous deux sont ventilés : chaque point est une unité, placée selon le résultat du premier groupe et celui du second, à la dernière vague publiée de l’enquête principale de chaque groupe.',
    first: 'Premier groupe',
    second: 'Second groupe',
    measure: 'Mesure',
    attribute: 'Unités',
    lived: '{{dimension}} (vécue)',
    expected: '{{dimension}} (attendue)',
    noAttributeTitle: 'Aucune unité commune à ces deux groupes',
    noAttributeBody:
      'Donnez aux deux groupes le même attribut de segment, avec les mêmes codes de valeurs (un site, un magasin, une région), dans le modèle de l’organisation : leurs résultats pourront alors être mis côte à côte ici.',
    fewGroups: 'La chaîne de l’expérience demande deux groupes de parties prenantes.',
    sentence:
      'Sur {{n}} unités ({{unit}}), r = {{r}} (intervalle à 95 % de {{low}} à {{high}}) : {{strength}}. Corrélation des rangs (Spearman) {{rho}}.',
    strength: {
      none: 'pas de corrélation notable',
      weak_positive: 'une faible corrélation positive',
      weak_negative: 'une faible corrélation négative',
      moderate_positive: 'une corrélation positive modérée',
      moderate_negative: 'une corrélation négative modérée',
      strong_positive: 'une forte corrélation positive',
      strong_negative: 'une forte corrélation négative',
    },
    noFigure_one: 'Une seule unité peut être montrée : une corrélation en demande au moins 4.',
    noFigure_other: 'Seules {{count}} unités peuvent être montrées : une corrélation en demande au moins 4.',
    noSpread: 'L’un des deux résultats est le même dans toutes les unités : il n’y a rien à corréler.',
    notCause:
      'Corrélation n’est pas causalité. Les unités où les deux résultats sont élevés peuvent avoir autre chose en commun — leur taille, leurs clients, leur manager — et un lien sur peu d’unités peut être le fait du hasard.',
    caveat: {
      few_units: 'Moins de 10 unités : à lire comme un premier signe, pas comme un constat.',
      interval_includes_zero: 'L’intervalle contient 0 : l’absence de tout lien reste plausible.',
    },
    excluded_one:
      '{{count}} des {{shared}} valeurs communes aux deux groupes n’est pas montrée : le résultat d’un des groupes y est masqué, parce que trop peu de personnes ont répondu ou qu’il permettrait d’identifier quelqu’un, ou personne n’y a répondu.',
    excluded_other:
      '{{count}} des {{shared}} valeurs communes aux deux groupes ne sont pas montrées : le résultat d’un des groupes y est masqué, parce que trop peu de personnes ont répondu ou qu’il permettrait d’identifier quelqu’un, ou personne n’y a répondu.',
    waveOf: '{{group}} : vague {{wave}}',
    noWave: '{{group}} : aucune vague publiée ne mesure cela',
    chartTitle: '{{x}} et {{y}} par {{unit}}',
    tableTitle: 'Unités de la chaîne de l’expérience',
    unit: 'Unité',
    valueOf: '{{measure}} — {{group}}',
    n: 'n',
  },
};

export const chainMessages = { fr, en };
