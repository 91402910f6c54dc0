import { ActionStatus, Id, MAX_ACTION_OWNER, MAX_ACTION_TITLE, MAX_PLAN_NOTE } from '@facets/domain';
import { z } from 'zod';
import { SegmentInput, SelectionFields } from '../inputs.ts';
import { CalendarDate } from '../plan-inputs.ts';

/** Inputs of the actionPlans.* procedures. Texts are the author's words, in one language. */

const text = (max: number) => z.string().trim().min(1).max(max);
const note = z.string().trim().max(MAX_PLAN_NOTE).nullable().optional();

/** A scope's plan: the whole group (no segment) or one segment of it; a manager's is always their department. */
export const ActionPlanInput = z.strictObject({ groupId: Id, segment: SegmentInput.optional(), ...SelectionFields });

export const PlanCoverageInput = z.strictObject({ groupId: Id, ...SelectionFields });

export const AddFocusAreaInput = z.strictObject({
  groupId: Id,
  segment: SegmentInput.optional(),
  /** The wave whose results it is chosen from. */
  waveId: Id,
  dimensionId: Id,
  note,
});

export const FocusAreaInput = z.strictObject({ focusAreaId: Id });

const ActionFields = {
  title: text(MAX_ACTION_TITLE),
  owner: text(MAX_ACTION_OWNER),
  dueDate: CalendarDate.nullable(),
  initiativeId: Id.nullable(),
};

export const CreateActionInput = z.strictObject({ focusAreaId: Id, ...ActionFields });

export const UpdateActionInput = z.strictObject({ actionId: Id, ...ActionFields });

export const ActionProgressInput = z.strictObject({ actionId: Id, status: ActionStatus, note });

export const PublishActionInput = z.strictObject({ actionId: Id, published: z.boolean() });

export const ActionInput = z.strictObject({ actionId: Id });
