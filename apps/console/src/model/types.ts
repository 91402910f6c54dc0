import type { RouterOutputs } from '@facets/api';

/** The model as `model.get` returns it. */
export type Model = RouterOutputs['model']['get'];
export type ModelGroup = Model['groups'][number];
export type ModelDimension = Model['dimensions'][number];
export type ModelAttribute = ModelGroup['attributes'][number];
export type ModelValue = ModelAttribute['values'][number];
