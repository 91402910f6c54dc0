/** Copy of the CSV export buttons, in both languages (merged into the console's messages). */
const en = {
  export: {
    csv: 'Export CSV',
    csvOf: 'Export “{{title}}” as CSV',
    failed: 'The export could not be recorded, so no file was made. Please try again.',
  },
};

const fr: typeof en = {
  export: {
    csv: 'Exporter en CSV',
    csvOf: 'Exporter « {{title}} » en CSV',
    failed: 'L’export n’a pas pu être enregistré : aucun fichier n’a été créé. Réessayez.',
  },
};

export const exportMessages = { fr, en };
