import { listAuditEvents } from '@facets/db';
import { AUDIT_READERS, STAFF_ROLES } from '@facets/domain';
import { audit } from '../audit.ts';
import { AuditListInput, RecordExportInput } from '../audit-inputs.ts';
import { router, staffProcedure } from '../trpc.ts';

/**
 * The audit log: leadership and admins read it; every staff member's CSV exports are written to it by the console's
 * export button before the file is made. The other audited actions write their events themselves (audit.ts).
 */
const readers = staffProcedure(...AUDIT_READERS);
const staff = staffProcedure(...STAFF_ROLES);

export const auditRouter = router({
  list: readers.input(AuditListInput).query(({ ctx, input }) => listAuditEvents(ctx.db, { ...ctx.tenant, ...input })),

  recordExport: staff.input(RecordExportInput).mutation(async ({ ctx, input }) => {
    await audit(ctx, ctx.db, {
      action: 'export.csv',
      target: input.table,
      details: { table: input.table, rows: input.rows, page: input.page },
    });
    return { recorded: true };
  }),
});
