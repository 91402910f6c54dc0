import { DIRECTORY_STATUSES, Id, Locale } from '@facets/domain';
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

/** One person of a group's directory, as an integration sends it: matched by external id, else e-mail. */
export const PersonInput = z
  .strictObject({
    externalId: z.string().trim().min(1).max(200).optional(),
    email: z.email().max(320).optional(),
    name: z.string().trim().min(1).max(200).optional(),
    locale: Locale.optional(),
    /** Segment key → value (department → it); merged into the person's stored segments. */
    segments: z
      .record(SegmentKey, SegmentValue)
      .refine((s) => Object.keys(s).length <= 20, { message: 'at most 20 segment keys' })
      .optional(),
  })
  .refine((p) => p.externalId !== undefined || p.email !== undefined, {
    message: 'an external id or an e-mail is required',
    path: ['externalId'],
  });

export const UpsertPersonInput = z.strictObject({ groupId: Id, person: PersonInput });
export const DeactivatePersonInput = z.strictObject({ groupId: Id, personId: Id });
