import { z } from 'zod';
import { WrittenText } from './languages.ts';
import { TEAM_KEY } from './teams.ts';

/*
 * The organisation's own model, edited in the console: its stakeholder groups, their dimensions and their segment
 * attributes with values. Codes are what surveys, templates, invitation files and aggregates key on, so they are
 * chosen once and never renamed; labels change freely. An item that carries data is archived rather than deleted:
 * hidden from new work, still reported (docs/architecture.md, The model).
 */

/** A code of the model: lower case letters, digits and underscores, starting with a letter (`partners`, `site`). */
export const MODEL_CODE_PATTERN = /^[a-z][a-z0-9_]*$/;
export const MODEL_CODE_MAX = 40;
export const ModelCode = z.string().trim().min(1).max(MODEL_CODE_MAX).regex(MODEL_CODE_PATTERN);
export type ModelCode = z.infer<typeof ModelCode>;

/**
 * A short name (a group, a dimension, an attribute or one of its values, an entry of a list) in the organisation's
 * languages (languages.ts: the repositories require each language it uses).
 */
export const MODEL_LABEL_MAX = 120;
export const ModelLabel = WrittenText(MODEL_LABEL_MAX);
export type ModelLabel = WrittenText;

export const MODEL_DESCRIPTION_MAX = 1000;
export const ModelDescription = WrittenText(MODEL_DESCRIPTION_MAX);

/**
 * Segment keys an organisation may not define: `company` is the company record's, counted apart (suppliers); `team`
 * is the reporting line's, the managers above a respondent (teams.ts).
 */
export const RESERVED_SEGMENT_KEYS: readonly string[] = ['company', TEAM_KEY];

/** The most values an attribute holds, and attributes a group holds. */
export const SEGMENT_VALUES_MAX = 200;
export const SEGMENT_ATTRIBUTES_MAX = 30;

/** What removing an item did: deleted when nothing carried it, else archived (hidden from new work, still reported). */
export const REMOVAL_OUTCOMES = ['deleted', 'archived'] as const;
export type RemovalOutcome = (typeof REMOVAL_OUTCOMES)[number];

/** The items of the model, as the audit log names them. */
export const MODEL_ITEMS = [
  'group',
  'dimension',
  'attribute',
  'value',
  'department',
  'initiative_kind',
  'promise_channel',
] as const;
export type ModelItem = (typeof MODEL_ITEMS)[number];

/** A segment value as edited: its code and its bilingual label. */
export const SegmentValueInput = z.strictObject({ value: ModelCode, label: ModelLabel });
export type SegmentValueInput = z.infer<typeof SegmentValueInput>;
