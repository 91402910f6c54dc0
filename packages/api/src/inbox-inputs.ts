import { FeedbackCategory, FeedbackStatus, Id } from '@facets/domain';
import { z } from 'zod';

/** Inputs of the staff side of feedback: the inbox's filters and assignment. */

export const InboxInput = z
  .strictObject({
    status: FeedbackStatus.optional(),
    groupId: Id.optional(),
    category: FeedbackCategory.optional(),
    dimensionId: Id.optional(),
    /** A staff member's id, `me` (the caller) or `unassigned`. */
    assignee: Id.optional(),
    search: z.string().trim().max(200).optional(),
    sort: z.enum(['activity', 'newest', 'oldest']).optional(),
    limit: z.number().int().min(1).max(200).optional(),
    offset: z.number().int().min(0).max(100_000).optional(),
  })
  .optional();

export const AssignInput = z.strictObject({ feedbackId: Id, assigneeMemberId: Id.nullable() });
