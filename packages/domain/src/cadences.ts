import { z } from 'zod';
import { DomainError } from './errors.ts';
import type { SurveyKind } from './model.ts';
import { INVITED_ONLY_KINDS } from './periods.ts';

/**
 * A recurring programme (`surveys.setCadence`): every N weeks on a weekday, or every N months on that weekday of the
 * month's first week (the first Monday…, as engagement tools schedule pulses), at an hour of the organisation's time
 * zone. Each occurrence is a wave of its own that stays open some days, fewer than the interval, so that one wave takes
 * answers at a time. The server opens the current occurrence's wave when it is due and it closes by its date; an
 * occurrence whose days all passed while no server ran is not opened afterwards.
 */

/** The organisation's zone when it has chosen none. */
export const DEFAULT_TIME_ZONE = 'Europe/Paris';

/** The zone's canonical IANA name (`europe/paris` → `Europe/Paris`), or null when Intl does not know it. */
export function canonicalTimeZone(name: string): string | null {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(name)) return null;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** An IANA time zone name, checked with Intl and stored in its canonical spelling. */
export const TimeZone = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine((name) => canonicalTimeZone(name) !== null, 'must be a time zone of the IANA database, such as Europe/Paris')
  .transform((name) => canonicalTimeZone(name) ?? name);

export const CADENCE_UNITS = ['week', 'month'] as const;
export type CadenceUnit = (typeof CADENCE_UNITS)[number];

/** The longest interval: a year. */
export const MAX_EVERY: Record<CadenceUnit, number> = { week: 52, month: 12 };
/** The shortest time between two openings, in days: a week, or 28 days a month (first Monday to first Monday). */
const DAYS_PER: Record<CadenceUnit, number> = { week: 7, month: 28 };
/** A wave lasts at most a year, as a wave scheduled by hand does. */
const MAX_OPEN_DAYS = 366;

const LocalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine((d) => civil(d) !== null, 'is not a date of the calendar');

/**
 * Whom each wave invites from the directory: the active people of the survey's group, all of them (no segments) or
 * those whose segments match (as `surveys.invitations.fromDirectory`: any value of a key, every key).
 */
export const CadenceAudience = z.strictObject({
  segments: z
    .record(z.string().trim().min(1).max(64), z.array(z.string().trim().min(1).max(100)).min(1).max(200))
    .refine((s) => Object.keys(s).length <= 20, { message: 'at most 20 segment keys' }),
});
export type CadenceAudience = z.infer<typeof CadenceAudience>;

export const Cadence = z
  .strictObject({
    unit: z.enum(CADENCE_UNITS),
    /** Every N weeks or months. */
    every: z.int().min(1).max(52),
    /** ISO weekday: 1 Monday … 7 Sunday; for months, that weekday of the month's first seven days. */
    weekday: z.int().min(1).max(7),
    /** The hour a wave opens (and closes, `openDays` later), in the organisation's time zone. */
    hour: z.int().min(0).max(23),
    openDays: z.int().min(1).max(MAX_OPEN_DAYS),
    /** The first day a wave may open, in the organisation's time zone. */
    startDate: LocalDate,
    /** The last day a wave may open; null: no end. */
    endDate: LocalDate.nullable(),
    audience: CadenceAudience,
  })
  .superRefine((c, ctx) => {
    if (c.every > MAX_EVERY[c.unit]) {
      ctx.addIssue({
        code: 'too_big',
        origin: 'number',
        maximum: MAX_EVERY[c.unit],
        inclusive: true,
        path: ['every'],
        message: `at most ${MAX_EVERY[c.unit]} ${c.unit}s`,
      });
      return;
    }
    const interval = DAYS_PER[c.unit] * c.every;
    if (c.openDays >= interval) {
      ctx.addIssue({
        code: 'too_big',
        origin: 'number',
        maximum: interval - 1,
        inclusive: true,
        path: ['openDays'],
        message: `a wave must close before the next opens: at most ${interval - 1} days ${c.unit === 'month' ? `(${c.every} × 28 days, the shortest month)` : `for every ${c.every} week(s)`}`,
      });
    }
    if (c.endDate !== null && c.endDate < c.startDate) {
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'must not be before the start date' });
    } else if (c.endDate !== null && occurrenceDate(c, 0) === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['endDate'],
        message: 'no wave would open between the start and end dates: choose a later end',
      });
    }
  });
export type Cadence = z.infer<typeof Cadence>;

/** One occurrence of a cadence: a wave's dates, and its label (the local day it opens, as `2026-12-07`). */
export interface CadenceWave {
  label: string;
  opensAt: string;
  closesAt: string;
}

/** Whether a survey of this kind may recur on a cadence: the continuous kinds follow events, not a calendar. */
export function checkCadenceKind(kind: string): void {
  if (!INVITED_ONLY_KINDS.includes(kind as SurveyKind)) return;
  throw new DomainError(
    'invalid',
    'cadence: onboarding, exit and post-interaction surveys go to people as events happen and report by calendar period; they do not recur',
    'cadence',
    'not_allowed',
  );
}

/** A parsed cadence, or a DomainError naming the first field at fault. */
export function parseCadence(value: unknown): Cadence {
  const parsed = Cadence.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = ['cadence', ...(issue?.path ?? []).map(String)].join('.');
  throw new DomainError('invalid', `${field}: ${issue?.message ?? 'is not a cadence'}`, field, 'invalid_value');
}

// ——— Calendar days, as day numbers since 1970-01-01 (the arithmetic of the proleptic Gregorian calendar).

const DAY_MS = 86_400_000;

function civil(date: string): number | null {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const ms = Date.UTC(y, m - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null;
  return ms / DAY_MS;
}

const dayOf = (date: string): number => civil(date) as number;
const dateOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
/** ISO weekday of a day number: 1970-01-01 was a Thursday (4). */
const isoWeekday = (day: number): number => ((((day + 3) % 7) + 7) % 7) + 1;

/** The first `weekday` of the month `index` (year × 12 + month, months from 0). */
function firstWeekdayOfMonth(index: number, weekday: number): number {
  const first = Date.UTC(Math.floor(index / 12), index % 12, 1) / DAY_MS;
  return first + ((weekday - isoWeekday(first) + 7) % 7);
}

const monthIndex = (date: string): number => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;

/** The day of the first occurrence: the first matching day on or after the start date. */
function firstDay(c: Pick<Cadence, 'unit' | 'weekday' | 'startDate'>): number {
  const start = dayOf(c.startDate);
  if (c.unit === 'week') return start + ((c.weekday - isoWeekday(start) + 7) % 7);
  const month = monthIndex(c.startDate);
  const inStartMonth = firstWeekdayOfMonth(month, c.weekday);
  return inStartMonth >= start ? inStartMonth : firstWeekdayOfMonth(month + 1, c.weekday);
}

/** The local day of the n-th occurrence (from 0), or null past the end date. */
function occurrenceDate(c: Omit<Cadence, 'audience' | 'hour' | 'openDays'>, n: number): number | null {
  const first = firstDay(c);
  const day =
    c.unit === 'week'
      ? first + 7 * c.every * n
      : firstWeekdayOfMonth(monthIndex(dateOf(first)) + c.every * n, c.weekday);
  return c.endDate !== null && day > dayOf(c.endDate) ? null : day;
}

/** The index of the occurrence that opens on or just before the local day `day` (may be −1). */
function indexNear(c: Cadence, day: number): number {
  const first = firstDay(c);
  if (c.unit === 'week') return Math.floor((day - first) / (7 * c.every));
  return Math.floor((monthIndex(dateOf(day)) - monthIndex(dateOf(first))) / c.every);
}

// ——— Time zones.

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC at an instant, in milliseconds (Paris: +1 h in winter, +2 h in summer). */
function offsetAt(timeZone: string, ms: number): number {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(ms).map((p) => [p.type, Number(p.value)]));
  const local = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return local - Math.floor(ms / 1000) * 1000;
}

/**
 * The instant a local day and hour happen in a zone. An hour the clocks skip (02:00 on the spring change) is read an
 * hour later; an hour they repeat, at its second passing.
 */
export function zonedInstant(date: string, hour: number, timeZone: string): string {
  const wall = dayOf(date) * DAY_MS + hour * 3_600_000;
  const first = wall - offsetAt(timeZone, wall);
  const second = wall - offsetAt(timeZone, first);
  return new Date(second).toISOString();
}

/** The local day (YYYY-MM-DD) of an instant in a zone. */
export function zonedDate(instant: string, timeZone: string): string {
  const ms = Date.parse(instant);
  return new Date(ms + offsetAt(timeZone, ms)).toISOString().slice(0, 10);
}

function waveOf(c: Cadence, day: number, timeZone: string): CadenceWave {
  const label = dateOf(day);
  return {
    label,
    opensAt: zonedInstant(label, c.hour, timeZone),
    // The same local hour `openDays` later, whatever the clocks did in between.
    closesAt: zonedInstant(dateOf(day + c.openDays), c.hour, timeZone),
  };
}

/** The occurrence taking answers at `now` (opened, not yet closed), or null between two waves and after the end. */
export function currentCadenceWave(c: Cadence, timeZone: string, now: string): CadenceWave | null {
  const near = indexNear(c, dayOf(zonedDate(now, timeZone)));
  for (let n = near + 1; n >= Math.max(0, near - 1); n--) {
    const day = occurrenceDate(c, n);
    if (day === null) continue;
    const wave = waveOf(c, day, timeZone);
    if (wave.opensAt <= now && now < wave.closesAt) return wave;
  }
  return null;
}

/** The next `count` occurrences that open after `now`; fewer when the end date comes first. */
export function upcomingCadenceWaves(c: Cadence, timeZone: string, now: string, count: number): CadenceWave[] {
  const waves: CadenceWave[] = [];
  for (let n = Math.max(0, indexNear(c, dayOf(zonedDate(now, timeZone))) - 1); waves.length < count; n++) {
    const day = occurrenceDate(c, n);
    if (day === null) break;
    const wave = waveOf(c, day, timeZone);
    if (wave.opensAt > now) waves.push(wave);
  }
  return waves;
}
