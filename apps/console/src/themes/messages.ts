import type { Polarity } from '@facets/domain';

/** Copy of the comment themes (dimension page, overview, report, the analysts' dialog), in both languages. */
const en = {
  themes: {
    heading: 'Themes of the comments',
    overviewHeading: 'Most raised themes',
    none: 'No theme is raised by enough commenters to be shown.',
    analysing: 'Some comments of this wave are still being read: their themes will be shown shortly.',
    foldNote:
      'Counted in people who commented, never comments. A theme raised by too few of them, or by nearly all of them, is not shown, here or in any breakdown.',
    commenters_one: '{{n}} person ({{share}})',
    commenters_other: '{{n}} people ({{share}})',
    contacts_one: '{{n}} contact ({{share}})',
    contacts_other: '{{n}} contacts ({{share}})',
    overall: 'Overall sentiment of the comments',
    sentimentLabel: 'Negative {{negative}}, neutral {{neutral}}, positive {{positive}}',
    sentimentHidden: 'Sentiment not shown: too few people in one of its parts.',
    polarity: { negative: 'Negative', neutral: 'Neutral', positive: 'Positive' } satisfies Record<Polarity, string>,
    trend: '{{value}} pts since the previous wave',
    examples: 'Comments raising it',
    commentedOn: 'in comments on {{dimension}}',
    dimensionLink: 'Belongs to the dimension “{{dimension}}”',
    indicative: 'Sentiment is indicative.',
    indicativeDetail:
      'It is read on this server by a word list, with a negation rule and the person’s own rating: it misses many complaints written without a telling word, and irony. How well it reads is measured on labelled comments (README, “Comment analytics: how well they read”). Read the comments themselves.',
    manage: 'Manage themes',
    dialog: {
      title: 'Comment themes',
      subtitle: 'Names, merges and dimensions apply to every view and report as soon as they are saved.',
      close: 'Close',
      theme: 'Theme',
      builtIn: 'Built-in name: {{name}}',
      nameFr: 'Name in French',
      nameEn: 'Name in English',
      mergeInto: 'Counted in',
      ownTheme: 'Its own theme',
      dimension: 'Dimension',
      taxonomyDimension: 'The taxonomy’s ({{code}})',
      save: 'Save',
      saved: 'Saved.',
      mergedNote: 'Merged into {{theme}}',
    },
  },
};

const fr: typeof en = {
  themes: {
    heading: 'Thèmes des commentaires',
    overviewHeading: 'Thèmes les plus cités',
    none: 'Aucun thème n’est cité par assez de personnes pour être affiché.',
    analysing:
      'Certains commentaires de cette vague sont encore en cours de lecture : leurs thèmes seront bientôt affichés.',
    foldNote:
      'Compté en personnes ayant commenté, jamais en commentaires. Un thème cité par trop peu d’entre elles, ou par presque toutes, n’est pas affiché, ni ici ni dans aucune ventilation.',
    commenters_one: '{{n}} personne ({{share}})',
    commenters_other: '{{n}} personnes ({{share}})',
    contacts_one: '{{n}} contact ({{share}})',
    contacts_other: '{{n}} contacts ({{share}})',
    overall: 'Tonalité d’ensemble des commentaires',
    sentimentLabel: 'Négatif {{negative}}, neutre {{neutral}}, positif {{positive}}',
    sentimentHidden: 'Tonalité non affichée : trop peu de personnes dans l’une de ses parts.',
    polarity: { negative: 'Négatif', neutral: 'Neutre', positive: 'Positif' },
    trend: '{{value}} pts depuis la vague précédente',
    examples: 'Commentaires qui le citent',
    commentedOn: 'dans les commentaires sur {{dimension}}',
    dimensionLink: 'Relève de la dimension « {{dimension}} »',
    indicative: 'La tonalité est indicative.',
    indicativeDetail:
      'Elle est lue sur ce serveur par une liste de mots, avec une règle de négation et la note de la personne : elle manque beaucoup de plaintes écrites sans mot révélateur, et l’ironie. La qualité de lecture est mesurée sur des commentaires annotés (README, « Comment analytics: how well they read »). Lisez les commentaires eux-mêmes.',
    manage: 'Gérer les thèmes',
    dialog: {
      title: 'Thèmes des commentaires',
      subtitle:
        'Noms, regroupements et dimensions s’appliquent à toutes les vues et à tous les rapports dès l’enregistrement.',
      close: 'Fermer',
      theme: 'Thème',
      builtIn: 'Nom d’origine : {{name}}',
      nameFr: 'Nom en français',
      nameEn: 'Nom en anglais',
      mergeInto: 'Compté dans',
      ownTheme: 'Son propre thème',
      dimension: 'Dimension',
      taxonomyDimension: 'Celle de la taxonomie ({{code}})',
      save: 'Enregistrer',
      saved: 'Enregistré.',
      mergedNote: 'Regroupé dans {{theme}}',
    },
  },
};

export const themesMessages = { fr, en };
