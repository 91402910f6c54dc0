/// <reference path="./nlpjs.d.ts" />
import en from '@nlpjs/lang-en';
import fr from '@nlpjs/lang-fr';
import type { Locale } from '../model.ts';
import { fold } from './tokens.ts';

const foldAll = (dictionary: Record<string, boolean>) => new Set(Object.keys(dictionary).map(fold));
const STOPWORDS: Record<Locale, Set<string>> = {
  fr: foldAll(new fr.StopwordsFr().dictionary),
  en: foldAll(new en.StopwordsEn().dictionary),
};
// Short words both lists hold or that mislead on short comments ("a", "on", "me", "son"...): they count for neither.
const SHARED = new Set([...STOPWORDS.fr].filter((w) => STOPWORDS.en.has(w)));

/**
 * The language a comment is written in, among French and English: the one whose function words ("le", "et", "pas";
 * "the", "and", "not") it uses more. A tie (a word or two, a name) gives `fallback`, the language it was written in
 * if the portal said so, else the organisation's first.
 */
export function detectLanguage(text: string, fallback: Locale): Locale {
  const words = fold(text)
    .replace(/[’']/g, ' ')
    .split(/[^\p{L}]+/u)
    .filter(Boolean);
  let fr = 0;
  let en = 0;
  for (const w of words) {
    if (SHARED.has(w)) continue;
    if (STOPWORDS.fr.has(w)) fr++;
    if (STOPWORDS.en.has(w)) en++;
  }
  if (fr === en) return fallback;
  return fr > en ? 'fr' : 'en';
}
