import { describe, expect, it } from 'vitest';
import {
  type Cadence,
  canonicalTimeZone,
  checkCadenceKind,
  currentCadenceWave,
  parseCadence,
  TimeZone,
  upcomingCadenceWaves,
  zonedDate,
  zonedInstant,
} from './cadences.ts';

const PARIS = 'Europe/Paris';

const cadence = (over: Partial<Cadence> = {}): Cadence =>
  parseCadence({
    unit: 'week',
    every: 2,
    weekday: 1,
    hour: 9,
    openDays: 5,
    startDate: '2026-03-16',
    endDate: null,
    audience: { segments: {} },
    ...over,
  });

const openings = (c: Cadence, now: string, count: number) =>
  upcomingCadenceWaves(c, PARIS, now, count).map((w) => [w.label, w.opensAt, w.closesAt]);

describe('time zones', () => {
  it('knows IANA names, spelled canonically, and refuses the rest', () => {
    expect(canonicalTimeZone('Europe/Paris')).toBe('Europe/Paris');
    expect(canonicalTimeZone('europe/paris')).toBe('Europe/Paris');
    expect(canonicalTimeZone('America/New_York')).toBe('America/New_York');
    expect(canonicalTimeZone('Mars/Olympus_Mons')).toBeNull();
    expect(canonicalTimeZone('')).toBeNull();
    expect(canonicalTimeZone('Europe/Paris; drop table')).toBeNull();
    expect(TimeZone.parse(' europe/paris ')).toBe('Europe/Paris');
    expect(TimeZone.safeParse('Paris').success).toBe(false);
  });

  it('reads 09:00 in Paris as 08:00 UTC in winter and 07:00 UTC in summer', () => {
    expect(zonedInstant('2026-01-05', 9, PARIS)).toBe('2026-01-05T08:00:00.000Z');
    expect(zonedInstant('2026-07-06', 9, PARIS)).toBe('2026-07-06T07:00:00.000Z');
    // The days of the changes (29 March and 25 October 2026), after 03:00.
    expect(zonedInstant('2026-03-29', 9, PARIS)).toBe('2026-03-29T07:00:00.000Z');
    expect(zonedInstant('2026-10-25', 9, PARIS)).toBe('2026-10-25T08:00:00.000Z');
    // 02:00 does not exist on 29 March: it is read as 03:00 summer time.
    expect(zonedInstant('2026-03-29', 2, PARIS)).toBe('2026-03-29T01:00:00.000Z');
    expect(zonedInstant('2026-01-05', 9, 'America/New_York')).toBe('2026-01-05T14:00:00.000Z');
    expect(zonedInstant('2026-01-05', 9, 'UTC')).toBe('2026-01-05T09:00:00.000Z');
    expect(zonedDate('2026-01-04T23:30:00.000Z', PARIS)).toBe('2026-01-05');
    expect(zonedDate('2026-01-04T23:30:00.000Z', 'America/New_York')).toBe('2026-01-04');
  });
});

describe('cadences of recurring programmes', () => {
  it('opens every two weeks on Monday at 09:00 Paris time, across the spring change', () => {
    expect(openings(cadence(), '2026-03-01T00:00:00.000Z', 3)).toEqual([
      ['2026-03-16', '2026-03-16T08:00:00.000Z', '2026-03-21T08:00:00.000Z'],
      ['2026-03-30', '2026-03-30T07:00:00.000Z', '2026-04-04T07:00:00.000Z'],
      ['2026-04-13', '2026-04-13T07:00:00.000Z', '2026-04-18T07:00:00.000Z'],
    ]);
  });

  it('closes a wave open across a change at the same local hour', () => {
    const thursdays = cadence({ every: 1, weekday: 4, openDays: 5, startDate: '2026-03-20' });
    expect(currentCadenceWave(thursdays, PARIS, '2026-03-30T12:00:00.000Z')).toEqual({
      label: '2026-03-26',
      opensAt: '2026-03-26T08:00:00.000Z',
      closesAt: '2026-03-31T07:00:00.000Z',
    });
    const autumn = cadence({ every: 1, weekday: 4, openDays: 5, startDate: '2026-10-20' });
    expect(currentCadenceWave(autumn, PARIS, '2026-10-22T07:30:00.000Z')).toEqual({
      label: '2026-10-22',
      opensAt: '2026-10-22T07:00:00.000Z',
      closesAt: '2026-10-27T08:00:00.000Z',
    });
  });

  it('starts on the first matching day on or after the start date', () => {
    expect(openings(cadence({ startDate: '2026-03-17' }), '2026-03-01T00:00:00.000Z', 1)[0]?.[0]).toBe('2026-03-23');
    expect(openings(cadence({ weekday: 7, startDate: '2026-03-16' }), '2026-03-01T00:00:00.000Z', 1)[0]?.[0]).toBe(
      '2026-03-22',
    );
  });

  it('opens every month on the first Monday, or every quarter', () => {
    const monthly = cadence({ unit: 'month', every: 1, startDate: '2026-01-01', openDays: 10 });
    expect(openings(monthly, '2025-12-01T00:00:00.000Z', 4).map((o) => o[0])).toEqual([
      '2026-01-05',
      '2026-02-02',
      '2026-03-02',
      '2026-04-06',
    ]);
    // The start month's first Monday is before the start: the next month's.
    const late = cadence({ unit: 'month', every: 1, startDate: '2026-01-10', openDays: 10 });
    expect(openings(late, '2025-12-01T00:00:00.000Z', 1)[0]?.[0]).toBe('2026-02-02');
    const quarterly = cadence({ unit: 'month', every: 3, startDate: '2026-01-01', openDays: 14 });
    expect(openings(quarterly, '2026-02-01T00:00:00.000Z', 3).map((o) => o[0])).toEqual([
      '2026-04-06',
      '2026-07-06',
      '2026-10-05',
    ]);
  });

  it('is between two waves after one closes, and names the one taking answers', () => {
    const c = cadence();
    expect(currentCadenceWave(c, PARIS, '2026-03-16T07:59:00.000Z')).toBeNull();
    expect(currentCadenceWave(c, PARIS, '2026-03-16T08:00:00.000Z')?.label).toBe('2026-03-16');
    expect(currentCadenceWave(c, PARIS, '2026-03-21T07:59:00.000Z')?.label).toBe('2026-03-16');
    expect(currentCadenceWave(c, PARIS, '2026-03-21T08:00:00.000Z')).toBeNull();
    // Months later, only the wave of the day.
    expect(currentCadenceWave(c, PARIS, '2026-06-10T10:00:00.000Z')?.label).toBe('2026-06-08');
    expect(currentCadenceWave(c, PARIS, '2026-03-01T10:00:00.000Z')).toBeNull();
  });

  it('opens nothing after the end date', () => {
    const c = cadence({ endDate: '2026-04-13' });
    expect(openings(c, '2026-03-01T00:00:00.000Z', 10).map((o) => o[0])).toEqual([
      '2026-03-16',
      '2026-03-30',
      '2026-04-13',
    ]);
    expect(currentCadenceWave(c, PARIS, '2026-04-28T10:00:00.000Z')).toBeNull();
  });

  it('refuses what cannot recur, naming the field', () => {
    const fails = (over: Record<string, unknown>) => {
      try {
        cadence(over as Partial<Cadence>);
      } catch (error) {
        return (error as { field: string }).field;
      }
      return null;
    };
    expect(fails({ every: 0 })).toBe('cadence.every');
    expect(fails({ unit: 'month', every: 13 })).toBe('cadence.every');
    expect(fails({ unit: 'week', every: 52, openDays: 300 })).toBeNull();
    expect(fails({ weekday: 0 })).toBe('cadence.weekday');
    expect(fails({ weekday: 8 })).toBe('cadence.weekday');
    expect(fails({ hour: 24 })).toBe('cadence.hour');
    expect(fails({ every: 1, openDays: 7 })).toBe('cadence.openDays');
    expect(fails({ every: 1, openDays: 6 })).toBeNull();
    expect(fails({ unit: 'month', every: 1, openDays: 28 })).toBe('cadence.openDays');
    expect(fails({ startDate: '2026-02-30' })).toBe('cadence.startDate');
    expect(fails({ startDate: '16/03/2026' })).toBe('cadence.startDate');
    expect(fails({ endDate: '2026-03-01' })).toBe('cadence.endDate');
    // A Monday cadence that starts on a Tuesday and ends on the Sunday opens nothing.
    expect(fails({ startDate: '2026-03-17', endDate: '2026-03-22' })).toBe('cadence.endDate');
    expect(fails({ audience: { segments: { department: [] } } })).toBe('cadence.audience.segments.department');
    expect(fails({ extra: 1 })).toBe('cadence');
    expect(() => cadence({ every: 1, openDays: 7 })).toThrow(/cadence.openDays: a wave must close before the next/);
  });

  it('refuses a cadence on a survey that follows events', () => {
    expect(() => checkCadenceKind('onboarding')).toThrow(/cadence: onboarding, exit and post-interaction/);
    expect(() => checkCadenceKind('pulse')).not.toThrow();
  });
});
