import { type QuestionLike, type SurveyDraft, validateAnswer } from './state.ts';

/**
 * The screens of a survey: one question each, except an expected question and a lived question on the same dimension
 * that follow each other, which share a screen as the natural pair they are ("what I expect" / "what I experience").
 */

export interface StepQuestion extends QuestionLike {
  facet: string | null;
  dimension: { id: string } | null;
}

const PAIRED = ['expected', 'lived'];

function pairs<Q extends StepQuestion>(a: Q, b: Q | undefined): boolean {
  if (!b || a.type !== 'rating' || b.type !== 'rating') return false;
  if (!a.dimension || a.dimension.id !== b.dimension?.id) return false;
  return PAIRED.includes(a.facet ?? '') && PAIRED.includes(b.facet ?? '') && a.facet !== b.facet;
}

/** The questions, in order, grouped into screens. */
export function stepsOf<Q extends StepQuestion>(questions: readonly Q[]): Q[][] {
  const steps: Q[][] = [];
  for (let i = 0; i < questions.length; i++) {
    const q = questions[i] as Q;
    const next = questions[i + 1];
    if (pairs(q, next)) {
      steps.push([q, next as Q]);
      i++;
    } else steps.push([q]);
  }
  return steps;
}

/** The first screen holding a question that blocks submission, or -1. */
export function firstInvalidStep(steps: readonly (readonly QuestionLike[])[], answers: SurveyDraft['answers']): number {
  return steps.findIndex((step) => step.some((q) => validateAnswer(q, answers[q.id]) !== null));
}
