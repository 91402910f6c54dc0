import { describe, expect, it } from 'vitest';
import { formatDay, formatPeriod, isDay } from './dates.ts';

const words = { from: (d: string) => `from ${d}`, until: (d: string) => `until ${d}` };

describe('calendar days', () => {
  it('reads a day in words without shifting it, in both languages', () => {
    expect(formatDay('2026-12-01', 'en')).toBe('1 Dec 2026');
    expect(formatDay('2026-12-01', 'fr')).toBe('1 déc. 2026');
  });

  it('words a period with either end missing', () => {
    expect(formatPeriod('2026-12-01', '2027-02-28', 'en', words)).toBe('1 Dec 2026 – 28 Feb 2027');
    expect(formatPeriod('2026-12-01', null, 'en', words)).toBe('from 1 Dec 2026');
    expect(formatPeriod(null, '2027-02-28', 'en', words)).toBe('until 28 Feb 2027');
    expect(formatPeriod(null, null, 'en', words)).toBe('');
  });

  it('accepts real days only', () => {
    expect(['2026-02-28', '2028-02-29'].map(isDay)).toEqual([true, true]);
    expect(['2026-02-30', '2026-2-1', '', '01/02/2026'].map(isDay)).toEqual([false, false, false, false]);
  });
});
