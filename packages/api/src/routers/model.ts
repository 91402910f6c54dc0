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

const groupsRouter = router({
  create: editors
    .input(CreateGroupInput)
    .mutation(({ ctx, input }) =>
      modelChangeAudited(ctx, (trx) => createGroup(trx, { ...ctx.tenant, ...input, now: ctx.now, newId: ctx.newId })),
    ),
  rename: editors
    .input(RenameGroupInput)
    .mutation(({ ctx, input }) => modelChangeAudited(ctx, (trx) => renameGroup(trx, { ...ctx.tenant, ...input }))),
  remove: editors
    .input(GroupInput)
    .mutation(({ ctx, input }) =>
      modelChangeAudited(ctx, (trx) => removeGroup(trx, { ...ctx.tenant, ...input, now: ctx.now })),
    ),
});

const dimensionsRouter = router({
  create: editors
    .input(CreateDimensionInput)
    .mutation(({ ctx, input }) =>
      modelChangeAudited(ctx, (trx) =>
        createDimension(trx, { ...ctx.tenant, ...input, now: ctx.now, newId: ctx.newId }),
      ),
    ),
  update: editors
    .input(UpdateDimensionInput)
    .mutation(({ ctx, input }) => modelChangeAudited(ctx, (trx) => updateDimension(trx, { ...ctx.tenant, ...input }))),
  remove: editors
    .input(DimensionInput)
    .mutation(({ ctx, input }) =>
      modelChangeAudited(ctx, (trx) => removeDimension(trx, { ...ctx.tenant, ...input, now: ctx.now })),
    ),
});

const attributesRouter = router({
  create: editors
    .input(CreateAttributeInput)
    .mutation(({ ctx, input }) =>
      modelChangeAudited(ctx, (trx) => createAttribute(trx, { ...ctx.tenant, ...input, newId: ctx.newId })),
    ),
  rename: editors
    .input(RenameAttributeInput)
    .mutation(({ ctx, input }) => modelChangeAudited(ctx, (trx) => renameAttribute(trx, { ...ctx.tenant, ...input }))),
  remove: editors
    .input(AttributeInput)
    .mutation(({ ctx, input }) =>
      modelChangeAudited(ctx, (trx) => removeAttribute(trx, { ...ctx.tenant, ...input, now: ctx.now })),
    ),
  addValue: editors
    .input(SegmentValueChangeInput)
    .mutation(({ ctx, input }) => modelChangeAudited(ctx, (trx) => addSegmentValue(trx, { ...ctx.tenant, ...input }))),
  renameValue: editors
    .input(SegmentValueChangeInput)
    .mutation(({ ctx, input }) =>
      modelChangeAudited(ctx, (trx) => renameSegmentValue(trx, { ...ctx.tenant, ...input })),
    ),
  removeValue: editors
    .input(SegmentValueRefInput)
    .mutation(({ ctx, input }) =>
      modelChangeAudited(ctx, (trx) => removeSegmentValue(trx, { ...ctx.tenant, ...input })),
    ),
});

/** The organisation's lists: owner departments, initiative kinds, promise channels (db model/lists.ts). */
const listsRouter = router({
  /**
   * Every list in the order offered, archived entries marked; every staff member reads it, as the plan pages it labels
   * and offers choices on.
   */
  get: staffProcedure().query(({ ctx }) => readLists(ctx.db, ctx.tenant)),
  create: editors
    .input(CreateListEntryInput)
    .mutation(({ ctx, input }) =>
      modelChangeAudited(ctx, (trx) => createListEntry(trx, { ...ctx.tenant, ...input, now: ctx.now })),
    ),
  rename: editors
    .input(RenameListEntryInput)
    .mutation(({ ctx, input }) => modelChangeAudited(ctx, (trx) => renameListEntry(trx, { ...ctx.tenant, ...input }))),
  remove: editors
    .input(ListEntryInput)
    .mutation(({ ctx, input }) =>
      modelChangeAudited(ctx, (trx) => removeListEntry(trx, { ...ctx.tenant, ...input, now: ctx.now })),
    ),
  restore: editors
    .input(ListEntryInput)
    .mutation(({ ctx, input }) => modelChangeAudited(ctx, (trx) => restoreListEntry(trx, { ...ctx.tenant, ...input }))),
});

export const modelRouter = router({
  /** Every group with its attributes and every dimension, archived ones marked, with what removing each would do. */
  get: readers.query(({ ctx }) => readModel(ctx.db, { ...ctx.tenant, now: ctx.now })),
  groups: groupsRouter,
  dimensions: dimensionsRouter,
  attributes: attributesRouter,
  lists: listsRouter,
});
