import {
  GroupKind,
  Id,
  ListEntryCode,
  ListEntryLabel,
  ModelCode,
  ModelDescription,
  ModelLabel,
  OrganisationList,
  SEGMENT_VALUES_MAX,
  SegmentValueInput,
} from '@facets/domain';
import { z } from 'zod';

/** Inputs of the model.* procedures: strict objects, codes of the model's pattern, bilingual labels. */

export const CreateGroupInput = z.strictObject({ kind: GroupKind, code: ModelCode, label: ModelLabel });
export const RenameGroupInput = z.strictObject({ groupId: Id, label: ModelLabel });
export const GroupInput = z.strictObject({ groupId: Id });

const DimensionFields = {
  label: ModelLabel,
  description: ModelDescription.nullable(),
  /** One group, or several for a shared dimension. */
  groupIds: z
    .array(Id)
    .min(1)
    .max(20)
    .refine((ids) => new Set(ids).size === ids.length, 'a group appears twice'),
};
export const CreateDimensionInput = z.strictObject({ code: ModelCode, ...DimensionFields });
export const UpdateDimensionInput = z.strictObject({ dimensionId: Id, ...DimensionFields });
export const DimensionInput = z.strictObject({ dimensionId: Id });

const AttributeRef = { groupId: Id, key: ModelCode };
export const CreateAttributeInput = z.strictObject({
  ...AttributeRef,
  label: ModelLabel,
  values: z.array(SegmentValueInput).max(SEGMENT_VALUES_MAX),
});
export const RenameAttributeInput = z.strictObject({ ...AttributeRef, label: ModelLabel });
export const AttributeInput = z.strictObject(AttributeRef);
export const SegmentValueChangeInput = z.strictObject({ ...AttributeRef, value: ModelCode, label: ModelLabel });
export const SegmentValueRefInput = z.strictObject({ ...AttributeRef, value: ModelCode });

/** An entry of one of the organisation's lists (departments, initiative kinds, promise channels), by its code. */
const ListEntryRef = { list: OrganisationList, code: ListEntryCode };
export const CreateListEntryInput = z.strictObject({ ...ListEntryRef, label: ListEntryLabel });
export const RenameListEntryInput = CreateListEntryInput;
export const ListEntryInput = z.strictObject(ListEntryRef);
