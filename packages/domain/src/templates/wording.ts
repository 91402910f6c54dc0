import type { LocalizedText, QuestionFacet } from '../model.ts';
import type { Scale } from '../scales.ts';
import type { TemplateQuestion } from './types.ts';

/**
 * Building blocks of the templates' wording. `{organization}` in a text is replaced by the organisation's name when
 * a template is instantiated, so one wording serves every organisation.
 */

export const t = (fr: string, en: string): LocalizedText => ({ fr, en });

export const rating = (
  code: string,
  scale: Scale,
  facet: QuestionFacet,
  dimension: string | null,
  prompt: LocalizedText,
  required = true,
): TemplateQuestion => ({ code, type: 'rating', scale, facet, dimension, prompt, options: null, required });

/**
 * The expected/lived pair on one dimension (docs/architecture.md, The model): first what the person expects, then
 * what they live, on the same 5-point agreement scale so that the gap is read in index points.
 */
export const pair = (dimension: string, expected: LocalizedText, lived: LocalizedText): TemplateQuestion[] => [
  rating(`${dimension}_expected`, 'likert5', 'expected', dimension, expected),
  rating(`${dimension}_lived`, 'likert5', 'lived', dimension, lived),
];

export const lived = (dimension: string, prompt: LocalizedText): TemplateQuestion =>
  rating(`${dimension}_lived`, 'likert5', 'lived', dimension, prompt);

export const text = (code: string, prompt: LocalizedText, dimension: string | null = null): TemplateQuestion => ({
  code,
  type: 'text',
  scale: null,
  facet: null,
  dimension,
  prompt,
  options: null,
  required: false,
});

export const singleChoice = (
  code: string,
  prompt: LocalizedText,
  options: readonly [value: string, fr: string, en: string][],
  required = false,
): TemplateQuestion => ({
  code,
  type: 'single_choice',
  scale: null,
  facet: null,
  dimension: null,
  prompt,
  options: options.map(([value, fr, en]) => ({ value, label: t(fr, en) })),
  required,
});

export const ANONYMOUS_NOTE = t(
  'Vos réponses sont anonymes : elles ne sont jamais reliées à votre nom, et les résultats ne sont montrés que pour des groupes assez grands pour que personne ne soit reconnaissable.',
  'Your answers are anonymous: they are never linked to your name, and results are only shown for groups large enough that nobody can be recognised.',
);

export const CONFIDENTIAL_NOTE = t(
  'Vos réponses sont confidentielles : elles ne sont présentées que regroupées avec celles d’autres participants.',
  'Your answers are confidential: they are only reported together with those of other participants.',
);

export const closingComment = (required = false): TemplateQuestion => ({
  ...text(
    'comment',
    t(
      'Souhaitez-vous ajouter quelque chose ? Une idée, une remarque, un exemple. (facultatif)',
      'Is there anything else you would like to tell us? An idea, a remark, an example. (optional)',
    ),
  ),
  required,
});
