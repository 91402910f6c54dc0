import type { createCaller } from '@facets/api';

/** What the surveys.* procedures return, as the console receives it (plain JSON, no transformer). */
type Api = ReturnType<typeof createCaller>['surveys'];

export type SurveySummary = Awaited<ReturnType<Api['list']>>[number];
export type WaveSummary = SurveySummary['waves'][number];
export type SurveyDetail = Awaited<ReturnType<Api['get']>>;
export type QuestionDetail = SurveyDetail['questions'][number];
export type TemplatePreview = Awaited<ReturnType<Api['templates']>>['templates'][number];
export type ImportOutcome = Awaited<ReturnType<Api['invitations']['import']>>;
export type CsvError = Extract<ImportOutcome, { status: 'refused' }>['errors'][number];
export type ResponseRate = Awaited<ReturnType<Api['responseRate']>>;
export type QuestionDraft = Parameters<Api['questions']['save']>[0]['questions'][number];

/** The wave a survey is about now: the open one, else the next scheduled, else the latest. */
export function currentWave(waves: readonly WaveSummary[]): WaveSummary | undefined {
  return waves.find((w) => w.state === 'open') ?? waves.find((w) => w.state === 'scheduled') ?? waves[waves.length - 1];
}
