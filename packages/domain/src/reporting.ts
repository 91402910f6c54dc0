/**
 * The reporting selection: which survey (a programme: a survey and its waves) and which of its waves a view reports
 * on. Trends, drift and alerts compare waves of one survey only, never different surveys; a pulse run between two
 * waves of the quarterly survey never becomes the headline unless a reader chooses it.
 */

export interface ProgrammeCandidate {
  surveyId: string;
  /** Marked as the group's headline survey. */
  headline: boolean;
  createdAt: string;
  /** How many of its waves have published results. */
  publishedWaves: number;
}

/**
 * The survey a group's views report on when the reader chooses none: the headline survey when it has published
 * results, else the group's oldest survey with published results (the programme it started with), else the headline
 * survey, else the oldest. Null for a group without surveys.
 */
export function defaultProgramme(candidates: readonly ProgrammeCandidate[]): string | null {
  const byAge = [...candidates].sort(
    (a, b) => a.createdAt.localeCompare(b.createdAt) || a.surveyId.localeCompare(b.surveyId),
  );
  const published = byAge.filter((c) => c.publishedWaves > 0);
  const pick = published.find((c) => c.headline) ?? published[0] ?? byAge.find((c) => c.headline) ?? byAge[0] ?? null;
  return pick?.surveyId ?? null;
}
