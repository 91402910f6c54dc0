import {
  claimDueJobs,
  completeJob,
  type Database,
  deleteCompletedJobs,
  failJob,
  insertJob,
  type JobHandler,
  type JobOptions,
  type JobRunner,
  listFailedJobs,
  payloadOrganization,
} from '@facets/db';
import { afterFailure, DEFAULT_RETRY, type JobSchedule, type RetryPolicy } from '@facets/domain';
import { Cron } from 'croner';
import type { Kysely } from 'kysely';
import type { JobLog } from './log.ts';

/**
 * The SQLite engine: jobs in the `job` table (db `jobs/store.ts`), run by this process. Each tick enqueues the
 * schedules that came due, then runs the due jobs one after the other. `tick(now)` takes the time, so tests move it;
 * a timer calls it with the clock's time every `pollMs`. One process serves a SQLite file, so there is no other
 * runner to share with; claims are compare-and-set all the same.
 */

export interface SqliteRunner extends JobRunner {
  /** One round at `now`: due schedules enqueued, due jobs run. How many jobs ran (successfully or not). */
  tick(now?: Date): Promise<number>;
}

interface Definition {
  handler: JobHandler;
  retry: RetryPolicy;
  timeoutSeconds: number;
}

interface Scheduled {
  name: string;
  payload: object;
  next: (after: Date) => Date | null;
  due: Date | null;
}

const KEEP_COMPLETED_MS = 7 * 24 * 3600 * 1000;

export function createSqliteRunner(args: {
  db: Kysely<Database>;
  newId: () => string;
  clock?: () => Date;
  log?: JobLog;
  /** Milliseconds between ticks; 0 runs no timer (tests call `tick`). */
  pollMs?: number;
  /** Most jobs one tick runs. */
  batch?: number;
}): SqliteRunner {
  const clock = args.clock ?? (() => new Date());
  const definitions = new Map<string, Definition>();
  const schedules: Scheduled[] = [];
  let round: Promise<number> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;

  const enqueueDue = async (now: Date) => {
    for (const s of schedules) {
      s.due ??= s.next(new Date(now.getTime() - 1));
      if (s.due === null || s.due > now) continue;
      await insertJob(args.db, {
        id: args.newId(),
        organizationId: payloadOrganization(s.payload),
        name: s.name,
        payload: s.payload,
        singletonKey: 'schedule',
        runAt: s.due.toISOString(),
        now: now.toISOString(),
      });
      s.due = s.next(now);
    }
  };

  const runDue = async (now: Date): Promise<number> => {
    const names = [...definitions.keys()];
    const jobs = await claimDueJobs(args.db, {
      names,
      now: now.toISOString(),
      limit: args.batch ?? 20,
      expiresAt: (name) =>
        new Date(now.getTime() + (definitions.get(name)?.timeoutSeconds ?? 900) * 1000).toISOString(),
    });
    for (const job of jobs) {
      const definition = definitions.get(job.name)!;
      try {
        await definition.handler(JSON.parse(job.payload) as object, { id: job.id, now, attempt: job.attempts });
        await completeJob(args.db, { id: job.id, now: clock().toISOString() });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        const failedAt = clock().toISOString();
        const next = afterFailure(definition.retry, job.attempts, failedAt);
        if (next.state === 'failed') args.log?.error({ job: job.name, jobId: job.id, reason }, 'job failed for good');
        else args.log?.warn({ job: job.name, jobId: job.id, reason, retryAt: next.runAt }, 'job failed; will retry');
        await failJob(args.db, {
          id: job.id,
          error: reason,
          retryAt: next.state === 'retry' ? next.runAt : null,
          now: failedAt,
        });
      }
    }
    return jobs.length;
  };

  const tickOnce = async (now: Date): Promise<number> => {
    await enqueueDue(now);
    const ran = await runDue(now);
    await deleteCompletedJobs(args.db, { before: new Date(now.getTime() - KEEP_COMPLETED_MS).toISOString() });
    return ran;
  };

  // Ticks never overlap: a slow job delays the next tick instead of running beside it.
  const tick = (now: Date = clock()) => {
    round ??= tickOnce(now).finally(() => {
      round = null;
    });
    return round;
  };

  return {
    engine: 'sqlite',
    register(name, handler, options: JobOptions = {}) {
      definitions.set(name, {
        handler: handler as JobHandler,
        retry: options.retry ?? DEFAULT_RETRY,
        timeoutSeconds: options.timeoutSeconds ?? 900,
      });
    },
    schedule(name, schedule: JobSchedule, payload = {}) {
      schedules.push({ name, payload, next: nextOf(schedule), due: null });
    },
    async enqueue(trx, name, payload, options = {}) {
      const now = clock();
      return insertJob(trx, {
        id: args.newId(),
        organizationId: payloadOrganization(payload),
        name,
        payload,
        singletonKey: options.singletonKey ?? null,
        runAt: (options.runAt ?? now).toISOString(),
        now: now.toISOString(),
      });
    },
    failed: (query) => listFailedJobs(args.db, query),
    tick,
    async start() {
      for (const s of schedules)
        if (!definitions.has(s.name)) throw new Error(`job ${s.name}: scheduled, not registered`);
      const interval = args.pollMs ?? 1000;
      if (interval > 0 && !stopped) {
        timer = setInterval(() => {
          tick().catch((error: unknown) => args.log?.error({ err: error }, 'job tick failed'));
        }, interval);
        timer.unref();
      }
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = null;
      await round?.catch(() => 0);
    },
  };
}

/** The first run strictly after `after`: the cron's next occurrence, or `after` plus the interval. */
function nextOf(schedule: JobSchedule): (after: Date) => Date | null {
  if ('cron' in schedule) {
    const cron = new Cron(schedule.cron, { timezone: schedule.tz ?? 'UTC', paused: true });
    return (after) => cron.nextRun(after);
  }
  const ms = schedule.everySeconds * 1000;
  return (after) => new Date(after.getTime() + ms);
}
