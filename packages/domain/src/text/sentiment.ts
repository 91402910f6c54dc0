/// <reference path="./nlpjs.d.ts" />
import en from '@nlpjs/lang-en';
import fr from '@nlpjs/lang-fr';
import { type Locale, POLARITIES, type Polarity } from '../model.ts';
import { CONTRASTS, INTENSIFIERS, NEGATORS, WORKPLACE_LEXICON } from './lexicon.ts';
import { fold, stemOf, type Token, tokenize } from './tokens.ts';

export { POLARITIES, type Polarity };

/** How much a word of the libraries' general lexicons counts beside Facets' own (theirs are valued -1…1). */
const LIBRARY_WEIGHT = 1.2;
/** A negated word keeps this share of its value, turned: "pas mal" is mildly good, "not happy" clearly bad. */
const NEGATED = -0.75;
/** Before a contrast ("mais", "but") a clause counts less, after it more. */
const BEFORE_CONTRAST = 0.5;
const AFTER_CONTRAST = 1.5;
/** Words before a valued one that a negation may stand in ("ne suis pas du tout content"). */
const NEGATION_WINDOW = 3;
/** |compound| at or above this is a polarity; below it the comment is neutral. */
export const POLARITY_THRESHOLD = 0.2;
/** The answered question's rating (0–100 index) weighs as much as this many units of text score. */
const RATING_WEIGHT = 2;

interface Lexicon {
  words: Map<string, number>;
  /** Multi-word entries by first folded word: the rest of the words and the value. */
  phrases: Map<string, { rest: string[]; value: number }[]>;
  library: Record<string, number>;
}

function buildLexicon(language: Locale, library: Record<string, number>): Lexicon {
  const words = new Map<string, number>();
  const phrases = new Map<string, { rest: string[]; value: number }[]>();
  for (const [entry, value] of Object.entries(WORKPLACE_LEXICON[language])) {
    const parts = fold(entry).split(/\s+/);
    if (parts.length === 1) {
      words.set(parts[0]!, value);
      words.set(`~${stemOf(parts[0]!, language)}`, value);
    } else {
      const list = phrases.get(parts[0]!) ?? [];
      list.push({ rest: parts.slice(1), value });
      phrases.set(parts[0]!, list);
    }
  }
  return { words, phrases, library };
}

const LEXICONS: Record<Locale, Lexicon> = {
  fr: buildLexicon('fr', fr.SentimentFr.pattern),
  en: buildLexicon('en', en.SentimentEn.senticon),
};

/** A word's value: Facets' lexicon by word, then by stem, then the library's by stem (scaled); 0 if none knows it. */
function wordValue(lexicon: Lexicon, token: Token): number {
  const own = lexicon.words.get(token.word) ?? lexicon.words.get(`~${token.stem}`);
  if (own !== undefined) return own;
  const general = lexicon.library[token.stem];
  return general === undefined ? 0 : general * LIBRARY_WEIGHT;
}

export interface SentimentScore {
  polarity: Polarity;
  /** -1 (most negative) … 1 (most positive). */
  score: number;
  /** Whether any word of the text carried sentiment (otherwise the score is the rating's, or 0). */
  fromText: boolean;
}

/**
 * The text's sentiment in its language: the sum of its words' values (a phrase of the lexicon counts once for its
 * words), each turned by a negation in the few words before it within its clause, strengthened or softened by the
 * word before it, and weighted by its place around a contrast; squashed into -1…1. The rating of the question the
 * comment answers, when given (0–100 index), is a strong prior: it counts as much as `RATING_WEIGHT` units of text.
 */
export function scoreSentiment(text: string, language: Locale, rating?: number | null): SentimentScore {
  const lexicon = LEXICONS[language];
  const tokens = tokenize(text, language);
  const values: number[] = [];
  let contrastAt = -1;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (CONTRASTS[language].has(token.word)) contrastAt = i;
    let value = 0;
    let span = 1;
    const phrase = lexicon.phrases.get(token.word)?.find((p) => p.rest.every((w, j) => tokens[i + 1 + j]?.word === w));
    if (phrase) {
      value = phrase.value;
      span = 1 + phrase.rest.length;
    } else if (!NEGATORS[language].has(token.word) && INTENSIFIERS[language][token.word] === undefined) {
      value = wordValue(lexicon, token);
    }
    if (value !== 0) {
      const before = INTENSIFIERS[language][tokens[i - 1]?.word ?? ''];
      if (before !== undefined && !tokens[i - 1]!.clauseEnd) value *= before;
      // A phrase that is itself a negation ("pas assez", "not enough") is not negated again by its own first word.
      if (!phrase || !NEGATORS[language].has(token.word)) {
        if (negated(tokens, i, language)) value *= NEGATED;
      }
    }
    values.push(value);
    for (let j = 1; j < span; j++) values.push(0);
    i += span - 1;
  }
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const weight = contrastAt < 0 ? 1 : i < contrastAt ? BEFORE_CONTRAST : AFTER_CONTRAST;
    sum += values[i]! * weight;
  }
  const fromText = values.some((v) => v !== 0);
  const prior = rating === undefined || rating === null ? null : (Math.min(100, Math.max(0, rating)) - 50) / 50;
  const combined = prior === null ? sum : sum + prior * RATING_WEIGHT * (fromText ? 1 : 2);
  const score = combined / Math.sqrt(combined * combined + 15);
  const polarity: Polarity =
    score >= POLARITY_THRESHOLD ? 'positive' : score <= -POLARITY_THRESHOLD ? 'negative' : 'neutral';
  return { polarity, score: Math.round(score * 1000) / 1000, fromText };
}

function negated(tokens: readonly Token[], at: number, language: Locale): boolean {
  for (let j = at - 1; j >= Math.max(0, at - NEGATION_WINDOW); j--) {
    if (tokens[j]!.clauseEnd) return false;
    if (NEGATORS[language].has(tokens[j]!.word)) return true;
  }
  return false;
}
