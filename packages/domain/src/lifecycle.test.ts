import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.ts';
import { overFatigueLimit } from './fatigue.ts';
import {
  addCalendarDays,
  CATCH_UP_DAYS,
  checkLifecycleTrigger,
  lifecycleDateRange,
  lifecycleDue,
  lifecycleDueDay,
} from './lifecycle.ts';

const onboarding = { event: 'start', daysAfter: 30 } as const;
const exit = { event: 'end', daysBefore: 7 } as const;

describe('lifecycle triggers', () => {
  it('count calendar days across months and leap days', () => {
    expect(addCalendarDays('2028-02-01', 30)).toBe('2028-03-02');
    expect(addCalendarDays('2027-01-05', -7)).toBe('2026-12-29');
  });

  it('make a new starter due 30 days after the start and a leaver 7 days before the end', () => {
    expect(lifecycleDueDay(onboarding, { startDate: '2026-11-02', endDate: null })).toBe('2026-12-02');
    expect(lifecycleDueDay(exit, { startDate: '2020-01-01', endDate: '2026-12-18' })).toBe('2026-12-11');
    expect(lifecycleDueDay(exit, { startDate: '2020-01-01', endDate: null })).toBeNull();
  });

  it('are due from their day for CATCH_UP_DAYS days, never before nor years back', () => {
    expect(lifecycleDue('2026-12-02', '2026-12-01T23:59:00.000Z')).toBe(false);
    expect(lifecycleDue('2026-12-02', '2026-12-02T00:00:00.000Z')).toBe(true);
    expect(lifecycleDue('2026-12-02', `${addCalendarDays('2026-12-02', CATCH_UP_DAYS - 1)}T12:00:00.000Z`)).toBe(true);
    expect(lifecycleDue('2026-12-02', `${addCalendarDays('2026-12-02', CATCH_UP_DAYS)}T12:00:00.000Z`)).toBe(false);
    expect(lifecycleDue('2021-03-01', '2026-12-02T09:00:00.000Z')).toBe(false);
  });

  it('filter the directory on exactly the dates that are due today', () => {
    const now = '2026-12-20T09:00:00.000Z';
    const { from, to } = lifecycleDateRange(onboarding, now);
    for (const start of [addCalendarDays(from, -1), from, to, addCalendarDays(to, 1)]) {
      const inRange = start >= from && start <= to;
      expect(lifecycleDue(lifecycleDueDay(onboarding, { startDate: start, endDate: null }), now)).toBe(inRange);
    }
    const end = lifecycleDateRange(exit, now);
    expect(end.to).toBe('2026-12-27');
    expect(lifecycleDue(lifecycleDueDay(exit, { startDate: null, endDate: end.from }), now)).toBe(true);
  });

  it('belong to onboarding and exit surveys of employee groups that report by period', () => {
    const ok = { kind: 'onboarding', groupKind: 'employee', continuous: true } as const;
    expect(() => checkLifecycleTrigger(ok, onboarding)).not.toThrow();
    expect(() => checkLifecycleTrigger({ ...ok, kind: 'pulse' }, null)).not.toThrow();
    const refusal = (survey: Parameters<typeof checkLifecycleTrigger>[0], t: typeof onboarding | typeof exit) => {
      try {
        checkLifecycleTrigger(survey, t);
      } catch (e) {
        return e instanceof DomainError ? [e.field, e.reason] : e;
      }
      return null;
    };
    expect(refusal(ok, exit)).toEqual(['trigger', 'not_allowed']);
    expect(refusal({ ...ok, groupKind: 'customer' }, onboarding)).toEqual(['trigger', 'not_allowed']);
    expect(refusal({ ...ok, continuous: false }, onboarding)).toEqual(['trigger', 'wrong_state']);
  });
});

describe('the fatigue rule', () => {
  it('is off without a rule and stops the invitation that would pass the limit', () => {
    expect(overFatigueLimit(null, 40)).toBe(false);
    expect(overFatigueLimit({ maxSurveys: 2, periodDays: 30 }, 1)).toBe(false);
    expect(overFatigueLimit({ maxSurveys: 2, periodDays: 30 }, 2)).toBe(true);
  });
});
