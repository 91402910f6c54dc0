import { z } from 'zod';

/*
 * The model's lists, each written once as a plain constant; the zod schemas are built on them. Front-ends import the
 * constants to offer the choices and key their labels by the values (docs/architecture.md, The model).
 */

/** The four facets of an experience (docs/architecture.md, The model). */
export const FACETS = ['intended', 'proposed', 'expected', 'lived'] as const;
export const Facet = z.enum(FACETS);
export type Facet = z.infer<typeof Facet>;

/**
 * What a survey question measures: a stakeholder facet of a dimension, or an overall outcome (`outcome` marks
 * overall items such as eNPS or NPS).
 */
export const QUESTION_FACETS = ['expected', 'lived', 'outcome'] as const;
export const QuestionFacet = z.enum(QUESTION_FACETS);
export type QuestionFacet = z.infer<typeof QuestionFacet>;

export const GROUP_KINDS = ['employee', 'customer', 'supplier', 'shareholder', 'custom'] as const;
export const GroupKind = z.enum(GROUP_KINDS);
export type GroupKind = z.infer<typeof GroupKind>;

export const LOCALES = ['fr', 'en'] as const;
export const Locale = z.enum(LOCALES);
export type Locale = z.infer<typeof Locale>;

/** User-authored text in both product languages. */
export const LocalizedText = z.object({
  fr: z.string().trim().min(1).max(2000),
  en: z.string().trim().min(1).max(2000),
});
export type LocalizedText = z.infer<typeof LocalizedText>;

export const DEPARTMENTS = [
  'leadership',
  'marketing',
  'hr',
  'it',
  'procurement',
  'finance',
  'operations',
  'customer_service',
  'investor_relations',
] as const;
export const Department = z.enum(DEPARTMENTS);
export type Department = z.infer<typeof Department>;

export const INITIATIVE_KINDS = [
  'communication',
  'service',
  'offer',
  'process',
  'digital',
  'policy',
  'training',
] as const;
export const InitiativeKind = z.enum(INITIATIVE_KINDS);
export type InitiativeKind = z.infer<typeof InitiativeKind>;

export const INITIATIVE_STATUSES = ['planned', 'active', 'delivered', 'cancelled'] as const;
export const InitiativeStatus = z.enum(INITIATIVE_STATUSES);
export type InitiativeStatus = z.infer<typeof InitiativeStatus>;

export const PROMISE_CHANNELS = ['marketing', 'employer_brand', 'supplier_charter', 'investor_story', 'other'] as const;
export const PromiseChannel = z.enum(PROMISE_CHANNELS);
export type PromiseChannel = z.infer<typeof PromiseChannel>;

export const SURVEY_KINDS = ['pulse', 'onboarding', 'exit', 'relationship', 'post_interaction', 'perception'] as const;
export const SurveyKind = z.enum(SURVEY_KINDS);
export type SurveyKind = z.infer<typeof SurveyKind>;

export const SURVEY_STATUSES = ['draft', 'open', 'closed'] as const;
export const SurveyStatus = z.enum(SURVEY_STATUSES);
export type SurveyStatus = z.infer<typeof SurveyStatus>;

export const QUESTION_TYPES = ['rating', 'single_choice', 'multi_choice', 'text'] as const;
export const QuestionType = z.enum(QUESTION_TYPES);
export type QuestionType = z.infer<typeof QuestionType>;

/** One option of a choice question: the stored value and its label in both languages. */
export interface ChoiceOption {
  value: string;
  label: LocalizedText;
}

export const FEEDBACK_STATUSES = ['received', 'acknowledged', 'in_progress', 'resolved'] as const;
export const FeedbackStatus = z.enum(FEEDBACK_STATUSES);
export type FeedbackStatus = z.infer<typeof FeedbackStatus>;

export const FEEDBACK_CATEGORIES = ['praise', 'suggestion', 'problem', 'question'] as const;
export const FeedbackCategory = z.enum(FEEDBACK_CATEGORIES);
export type FeedbackCategory = z.infer<typeof FeedbackCategory>;

/** Ids are opaque strings made by the application (ULID-like), never by the database. */
export const Id = z.string().min(1).max(64);
export type Id = z.infer<typeof Id>;

/** The sentiment a comment is read with (`@facets/domain/text`), and what the console's sentiment bars show. */
export const POLARITIES = ['negative', 'neutral', 'positive'] as const;
export type Polarity = (typeof POLARITIES)[number];
