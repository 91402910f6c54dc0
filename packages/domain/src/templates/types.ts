import type { ChoiceOption, GroupKind, LocalizedText, QuestionFacet, QuestionType, SurveyKind } from '../model.ts';
import type { Scale } from '../scales.ts';

/** A template item; `dimension` is a dimension code, matched to the organisation's dimensions of the group. */
export interface TemplateQuestion {
  code: string;
  type: QuestionType;
  scale: Scale | null;
  facet: QuestionFacet | null;
  dimension: string | null;
  prompt: LocalizedText;
  options: ChoiceOption[] | null;
  required: boolean;
}

export type TemplateCadence = 'quarterly' | 'monthly' | 'annual' | 'lifecycle' | 'after_interaction';

export interface SurveyTemplate {
  id: string;
  groupKind: GroupKind;
  kind: SurveyKind;
  cadence: TemplateCadence;
  /** What the template is called in the catalogue, and what it is for. */
  name: LocalizedText;
  description: LocalizedText;
  /** The survey's own title and introduction as participants read them. */
  title: LocalizedText;
  intro: LocalizedText;
  anonymous: boolean;
  questions: readonly TemplateQuestion[];
}
