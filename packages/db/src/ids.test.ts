import { describe, expect, it } from 'vitest';
import { newId } from './ids.ts';

describe('newId', () => {
  it('is 26 Crockford characters, its first ten the milliseconds', () => {
    const id = newId(0);
    expect(id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(id.slice(0, 10)).toBe('0000000000');
    // 1 ms is the last time digit; 32 ms carry into the one before.
    expect(newId(1).slice(0, 10)).toBe('0000000001');
    expect(newId(32).slice(0, 10)).toBe('0000000010');
  });

  it('sorts ids of one millisecond in the order they were made', () => {
    const now = Date.UTC(2026, 11, 1, 9, 0, 0, 123);
    const ids = Array.from({ length: 1000 }, () => newId(now));
    expect(new Set(ids).size).toBe(1000);
    expect([...ids].sort()).toEqual(ids);
  });

  it('sorts ids of later milliseconds after earlier ones', () => {
    const ids = [newId(1_000), newId(1_000), newId(1_001), newId(2_000)];
    expect([...ids].sort()).toEqual(ids);
  });
});
