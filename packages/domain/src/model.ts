import { z } from 'zod';

/**
 * The four facets of an experience (docs/architecture.md, The model). `outcome` marks overall items such as eNPS or
 * NPS.
 */
export const Facet = z.enum(['intended', 'proposed', 'expected', 'lived']);
export type Facet = z.infer<typeof Facet>;

/** What a survey question measures: a stakeholder facet of a dimension, or an overall outcome. */
export const QuestionFacet = z.enum(['expected', 'lived', 'outcome']);
export type QuestionFacet = z.infer<typeof QuestionFacet>;

export const GroupKind = z.enum(['employee', 'customer', 'supplier', 'shareholder', 'custom']);
export type GroupKind = z.infer<typeof GroupKind>;

export const Locale = z.enum(['fr', 'en']);
export type Locale = z.infer<typeof Locale>;

/** User-authored text in both product languages. */
export const LocalizedText = z.object({
  fr: z.string().trim().min(1).max(2000),
  en: z.string().trim().min(1).max(2000),
});
export type LocalizedText = z.infer<typeof LocalizedText>;

export const StaffRole = z.enum(['admin', 'leadership', 'hr', 'manager', 'analyst']);
export type StaffRole = z.infer<typeof StaffRole>;
export const Role = z.enum([...StaffRole.options, 'stakeholder']);
export type Role = z.infer<typeof Role>;

export const Department = z.enum([
  'leadership',
  'marketing',
  'hr',
  'it',
  'procurement',
  'finance',
  'operations',
  'customer_service',
  'investor_relations',
]);
export type Department = z.infer<typeof Department>;

export const InitiativeKind = z.enum(['communication', 'service', 'offer', 'process', 'digital', 'policy', 'training']);
export type InitiativeKind = z.infer<typeof InitiativeKind>;

export const InitiativeStatus = z.enum(['planned', 'active', 'delivered', 'cancelled']);
export type InitiativeStatus = z.infer<typeof InitiativeStatus>;

export const PromiseChannel = z.enum(['marketing', 'employer_brand', 'supplier_charter', 'investor_story', 'other']);
export type PromiseChannel = z.infer<typeof PromiseChannel>;

export const SurveyKind = z.enum(['pulse', 'onboarding', 'exit', 'relationship', 'post_interaction', 'perception']);
export type SurveyKind = z.infer<typeof SurveyKind>;

export const SurveyStatus = z.enum(['draft', 'open', 'closed']);
export type SurveyStatus = z.infer<typeof SurveyStatus>;

export const QuestionType = z.enum(['rating', 'single_choice', 'multi_choice', 'text']);
export type QuestionType = z.infer<typeof QuestionType>;

/** One option of a choice question: the stored value and its label in both languages. */
export interface ChoiceOption {
  value: string;
  label: LocalizedText;
}

export const FeedbackStatus = z.enum(['received', 'acknowledged', 'in_progress', 'resolved']);
export type FeedbackStatus = z.infer<typeof FeedbackStatus>;

export const FeedbackCategory = z.enum(['praise', 'suggestion', 'problem', 'question']);
export type FeedbackCategory = z.infer<typeof FeedbackCategory>;

/** Ids are opaque strings made by the application (ULID-like), never by the database. */
export const Id = z.string().min(1).max(64);
export type Id = z.infer<typeof Id>;
