import { z } from 'zod';
import { Locale } from '../model.ts';
import { detectLanguage } from './language.ts';
import { POLARITIES, scoreSentiment } from './sentiment.ts';
import { THEME_CODES, themesOf } from './themes.ts';

/** What Facets keeps of a comment's reading: its language, its sentiment and its themes (no words of it). */
export const CommentAnalysis = z.object({
  language: Locale,
  polarity: z.enum(POLARITIES),
  score: z.number().min(-1).max(1),
  themes: z.array(z.enum(THEME_CODES as [string, ...string[]])),
});
export type CommentAnalysis = z.infer<typeof CommentAnalysis>;

/**
 * Reads one comment on the organisation's own machine: its language (`language` when the portal knows it, else
 * detected, ties going to `fallback`), its sentiment, and its themes. `rating` is the 0–100 index of the answer the
 * comment goes with (the dimension's lived rating in the same response), a strong prior on the sentiment.
 */
export function analyseComment(args: {
  text: string;
  language?: Locale | null;
  fallback: Locale;
  rating?: number | null;
}): CommentAnalysis {
  const language = args.language ?? detectLanguage(args.text, args.fallback);
  const sentiment = scoreSentiment(args.text, language, args.rating);
  return { language, polarity: sentiment.polarity, score: sentiment.score, themes: themesOf(args.text, language) };
}
