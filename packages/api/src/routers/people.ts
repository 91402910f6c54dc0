import {
  csvHeaders,
  deactivatePerson,
  listDirectory,
  listSegmentAttributes,
  previewDirectorySync,
  requireGroup,
  upsertPerson,
} from '@facets/db';
import { DIRECTORY_KEEPERS } from '@facets/domain';
import { eraseStakeholderAudited, syncDirectoryAudited } from '../people/audited.ts';
import {
  DeactivatePersonInput,
  EraseInput,
  PeopleListInput,
  SyncCommitInput,
  SyncPreviewInput,
  UpsertPersonInput,
} from '../people/inputs.ts';
import { router, staffProcedure } from '../trpc.ts';

/**
 * Each group's people directory, kept by admins and HR (domain `DIRECTORY_KEEPERS`): names, e-mails and reporting
 * lines are not for managers, leadership or analysts, who read results.
 */
const keepers = staffProcedure(...DIRECTORY_KEEPERS);

const PAGE_SIZE = 50;

export const peopleRouter = router({
  /** One page of a group's people, and what a directory file for the group may hold (headers, segment values). */
  list: keepers.input(PeopleListInput).query(async ({ ctx, input }) => {
    const where = { ...ctx.tenant, groupId: input.groupId };
    const group = await requireGroup(ctx.db, where);
    const attributes = await listSegmentAttributes(ctx.db, where);
    const page = input.page ?? 0;
    const pageSize = input.pageSize ?? PAGE_SIZE;
    const directory = await listDirectory(ctx.db, {
      ...where,
      ...(input.search !== undefined ? { search: input.search } : {}),
      ...(input.status !== undefined ? { status: input.status } : {}),
      page,
      pageSize,
    });
    return {
      group,
      ...directory,
      page,
      pageSize,
      columns: { headers: csvHeaders(attributes, { directory: true }), attributes },
    };
  }),

  sync: router({
    /** Checks a directory file and says what syncing it would do; writes nothing. */
    preview: keepers
      .input(SyncPreviewInput)
      .mutation(({ ctx, input }) => previewDirectorySync(ctx.db, { ...ctx.tenant, ...input, now: ctx.now })),
    commit: keepers.input(SyncCommitInput).mutation(({ ctx, input }) => syncDirectoryAudited(ctx, input)),
  }),

  /** One person created or updated (matched by external id, else e-mail), and active; the REST API's people write. */
  upsert: keepers.input(UpsertPersonInput).mutation(({ ctx, input }) =>
    upsertPerson(ctx.db, {
      ...ctx.tenant,
      ...input,
      now: ctx.now,
      newId: ctx.newId,
    }),
  ),

  /** One person out of the active directory, kept as a sync keeps those its file no longer lists. */
  deactivate: keepers
    .input(DeactivatePersonInput)
    .mutation(({ ctx, input }) => deactivatePerson(ctx.db, { ...ctx.tenant, ...input, now: ctx.now })),

  erase: keepers.input(EraseInput).mutation(({ ctx, input }) => eraseStakeholderAudited(ctx, input)),
});
