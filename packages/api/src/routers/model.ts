import {
  addSegmentValue,
  createAttribute,
  createDimension,
  createGroup,
  createListEntry,
  readLists,
  readModel,
  removeAttribute,
  removeDimension,
  removeGroup,
  removeListEntry,
  removeSegmentValue,
  renameAttribute,
  renameGroup,
  renameListEntry,
  renameSegmentValue,
  restoreListEntry,
  updateDimension,
} from '@facets/db';
import { MODEL_EDITORS, SETTINGS_READERS } from '@facets/domain';
import { modelChangeAudited } from '../audit.ts';
import { nowIso } from '../context.ts';
import {
  AttributeInput,
  CreateAttributeInput,
  CreateDimensionInput,
  CreateGroupInput,
  CreateListEntryInput,
  DimensionInput,
  GroupInput,
  ListEntryInput,
  RenameAttributeInput,
  RenameGroupInput,
  RenameListEntryInput,
  SegmentValueChangeInput,
  SegmentValueRefInput,
  UpdateDimensionInput,
} from '../model-inputs.ts';
import { router, staffProcedure } from '../trpc.ts';

/**
 * The organisation's model — stakeholder groups, dimensions, segment attributes and their values — read by the roles
 * that read the settings, changed by admins and leadership. Each change is audited in its own transaction; removing
 * an item that carries data archives it (reports keep it, new work does not see it), else deletes it.
 */
const readers = staffProcedure(...SETTINGS_READERS);
const editors = staffProcedure(...MODEL_EDITORS);

const org = (ctx: { member: { organization: { id: string } } }) => ({ organizationId: ctx.member.organization.id });

const groupsRouter = router({
  create: editors
    .input(CreateGroupInput)
    .mutation(({ ctx, input }) =>
      modelChangeAudited(ctx, (trx) => createGroup(trx, { ...org(ctx), ...input, now: nowIso(ctx), newId: ctx.newId })),
    ),
  rename: editors
    .input(RenameGroupInput)
    .mutation(({ ctx, input }) => modelChangeAudited(ctx, (trx) => renameGroup(trx, { ...org(ctx), ...input }))),
  remove: editors
    .input(GroupInput)
    .mutation(({ ctx, input }) =>
      modelChangeAudited(ctx, (trx) => removeGroup(trx, { ...org(ctx), ...input, now: nowIso(ctx) })),
    ),
});

const dimensionsRouter = router({
  create: editors
    .input(CreateDimensionInput)
    .mutation(({ ctx, input }) =>
      modelChangeAudited(ctx, (trx) =>
        createDimension(trx, { ...org(ctx), ...input, now: nowIso(ctx), newId: ctx.newId }),
      ),
    ),
  update: editors
    .input(UpdateDimensionInput)
    .mutation(({ ctx, input }) => modelChangeAudited(ctx, (trx) => updateDimension(trx, { ...org(ctx), ...input }))),
  remove: editors
    .input(DimensionInput)
    .mutation(({ ctx, input }) =>
      modelChangeAudited(ctx, (trx) => removeDimension(trx, { ...org(ctx), ...input, now: nowIso(ctx) })),
    ),
});

const attributesRouter = router({
  create: editors
    .input(CreateAttributeInput)
    .mutation(({ ctx, input }) =>
      modelChangeAudited(ctx, (trx) => createAttribute(trx, { ...org(ctx), ...input, newId: ctx.newId })),
    ),
  rename: editors
    .input(RenameAttributeInput)
    .mutation(({ ctx, input }) => modelChangeAudited(ctx, (trx) => renameAttribute(trx, { ...org(ctx), ...input }))),
  remove: editors
    .input(AttributeInput)
    .mutation(({ ctx, input }) =>
      modelChangeAudited(ctx, (trx) => removeAttribute(trx, { ...org(ctx), ...input, now: nowIso(ctx) })),
    ),
  addValue: editors
    .input(SegmentValueChangeInput)
    .mutation(({ ctx, input }) => modelChangeAudited(ctx, (trx) => addSegmentValue(trx, { ...org(ctx), ...input }))),
  renameValue: editors
    .input(SegmentValueChangeInput)
    .mutation(({ ctx, input }) => modelChangeAudited(ctx, (trx) => renameSegmentValue(trx, { ...org(ctx), ...input }))),
  removeValue: editors
    .input(SegmentValueRefInput)
    .mutation(({ ctx, input }) => modelChangeAudited(ctx, (trx) => removeSegmentValue(trx, { ...org(ctx), ...input }))),
});

/** The organisation's lists: owner departments, initiative kinds, promise channels (db model/lists.ts). */
const listsRouter = router({
  /**
   * Every list in the order offered, archived entries marked; every staff member reads it, as the plan pages it labels
   * and offers choices on.
   */
  get: staffProcedure().query(({ ctx }) => readLists(ctx.db, org(ctx))),
  create: editors
    .input(CreateListEntryInput)
    .mutation(({ ctx, input }) =>
      modelChangeAudited(ctx, (trx) => createListEntry(trx, { ...org(ctx), ...input, now: nowIso(ctx) })),
    ),
  rename: editors
    .input(RenameListEntryInput)
    .mutation(({ ctx, input }) => modelChangeAudited(ctx, (trx) => renameListEntry(trx, { ...org(ctx), ...input }))),
  remove: editors
    .input(ListEntryInput)
    .mutation(({ ctx, input }) =>
      modelChangeAudited(ctx, (trx) => removeListEntry(trx, { ...org(ctx), ...input, now: nowIso(ctx) })),
    ),
  restore: editors
    .input(ListEntryInput)
    .mutation(({ ctx, input }) => modelChangeAudited(ctx, (trx) => restoreListEntry(trx, { ...org(ctx), ...input }))),
});

export const modelRouter = router({
  /** Every group with its attributes and every dimension, archived ones marked, with what removing each would do. */
  get: readers.query(({ ctx }) => readModel(ctx.db, { ...org(ctx), now: nowIso(ctx) })),
  groups: groupsRouter,
  dimensions: dimensionsRouter,
  attributes: attributesRouter,
  lists: listsRouter,
});
