export type Language = 'fr' | 'en';
export const LANGUAGES: readonly Language[] = ['fr', 'en'];
export const LANGUAGE_STORAGE_KEY = 'facets.lang';

/** The saved choice first, then the browser's first language we speak, then English. */
export function detectLanguage(saved: string | null, browser: readonly string[]): Language {
  if (saved === 'fr' || saved === 'en') return saved;
  for (const tag of browser) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'fr' || base === 'en') return base;
  }
  return 'en';
}

/**
 * Picks the text of a localized `{ fr, en }` value, or the language it has when it lacks `lang` (an organisation that
 * writes in one language); plain strings pass through.
 */
export function pickText(
  text: string | { fr?: string | undefined; en?: string | undefined } | null | undefined,
  lang: Language,
): string {
  if (text == null) return '';
  if (typeof text === 'string') return text;
  return text[lang] || text[lang === 'fr' ? 'en' : 'fr'] || '';
}

export function formatDate(iso: string, lang: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'medium' }).format(date);
}

export function formatDateTime(iso: string, lang: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(
    date,
  );
}

export function formatNumber(value: number, lang: Language, fractionDigits = 0): string {
  return new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(value);
}
