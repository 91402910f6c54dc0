import { z } from 'zod';

/**
 * When the people invited to a wave who have not answered are reminded: some days after the wave opens and some days
 * before it closes (`surveys.setReminders`). A reminder falls on the UTC day of its instant (opening plus n days,
 * closing minus n days) and is sent from that instant to the day's end, never after the wave closes: a day the
 * server did not run is skipped rather than caught up, so nobody gets two reminders at once.
 */

export const MAX_REMINDERS = 5;
const DAY_MS = 86_400_000;

const Days = z
  .array(z.int().min(1).max(365))
  .max(MAX_REMINDERS)
  .transform((days) => [...new Set(days)].sort((a, b) => a - b));

export const ReminderSchedule = z.strictObject({ afterOpening: Days, beforeClosing: Days });
export type ReminderSchedule = z.infer<typeof ReminderSchedule>;

export const NO_REMINDERS: ReminderSchedule = { afterOpening: [], beforeClosing: [] };

/** The UTC day (YYYY-MM-DD) of an ISO instant. */
export const utcDay = (iso: string): string => new Date(iso).toISOString().slice(0, 10);

/**
 * The day a reminder of this wave is due at `now` (YYYY-MM-DD), or null: one of the schedule's instants has passed
 * today and the wave is still open.
 */
export function reminderDue(
  schedule: ReminderSchedule,
  wave: { opensAt: string; closesAt: string | null },
  now: string,
): string | null {
  const at = Date.parse(now);
  if (Date.parse(wave.opensAt) > at) return null;
  if (wave.closesAt !== null && Date.parse(wave.closesAt) <= at) return null;
  const today = utcDay(now);
  const instants = [
    ...schedule.afterOpening.map((d) => Date.parse(wave.opensAt) + d * DAY_MS),
    ...(wave.closesAt === null ? [] : schedule.beforeClosing.map((d) => Date.parse(wave.closesAt!) - d * DAY_MS)),
  ];
  const due = instants.some(
    (t) => t <= at && t >= Date.parse(wave.opensAt) && utcDay(new Date(t).toISOString()) === today,
  );
  return due ? today : null;
}
