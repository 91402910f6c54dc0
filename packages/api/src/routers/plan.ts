import {
  clearIntendedExperience,
  createInitiative,
  createPromise,
  deleteInitiative,
  deletePromise,
  listDimensions,
  listInitiatives,
  listIntendedExperience,
  listPromises,
  setInitiativePublished,
  setInitiativeStatus,
  setIntendedExperience,
  updateInitiative,
  updatePromise,
} from '@facets/db';
import { INTENDED_EDITORS, PLAN_RUNNERS } from '@facets/domain';
import {
  ClearIntendedInput,
  CreateInitiativeInput,
  CreatePromiseInput,
  DeleteInitiativeInput,
  DeletePromiseInput,
  InitiativeStatusInput,
  PublishInitiativeInput,
  SetIntendedInput,
  UpdateInitiativeInput,
  UpdatePromiseInput,
} from '../plan-inputs.ts';
import { planScope, sees, visibleInitiatives, visibleIntended, visiblePromises } from '../plan-scope.ts';
import { router, staffProcedure } from '../trpc.ts';

/**
 * The organisation's side of the four facets: the intended experience (leadership and admins set it), initiatives
 * and promises (HR too). Every staff role reads; a manager reads what concerns employee groups only.
 */
const readers = staffProcedure();
const intendedEditors = staffProcedure(...INTENDED_EDITORS);
const runners = staffProcedure(...PLAN_RUNNERS);

const dimensionsRouter = router({
  /** The groups the caller sees and their dimensions (a shared dimension lists every visible group it belongs to). */
  list: readers.query(async ({ ctx }) => {
    const scope = await planScope(ctx.db, ctx.member);
    const dimensions = await listDimensions(ctx.db, ctx.tenant);
    return {
      groups: scope.groups.map((g) => ({ id: g.id, code: g.code, kind: g.kind, label: g.label })),
      dimensions: dimensions
        .map((d) => ({ ...d, groupIds: d.groupIds.filter((id) => sees(scope, id)) }))
        .filter((d) => d.groupIds.length > 0)
        .map((d) => ({ id: d.id, code: d.code, label: d.label, groupIds: d.groupIds, shared: d.shared })),
    };
  }),
});

const intendedRouter = router({
  list: readers.query(async ({ ctx }) =>
    visibleIntended(await planScope(ctx.db, ctx.member), await listIntendedExperience(ctx.db, ctx.tenant)),
  ),
  set: intendedEditors.input(SetIntendedInput).mutation(({ ctx, input }) =>
    setIntendedExperience(ctx.db, {
      ...ctx.tenant,
      ...input,
      memberId: ctx.member.memberId,
      now: ctx.now,
      newId: ctx.newId,
    }),
  ),
  clear: intendedEditors
    .input(ClearIntendedInput)
    .mutation(({ ctx, input }) => clearIntendedExperience(ctx.db, { ...ctx.tenant, ...input })),
});

const initiativesRouter = router({
  list: readers.query(async ({ ctx }) =>
    visibleInitiatives(await planScope(ctx.db, ctx.member), await listInitiatives(ctx.db, ctx.tenant)),
  ),
  create: runners.input(CreateInitiativeInput).mutation(({ ctx, input }) =>
    createInitiative(ctx.db, {
      ...ctx.tenant,
      ...input,
      now: ctx.now,
      newId: ctx.newId,
    }),
  ),
  update: runners
    .input(UpdateInitiativeInput)
    .mutation(({ ctx, input }) => updateInitiative(ctx.db, { ...ctx.tenant, ...input, now: ctx.now })),
  setStatus: runners
    .input(InitiativeStatusInput)
    .mutation(({ ctx, input }) => setInitiativeStatus(ctx.db, { ...ctx.tenant, ...input, now: ctx.now })),
  /** For an initiative entered by mistake; a dropped one is better cancelled, which keeps its record. */
  delete: runners
    .input(DeleteInitiativeInput)
    .mutation(({ ctx, input }) => deleteInitiative(ctx.db, { ...ctx.tenant, ...input })),
  /** Shows (published: true) or withdraws the initiative from its groups' "you said, we did". */
  publish: runners
    .input(PublishInitiativeInput)
    .mutation(({ ctx, input }) => setInitiativePublished(ctx.db, { ...ctx.tenant, ...input, now: ctx.now })),
});

const promisesRouter = router({
  list: readers.query(async ({ ctx }) =>
    visiblePromises(await planScope(ctx.db, ctx.member), await listPromises(ctx.db, ctx.tenant)),
  ),
  create: runners.input(CreatePromiseInput).mutation(({ ctx, input }) =>
    createPromise(ctx.db, {
      ...ctx.tenant,
      ...input,
      now: ctx.now,
      newId: ctx.newId,
    }),
  ),
  update: runners
    .input(UpdatePromiseInput)
    .mutation(({ ctx, input }) => updatePromise(ctx.db, { ...ctx.tenant, ...input })),
  delete: runners
    .input(DeletePromiseInput)
    .mutation(({ ctx, input }) => deletePromise(ctx.db, { ...ctx.tenant, ...input })),
});

export const planRouter = router({
  dimensions: dimensionsRouter,
  intended: intendedRouter,
  initiatives: initiativesRouter,
  promises: promisesRouter,
});
