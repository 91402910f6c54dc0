import type { CompareMetric } from '@facets/domain';

/** Copy shared by the insights pages: why a figure is hidden, n, metric names (merged into the console's messages). */
const en = {
  figures: {
    n: 'n = {{n}}',
    nContacts_one: 'n = {{n}} contact',
    nContacts_other: 'n = {{n}} contacts',
    respondents_one: '{{n}} respondent',
    respondents_other: '{{n}} respondents',
    contacts_one: '{{n}} contact answered',
    contacts_other: '{{n}} contacts answered',
    hidden: 'Hidden',
    noData: 'No data',
    notAsked: 'Not asked',
    notAskedDetail: 'not in this wave’s survey',
    notMeasured: 'Not measured',
    notMeasuredFor: 'not measured for this group',
    reason: {
      no_data: 'nobody answered yet',
      below_k: 'fewer than {{k}} respondents',
      complementary: 'hidden so that the few people outside it cannot be worked out from the total',
      complement_below_k: 'fewer than {{k}} people outside this segment answered',
      overlap: 'combined with the other groups shown, it would single out fewer than {{k}} people',
      comments_below_k: 'fewer than {{k}} people commented',
      companies_below_k:
        'fewer than {{k}} companies answered, or one company gave most of the answers (suppliers are counted by company)',
    },
    metric: {
      lived: 'Lived',
      expected: 'Expected',
      expectationGap: 'Expectation gap',
      favourability: 'Favourability',
    } satisfies Record<CompareMetric, string>,
    pending_one: '{{label}} is under way: {{n}} answers so far. Its results are published when it closes.',
    pending_other: '{{label}} is under way: {{n}} answers so far. Its results are published when it closes.',
    pendingFew:
      '{{label}} is under way: fewer than {{k}} answers so far. Its results are published when it closes, if {{k}} people have answered.',
    pendingFewCompanies:
      '{{label}} is under way: fewer than {{k}} answers so far. Its results are published when it closes, if {{k}} companies have answered.',
    waveOf: '{{wave}} of “{{survey}}”',
    points: '{{value}} pts',
    percent: '{{value}} %',
    since: 'since {{wave}}',
    range: { below: 'below {{to}}', between: '{{from}} to {{to}}', above: '{{from}} and above' },
    anonymityScores:
      'To protect anonymity, a wave’s results are published when it closes, and only for groups that no combination can narrow to fewer than {{k}} people; every hidden figure says why.',
    anonymity:
      'To protect anonymity, a figure is shown only when at least {{k}} people answered (comments: {{commentK}} commenters); every hidden figure says why.',
    anonymityScoresCompanies:
      'To protect anonymity, a wave’s supplier results are published when it closes, and only for groups that no combination can narrow to fewer than {{k}} companies (suppliers are counted by company, not by contact); every hidden figure says why.',
    anonymityCompanies:
      'To protect anonymity, a supplier figure is shown only when at least {{k}} companies answered and no single company gave most of the answers (comments: {{commentK}} companies); every hidden figure says why. The n beside a figure counts contacts.',
  },
  scope: {
    group: 'Group',
    wholeGroup: 'The whole group',
    value: 'Which one',
    myTeam: 'My team ({{n}})',
    myTeamPlain: 'My team',
    myTeamHidden: 'My team (fewer than {{k}})',
    teamBody:
      'You see the employee results of everyone under you in the reporting line, directly or not. Other teams, departments and stakeholder groups are not shown to managers.',
    myDepartment: 'My department',
    seeDepartment: 'See my department',
    seeTeam: 'See my team',
  },
  comparison: {
    heading: 'Against the whole group',
    points: '{{value}} pts',
    interval: '95 %: {{low}} to {{high}}',
    significant: 'a real difference',
    notSignificant: 'within chance',
    sentence: '{{value}} points against the whole group (95 % interval {{low}} to {{high}}): {{verdict}}.',
    none: 'No comparison: too little spread in the answers to judge.',
    explain:
      'Each difference is the segment’s score minus the whole group’s, in points. The interval is where the real difference lies 95 times in 100; when it includes 0, the difference may be chance.',
  },
  reporting: {
    filters: 'What the results of {{group}} report on',
    survey: 'Survey',
    headline: '{{title}} (headline)',
    wave: 'Wave',
    latest: 'Latest: {{wave}}',
    waveOfSurvey: '{{wave}} ({{survey}})',
    none: 'No published wave yet',
    chosen: 'You are reading {{wave}} of {{survey}}, not the latest results.',
    backToLatest: 'Back to the latest results',
  },
};

const fr: typeof en = {
  figures: {
    n: 'n = {{n}}',
    nContacts_one: 'n = {{n}} contact',
    nContacts_other: 'n = {{n}} contacts',
    respondents_one: '{{n}} répondant',
    respondents_other: '{{n}} répondants',
    contacts_one: '{{n}} contact a répondu',
    contacts_other: '{{n}} contacts ont répondu',
    hidden: 'Masqué',
    noData: 'Aucune donnée',
    notAsked: 'Non demandé',
    notAskedDetail: 'absent du questionnaire de la vague',
    notMeasured: 'Non mesuré',
    notMeasuredFor: 'non mesurée pour ce groupe',
    reason: {
      no_data: 'personne n’a encore répondu',
      below_k: 'moins de {{k}} répondants',
      complementary: 'masqué pour que les quelques personnes hors de ce groupe ne puissent pas être déduites du total',
      complement_below_k: 'moins de {{k}} personnes hors de ce segment ont répondu',
      overlap: 'croisé avec les autres groupes affichés, il isolerait moins de {{k}} personnes',
      comments_below_k: 'moins de {{k}} personnes ont commenté',
      companies_below_k:
        'moins de {{k}} entreprises ont répondu, ou une entreprise a donné la plupart des réponses (les fournisseurs sont comptés par entreprise)',
    },
    metric: {
      lived: 'Vécue',
      expected: 'Attendue',
      expectationGap: 'Écart aux attentes',
      favourability: 'Favorabilité',
    },
    pending_one: '{{label}} est en cours : {{n}} réponses pour l’instant. Ses résultats seront publiés à sa clôture.',
    pending_other: '{{label}} est en cours : {{n}} réponses pour l’instant. Ses résultats seront publiés à sa clôture.',
    pendingFew:
      '{{label}} est en cours : moins de {{k}} réponses pour l’instant. Ses résultats seront publiés à sa clôture, si {{k}} personnes ont répondu.',
    pendingFewCompanies:
      '{{label}} est en cours : moins de {{k}} réponses pour l’instant. Ses résultats seront publiés à sa clôture, si {{k}} entreprises ont répondu.',
    waveOf: '{{wave}} de « {{survey}} »',
    points: '{{value}} pts',
    percent: '{{value}} %',
    since: 'depuis {{wave}}',
    range: { below: 'moins de {{to}}', between: 'de {{from}} à {{to}}', above: '{{from}} et plus' },
    anonymityScores:
      'Pour protéger l’anonymat, les résultats d’une vague sont publiés à sa clôture, et seulement pour des groupes qu’aucune combinaison ne permet de réduire à moins de {{k}} personnes ; chaque chiffre masqué dit pourquoi.',
    anonymity:
      'Pour protéger l’anonymat, un chiffre n’est affiché que si au moins {{k}} personnes ont répondu (commentaires : {{commentK}} personnes) ; chaque chiffre masqué dit pourquoi.',
    anonymityScoresCompanies:
      'Pour protéger l’anonymat, les résultats fournisseurs d’une vague sont publiés à sa clôture, et seulement pour des groupes qu’aucune combinaison ne permet de réduire à moins de {{k}} entreprises (les fournisseurs sont comptés par entreprise, pas par contact) ; chaque chiffre masqué dit pourquoi.',
    anonymityCompanies:
      'Pour protéger l’anonymat, un chiffre fournisseur n’est affiché que si au moins {{k}} entreprises ont répondu et qu’aucune n’a donné à elle seule la plupart des réponses (commentaires : {{commentK}} entreprises) ; chaque chiffre masqué dit pourquoi. Le n à côté d’un chiffre compte des contacts.',
  },
  scope: {
    group: 'Groupe',
    wholeGroup: 'Tout le groupe',
    value: 'Lequel',
    myTeam: 'Mon équipe ({{n}})',
    myTeamPlain: 'Mon équipe',
    myTeamHidden: 'Mon équipe (moins de {{k}})',
    teamBody:
      'Vous voyez les résultats des salariés placés sous vous dans la ligne hiérarchique, directement ou non. Les autres équipes, les autres services et les autres groupes de parties prenantes ne sont pas montrés aux managers.',
    myDepartment: 'Mon service',
    seeDepartment: 'Voir mon service',
    seeTeam: 'Voir mon équipe',
  },
  comparison: {
    heading: 'Par rapport à tout le groupe',
    points: '{{value}} pts',
    interval: '95 % : de {{low}} à {{high}}',
    significant: 'un écart réel',
    notSignificant: 'dans la marge du hasard',
    sentence: '{{value}} points par rapport à tout le groupe (intervalle à 95 % de {{low}} à {{high}}) : {{verdict}}.',
    none: 'Pas de comparaison : trop peu de dispersion dans les réponses pour en juger.',
    explain:
      'Chaque écart est le score du segment moins celui de tout le groupe, en points. L’intervalle contient l’écart réel 95 fois sur 100 ; s’il contient 0, l’écart peut être dû au hasard.',
  },
  reporting: {
    filters: 'Ce que couvrent les résultats de {{group}}',
    survey: 'Enquête',
    headline: '{{title}} (principale)',
    wave: 'Vague',
    latest: 'Dernière : {{wave}}',
    waveOfSurvey: '{{wave}} ({{survey}})',
    none: 'Aucune vague publiée pour l’instant',
    chosen: 'Vous lisez {{wave}} de {{survey}}, pas les derniers résultats.',
    backToLatest: 'Revenir aux derniers résultats',
  },
};

export const figuresMessages = { fr, en };
