import { describe, expect, it } from 'vitest';
import { ReminderSchedule, reminderDue } from './reminders.ts';

const wave = { opensAt: '2026-03-02T09:00:00.000Z', closesAt: '2026-03-20T17:00:00.000Z' };
const schedule = ReminderSchedule.parse({ afterOpening: [3], beforeClosing: [2] });

describe('reminderDue', () => {
  it('falls on the day opening plus n days, from the hour the wave opened', () => {
    expect(reminderDue(schedule, wave, '2026-03-05T08:59:00.000Z')).toBeNull();
    expect(reminderDue(schedule, wave, '2026-03-05T09:00:00.000Z')).toBe('2026-03-05');
    expect(reminderDue(schedule, wave, '2026-03-05T23:59:00.000Z')).toBe('2026-03-05');
    // A day the server did not run is not caught up.
    expect(reminderDue(schedule, wave, '2026-03-06T10:00:00.000Z')).toBeNull();
  });

  it('falls on the day closing minus n days, and never once the wave has closed', () => {
    expect(reminderDue(schedule, wave, '2026-03-18T18:00:00.000Z')).toBe('2026-03-18');
    expect(reminderDue({ afterOpening: [], beforeClosing: [1] }, wave, '2026-03-20T16:59:00.000Z')).toBeNull();
    expect(
      reminderDue(ReminderSchedule.parse({ afterOpening: [18], beforeClosing: [] }), wave, '2026-03-20T17:00:00.000Z'),
    ).toBeNull();
  });

  it('sends nothing before closing when the wave has no closing date', () => {
    expect(reminderDue(schedule, { ...wave, closesAt: null }, '2026-03-18T18:00:00.000Z')).toBeNull();
  });
});

describe('ReminderSchedule', () => {
  it('takes whole days, at most five each, sorted once', () => {
    expect(ReminderSchedule.parse({ afterOpening: [7, 3, 3], beforeClosing: [] })).toEqual({
      afterOpening: [3, 7],
      beforeClosing: [],
    });
    expect(ReminderSchedule.safeParse({ afterOpening: [1.5], beforeClosing: [] }).success).toBe(false);
    expect(ReminderSchedule.safeParse({ afterOpening: [1, 2, 3, 4, 5, 6], beforeClosing: [] }).success).toBe(false);
    expect(ReminderSchedule.safeParse({ afterOpening: [0], beforeClosing: [] }).success).toBe(false);
  });
});
