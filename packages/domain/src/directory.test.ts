import { describe, expect, it } from 'vitest';
import {
  deactivationNeedsConfirmation,
  deactivationWindowExceeded,
  parseDirectoryDate,
  reportingCycles,
} from './directory.ts';

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

describe('deactivationWindowExceeded', () => {
  it('counts the people who left within the window among those active at its start', () => {
    // 10 active an hour ago, 3 left since (7 active now): a 4th is 40 %, a 5th is 50 %.
    expect(deactivationWindowExceeded(7, 3)).toBe(false);
    expect(deactivationWindowExceeded(6, 4)).toBe(true);
    // Nobody left yet: one of two is 50 %, one of three is 33 %.
    expect(deactivationWindowExceeded(2, 0)).toBe(true);
    expect(deactivationWindowExceeded(3, 0)).toBe(false);
    expect(deactivationWindowExceeded(6, 4, 1, 0.5)).toBe(false);
  });
});
