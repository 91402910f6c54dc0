import type { Department, InitiativeKind, InitiativeStatus, PromiseChannel } from '@facets/domain';

/**
 * The model's lists the pages offer, typed against @facets/domain but written out here: importing the domain's zod
 * schemas at run time would add the whole of zod to the console's bundle. labels.test.ts checks they stay equal.
 */
export const INITIATIVE_STATUSES = [
  'planned',
  'active',
  'delivered',
  'cancelled',
] as const satisfies readonly InitiativeStatus[];
export const INITIATIVE_KINDS = [
  'communication',
  'service',
  'offer',
  'process',
  'digital',
  'policy',
  'training',
] as const satisfies readonly InitiativeKind[];
export const DEPARTMENTS = [
  'leadership',
  'marketing',
  'hr',
  'it',
  'procurement',
  'finance',
  'operations',
  'customer_service',
  'investor_relations',
] as const satisfies readonly Department[];
export const PROMISE_CHANNELS = [
  'marketing',
  'employer_brand',
  'supplier_charter',
  'investor_story',
  'other',
] as const satisfies readonly PromiseChannel[];
