import { invalid, isOnScale, type RatingAnswer, SCALE_RANGES } from '@facets/domain';
import type { SurveyQuestion } from './surveys.ts';

/** One answer as a portal sends it; only the field that fits the question's type is read. */
export interface AnswerInput {
  questionId: string;
  value?: number | null;
  text?: string | null;
  choices?: string[] | null;
}

export interface ValidAnswer {
  questionId: string;
  valueNumber: number | null;
  valueText: string | null;
  valueChoices: string[] | null;
}

const MAX_TEXT_ANSWER = 5000;

/**
 * Checks answers against the wave's questions and returns those to store (empty answers are skipped), with the
 * ratings that feed the aggregates. Throws DomainError('invalid') naming the first field at fault.
 */
export function validateAnswers(
  questions: readonly SurveyQuestion[],
  answers: readonly AnswerInput[],
): { answers: ValidAnswer[]; ratings: RatingAnswer[] } {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const seen = new Set<string>();
  const valid: ValidAnswer[] = [];
  const ratings: RatingAnswer[] = [];
  answers.forEach((a, i) => {
    const field = `answers.${i}`;
    const q = byId.get(a.questionId);
    if (!q) throw invalid(`${field}.questionId`, 'is not a question of this survey', 'invalid_value');
    if (seen.has(q.id)) throw invalid(`${field}.questionId`, 'is answered twice', 'duplicate');
    seen.add(q.id);
    const answer = validateOne(q, a, field);
    if (!answer) return;
    valid.push(answer);
    if (q.type === 'rating' && answer.valueNumber !== null) {
      ratings.push({
        dimensionId: q.dimension?.id ?? null,
        facet: q.facet!,
        scale: q.scale!,
        value: answer.valueNumber,
      });
    }
  });
  const answered = new Set(valid.map((a) => a.questionId));
  const missing = questions.find((q) => q.required && !answered.has(q.id));
  if (missing) throw invalid('answers', `question ${missing.position} is required`, 'required');
  if (valid.length === 0) throw invalid('answers', 'answer at least one question', { reason: 'too_few', minimum: 1 });
  return { answers: valid, ratings };
}

function validateOne(q: SurveyQuestion, a: AnswerInput, field: string): ValidAnswer | null {
  const none = { questionId: q.id, valueNumber: null, valueText: null, valueChoices: null };
  switch (q.type) {
    case 'rating': {
      if (a.value === undefined || a.value === null) return null;
      const scale = q.scale!;
      if (typeof a.value !== 'number' || !isOnScale(scale, a.value)) {
        const { min, max } = SCALE_RANGES[scale];
        throw invalid(`${field}.value`, `must be a whole number between ${min} and ${max}`, {
          reason: 'out_of_range',
          minimum: min,
          maximum: max,
        });
      }
      return { ...none, valueNumber: a.value };
    }
    case 'text': {
      if (a.text === undefined || a.text === null) return null;
      if (typeof a.text !== 'string') throw invalid(`${field}.text`, 'must be text', 'invalid_type');
      const text = a.text.trim();
      if (text === '') return null;
      if (text.length > MAX_TEXT_ANSWER)
        throw invalid(`${field}.text`, `must be at most ${MAX_TEXT_ANSWER} characters`, {
          reason: 'too_long',
          maximum: MAX_TEXT_ANSWER,
        });
      return { ...none, valueText: text };
    }
    case 'single_choice':
    case 'multi_choice': {
      if (a.choices === undefined || a.choices === null || a.choices.length === 0) return null;
      if (!Array.isArray(a.choices)) throw invalid(`${field}.choices`, 'must be a list of options', 'invalid_type');
      if (q.type === 'single_choice' && a.choices.length > 1)
        throw invalid(`${field}.choices`, 'choose one option', { reason: 'too_many', maximum: 1 });
      const options = new Set((q.options ?? []).map((o) => o.value));
      a.choices.forEach((c, j) => {
        if (!options.has(c)) throw invalid(`${field}.choices.${j}`, 'is not one of the options', 'invalid_value');
        if (a.choices!.indexOf(c) !== j) throw invalid(`${field}.choices.${j}`, 'is chosen twice', 'duplicate');
      });
      return { ...none, valueChoices: [...a.choices] };
    }
    default:
      throw invalid(`${field}.questionId`, `has an unknown type ${q.type}`);
  }
}
