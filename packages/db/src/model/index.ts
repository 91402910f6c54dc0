/** The organisation's model edited by its admins and leadership: groups, dimensions, segment attributes and values. */
export * from './attributes.ts';
export type { ModelChange } from './change.ts';
export * from './dimensions.ts';
export * from './groups.ts';
export * from './lists.ts';
export * from './view.ts';
