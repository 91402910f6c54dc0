import type { Scale, SurveyKind } from '@facets/domain';
import { type DimensionContent, dimensionsOf, GROUP_CODES, type GroupCode } from './model.ts';

/** The surveys of the benchmark organisation: per group a quarterly experience survey and a pulse between its waves. */

const text = (en: string, fr: string) => ({ en, fr });

export interface QuestionContent {
  code: string;
  type: 'rating' | 'text';
  scale: Scale | null;
  facet: 'expected' | 'lived' | 'outcome' | null;
  dimension: string | null;
  prompt: { en: string; fr: string };
}

export interface SurveyContent {
  code: string;
  group: GroupCode;
  kind: SurveyKind;
  anonymous: boolean;
  title: { en: string; fr: string };
  questions: QuestionContent[];
  /** Days after the first quarterly wave at which this survey's first wave opens. */
  offsetDays: number;
}

const OUTCOME: Readonly<Record<GroupCode, Scale>> = {
  employee: 'nps11',
  supplier: 'csat5',
  customer: 'nps11',
  shareholder: 'nps11',
};

function surveysOf(g: GroupCode): SurveyContent[] {
  const dims = dimensionsOf(g);
  const rating = (facet: 'expected' | 'lived', d: DimensionContent): QuestionContent => ({
    code: `${facet}_${d.code}`,
    type: 'rating',
    scale: 'likert5',
    facet,
    dimension: d.code,
    prompt:
      facet === 'lived'
        ? text(
            `How do you rate ${d.label.en.toLowerCase()} today?`,
            `Comment jugez-vous : ${d.label.fr.toLowerCase()} ?`,
          )
        : text(
            `What do you expect on ${d.label.en.toLowerCase()}?`,
            `Qu’attendez-vous : ${d.label.fr.toLowerCase()} ?`,
          ),
  });
  const outcome: QuestionContent = {
    code: 'outcome',
    type: 'rating',
    scale: OUTCOME[g],
    facet: 'outcome',
    dimension: null,
    prompt: text('Would you recommend us?', 'Nous recommanderiez-vous ?'),
  };
  const comment: QuestionContent = {
    code: 'comment',
    type: 'text',
    scale: null,
    facet: null,
    dimension: dims[0]!.code,
    prompt: text('What would most improve your experience?', 'Qu’est-ce qui améliorerait le plus votre expérience ?'),
  };
  const pulseExtra: QuestionContent[] =
    g === 'customer'
      ? [
          {
            code: 'effort',
            type: 'rating',
            scale: 'ces7',
            facet: 'lived',
            dimension: 'delivery',
            prompt: text('How easy was your last order?', 'Votre dernière commande a-t-elle été simple ?'),
          },
        ]
      : [];
  return [
    {
      code: 'experience',
      group: g,
      kind: g === 'customer' || g === 'supplier' ? 'relationship' : 'perception',
      anonymous: g === 'employee',
      title: text('Experience survey', 'Enquête expérience'),
      questions: [...dims.flatMap((d) => [rating('expected', d), rating('lived', d)]), outcome, comment],
      offsetDays: 0,
    },
    {
      code: 'pulse',
      group: g,
      kind: g === 'customer' ? 'post_interaction' : 'pulse',
      anonymous: g === 'employee',
      title: text('Pulse', 'Baromètre'),
      questions: [...dims.map((d) => rating('lived', d)), ...pulseExtra, outcome],
      offsetDays: 45,
    },
  ];
}

export const SURVEYS: readonly SurveyContent[] = GROUP_CODES.flatMap(surveysOf);
export const WAVES_PER_SURVEY = 8;
export const surveyId = (s: SurveyContent) => `bench-survey-${s.group}-${s.code}`;
export const questionId = (s: SurveyContent, q: QuestionContent) => `bench-q-${s.group}-${s.code}-${q.code}`;
export const waveId = (s: SurveyContent, sequence: number) => `bench-wave-${s.group}-${s.code}-${sequence}`;

/** The first quarterly wave opens here; every time of the generated data is fixed, so runs are reproducible. */
export const FIRST_WAVE = Date.UTC(2024, 0, 8);
export const DAY = 86_400_000;
export const WAVE_DAYS = 28;
export const waveOpensAt = (s: SurveyContent, sequence: number) =>
  FIRST_WAVE + (s.offsetDays + (sequence - 1) * 91) * DAY;
