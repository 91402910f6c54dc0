import { invalid } from './errors.ts';
import type { WrittenText } from './languages.ts';
import type { QuestionFacet, QuestionType } from './model.ts';
import type { Scale } from './scales.ts';

/** The rules of a survey's design and of its waves' life, shared by the database layer and the API. */

export interface QuestionDesign {
  type: QuestionType;
  scale: Scale | null;
  facet: QuestionFacet | null;
  dimensionId: string | null;
  /** In the organisation's languages (languages.ts). */
  prompt: WrittenText;
  options: { value: string; label: WrittenText }[] | null;
  required: boolean;
}

export const MAX_QUESTIONS = 100;
export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 20;

/**
 * Checks what the types cannot say: a rating has a scale and a facet, an expected or lived rating a dimension (a gap
 * is read per dimension), choices have distinct options and nothing else has any. Throws naming the first field.
 */
export function checkQuestionDesigns(questions: readonly QuestionDesign[]): void {
  if (questions.length === 0)
    throw invalid('questions', 'a survey needs at least one question', { reason: 'too_few', minimum: 1 });
  if (questions.length > MAX_QUESTIONS)
    throw invalid('questions', `at most ${MAX_QUESTIONS} questions`, { reason: 'too_many', maximum: MAX_QUESTIONS });
  questions.forEach((q, i) => {
    const at = (name: string) => `questions.${i}.${name}`;
    const isChoice = q.type === 'single_choice' || q.type === 'multi_choice';
    if (q.type === 'rating') {
      if (q.scale === null) throw invalid(at('scale'), 'a rating question needs a scale', 'required');
      if (q.facet === null)
        throw invalid(at('facet'), 'a rating question needs a facet (expected, lived or outcome)', 'required');
      if (q.facet !== 'outcome' && q.dimensionId === null) {
        throw invalid(at('dimensionId'), 'an expected or lived rating needs a dimension', 'required');
      }
    } else {
      if (q.scale !== null) throw invalid(at('scale'), 'only rating questions have a scale', 'not_allowed');
      if (q.facet !== null) throw invalid(at('facet'), 'only rating questions have a facet', 'not_allowed');
    }
    if (isChoice) {
      const options = q.options ?? [];
      if (options.length < MIN_OPTIONS || options.length > MAX_OPTIONS) {
        throw invalid(at('options'), `a choice question needs ${MIN_OPTIONS} to ${MAX_OPTIONS} options`, {
          reason: options.length < MIN_OPTIONS ? 'too_few' : 'too_many',
          minimum: MIN_OPTIONS,
          maximum: MAX_OPTIONS,
        });
      }
      const seen = new Set<string>();
      options.forEach((o, j) => {
        if (seen.has(o.value)) throw invalid(`${at('options')}.${j}.value`, 'is used by another option', 'duplicate');
        seen.add(o.value);
      });
      if (q.dimensionId !== null)
        throw invalid(at('dimensionId'), 'choice questions are not scored on a dimension', 'not_allowed');
    } else if (q.options !== null && q.options.length > 0) {
      throw invalid(at('options'), 'only choice questions have options', 'not_allowed');
    }
  });
}

/** A wave as the user sees it: not yet launched, launched but before its opening date, taking answers, or over. */
export type WaveState = 'draft' | 'scheduled' | 'open' | 'closed';

export interface WaveTimes {
  status: string;
  opensAt: string;
  closesAt: string | null;
}

export function waveState(wave: WaveTimes, now: string): WaveState {
  if (wave.status === 'draft') return 'draft';
  if (wave.status === 'closed' || (wave.closesAt !== null && wave.closesAt <= now)) return 'closed';
  return wave.opensAt > now ? 'scheduled' : 'open';
}

/**
 * A survey takes answers in one wave at a time, so that every response belongs to exactly one wave's results: the
 * launched, not yet closed waves of a survey must not overlap in time. Returns the first wave `candidate` overlaps.
 */
export function overlappingWave<W extends WaveTimes & { id: string }>(
  candidate: { id?: string; opensAt: string; closesAt: string | null },
  waves: readonly W[],
  now: string,
): W | undefined {
  const end = (closesAt: string | null) => closesAt ?? '\uffff';
  return waves.find(
    (w) =>
      w.id !== candidate.id &&
      waveState(w, now) !== 'closed' &&
      waveState(w, now) !== 'draft' &&
      w.opensAt < end(candidate.closesAt) &&
      candidate.opensAt < end(w.closesAt),
  );
}
