import type { InitiativeKind } from '@facets/domain';

/** Copy of the maturity page, in both languages (merged into the console's messages). */
const en = {
  maturity: {
    title: 'Maturity',
    intro:
      'How far the organisation runs on the experience of its stakeholders, from talking about it to steering the business by it: the stage its data supports, the evidence, leadership’s own view and the next steps.',
    stageTitle: 'Stage {{stage}}: {{name}}',
    evidenceSays: 'What the data shows',
    leadershipSays: 'Leadership’s view',
    stage: {
      1: {
        name: 'Communication',
        text: 'Experience as a promise: quick wins and messages; the promise grows faster than reality.',
      },
      2: { name: 'Service', text: 'Experience through how people are treated and through added services.' },
      3: { name: 'Integrated offer', text: 'Products and services designed together around the intended experience.' },
      4: {
        name: 'Horizontal integration',
        text: 'Marketing, HR, IT, procurement and finance design the experience and how it is delivered together.',
      },
      5: {
        name: 'Strategic asset',
        text: 'The experience is the business model, steered at the top, in every process.',
      },
    },
    evidenceTitle: 'Evidence',
    nextTitle: 'Next steps',
    none: 'none',
    fact: {
      intended: 'Groups with an intended experience',
      intendedValue: '{{n}} of {{count}}',
      initiatives: 'Active or delivered initiatives',
      initiativesValue_one: '{{count}} initiative',
      initiativesValue_other: '{{count}} initiatives',
      kinds: 'Their kinds',
      promises: 'Measured promises kept',
      promisesValue: '{{kept}} of {{count}}',
      promisesNone: 'no promise is measured yet',
      review: 'Leadership review',
      reviewed: 'reviewed on {{date}} (within the year)',
      reviewOld: 'last reviewed on {{date}}, more than a year ago',
      reviewNever: 'never recorded',
    },
    kind: {
      communication: 'communication',
      service: 'service',
      offer: 'offer',
      process: 'process',
      digital: 'digital',
      policy: 'policy',
      training: 'training',
    } satisfies Record<InitiativeKind, string>,
    agreement: {
      agrees: 'It matches what the data shows (stage {{stage}}).',
      self_higher: 'It is above what the data shows (stage {{stage}}): worth checking against the evidence.',
      self_lower: 'It is below what the data shows (stage {{stage}}): some achievements may be underrated.',
      no_self_assessment: '',
    },
    self: {
      title: 'Leadership self-assessment',
      latest: 'Latest self-assessment: stage {{stage}}, {{name}}, recorded on {{date}}.',
      never: 'Leadership has not recorded a self-assessment yet.',
      readOnly: 'Only leadership and administrators record the self-assessment; you can read it here.',
      stageLegend: 'At which stage do you place the organisation today?',
      stageRequired: 'Choose a stage to record your assessment.',
      optional: '(optional)',
      question: {
        strengths: 'What already supports this stage?',
        obstacles: 'What holds the organisation back from the next one?',
        commitment: 'What will leadership do about it this year?',
      },
      submit: 'Record the self-assessment',
      saved: 'Your self-assessment is recorded.',
    },
  },
};

const fr: typeof en = {
  maturity: {
    title: 'Maturité',
    intro:
      'Jusqu’où l’organisation se pilote par l’expérience de ses parties prenantes, d’en parler à en faire son modèle : le stade que ses données montrent, les éléments de preuve, le regard de la direction et les prochaines étapes.',
    stageTitle: 'Stade {{stage}} : {{name}}',
    evidenceSays: 'Ce que montrent les données',
    leadershipSays: 'Le regard de la direction',
    stage: {
      1: {
        name: 'Communication',
        text: 'L’expérience comme promesse : actions rapides et messages ; la promesse grandit plus vite que la réalité.',
      },
      2: {
        name: 'Service',
        text: 'L’expérience par la manière dont les personnes sont traitées et par des services ajoutés.',
      },
      3: { name: 'Offre intégrée', text: 'Produits et services conçus ensemble autour de l’expérience voulue.' },
      4: {
        name: 'Intégration transversale',
        text: 'Marketing, RH, informatique, achats et finance conçoivent ensemble l’expérience et sa mise en œuvre.',
      },
      5: {
        name: 'Actif stratégique',
        text: 'L’expérience est le modèle d’affaires, pilotée au plus haut niveau, dans chaque processus.',
      },
    },
    evidenceTitle: 'Éléments de preuve',
    nextTitle: 'Prochaines étapes',
    none: 'aucune',
    fact: {
      intended: 'Groupes avec une expérience voulue',
      intendedValue: '{{n}} sur {{count}}',
      initiatives: 'Initiatives en cours ou livrées',
      initiativesValue_one: '{{count}} initiative',
      initiativesValue_other: '{{count}} initiatives',
      kinds: 'Leurs natures',
      promises: 'Promesses mesurées tenues',
      promisesValue: '{{kept}} sur {{count}}',
      promisesNone: 'aucune promesse n’est encore mesurée',
      review: 'Revue par la direction',
      reviewed: 'revue le {{date}} (dans l’année)',
      reviewOld: 'dernière revue le {{date}}, il y a plus d’un an',
      reviewNever: 'jamais enregistrée',
    },
    kind: {
      communication: 'communication',
      service: 'service',
      offer: 'offre',
      process: 'processus',
      digital: 'numérique',
      policy: 'politique',
      training: 'formation',
    },
    agreement: {
      agrees: 'Elle rejoint ce que montrent les données (stade {{stage}}).',
      self_higher: 'Elle est au-dessus de ce que montrent les données (stade {{stage}}) : à confronter aux faits.',
      self_lower:
        'Elle est en dessous de ce que montrent les données (stade {{stage}}) : certains acquis sont peut-être sous-estimés.',
      no_self_assessment: '',
    },
    self: {
      title: 'Auto-évaluation de la direction',
      latest: 'Dernière auto-évaluation : stade {{stage}}, {{name}}, enregistrée le {{date}}.',
      never: 'La direction n’a pas encore enregistré d’auto-évaluation.',
      readOnly: 'Seules la direction et les administrateurs enregistrent l’auto-évaluation ; vous pouvez la lire ici.',
      stageLegend: 'À quel stade placez-vous l’organisation aujourd’hui ?',
      stageRequired: 'Choisissez un stade pour enregistrer votre évaluation.',
      optional: '(facultatif)',
      question: {
        strengths: 'Qu’est-ce qui soutient déjà ce stade ?',
        obstacles: 'Qu’est-ce qui retient l’organisation d’atteindre le suivant ?',
        commitment: 'Que fera la direction cette année ?',
      },
      submit: 'Enregistrer l’auto-évaluation',
      saved: 'Votre auto-évaluation est enregistrée.',
    },
  },
};

export const maturityMessages = { fr, en };
