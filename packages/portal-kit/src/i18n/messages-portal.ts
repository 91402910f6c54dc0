import type { InitiativeStatus, SurveyKind } from '@facets/domain';

/**
 * Messages of the stakeholder screens added beside the first ones (messages.ts lays them over its own): sign-in by
 * link, invitation links, "you said, we did", anonymous feedback and the pairs of the runner (what respondents are
 * told about the protection of their answers is in messages-disclosure.ts).
 * `fr` has the type of `en`, so a key missing in one language fails the typecheck.
 */
const en = {
  nav: { results: 'You said, we did', rules: 'Reporting rules' },
  signInLink: {
    use: 'Email me a sign-in link instead',
    usePassword: 'Sign in with a password instead',
    intro: 'Enter the email address the organisation knows you by. We will send you a link that signs you in.',
    send: 'Email me a link',
    sentTitle: 'Check your email',
    sent: 'If {{email}} is known to us, a sign-in link is on its way. It works once, for 15 minutes.',
    refused: 'This sign-in link has expired or was already used. Ask for a new one below.',
  },
  surveyKind: {
    pulse: 'Pulse',
    onboarding: 'Onboarding',
    exit: 'Leaving',
    relationship: 'Relationship',
    post_interaction: 'Your recent experience',
    perception: 'Perception',
  } satisfies Record<SurveyKind, string>,
  pair: {
    intro: 'Two sides of the same topic: what you expect, and what you actually experience.',
  },
  runnerExtra: {
    count: '{{count}} of {{max}} characters',
    tooLong: 'Your text has {{length}} characters: please keep it under {{max}}.',
    pasteTooLong: 'Not pasted: your text would have {{length}} characters, and the limit is {{max}}.',
    invitedBy: 'Invited by {{organization}}. You do not need an account to answer.',
  },
  errorsExtra: {
    tooLarge: 'What you sent is too large (the limit is 1 MB). Please shorten it and try again.',
  },
  invitation: {
    invalidTitle: 'This link does not work',
    invalid: 'Check that you opened the whole link from your invitation message. If it still fails, ask for a new one.',
    usedTitle: 'You have already answered',
    used: 'Thank you: your answers are recorded. Each invitation link can be used once.',
    answered: 'Thank you: you have already answered this survey.',
    expiredTitle: 'This invitation has expired',
    expired: 'The link is no longer valid. If you still want to answer, ask the organisation for a new invitation.',
    closedTitle: 'This survey is closed',
    closed: 'The survey no longer takes answers. Thank you for your interest.',
    closePage: 'You can now close this page.',
    haveAccount:
      'Have an account? Sign in to follow your feedback and see what the organisation does with the results.',
    signIn: 'Go to the sign-in page',
  },
  feedbackExtra: {
    anonymous: 'Send without my name',
    anonymousHint:
      'The team will not know who wrote it. You can still read the replies and answer them, from this device only.',
    tooLong: 'Your text has {{length}} characters: please keep it under {{max}}.',
    anonymousBadge: 'Without your name',
    anonymousNote: 'Sent without your name: only this device can follow it.',
  },
  results: {
    title: 'You said, we did',
    intro: 'What your group told us in the latest survey, and what the organisation is doing about it.',
    noWave: 'No survey of your group has closed yet. Results appear here once one has.',
    wave: 'Results of the survey “{{wave}}”',
    respondents_one: '{{count}} person answered.',
    respondents_other: '{{count}} people answered.',
    contacts_one: '{{count}} contact answered; results are shown only when at least {{k}} companies have answered.',
    contacts_other: '{{count}} contacts answered; results are shown only when at least {{k}} companies have answered.',
    saidTitle: 'What you said',
    topic: 'Topic',
    lived: 'What you experience',
    expected: 'What you expect',
    change: 'Since the survey before',
    score: '{{value}} / 100',
    up: 'up {{value}}',
    down: 'down {{value}}',
    same: 'unchanged',
    noChange: '—',
    hidden: 'Not shown: fewer than {{k}} people answered.',
    hiddenCompanies: 'Not shown: fewer than {{k}} companies answered.',
    hiddenShort: 'Not shown',
    scoreHelp: 'Scores go from 0 (everyone disagrees) to 100 (everyone agrees).',
    outcomesTitle: 'Overall',
    outcome: {
      nps: 'Net Promoter Score',
      csat: 'Satisfaction (share satisfied)',
      ces: 'Ease (0 to 100)',
      favourability: 'Favourable answers',
    },
    npsHelp: 'From −100 to +100: the share of promoters minus the share of detractors.',
    didTitle: 'What we are doing',
    didEmpty: 'Nothing has been published for your group yet.',
    status: { planned: 'Planned', active: 'Under way', delivered: 'Done' } satisfies Record<
      Exclude<InitiativeStatus, 'cancelled'>,
      string
    >,
    period: '{{start}} – {{end}}',
    from: 'Since {{start}}',
    about: 'About: {{topics}}',
    actionsTitle: 'Actions from your results',
    actionsIntro: 'What your team and the organisation decided to do after the survey, and where it stands.',
    actionTeam: 'Your team',
    actionEveryone: 'Everyone',
    actionOwner: 'Led by {{owner}}',
    actionDue: 'Due {{date}}',
    actionUpdated: 'Updated {{date}}',
    actionStatus: { planned: 'Planned', in_progress: 'Under way', done: 'Done' },
  },
};

export type PortalMessages = typeof en;

const fr: PortalMessages = {
  nav: { results: 'Vous avez dit, nous avons fait', rules: 'Règles de diffusion' },
  signInLink: {
    use: 'Recevoir plutôt un lien de connexion par e-mail',
    usePassword: 'Se connecter plutôt avec un mot de passe',
    intro: 'Saisissez l’adresse e-mail que l’organisation connaît. Nous vous enverrons un lien qui vous connecte.',
    send: 'Recevoir un lien',
    sentTitle: 'Consultez vos e-mails',
    sent: 'Si l’adresse {{email}} nous est connue, un lien de connexion vous a été envoyé. Il fonctionne une fois, pendant 15 minutes.',
    refused: 'Ce lien de connexion a expiré ou a déjà servi. Demandez-en un nouveau ci-dessous.',
  },
  surveyKind: {
    pulse: 'Baromètre',
    onboarding: 'Intégration',
    exit: 'Départ',
    relationship: 'Relation',
    post_interaction: 'Votre expérience récente',
    perception: 'Perception',
  },
  pair: {
    intro: 'Deux faces d’un même sujet : ce que vous attendez, et ce que vous vivez vraiment.',
  },
  runnerExtra: {
    count: '{{count}} caractères sur {{max}}',
    tooLong: 'Votre texte compte {{length}} caractères : gardez-le sous {{max}}.',
    pasteTooLong: 'Rien n’a été collé : votre texte compterait {{length}} caractères, pour une limite de {{max}}.',
    invitedBy: 'Invitation de {{organization}}. Aucun compte n’est nécessaire pour répondre.',
  },
  errorsExtra: {
    tooLarge: 'Votre envoi est trop volumineux (la limite est de 1 Mo). Raccourcissez-le puis réessayez.',
  },
  invitation: {
    invalidTitle: 'Ce lien ne fonctionne pas',
    invalid:
      'Vérifiez que vous avez ouvert le lien complet de votre message d’invitation. Si cela ne marche toujours pas, demandez-en un nouveau.',
    usedTitle: 'Vous avez déjà répondu',
    used: 'Merci : vos réponses sont enregistrées. Chaque lien d’invitation ne sert qu’une fois.',
    answered: 'Merci : vous avez déjà répondu à cette enquête.',
    expiredTitle: 'Cette invitation a expiré',
    expired:
      'Le lien n’est plus valable. Si vous souhaitez encore répondre, demandez une nouvelle invitation à l’organisation.',
    closedTitle: 'Cette enquête est close',
    closed: 'L’enquête ne reçoit plus de réponses. Merci de votre intérêt.',
    closePage: 'Vous pouvez maintenant fermer cette page.',
    haveAccount:
      'Vous avez un compte ? Connectez-vous pour suivre vos avis et voir ce que l’organisation fait des résultats.',
    signIn: 'Aller à la page de connexion',
  },
  feedbackExtra: {
    anonymous: 'Envoyer sans mon nom',
    anonymousHint:
      'L’équipe ne saura pas qui l’a écrit. Vous pourrez tout de même lire les réponses et y répondre, depuis cet appareil uniquement.',
    tooLong: 'Votre texte compte {{length}} caractères : gardez-le sous {{max}}.',
    anonymousBadge: 'Sans votre nom',
    anonymousNote: 'Envoyé sans votre nom : seul cet appareil peut le suivre.',
  },
  results: {
    title: 'Vous avez dit, nous avons fait',
    intro: 'Ce que votre groupe a exprimé lors de la dernière enquête, et ce que l’organisation fait en retour.',
    noWave: 'Aucune enquête de votre groupe n’est encore close. Les résultats apparaîtront ici ensuite.',
    wave: 'Résultats de l’enquête « {{wave}} »',
    respondents_one: '{{count}} personne a répondu.',
    respondents_other: '{{count}} personnes ont répondu.',
    contacts_one:
      '{{count}} contact a répondu ; les résultats ne sont montrés que si au moins {{k}} entreprises ont répondu.',
    contacts_other:
      '{{count}} contacts ont répondu ; les résultats ne sont montrés que si au moins {{k}} entreprises ont répondu.',
    saidTitle: 'Ce que vous avez dit',
    topic: 'Thème',
    lived: 'Ce que vous vivez',
    expected: 'Ce que vous attendez',
    change: 'Depuis l’enquête précédente',
    score: '{{value}} / 100',
    up: 'en hausse de {{value}}',
    down: 'en baisse de {{value}}',
    same: 'stable',
    noChange: '—',
    hidden: 'Non affiché : moins de {{k}} personnes ont répondu.',
    hiddenCompanies: 'Non affiché : moins de {{k}} entreprises ont répondu.',
    hiddenShort: 'Non affiché',
    scoreHelp: 'Les scores vont de 0 (tout le monde est en désaccord) à 100 (tout le monde est d’accord).',
    outcomesTitle: 'Dans l’ensemble',
    outcome: {
      nps: 'Net Promoter Score',
      csat: 'Satisfaction (part de satisfaits)',
      ces: 'Facilité (de 0 à 100)',
      favourability: 'Réponses favorables',
    },
    npsHelp: 'De −100 à +100 : la part de promoteurs moins la part de détracteurs.',
    didTitle: 'Ce que nous faisons',
    didEmpty: 'Rien n’a encore été publié pour votre groupe.',
    status: { planned: 'Prévu', active: 'En cours', delivered: 'Réalisé' },
    period: '{{start}} – {{end}}',
    from: 'Depuis le {{start}}',
    about: 'Thèmes : {{topics}}',
    actionsTitle: 'Les actions issues de vos réponses',
    actionsIntro: 'Ce que votre équipe et l’organisation ont décidé de faire après l’enquête, et où elles en sont.',
    actionTeam: 'Votre équipe',
    actionEveryone: 'Tout le monde',
    actionOwner: 'Menée par {{owner}}',
    actionDue: 'Échéance : {{date}}',
    actionUpdated: 'Mise à jour le {{date}}',
    actionStatus: { planned: 'Prévue', in_progress: 'En cours', done: 'Faite' },
  },
};

export const portalMessages = { fr, en };
