import {
  Cadence,
  Id,
  InteractionTrigger,
  LifecycleTrigger,
  QuestionFacet,
  QuestionType,
  ReminderSchedule,
  ReportingPeriod,
  Scale,
  SurveyKind,
  WrittenText,
} from '@facets/domain';
import { z } from 'zod';
import { SegmentKey } from '../inputs.ts';

/** Inputs of surveys.*: strict objects, bounded lengths (the cross-field rules live in @facets/domain). */

/** French, English or both: the repositories require the organisation's languages (domain languages.ts). */
const localized = WrittenText;

const Title = localized(200);
const Intro = localized(2000);
const Prompt = localized(500);
const Code = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9_]+$/, 'use lower-case letters, digits and _ only');

export const SurveyIdInput = z.strictObject({ surveyId: Id });

export const SetHeadlineInput = z.strictObject({ surveyId: Id, headline: z.boolean() });
/** The survey leading the programme `surveyId` joins; null: `surveyId` leads its own programme again. */
export const SetProgrammeInput = z.strictObject({ surveyId: Id, programmeSurveyId: Id.nullable() });
/** The calendar period a continuous survey reports by, one wave per period; null: its waves are scheduled by hand. */
export const SetPeriodInput = z.strictObject({ surveyId: Id, period: ReportingPeriod.nullable() });
/**
 * When the survey's waves open by themselves (every N weeks or months, a weekday, an hour of the organisation's time
 * zone, days open, start and end, audience from the directory); null: its waves are scheduled by hand again.
 */
export const SetCadenceInput = z.strictObject({ surveyId: Id, cadence: Cadence.nullable() });
/** When the invited who have not answered are reminded: days after opening, days before closing (both empty: never). */
export const SetRemindersInput = z.strictObject({ surveyId: Id, ...ReminderSchedule.shape });
/**
 * When the directory's people are invited to an onboarding (days after their start date) or exit survey (days before
 * their end date); null: by hand only.
 */
export const SetTriggerInput = z.strictObject({ surveyId: Id, trigger: LifecycleTrigger.nullable() });
export const WaveIdInput = z.strictObject({ waveId: Id });
export const GroupIdInput = z.strictObject({ groupId: Id });
export const ListSurveysInput = z.strictObject({ groupId: Id.optional() }).optional();

export const CreateSurveyInput = z.strictObject({
  groupId: Id,
  templateId: z.string().min(1).max(64).optional(),
  title: Title.optional(),
  intro: Intro.nullable().optional(),
  anonymous: z.boolean().optional(),
  kind: SurveyKind.optional(),
  /** For each template dimension code the group lacks: one of the group's dimension ids, or null to drop its items. */
  dimensionChoices: z
    .record(Code, Id.nullable())
    .refine((choices) => Object.keys(choices).length <= 50, 'at most 50 choices')
    .optional(),
});

export const UpdateSurveyInput = z.strictObject({
  surveyId: Id,
  title: Title,
  intro: Intro.nullable(),
  anonymous: z.boolean(),
  /**
   * The segment key published first, exactly as far as the rule allows (null: department, if the group has it);
   * left as it is when absent. A segment attribute of the group, never the company; fixed once a wave is published.
   */
  primarySegmentKey: SegmentKey.nullable().optional(),
});

export const QuestionInput = z.strictObject({
  id: Id.optional(),
  code: Code.optional(),
  type: QuestionType,
  scale: Scale.nullable(),
  facet: QuestionFacet.nullable(),
  dimensionId: Id.nullable(),
  prompt: Prompt,
  options: z
    .array(z.strictObject({ value: Code, label: localized(200) }))
    .max(20)
    .nullable(),
  required: z.boolean(),
});

export const SaveQuestionsInput = z.strictObject({ surveyId: Id, questions: z.array(QuestionInput).max(100) });

export const ScheduleWaveInput = z.strictObject({
  surveyId: Id,
  label: z.string().trim().min(1).max(100),
  opensAt: z.iso.datetime({ offset: true }),
  closesAt: z.iso.datetime({ offset: true }),
});

/** The CSV text itself: 2 MB of UTF-8 at most (checked in bytes when parsed), here bounded in characters. */
export const CsvInput = z.strictObject({
  waveId: Id,
  csv: z
    .string()
    .min(1)
    .max(2 * 1024 * 1024),
});

/**
 * A survey sent after an interaction (an order delivered, a ticket closed): to one person, found by external id or
 * e-mail in the survey's group or added to it, with the reference of the interaction (an order number), once per
 * reference. The one schema of the model (domain `InteractionTrigger`).
 */
export const TriggerSurveyInput = InteractionTrigger;
