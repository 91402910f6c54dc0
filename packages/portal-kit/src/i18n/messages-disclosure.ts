/**
 * What respondents are told about the protection of their answers: the mode of a survey (its first screen), the
 * warning beside every comment box, and the reporting rules page. One home, so the three say the same thing. `fr` has
 * the type of `en`, so a key missing in one language fails the typecheck.
 */
const en = {
  mode: {
    anonymousTitle: 'This survey is anonymous',
    anonymous: 'No link between your answers and you is stored, so the organisation can never know who answered what.',
    confidentialTitle: 'This survey is confidential',
    confidential:
      'Your answers are stored with your name, but results are shown only for groups of at least {{k}} people, and nobody in the organisation sees one person’s answers.',
    rulesLink: 'How your answers are reported',
  },
  textWarning: {
    title: 'What you write can identify you',
    body: 'The text itself can give its author away, even without a name: names, dates, places or an event few people lived through can point to you or to others. Leave such details out.',
    reference: 'A reference you add, such as an order or ticket number, can point to you too.',
  },
  rules: {
    title: 'Who sees what',
    intro: 'How {{organization}} reports what you say, in plain words.',
    back: 'Back to the survey',
    modesTitle: 'Two kinds of survey',
    modesIntro: 'The first screen of every survey says which kind it is.',
    anonymousLabel: 'Anonymous.',
    anonymous:
      'No link between your answers and you is stored — neither your name nor anything that leads back to you. The organisation can never know who answered what.',
    confidentialLabel: 'Confidential.',
    confidential:
      'Your answers are stored with your name, but results are shown only for groups of at least {{k}} people, and nobody in the organisation sees one person’s answers.',
    confidentialCompanies:
      'Your answers are stored with your name, but results are shown only for groups of at least {{k}} companies, and nobody in the organisation sees one person’s answers.',
    whenTitle: 'When results are shown',
    afterClose:
      'Results are published only once a survey has closed, never while answers are coming in: nobody can compare the results before and after one person answers.',
    periods:
      'Surveys that run all the time (on arrival, on leaving, after a contact with us) publish their results only when they close, like every survey.',
    groupsTitle: 'Which groups are shown',
    threshold: 'A result is shown only for a group of at least {{k}} people.',
    thresholdCompanies:
      'Suppliers are counted in companies: a result is shown only for a group of at least {{k}} different companies, however many people of one company answer.',
    combinations:
      'Groups that overlap (a department and a site, say) are shown together only if every combination of them holds at least {{k}} people, or nobody. So no figure shown, added to or subtracted from another, can single out fewer than {{k}} people.',
    combinationsCompanies:
      'Groups that overlap are shown together only if every combination of them holds at least {{k}} companies, or none. So no figure shown, added to or subtracted from another, can single out fewer than {{k}} companies.',
    filters: 'Nobody can narrow results down to a handful of people: such filters are refused.',
    hidden: 'A result that does not meet these rules is hidden and says why, without telling how many it concerns.',
    commentsTitle: 'Your comments',
    comments:
      'Written comments are shown only for groups in which at least {{k}} people commented, and the same holds for every combination of the groups shown.',
    commentsOrder:
      'They are shown in random order, with no rating, group or date beside them, so a comment cannot be tied to the rest of your answers.',
    commentsText:
      'The text itself can identify you: names, dates, places or a rare event can point to you or to others.',
    limitsTitle: 'What an anonymous survey cannot protect against',
    limitsIntro:
      'These rules make sure that nothing shown concerns fewer than {{k}} people. No rule can prevent what follows.',
    colluding:
      'People who share their answers: if {{others}} of the people behind a result tell each other what they answered, together they can work out what the last one answered.',
    alike:
      'Groups who all answered alike: if everyone behind a result gave the same answer, the result shows each one’s answer.',
    text: 'The text of a comment: what you write can point to you, whatever the rules above.',
    files:
      'Someone holding both Facets’ database and the organisation’s staff records: they could compare the groups stored with each answer (such as department or site) with the staff records to narrow down who gave it.',
    confidentialLimit:
      'A confidential survey: your answers are stored with your name: the organisation never sees them one by one, but someone holding the database could read them.',
    feedbackTitle: 'Your feedback',
    feedbackNamed: 'Feedback you send under your name is read by the team, who may reply to you here.',
    feedbackAnonymous:
      'You can also send feedback without your name: the team cannot see who wrote it, and you follow it from your device.',
    feedbackNoAnonymous: 'Feedback is always sent under your name in this organisation.',
    invitationsTitle: 'Invitation links',
    invitations:
      'An invitation link works once: it is marked used when your answers are recorded, and in an anonymous survey it never records which answers are yours.',
  },
};

export type DisclosureMessages = typeof en;

const fr: DisclosureMessages = {
  mode: {
    anonymousTitle: 'Cette enquête est anonyme',
    anonymous:
      'Aucun lien entre vos réponses et vous n’est enregistré : l’organisation ne peut jamais savoir qui a répondu quoi.',
    confidentialTitle: 'Cette enquête est confidentielle',
    confidential:
      'Vos réponses sont enregistrées avec votre nom, mais les résultats ne sont montrés que pour des groupes d’au moins {{k}} personnes, et personne dans l’organisation ne voit les réponses d’une personne.',
    rulesLink: 'Comment vos réponses sont présentées',
  },
  textWarning: {
    title: 'Ce que vous écrivez peut vous identifier',
    body: 'Le texte lui-même peut trahir son auteur, même sans nom : un nom, une date, un lieu ou un événement vécu par peu de personnes peut vous désigner, vous ou d’autres. Laissez ces détails de côté.',
    reference: 'Une référence ajoutée, comme un numéro de commande ou de ticket, peut aussi vous désigner.',
  },
  rules: {
    title: 'Qui voit quoi',
    intro: 'Comment {{organization}} rend compte de ce que vous dites, en termes simples.',
    back: 'Revenir à l’enquête',
    modesTitle: 'Deux sortes d’enquêtes',
    modesIntro: 'Le premier écran de chaque enquête indique de laquelle il s’agit.',
    anonymousLabel: 'Anonyme.',
    anonymous:
      'Aucun lien entre vos réponses et vous n’est enregistré — ni votre nom, ni rien qui mène à vous. L’organisation ne peut jamais savoir qui a répondu quoi.',
    confidentialLabel: 'Confidentielle.',
    confidential:
      'Vos réponses sont enregistrées avec votre nom, mais les résultats ne sont montrés que pour des groupes d’au moins {{k}} personnes, et personne dans l’organisation ne voit les réponses d’une personne.',
    confidentialCompanies:
      'Vos réponses sont enregistrées avec votre nom, mais les résultats ne sont montrés que pour des groupes d’au moins {{k}} entreprises, et personne dans l’organisation ne voit les réponses d’une personne.',
    whenTitle: 'Quand les résultats sont montrés',
    afterClose:
      'Les résultats ne sont publiés qu’une fois l’enquête close, jamais pendant qu’arrivent les réponses : personne ne peut comparer les résultats avant et après la réponse d’une personne.',
    periods:
      'Les enquêtes permanentes (à l’arrivée, au départ, après un échange avec nous) ne publient leurs résultats qu’à leur clôture, comme toutes les enquêtes.',
    groupsTitle: 'Quels groupes sont montrés',
    threshold: 'Un résultat n’est montré que pour un groupe d’au moins {{k}} personnes.',
    thresholdCompanies:
      'Les fournisseurs sont comptés en entreprises : un résultat n’est montré que pour un groupe d’au moins {{k}} entreprises différentes, quel que soit le nombre de personnes d’une même entreprise qui répondent.',
    combinations:
      'Des groupes qui se recoupent (un service et un site, par exemple) ne sont montrés ensemble que si chacune de leurs combinaisons compte au moins {{k}} personnes, ou personne. Ainsi aucun chiffre montré, ajouté à un autre ou retranché d’un autre, ne peut isoler moins de {{k}} personnes.',
    combinationsCompanies:
      'Des groupes qui se recoupent ne sont montrés ensemble que si chacune de leurs combinaisons compte au moins {{k}} entreprises, ou aucune. Ainsi aucun chiffre montré, ajouté à un autre ou retranché d’un autre, ne peut isoler moins de {{k}} entreprises.',
    filters: 'Personne ne peut restreindre les résultats à une poignée de personnes : de tels filtres sont refusés.',
    hidden: 'Un résultat qui ne respecte pas ces règles est masqué et dit pourquoi, sans dire combien il concerne.',
    commentsTitle: 'Vos commentaires',
    comments:
      'Les commentaires écrits ne sont montrés que pour des groupes où au moins {{k}} personnes ont commenté, et il en va de même pour chaque combinaison des groupes montrés.',
    commentsOrder:
      'Ils sont montrés dans un ordre aléatoire, sans note, groupe ni date à côté, pour qu’un commentaire ne puisse pas être relié au reste de vos réponses.',
    commentsText:
      'Le texte lui-même peut vous identifier : un nom, une date, un lieu ou un événement rare peut vous désigner, vous ou d’autres.',
    limitsTitle: 'Ce contre quoi une enquête anonyme ne protège pas',
    limitsIntro:
      'Ces règles garantissent que rien de ce qui est montré ne concerne moins de {{k}} personnes. Aucune règle n’empêche ce qui suit.',
    colluding:
      'Des personnes qui partagent leurs réponses : si {{others}} des personnes derrière un résultat se disent ce qu’elles ont répondu, ensemble elles peuvent retrouver la réponse de la dernière.',
    alike:
      'Des groupes qui ont tous répondu pareil : si tout le monde derrière un résultat a donné la même réponse, le résultat montre la réponse de chacun.',
    text: 'Le texte d’un commentaire : ce que vous écrivez peut vous désigner, quelles que soient les règles ci-dessus.',
    files:
      'Quelqu’un qui détient à la fois la base de données de Facets et le fichier du personnel de l’organisation : il pourrait comparer les groupes enregistrés avec chaque réponse (service ou site, par exemple) au fichier du personnel pour cerner qui l’a donnée.',
    confidentialLimit:
      'Une enquête confidentielle : vos réponses sont enregistrées avec votre nom : l’organisation ne les voit jamais une à une, mais quelqu’un qui détient la base de données pourrait les lire.',
    feedbackTitle: 'Vos avis',
    feedbackNamed: 'Les avis envoyés sous votre nom sont lus par l’équipe, qui peut vous répondre ici.',
    feedbackAnonymous:
      'Vous pouvez aussi envoyer un avis sans votre nom : l’équipe ne voit pas qui l’a écrit, et vous le suivez depuis votre appareil.',
    feedbackNoAnonymous: 'Dans cette organisation, les avis sont toujours envoyés sous votre nom.',
    invitationsTitle: 'Liens d’invitation',
    invitations:
      'Un lien d’invitation ne sert qu’une fois : il est marqué utilisé quand vos réponses sont enregistrées, et dans une enquête anonyme il ne garde jamais trace de vos réponses.',
  },
};

export const disclosureMessages = { fr, en };
