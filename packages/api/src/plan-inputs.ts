import { Id, InitiativeStatus, ListEntryCode, WrittenText } from '@facets/domain';
import { z } from 'zod';

/**
 * Inputs of the plan.* procedures: strict objects, bounded lengths, texts in French, English or both (the
 * repositories require the organisation's languages), kinds, departments and channels as codes of its lists.
 */

export const Bilingual = WrittenText;

/** A calendar day, YYYY-MM-DD. */
export const CalendarDate = z.iso.date();

const GroupDimension = z.strictObject({ groupId: Id, dimensionId: Id });

export const SetIntendedInput = z.strictObject({
  groupId: Id,
  dimensionId: Id,
  statement: Bilingual(500),
  target: z.number().int().min(0).max(100),
  priority: z.number().int().min(1).max(3),
});

export const ClearIntendedInput = GroupDimension;

const InitiativeFields = {
  title: Bilingual(200),
  description: Bilingual(2000).nullable(),
  kind: ListEntryCode,
  ownerDepartment: ListEntryCode,
  status: InitiativeStatus,
  startDate: CalendarDate.nullable(),
  endDate: CalendarDate.nullable(),
  targets: z.array(GroupDimension).max(50),
};

export const CreateInitiativeInput = z.strictObject(InitiativeFields);

export const UpdateInitiativeInput = z.strictObject({ initiativeId: Id, ...InitiativeFields });

export const InitiativeStatusInput = z.strictObject({ initiativeId: Id, status: InitiativeStatus });

export const DeleteInitiativeInput = z.strictObject({ initiativeId: Id });

export const PublishInitiativeInput = z.strictObject({ initiativeId: Id, published: z.boolean() });

const PromiseFields = {
  groupId: Id,
  dimensionId: Id.nullable(),
  channel: ListEntryCode,
  statement: Bilingual(1000),
  madeOn: CalendarDate,
};

export const CreatePromiseInput = z.strictObject(PromiseFields);

export const UpdatePromiseInput = z.strictObject({ promiseId: Id, ...PromiseFields });

export const DeletePromiseInput = z.strictObject({ promiseId: Id });
