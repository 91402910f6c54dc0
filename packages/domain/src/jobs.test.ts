import { describe, expect, it } from 'vitest';
import { afterFailure, DEFAULT_RETRY, type RetryPolicy, retryDelaySeconds } from './jobs.ts';

const policy: RetryPolicy = { retryLimit: 3, retryDelaySeconds: 10, retryDelayMaxSeconds: 30 };

describe('retry backoff', () => {
  it('doubles the wait after each failed attempt, up to the cap', () => {
    expect([1, 2, 3, 4, 5].map((a) => retryDelaySeconds(policy, a))).toEqual([10, 20, 30, 30, 30]);
  });

  it('waits 30 s, 1, 2, 4 and 8 minutes by default', () => {
    expect([1, 2, 3, 4, 5].map((a) => retryDelaySeconds(DEFAULT_RETRY, a))).toEqual([30, 60, 120, 240, 480]);
  });

  it('schedules the next attempt from the time of the failure, and stops past the retry limit', () => {
    const now = '2026-12-03T10:00:00.000Z';
    expect(afterFailure(policy, 1, now)).toEqual({ state: 'retry', runAt: '2026-12-03T10:00:10.000Z' });
    expect(afterFailure(policy, 3, now)).toEqual({ state: 'retry', runAt: '2026-12-03T10:00:30.000Z' });
    expect(afterFailure(policy, 4, now)).toEqual({ state: 'failed' });
    expect(afterFailure({ ...policy, retryLimit: 0 }, 1, now)).toEqual({ state: 'failed' });
  });
});
