import { describe, expect, it } from 'vitest';
import { refusalReason } from './refusal.ts';

describe('refusalReason', () => {
  it('reads the disclosure reason of a refused filter from the API’s message', () => {
    expect(
      refusalReason('segment: complement_below_k: fewer than 5 people of the group fall outside this segment'),
    ).toBe('complement_below_k');
    expect(
      refusalReason(
        'complement_below_k: fewer than 5 people outside your department answered, so your department’s results would identify them',
      ),
    ).toBe('complement_below_k');
  });

  it('leaves any other failure to the generic error message', () => {
    expect(refusalReason('dimensionId: no such dimension in this group')).toBeNull();
    expect(refusalReason('')).toBeNull();
  });
});
