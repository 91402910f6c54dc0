/** Copy shared by the insights pages: why a figure is hidden, n, metric names (merged into the console's messages). */
const en = {
  figures: {
    n: 'n = {{n}}',
    hidden: 'Hidden',
    noData: 'No data',
    notMeasured: 'Not measured',
    notMeasuredFor: 'not measured for this group',
    reason: {
      no_data: 'nobody answered yet',
      below_k: 'fewer than {{k}} respondents',
      complementary: 'hidden with a smaller segment, so that it cannot be deduced',
      complement_below_k: 'fewer than {{k}} people outside this segment answered',
      overlap: 'too close to another segment shown: the difference would identify people',
      comments_below_k: 'fewer than {{k}} people commented',
      companies_below_k: 'fewer than {{k}} companies answered (suppliers are counted by company)',
    },
    metric: {
      lived: 'Lived',
      expected: 'Expected',
      expectationGap: 'Expectation gap',
      favourability: 'Favourability',
    },
    pending_one: '{{label}} is under way: {{n}} answer so far. Its results appear once {{k}} people have answered.',
    pending_other: '{{label}} is under way: {{n}} answers so far. Its results appear once {{k}} people have answered.',
    pendingCompanies_one:
      '{{label}} is under way: {{n}} answer so far. Its results appear once {{k}} companies have answered.',
    pendingCompanies_other:
      '{{label}} is under way: {{n}} answers so far. Its results appear once {{k}} companies have answered.',
    points: '{{value}} pts',
    percent: '{{value}} %',
    since: 'since {{wave}}',
    range: { below: 'below {{to}}', between: '{{from}} to {{to}}', above: '{{from}} and above' },
    anonymityScores:
      'To protect anonymity, a figure is shown only when at least {{k}} people answered, and a small segment’s neighbours are hidden with it; every hidden figure says why.',
    anonymity:
      'To protect anonymity, a figure is shown only when at least {{k}} people answered (comments: {{commentK}} commenters); every hidden figure says why.',
  },
};

const fr: typeof en = {
  figures: {
    n: 'n = {{n}}',
    hidden: 'Masqué',
    noData: 'Aucune donnée',
    notMeasured: 'Non mesuré',
    notMeasuredFor: 'non mesurée pour ce groupe',
    reason: {
      no_data: 'personne n’a encore répondu',
      below_k: 'moins de {{k}} répondants',
      complementary: 'masqué avec un plus petit segment, pour qu’il ne puisse pas être déduit',
      complement_below_k: 'moins de {{k}} personnes hors de ce segment ont répondu',
      overlap: 'trop proche d’un autre segment affiché : la différence identifierait des personnes',
      comments_below_k: 'moins de {{k}} personnes ont commenté',
      companies_below_k: 'moins de {{k}} entreprises ont répondu (les fournisseurs sont comptés par entreprise)',
    },
    metric: {
      lived: 'Vécue',
      expected: 'Attendue',
      expectationGap: 'Écart aux attentes',
      favourability: 'Favorabilité',
    },
    pending_one:
      '{{label}} est en cours : {{n}} réponse pour l’instant. Ses résultats s’afficheront dès que {{k}} personnes auront répondu.',
    pending_other:
      '{{label}} est en cours : {{n}} réponses pour l’instant. Ses résultats s’afficheront dès que {{k}} personnes auront répondu.',
    pendingCompanies_one:
      '{{label}} est en cours : {{n}} réponse pour l’instant. Ses résultats s’afficheront dès que {{k}} entreprises auront répondu.',
    pendingCompanies_other:
      '{{label}} est en cours : {{n}} réponses pour l’instant. Ses résultats s’afficheront dès que {{k}} entreprises auront répondu.',
    points: '{{value}} pts',
    percent: '{{value}} %',
    since: 'depuis {{wave}}',
    range: { below: 'moins de {{to}}', between: 'de {{from}} à {{to}}', above: '{{from}} et plus' },
    anonymityScores:
      'Pour protéger l’anonymat, un chiffre n’est affiché que si au moins {{k}} personnes ont répondu, et les voisins d’un petit segment sont masqués avec lui ; chaque chiffre masqué dit pourquoi.',
    anonymity:
      'Pour protéger l’anonymat, un chiffre n’est affiché que si au moins {{k}} personnes ont répondu (commentaires : {{commentK}} personnes) ; chaque chiffre masqué dit pourquoi.',
  },
};

export const figuresMessages = { fr, en };
