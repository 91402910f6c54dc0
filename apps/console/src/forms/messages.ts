/** Words every form of the planning and operations pages uses, in both languages. */
const en = {
  form: {
    save: 'Save',
    saving: 'Saving…',
    cancel: 'Cancel',
    close: 'Close',
    edit: 'Edit',
    delete: 'Delete',
    saved: 'Saved.',
    required: 'This field is required.',
    tooLong: 'Keep it under {{max}} characters.',
    french: 'French',
    english: 'English',
    inFrench: '{{label}} (French)',
    inEnglish: '{{label}} (English)',
    none: 'None',
    all: 'All',
    dateInvalid: 'Enter a date.',
  },
};

const fr: typeof en = {
  form: {
    save: 'Enregistrer',
    saving: 'Enregistrement…',
    cancel: 'Annuler',
    close: 'Fermer',
    edit: 'Modifier',
    delete: 'Supprimer',
    saved: 'Enregistré.',
    required: 'Ce champ est obligatoire.',
    tooLong: 'Pas plus de {{max}} caractères.',
    french: 'Français',
    english: 'Anglais',
    inFrench: '{{label}} (français)',
    inEnglish: '{{label}} (anglais)',
    none: 'Aucun',
    all: 'Tous',
    dateInvalid: 'Saisissez une date.',
  },
};

export const formMessages = { fr, en };
