import { describe, expect, it } from 'vitest';
import { apiKeyTouchDue, formatApiKey, parseApiKey } from './api-keys.ts';

describe('API keys', () => {
  const lookup = 'abcDEF123_-x';
  const secret = 'S'.repeat(43);

  it('reads back the two parts of a key it formatted, and nothing else', () => {
    expect(parseApiKey(formatApiKey(lookup, secret))).toEqual({ lookup, secret });
    expect(parseApiKey(`fct_${lookup}_${secret}x`)).toBeNull();
    expect(parseApiKey(`fct_${lookup}-${secret}`)).toBeNull();
    expect(parseApiKey(`xyz_${lookup}_${secret}`)).toBeNull();
    expect(parseApiKey(`fct_${lookup}_${'S'.repeat(42)}!`)).toBeNull();
    expect(parseApiKey('')).toBeNull();
  });

  it('marks a key used again only a minute after its last use', () => {
    expect(apiKeyTouchDue(null, '2026-12-04T10:00:00.000Z')).toBe(true);
    expect(apiKeyTouchDue('2026-12-04T10:00:00.000Z', '2026-12-04T10:00:59.999Z')).toBe(false);
    expect(apiKeyTouchDue('2026-12-04T10:00:00.000Z', '2026-12-04T10:01:00.000Z')).toBe(true);
  });
});
