import { DIRECTORY_STATUSES, Id } from '@facets/domain';
import { z } from 'zod';
import { SegmentKey, SegmentValue } from '../inputs.ts';

/** Inputs of people.* and of invitations from the directory: strict objects, bounded lengths. */

export const PeopleListInput = z.strictObject({
  groupId: Id,
  /** Searched in names, e-mails and external ids, any case. */
  search: z.string().trim().max(200).optional(),
  status: z.enum(DIRECTORY_STATUSES).optional(),
  page: z.number().int().min(0).max(100_000).optional(),
  pageSize: z.number().int().min(1).max(200).optional(),
});

/** A directory file: 2 MB of UTF-8 at most (checked in bytes when parsed), here bounded in characters. */
const Csv = z
  .string()
  .min(1)
  .max(2 * 1024 * 1024);

export const SyncPreviewInput = z.strictObject({ groupId: Id, csv: Csv });
export const SyncCommitInput = z.strictObject({
  groupId: Id,
  csv: Csv,
  /** Needed when the sync deactivates more than 40 % of the group's active people. */
  confirmDeactivation: z.boolean().optional(),
});

export const EraseInput = z.strictObject({ stakeholderId: Id });

export const DirectoryInviteInput = z.strictObject({
  waveId: Id,
  /** Segment key → the values to invite (any of them); several keys must all match. Absent or empty: everyone. */
  segments: z
    .record(SegmentKey, z.array(SegmentValue).max(200))
    .refine((s) => Object.keys(s).length <= 20, { message: 'at most 20 segment keys' })
    .optional(),
  /** Counts whom it would invite, writes nothing. */
  dryRun: z.boolean().optional(),
});
