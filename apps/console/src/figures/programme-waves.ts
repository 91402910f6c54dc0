import type { LocalizedText } from '@facets/domain';

/** What the console needs to know of a programme to name its waves: its surveys (the lead first). */
export interface ProgrammeSurveys {
  surveys: readonly { surveyId: string; title: LocalizedText }[];
}

/**
 * The survey to name beside a wave's label: its title when the wave's programme has several surveys (two surveys may
 * both have a "Wave 1"), else null.
 */
export function waveSurvey(programme: ProgrammeSurveys | undefined, wave: { surveyId: string }): LocalizedText | null {
  if (!programme || programme.surveys.length < 2) return null;
  return programme.surveys.find((s) => s.surveyId === wave.surveyId)?.title ?? null;
}

/** Whether a figure comes from another wave than the one the page reports on (a dimension a pulse does not ask). */
export function measuredEarlier(measuredIn: { id: string } | null, current: { id: string } | null): boolean {
  return measuredIn !== null && current !== null && measuredIn.id !== current.id;
}
