import type { QuestionFacet } from '../model.ts';
import type { Scale } from '../scales.ts';

/**
 * The measures a wave publishes per population (see publication.ts): a dimension's expected or lived cell (summed
 * over scales, since every scale maps to the same 0–100 index), an outcome item per scale, each rating question, and
 * a dimension's comment list. One id per measure, shared by the aggregates' readers, the publication and the views.
 */
export function cellKey(dimensionId: string | null, facet: QuestionFacet, scale: Scale): string {
  return facet === 'outcome' ? `|outcome|${scale}` : `${dimensionId ?? ''}|${facet}`;
}

/** The key of a dimension's expected or lived cell. */
export const facetKey = (dimensionId: string, facet: 'expected' | 'lived') => cellKey(dimensionId, facet, 'likert5');

/** The comment list of a dimension (null: the text questions with no dimension). */
export const commentsKey = (dimensionId: string | null) => `comments|${dimensionId ?? ''}`;

/** One rating question's own figures (its distribution, score and favourability), published like a cell. */
export const questionKey = (questionId: string) => `question|${questionId}`;
