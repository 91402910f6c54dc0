/// <reference path="./nlpjs.d.ts" />
import en from '@nlpjs/lang-en';
import fr from '@nlpjs/lang-fr';
import type { Locale } from '../model.ts';

/** One word of a comment: its folded form (lower case, no accents), its stem, and whether a clause ends after it. */
export interface Token {
  word: string;
  stem: string;
  /** A clause ends after this word (punctuation): negation and intensity do not cross it. */
  clauseEnd: boolean;
}

const stemmers = { fr: new fr.StemmerFr(), en: new en.StemmerEn() };

/** Lower case without diacritics: "Équipe" and "equipe" are one word, as people type both. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The stem a folded word is matched by, in a language (the nlp.js Snowball stemmers). */
export function stemOf(word: string, language: Locale): string {
  const stem = stemmers[language].stemWord(word);
  // The stemmers keep some plural and feminine endings ("reconnus", "reconnue"); one stem for all forms.
  if (language === 'fr') return stem.length > 4 ? stem.replace(/(e|s|es)$/, '') : stem;
  return stem;
}

const CLAUSE = /[.!?;:,()\n]/;

/**
 * The words of a text in order, each with its stem. English contractions ("don't", "isn't") become "not" and French
 * elisions ("n'est", "l'équipe") their own word, so that negations are seen.
 */
export function tokenize(text: string, language: Locale): Token[] {
  const folded = fold(text)
    .replace(/[’‘`]/g, "'")
    .replace(
      /\b(ca|wo|do|does|did|is|are|was|were|has|have|had|could|would|should|must|need)n't\b/g,
      (_m, v: string) => `${v === 'ca' ? 'can' : v === 'wo' ? 'will' : v} not`,
    )
    .replace(/\bcannot\b/g, 'can not');
  const tokens: Token[] = [];
  for (const part of folded.split(/(\s+|[.!?;:,()\n]+)/)) {
    if (!part) continue;
    if (CLAUSE.test(part)) {
      const last = tokens.at(-1);
      if (last) last.clauseEnd = true;
      continue;
    }
    for (const word of part.split(/[^\p{L}\p{N}]+/u)) {
      if (!word) continue;
      tokens.push({ word, stem: stemOf(word, language), clauseEnd: false });
    }
  }
  return tokens;
}
