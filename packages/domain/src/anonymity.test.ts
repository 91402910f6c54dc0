import { describe, expect, it } from 'vitest';
import { countFromK, disclosurePolicy } from './anonymity.ts';

describe('disclosurePolicy', () => {
  it('defaults to 5 and never goes below 3', () => {
    expect(disclosurePolicy()).toEqual({ k: 5, commentK: 5 });
    expect(disclosurePolicy(2, 1)).toEqual({ k: 3, commentK: 3 });
    expect(disclosurePolicy(7, 10)).toEqual({ k: 7, commentK: 10 });
    // a fractional or broken setting never loosens the rule
    expect(disclosurePolicy(3.2, Number.NaN)).toEqual({ k: 4, commentK: 5 });
  });
});

describe('countFromK', () => {
  it('shows every count from k, and nothing below, nobody included', () => {
    expect([0, 1, 4, 5, 6, 120].map((n) => countFromK(n, 5))).toEqual([null, null, null, 5, 6, 120]);
  });
});
