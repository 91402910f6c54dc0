import { describe, expect, it } from 'vitest';
import { checkPeriodKind, periodContaining } from './periods.ts';

describe('calendar periods of continuous surveys', () => {
  it('puts an instant in its calendar month, in UTC', () => {
    expect(periodContaining('month', '2026-11-30T23:59:59.999Z')).toEqual({
      start: '2026-11-01T00:00:00.000Z',
      end: '2026-12-01T00:00:00.000Z',
      label: '2026-11',
    });
    expect(periodContaining('month', '2026-12-01T00:00:00.000Z').label).toBe('2026-12');
    expect(periodContaining('month', '2026-12-15T10:00:00Z').end).toBe('2027-01-01T00:00:00.000Z');
    // An offset is read as the instant it names: 00:30 in Paris on 1 December is still November in UTC.
    expect(periodContaining('month', '2026-12-01T00:30:00+01:00').label).toBe('2026-11');
  });

  it('puts an instant in its calendar quarter', () => {
    expect(periodContaining('quarter', '2026-11-17T08:00:00Z')).toEqual({
      start: '2026-10-01T00:00:00.000Z',
      end: '2027-01-01T00:00:00.000Z',
      label: '2026-Q4',
    });
    expect(periodContaining('quarter', '2027-01-01T00:00:00Z').label).toBe('2027-Q1');
    expect(periodContaining('quarter', '2026-06-30T23:59:59Z')).toMatchObject({
      start: '2026-04-01T00:00:00.000Z',
      label: '2026-Q2',
    });
  });

  it('refuses a period on a survey that is not sent to chosen people', () => {
    expect(() => checkPeriodKind('pulse', 'month')).toThrow(/period: only onboarding, exit and post-interaction/);
    expect(() => checkPeriodKind('pulse', null)).not.toThrow();
    expect(() => checkPeriodKind('exit', 'quarter')).not.toThrow();
  });

  it('refuses a string that is not a date', () => {
    expect(() => periodContaining('month', 'soon')).toThrow(/instant: not a date/);
  });
});
