import { Id } from '@facets/domain';
import { z } from 'zod';
import { IdempotencyKey, ReplyInput, SubmitFeedbackInput, SubmitSurveyInput } from '../inputs.ts';

/** Inputs of the stakeholder portals beside the shared ones (inputs.ts): strict objects, bounded lengths. */

/** An invitation token as the link carries it: 32 random bytes in base64url (43 characters), with room to spare. */
export const InvitationToken = z
  .string()
  .min(16)
  .max(128)
  .regex(/^[A-Za-z0-9_-]+$/, 'use letters, digits, - and _ only');

/** The random key with which the author of anonymous feedback follows it from their device. */
export const FollowKey = z
  .string()
  .min(32)
  .max(128)
  .regex(/^[A-Za-z0-9_-]+$/, 'use letters, digits, - and _ only');

export const InvitationInput = z.strictObject({ token: InvitationToken });

export const InvitationSubmitInput = z.strictObject({
  token: InvitationToken,
  idempotencyKey: IdempotencyKey,
  answers: SubmitSurveyInput.shape.answers,
});

/** Feedback from the portal: named, or anonymous with the follow key of the author's device. */
export const PortalFeedbackInput = z
  .strictObject({
    ...SubmitFeedbackInput.shape,
    anonymous: z.boolean().optional(),
    followKey: FollowKey.optional(),
  })
  .refine((f) => !f.anonymous || f.followKey !== undefined, {
    message: 'anonymous feedback needs the follow key of your device',
    path: ['followKey'],
  });

/** The follow keys of the anonymous feedback this device gave. */
export const MyFeedbackInput = z.strictObject({ followKeys: z.array(FollowKey).max(100).optional() }).optional();

export const PortalReplyInput = z.strictObject({ ...ReplyInput.shape, followKey: FollowKey.optional() });

export { Id };
