/** What a score cell of the console shows: the 0–100 score (null when withheld or empty) and its respondent count. */
export interface ScoreReading {
  score: number | null;
  n: number | null;
}

/**
 * Reads a score cell's text as a person would, in French or English ("62.5 n = 12", "62,5 n = 1 204",
 * "Hidden fewer than 5 respondents"). Browser tests compare readings before and after an answer.
 */
export function readScoreCell(text: string): ScoreReading {
  const normalized = text.replace(/[\u00a0\u202f]/g, ' ');
  const nMatch = /n\s*=\s*([\d ]+)/.exec(normalized);
  const n = nMatch?.[1] ? Number(nMatch[1].replace(/ /g, '')) : null;
  const before = nMatch ? normalized.slice(0, nMatch.index) : normalized;
  const scoreMatch = /^\s*(\d{1,3}(?:[.,]\d+)?)/.exec(before);
  const score = scoreMatch?.[1] ? Number(scoreMatch[1].replace(',', '.')) : null;
  return { score, n };
}

/**
 * What a heatmap cell shows after its screen-reader prefix ("Customers, Transparency: 66.7 n = 9"; a supplier's n
 * counts contacts: "Suppliers, Transparency: 66.7n = 9 contacts").
 */
export function readHeatCell(text: string | null): ScoreReading {
  const t = text ?? '';
  return readScoreCell(t.slice(t.indexOf(': ') + 2));
}
