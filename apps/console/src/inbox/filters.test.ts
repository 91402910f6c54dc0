import { describe, expect, it } from 'vitest';
import { EMPTY_VIEW, inboxInput, isFiltered } from './filters.ts';

describe('the inbox view', () => {
  it('asks the API for the filters set only', () => {
    expect(inboxInput(EMPTY_VIEW, 50)).toEqual({ limit: 50 });
    expect(
      inboxInput({ ...EMPTY_VIEW, status: 'received', assignee: 'me', search: '  invoice ', sort: 'oldest' }, 100),
    ).toEqual({ status: 'received', assignee: 'me', search: 'invoice', sort: 'oldest', limit: 100 });
  });

  it('knows when something narrows the list (the order does not)', () => {
    expect(isFiltered(EMPTY_VIEW)).toBe(false);
    expect(isFiltered({ ...EMPTY_VIEW, sort: 'newest' })).toBe(false);
    expect(isFiltered({ ...EMPTY_VIEW, groupId: 'g1' })).toBe(true);
  });
});
