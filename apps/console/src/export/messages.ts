/** Copy of the CSV export buttons, in both languages (merged into the console's messages). */
const en = { export: { csv: 'Export CSV', csvOf: 'Export “{{title}}” as CSV' } };

const fr: typeof en = { export: { csv: 'Exporter en CSV', csvOf: 'Exporter « {{title}} » en CSV' } };

export const exportMessages = { fr, en };
