import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Locale } from '@facets/domain';
import { analyseComment, POLARITIES, type Polarity, THEME_CODES } from '@facets/domain/text';
import { z } from 'zod';
import { RESULTS_DIR } from './results.ts';

/**
 * How well the local comment analytics read comments (docs/architecture.md, "Comment analytics"): polarity accuracy
 * and macro-F1, and theme precision and recall, per language, on the labelled sets of `data/` (the labelling rule is in
 * `data/README.md`). The lexicon is tuned on the `tuning-*` sets only; their figures are printed apart and are not a
 * measure. Writes results/comments.json. `node src/comments.ts`, or `pnpm bench --only=comments`.
 */

const Labelled = z.object({
  text: z.string().min(1),
  polarity: z.enum(POLARITIES),
  themes: z.array(z.enum(THEME_CODES as [string, ...string[]])),
});
type Labelled = z.infer<typeof Labelled>;

const DATA = fileURLToPath(new URL('../data/', import.meta.url));

export function readSet(name: string): Labelled[] {
  return readFileSync(`${DATA}${name}.jsonl`, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      const parsed = Labelled.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${name}.jsonl line ${i + 1}: ${parsed.error.issues[0]?.message}`);
      return parsed.data;
    });
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;
const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

export interface SetScore {
  comments: number;
  accuracy: number;
  macro_f1: number;
  per_polarity: Record<Polarity, { precision: number; recall: number; f1: number; support: number }>;
  /** confusion[label][predicted] */
  confusion: Record<Polarity, Record<Polarity, number>>;
  themes: { precision: number; recall: number; per_theme: Record<string, { precision: number; recall: number }> };
  language_detected: number;
}

/** Scores one labelled set read in `language`, with the language also detected (its share of right detections). */
export function scoreSet(rows: readonly Labelled[], language: Locale): SetScore {
  const confusion = Object.fromEntries(
    POLARITIES.map((l) => [l, Object.fromEntries(POLARITIES.map((p) => [p, 0]))]),
  ) as SetScore['confusion'];
  const theme = new Map<string, { tp: number; fp: number; fn: number }>(
    THEME_CODES.map((c) => [c, { tp: 0, fp: 0, fn: 0 }]),
  );
  let detected = 0;
  for (const row of rows) {
    const read = analyseComment({ text: row.text, language, fallback: language });
    if (analyseComment({ text: row.text, fallback: language === 'fr' ? 'en' : 'fr' }).language === language) detected++;
    confusion[row.polarity][read.polarity]++;
    for (const code of THEME_CODES) {
      const said = read.themes.includes(code);
      const truth = row.themes.includes(code);
      const t = theme.get(code)!;
      if (said && truth) t.tp++;
      else if (said) t.fp++;
      else if (truth) t.fn++;
    }
  }
  const per_polarity = Object.fromEntries(
    POLARITIES.map((p) => {
      const tp = confusion[p][p];
      const predicted = POLARITIES.reduce((s, l) => s + confusion[l][p], 0);
      const support = POLARITIES.reduce((s, q) => s + confusion[p][q], 0);
      const precision = ratio(tp, predicted);
      const recall = ratio(tp, support);
      return [
        p,
        {
          precision: round3(precision),
          recall: round3(recall),
          f1: round3(ratio(2 * precision * recall, precision + recall)),
          support,
        },
      ];
    }),
  ) as SetScore['per_polarity'];
  const correct = POLARITIES.reduce((s, p) => s + confusion[p][p], 0);
  const sum = [...theme.values()].reduce((a, t) => ({ tp: a.tp + t.tp, fp: a.fp + t.fp, fn: a.fn + t.fn }), {
    tp: 0,
    fp: 0,
    fn: 0,
  });
  return {
    comments: rows.length,
    accuracy: round3(ratio(correct, rows.length)),
    macro_f1: round3(POLARITIES.reduce((s, p) => s + per_polarity[p].f1, 0) / POLARITIES.length),
    per_polarity,
    confusion,
    themes: {
      precision: round3(ratio(sum.tp, sum.tp + sum.fp)),
      recall: round3(ratio(sum.tp, sum.tp + sum.fn)),
      per_theme: Object.fromEntries(
        [...theme].map(([c, t]) => [
          c,
          { precision: round3(ratio(t.tp, t.tp + t.fp)), recall: round3(ratio(t.tp, t.tp + t.fn)) },
        ]),
      ),
    },
    language_detected: round3(ratio(detected, rows.length)),
  };
}

export function commentsBench(log: (line: string) => void = console.log) {
  const result = {
    date: new Date().toISOString(),
    measured: { fr: scoreSet(readSet('comments-fr'), 'fr'), en: scoreSet(readSet('comments-en'), 'en') },
    /** The sets the lexicon was tuned on: not a measure of anything, shown to compare. */
    tuning: { fr: scoreSet(readSet('tuning-fr'), 'fr'), en: scoreSet(readSet('tuning-en'), 'en') },
    /** What reading one comment costs the transaction that accepts it (language detected, with a rating). */
    microseconds_per_comment: costPerComment([...readSet('comments-fr'), ...readSet('comments-en')]),
  };
  writeFileSync(`${RESULTS_DIR}comments.json`, `${JSON.stringify(result, null, 2)}\n`);
  for (const [set, scores] of Object.entries(result)) {
    if (set !== 'measured' && set !== 'tuning') continue;
    for (const [language, s] of Object.entries(scores as Record<string, SetScore>)) {
      log(
        `  ${set.padEnd(8)} ${language}: ${s.comments} comments, polarity accuracy ${s.accuracy}, macro-F1 ${s.macro_f1}, themes precision ${s.themes.precision} recall ${s.themes.recall}, language detected ${s.language_detected}`,
      );
    }
  }
  log(`  ${result.microseconds_per_comment} µs per comment`);
  return result;
}

function costPerComment(rows: readonly Labelled[]): number {
  const read = () => {
    for (const r of rows) analyseComment({ text: r.text, fallback: 'fr', rating: 60 });
  };
  read();
  const rounds = 20;
  const started = performance.now();
  for (let i = 0; i < rounds; i++) read();
  return Math.round(((performance.now() - started) / (rounds * rows.length)) * 10_000) / 10;
}

if (import.meta.url === `file://${process.argv[1]}`) commentsBench();
