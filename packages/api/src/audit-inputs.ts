import { AuditAction } from '@facets/domain';
import { z } from 'zod';

/** Inputs of the audit.* procedures: strict objects, bounded lengths. */

export const AuditListInput = z
  .strictObject({
    action: AuditAction.optional(),
    /** `nextCursor` of the page before. */
    cursor: z.string().min(1).max(200).optional(),
    limit: z.number().int().min(1).max(100).optional(),
  })
  .optional()
  .transform((input) => input ?? {});

export const RecordExportInput = z.strictObject({
  /** The exported table's title, as the console shows it. */
  table: z.string().trim().min(1).max(200),
  rows: z.number().int().min(0).max(10_000_000),
  /** The console page the table was exported from: its path, without query or fragment. */
  page: z
    .string()
    .max(300)
    .regex(/^\/[^?#\s]*$/, 'must be a path such as /console/people'),
});
