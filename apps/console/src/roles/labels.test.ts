import { InitiativeStatus, StaffRole } from '@facets/domain';
import { flattenKeys } from '@facets/portal-kit';
import { describe, expect, it } from 'vitest';
import { messages } from '../messages.ts';

/** Keys the pages build at run time (`initiatives.status.${s}`): the key check of messages.test.ts cannot see them. */
const BUILT_KEYS = [
  ...InitiativeStatus.options.map((s) => `initiatives.status.${s}`),
  ...StaffRole.options.flatMap((r) => [`roles.name.${r}`, `roles.hint.${r}`]),
  'roles.name.stakeholder',
  ...[1, 2, 3].map((p) => `intended.priority.${p}`),
  ...['activity', 'newest', 'oldest'].map((s) => `inbox.sortBy.${s}`),
  ...['active', 'invited'].map((s) => `people.status.${s}`),
  ...['noGroup', 'cancelled'].map((b) => `initiatives.publishBlocked.${b}`),
  ...['intended', 'initiatives', 'promises', 'people', 'settings'].map((p) => `console.nav.${p}`),
];

describe('labels of the planning and operations pages', () => {
  it('name every status and role in both languages', () => {
    for (const lang of ['en', 'fr'] as const) {
      const keys = new Set(flattenKeys(messages[lang]));
      expect(BUILT_KEYS.filter((key) => !keys.has(key))).toEqual([]);
    }
  });
});
