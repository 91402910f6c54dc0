import type { Language } from '@facets/portal-kit';

/** A calendar day (YYYY-MM-DD) in words, read in UTC so that it never shifts to the day before. */
export function formatDay(day: string, lang: Language): string {
  const date = new Date(`${day}T00:00:00.000Z`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(
    date,
  );
}

/** A period between two optional days, as "1 Dec 2026 – 28 Feb 2027", "from …", "until …", or ''. */
export function formatPeriod(
  start: string | null,
  end: string | null,
  lang: Language,
  words: { from: (d: string) => string; until: (d: string) => string },
): string {
  if (start && end) return `${formatDay(start, lang)} – ${formatDay(end, lang)}`;
  if (start) return words.from(formatDay(start, lang));
  if (end) return words.until(formatDay(end, lang));
  return '';
}

/** True for a real calendar day written YYYY-MM-DD. */
export function isDay(text: string): boolean {
  const date = new Date(`${text}T00:00:00.000Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}
