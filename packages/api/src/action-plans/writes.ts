import {
  addFocusArea,
  createPlanAction,
  type Database,
  deletePlanAction,
  recordActionProgress,
  removeFocusArea,
  setPlanActionPublished,
  updatePlanAction,
} from '@facets/db';
import type { Kysely } from 'kysely';
import type { Segment } from '../insights/cells.ts';
import type { Scope } from '../insights/scope.ts';
import { requireOwnAction, requireOwnFocusArea, requirePlannableWave } from './view.ts';

/**
 * The writes of action plans, each after checking that the reader's scope owns what it changes (a manager: their
 * department's plan only), then the repository's validation of what is written.
 */
export interface Writer {
  db: Kysely<Database>;
  scope: Scope;
  memberId: string;
  now: string;
  newId: () => string;
}

const who = (w: Writer) => ({ organizationId: w.scope.organizationId, now: w.now });

export async function addFocus(
  w: Writer,
  input: { groupId: string; segment?: Segment; waveId: string; dimensionId: string; note?: string | null | undefined },
) {
  const { group, planScope } = await requirePlannableWave(w.db, w.scope, input);
  return addFocusArea(w.db, {
    ...who(w),
    groupId: group.id,
    waveId: input.waveId,
    scope: planScope,
    dimensionId: input.dimensionId,
    note: input.note ?? null,
    memberId: w.memberId,
    newId: w.newId,
  });
}

export async function removeFocus(w: Writer, input: { focusAreaId: string }) {
  await requireOwnFocusArea(w.db, w.scope, input.focusAreaId);
  return removeFocusArea(w.db, { organizationId: w.scope.organizationId, focusAreaId: input.focusAreaId });
}

type ActionFields = { title: string; owner: string; dueDate: string | null; initiativeId: string | null };

export async function createAction(w: Writer, input: ActionFields & { focusAreaId: string }) {
  await requireOwnFocusArea(w.db, w.scope, input.focusAreaId);
  return createPlanAction(w.db, { ...who(w), ...input, memberId: w.memberId, newId: w.newId });
}

export async function updateAction(w: Writer, input: ActionFields & { actionId: string }) {
  await requireOwnAction(w.db, w.scope, input.actionId);
  return updatePlanAction(w.db, { ...who(w), ...input });
}

export async function progressAction(
  w: Writer,
  input: { actionId: string; status: string; note?: string | null | undefined },
) {
  await requireOwnAction(w.db, w.scope, input.actionId);
  return recordActionProgress(w.db, { ...who(w), ...input, memberId: w.memberId, newId: w.newId });
}

export async function publishAction(w: Writer, input: { actionId: string; published: boolean }) {
  await requireOwnAction(w.db, w.scope, input.actionId);
  return setPlanActionPublished(w.db, { ...who(w), ...input });
}

export async function deleteAction(w: Writer, input: { actionId: string }) {
  await requireOwnAction(w.db, w.scope, input.actionId);
  return deletePlanAction(w.db, { organizationId: w.scope.organizationId, actionId: input.actionId });
}
