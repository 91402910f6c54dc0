import { describe, expect, it } from 'vitest';
import { deactivationNeedsConfirmation, parseDirectoryDate, reportingCycles } from './directory.ts';

describe('parseDirectoryDate', () => {
  it('reads ISO days and day-first dates', () => {
    expect(parseDirectoryDate('2024-03-01')).toBe('2024-03-01');
    expect(parseDirectoryDate(' 01/03/2024 ')).toBe('2024-03-01');
    expect(parseDirectoryDate('1.3.2024')).toBe('2024-03-01');
    expect(parseDirectoryDate('29/02/2024')).toBe('2024-02-29');
  });

  it('refuses what is not a day of the calendar', () => {
    for (const text of ['2023-02-29', '31/04/2024', '2024-13-01', '03/2024', 'tomorrow', '2024-3-1', '00/01/2024']) {
      expect(parseDirectoryDate(text)).toBeNull();
    }
  });
});

describe('reportingCycles', () => {
  it('finds nothing in a tree', () => {
    expect(
      reportingCycles([
        { key: 'ceo', manager: null },
        { key: 'a', manager: 'ceo' },
        { key: 'b', manager: 'a' },
      ]),
    ).toEqual([]);
  });

  it('names every cycle once, in reporting order, and not the people who merely report into one', () => {
    expect(
      reportingCycles([
        { key: 'x', manager: 'a' },
        { key: 'a', manager: 'b' },
        { key: 'b', manager: 'c' },
        { key: 'c', manager: 'a' },
        { key: 'self', manager: 'self' },
        { key: 'p', manager: 'q' },
        { key: 'q', manager: 'p' },
      ]),
    ).toEqual([['a', 'b', 'c'], ['self'], ['p', 'q']]);
  });
});

describe('deactivationNeedsConfirmation', () => {
  it('asks above 40 % of the active people, not at it', () => {
    expect(deactivationNeedsConfirmation(100, 40)).toBe(false);
    expect(deactivationNeedsConfirmation(100, 41)).toBe(true);
    expect(deactivationNeedsConfirmation(0, 0)).toBe(false);
    expect(deactivationNeedsConfirmation(10, 2, 0.1)).toBe(true);
  });
});
