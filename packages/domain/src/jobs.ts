/**
 * Rules of the background jobs (the server's job runner, docs/architecture.md "Jobs"): how long a failed job waits
 * before its next attempt, and when it stops being tried. Time is passed in; nothing here reads a clock.
 */

export interface RetryPolicy {
  /** Attempts after the first one; past them the job is kept as failed, with its error. */
  retryLimit: number;
  /** The wait before the first retry, in seconds; each later retry waits twice as long as the one before. */
  retryDelaySeconds: number;
  /** No wait is longer than this, in seconds. */
  retryDelayMaxSeconds: number;
}

/** Five retries, 30 s then doubling, an hour at most: 30 s, 1 min, 2 min, 4 min, 8 min. */
export const DEFAULT_RETRY: RetryPolicy = { retryLimit: 5, retryDelaySeconds: 30, retryDelayMaxSeconds: 3600 };

/** The wait in seconds after failed attempt number `attempt` (1 for the first attempt): exponential, capped. */
export function retryDelaySeconds(policy: RetryPolicy, attempt: number): number {
  const exponent = Math.min(Math.max(attempt - 1, 0), 30);
  return Math.min(policy.retryDelayMaxSeconds, policy.retryDelaySeconds * 2 ** exponent);
}

/** What follows a failed attempt: another one at `runAt`, or none (the job is failed for good). */
export type AfterFailure = { state: 'retry'; runAt: string } | { state: 'failed' };

export function afterFailure(policy: RetryPolicy, attempt: number, now: string): AfterFailure {
  if (attempt > policy.retryLimit) return { state: 'failed' };
  const runAt = new Date(Date.parse(now) + retryDelaySeconds(policy, attempt) * 1000).toISOString();
  return { state: 'retry', runAt };
}

/** A periodic job: a cron expression (minutes, in `tz`, UTC by default) or a fixed number of seconds between runs. */
export type JobSchedule = { cron: string; tz?: string } | { everySeconds: number };
