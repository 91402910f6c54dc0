/** Copy of the group drill-down page, in both languages (merged into the console's messages). */
const en = {
  groups: {
    title: 'Group drill-down',
    intro:
      'One stakeholder group cut by a segment (department, site, tenure, supplier category…) in one wave: lived scores per dimension. Open a cell to see the dimension for that segment.',
    filters: 'What to show',
    group: 'Group',
    segmentKey: 'Cut by',
    wave: 'Wave',
    respondents: 'Respondents',
    contacts: 'Contacts',
    wholeGroup: 'Whole group',
    tableTitle: 'Lived scores by {{segment}}, wave {{wave}}',
    differenceTitle: 'Difference from the whole group by {{segment}}, wave {{wave}}',
    differenceOf: '{{dimension}}: difference from the whole group',
    differenceLegend: 'Difference from the whole group, in points (coloured when more than chance)',
    show: 'Show',
    showScores: 'Scores',
    showDifference: 'Difference from the whole group',
    noSegmentsTitle: 'No segments for this group',
    noSegmentsBody:
      'Segments appear here once stakeholders of this group carry attributes such as a department or a site.',
    noWaveBody: 'This group has no wave with answers yet.',
    managerBody:
      'A drill-down cuts a whole group into segments. As a manager you see your own department’s employee results only, on the overview and on each dimension’s page.',
    managerLink: 'Go to the overview',
  },
};

const fr: typeof en = {
  groups: {
    title: 'Analyse par groupe',
    intro:
      'Un groupe de parties prenantes découpé par segment (service, site, ancienneté, catégorie de fournisseur…) sur une vague : le vécu par dimension. Ouvrez une case pour voir la dimension pour ce segment.',
    filters: 'Ce qui est affiché',
    group: 'Groupe',
    segmentKey: 'Découper par',
    wave: 'Vague',
    respondents: 'Répondants',
    contacts: 'Contacts',
    wholeGroup: 'Tout le groupe',
    tableTitle: 'Vécu par {{segment}}, vague {{wave}}',
    differenceTitle: 'Écart avec tout le groupe par {{segment}}, vague {{wave}}',
    differenceOf: '{{dimension}} : écart avec tout le groupe',
    differenceLegend: 'Écart avec tout le groupe, en points (en couleur quand il dépasse le hasard)',
    show: 'Afficher',
    showScores: 'Les scores',
    showDifference: 'L’écart avec tout le groupe',
    noSegmentsTitle: 'Aucun segment pour ce groupe',
    noSegmentsBody:
      'Les segments apparaissent ici dès que les parties prenantes de ce groupe portent des attributs comme un service ou un site.',
    noWaveBody: 'Ce groupe n’a pas encore de vague avec des réponses.',
    managerBody:
      'Une analyse par groupe découpe tout un groupe en segments. En tant que manager, vous voyez uniquement les résultats des salariés de votre service, dans la vue d’ensemble et sur la page de chaque dimension.',
    managerLink: 'Aller à la vue d’ensemble',
  },
};

export const groupsMessages = { fr, en };
