import { describe, expect, it } from 'vitest';
import { opensNow, toLocalInput } from './WavesSection.tsx';

describe('opensNow', () => {
  const now = new Date('2026-12-03T10:30:00').getTime();

  it('asks before a wave that opens now or in the past, within the minute the field is precise to', () => {
    expect(opensNow(toLocalInput(new Date(now)), now)).toBe(true);
    expect(opensNow('2026-12-01T09:00', now)).toBe(true);
    expect(opensNow('2026-12-03T10:31', now)).toBe(true);
  });

  it('schedules a later wave without asking, and never asks on an unreadable date', () => {
    expect(opensNow('2026-12-03T10:32', now)).toBe(false);
    expect(opensNow('2027-01-05T09:00', now)).toBe(false);
    expect(opensNow('', now)).toBe(false);
  });
});
