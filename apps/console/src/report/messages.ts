/** Copy of the printable report (merged into the console's messages). */
const en = {
  report: {
    pageTitle: 'Report to print',
    intro:
      'A group’s results in one wave, laid out for paper: choose the group, the scope and the wave, then print it or save it as PDF from the print dialog.',
    filters: 'Choose the report',
    scope: 'Scope',
    scopeOf: '{{key}}: {{value}}',
    print: 'Print or save as PDF',
    printHint: 'A4, one part per page; the page’s menus are left out.',
    title: 'Results of “{{group}}”',
    survey: 'Survey',
    wave: 'Wave',
    noWave: 'No published wave yet',
    printed: 'Printed',
    printedBy: '{{date}}, by {{name}}',
    confidential: 'Confidential: for the people this report is shared with.',
    summary: 'At a glance',
    dimensions: 'The four facets by dimension',
    heatmap: 'By segment',
    heatmapWithheld: 'By {{segment}}: no segment can be shown in this wave ({{reason}}).',
    withheld: 'The results of {{scope}} are not shown for {{wave}}: {{reason}}. Nothing else is printed.',
    noGroup: 'This group cannot be reported on.',
    link: 'Report to print',
    linkNamed: 'Report to print of {{group}}',
  },
};

const fr: typeof en = {
  report: {
    pageTitle: 'Rapport à imprimer',
    intro:
      'Les résultats d’un groupe pour une vague, mis en page pour le papier : choisissez le groupe, le périmètre et la vague, puis imprimez-le ou enregistrez-le en PDF depuis la fenêtre d’impression.',
    filters: 'Choisir le rapport',
    scope: 'Périmètre',
    scopeOf: '{{key}} : {{value}}',
    print: 'Imprimer ou enregistrer en PDF',
    printHint: 'A4, une partie par page ; les menus de la page sont laissés de côté.',
    title: 'Résultats de «\u00a0{{group}}\u00a0»',
    survey: 'Enquête',
    wave: 'Vague',
    noWave: 'Aucune vague publiée pour l’instant',
    printed: 'Imprimé',
    printedBy: 'le {{date}}, par {{name}}',
    confidential: 'Confidentiel : réservé aux personnes à qui ce rapport est remis.',
    summary: 'En un coup d’œil',
    dimensions: 'Les quatre facettes par dimension',
    heatmap: 'Par segment',
    heatmapWithheld: 'Par {{segment}} : aucun segment ne peut être montré pour cette vague ({{reason}}).',
    withheld: 'Les résultats de {{scope}} ne sont pas montrés pour {{wave}} : {{reason}}. Rien d’autre n’est imprimé.',
    noGroup: 'Ce groupe ne peut pas faire l’objet d’un rapport.',
    link: 'Rapport à imprimer',
    linkNamed: 'Rapport à imprimer de {{group}}',
  },
};

export const reportMessages = { en, fr };
