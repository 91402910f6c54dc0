import { z } from 'zod';
import { invalid } from './errors.ts';
import { LOCALES, Locale, type LocalizedText } from './model.ts';

/*
 * The languages an organisation writes in: French, English or both. A text it writes (a label, a title, a
 * statement) is required in each of them and only in them; a reader shown a language the text lacks gets the one it
 * has (`textIn`). Switching to one language fills nothing: texts keep what they hold and fall back
 * (docs/architecture.md, The model).
 */

export const OrganizationLanguages = z
  .array(Locale)
  .min(1)
  .max(LOCALES.length)
  .refine((languages) => new Set(languages).size === languages.length, 'a language appears twice');
export type OrganizationLanguages = z.infer<typeof OrganizationLanguages>;

/** Both languages, French first: every organisation's default. */
export const DEFAULT_LANGUAGES: readonly Locale[] = LOCALES;

/** A text as written: French, English or both, each trimmed and 1 to `max` characters. */
export const WrittenText = (max: number) =>
  z
    .strictObject({
      fr: z.string().trim().min(1).max(max).optional(),
      en: z.string().trim().min(1).max(max).optional(),
    })
    .refine((text) => text.fr !== undefined || text.en !== undefined, 'write it in French or in English');
export type WrittenText = { fr?: string | undefined; en?: string | undefined };

/** The languages in their canonical order (French first), each once; unknown codes dropped. */
export function languagesOf(values: readonly string[]): Locale[] {
  const known = LOCALES.filter((l) => values.includes(l));
  return known.length > 0 ? known : [...DEFAULT_LANGUAGES];
}

/**
 * The text as stored: the organisation's languages only, each required, trimmed and at most `max` characters; a
 * missing one is refused naming the field (`title.en`). A text written in a language the organisation does not use is
 * refused too, rather than dropped: what was sent is stored or refused, never lost.
 */
export function writtenText(field: string, text: WrittenText, languages: readonly Locale[], max: number): WrittenText {
  const stored: WrittenText = {};
  for (const lang of languages) {
    const value = (text[lang] ?? '').trim();
    if (value.length === 0) {
      throw invalid(
        `${field}.${lang}`,
        `is required: the organisation writes in ${languageNames(languages)}`,
        'required',
      );
    }
    if (value.length > max) {
      throw invalid(`${field}.${lang}`, `must be between 1 and ${max} characters`, {
        reason: 'too_long',
        maximum: max,
      });
    }
    stored[lang] = value;
  }
  for (const lang of LOCALES) {
    if (!languages.includes(lang) && (text[lang] ?? '').trim().length > 0) {
      throw invalid(
        `${field}.${lang}`,
        `the organisation does not write in ${NAMES[lang]} (it writes in ${languageNames(languages)}): leave it empty, or add ${NAMES[lang]} to its languages first`,
        'language_unused',
      );
    }
  }
  return stored;
}

const NAMES: Record<Locale, string> = { fr: 'French', en: 'English' };
const languageNames = (languages: readonly Locale[]) => languages.map((l) => NAMES[l]).join(' and ');

/** A stored text in both languages, the one it lacks taken from the one it has (an organisation's single language). */
export function textIn(text: WrittenText): LocalizedText {
  const fr = text.fr ?? text.en ?? '';
  const en = text.en ?? text.fr ?? '';
  return { fr, en };
}
