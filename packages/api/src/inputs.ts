import { ChainMeasure, COMPARE_METRICS, FeedbackCategory, FeedbackStatus, Id } from '@facets/domain';
import { ThemeCodeInput, ThemeLabel } from '@facets/domain/text';
import { z } from 'zod';

/** Input schemas: strict objects (unknown keys are refused) and bounded lengths everywhere. */

/** A client-made key that makes a retried submission count once (a UUID fits). */
export const IdempotencyKey = z
  .string()
  .min(8)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'use letters, digits, - and _ only');

const Body = z.string().trim().min(1).max(5000);

export const WaveInput = z.strictObject({ waveId: Id });

export const SubmitSurveyInput = z.strictObject({
  waveId: Id,
  idempotencyKey: IdempotencyKey,
  answers: z
    .array(
      z.strictObject({
        questionId: Id,
        // The widest scale is 0–10; the question's own scale is checked against the survey.
        value: z.number().int().min(0).max(10).optional(),
        text: z.string().max(5000).optional(),
        choices: z.array(z.string().min(1).max(100)).max(50).optional(),
      }),
    )
    .min(1)
    .max(200),
});

export const SubmitFeedbackInput = z.strictObject({
  idempotencyKey: IdempotencyKey,
  category: FeedbackCategory,
  dimensionId: Id.optional(),
  body: Body,
  reference: z.string().trim().max(100).optional(),
});

export const ReplyInput = z.strictObject({ feedbackId: Id, body: Body });

/**
 * What a view reports on: one survey of a group (its programme) and optionally one of its published waves; by
 * default the group's headline survey and its latest published wave.
 */
export const SelectionFields = { surveyId: Id.optional(), waveId: Id.optional() };

export const SetStatusInput = z.strictObject({ feedbackId: Id, status: FeedbackStatus });

/** A segment attribute key or value as stored on stakeholders (department, site…). */
export const SegmentKey = z.string().trim().min(1).max(64);
export const SegmentValue = z.string().trim().min(1).max(100);

export const CompareGroupsInput = z.strictObject({
  metric: z.enum(COMPARE_METRICS),
  ...SelectionFields,
});

export const BreakdownInput = z.strictObject({ groupId: Id, segmentKey: SegmentKey, ...SelectionFields });

/** One segment of a group: `department = it`. */
export const SegmentInput = z.strictObject({ key: SegmentKey, value: SegmentValue });

/** A segment filters one group's overview (`groupId` is then required); a manager's is always their department. */
export const OverviewInput = z
  .strictObject({ groupId: Id.optional(), segment: SegmentInput.optional(), ...SelectionFields })
  .refine((v) => !v.segment || v.groupId, {
    message: 'a segment filters one group: choose the group',
    path: ['groupId'],
  })
  .optional();

export const DimensionInput = z.strictObject({
  groupId: Id,
  dimensionId: Id,
  segment: SegmentInput.optional(),
  ...SelectionFields,
});

/** One side of the experience chain: a group, what it measures, and the programme and wave to read (optional). */
export const ChainSideInput = z.strictObject({ groupId: Id, measure: ChainMeasure, ...SelectionFields });

/** The experience chain: two groups' figures over the values of a segment attribute both have (site, store…). */
export const ChainInput = z.strictObject({ attribute: SegmentKey, x: ChainSideInput, y: ChainSideInput });
/** `insights.themes.*`: one theme of the organisation's catalogue. */
export const RenameThemeInput = z.strictObject({ code: ThemeCodeInput, label: ThemeLabel.nullable() });
export const MergeThemeInput = z.strictObject({ code: ThemeCodeInput, into: ThemeCodeInput.nullable() });
export const MapThemeInput = z.strictObject({ code: ThemeCodeInput, dimensionId: Id.nullable() });

export const DriversInput = z.strictObject({ groupId: Id, ...SelectionFields });

export const SegmentsInput = z.strictObject({ groupId: Id, ...SelectionFields });

/** A leadership self-assessment: the stage they see, and their answers to the maturity questions by code. */
export const AssessMaturityInput = z.strictObject({
  stage: z.number().int().min(1).max(5),
  answers: z
    .record(
      z
        .string()
        .min(1)
        .max(64)
        .regex(/^[a-z0-9_]+$/, 'use lower-case letters, digits and _ only'),
      z.string().trim().max(2000),
    )
    .refine((answers) => Object.keys(answers).length <= 30, 'at most 30 answers'),
});
