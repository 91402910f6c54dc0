import { randomUUID } from 'node:crypto';
import type { JobHandler, JobOptions, JobRunner } from '@facets/db';
import { DEFAULT_RETRY, type JobSchedule } from '@facets/domain';
import { fromKysely, PgBoss } from 'pg-boss';
import type { JobLog } from './log.ts';

/**
 * The PostgreSQL engine: pg-boss, in a schema of its own in the same database. Every server runs one; pg-boss hands
 * each job to one worker (SKIP LOCKED), sends each cron occurrence once across servers, and retries a failed job
 * with exponential backoff up to its limit. A job is enqueued through the caller's Kysely transaction (`fromKysely`),
 * so it exists if and only if the change that caused it commits.
 *
 * Every queue has the `short` policy: at most one waiting job per singleton key. A job enqueued without a key gets a
 * key of its own, so only jobs that ask for one are deduplicated.
 */

interface Definition {
  handler: JobHandler;
  options: JobOptions;
}

export function createPgBossRunner(args: {
  connectionString: string;
  /** pg-boss's schema; `pgboss` by default. */
  schema?: string;
  clock?: () => Date;
  log?: JobLog;
  /** How often each worker looks for jobs, in seconds (at least 0.5). */
  pollingIntervalSeconds?: number;
  /** How often schedules are evaluated, in seconds (1 to 45); pg-boss's default is 30. */
  cronMonitorIntervalSeconds?: number;
  /** Connections of pg-boss's own pool. */
  max?: number;
}): JobRunner {
  const clock = args.clock ?? (() => new Date());
  const schema = args.schema ?? 'pgboss';
  const definitions = new Map<string, Definition>();
  const schedules: { name: string; schedule: JobSchedule; payload: object }[] = [];
  const timers: NodeJS.Timeout[] = [];
  const boss = new PgBoss({
    connectionString: args.connectionString,
    schema,
    max: args.max ?? 4,
    application_name: 'facets-jobs',
    ...(args.cronMonitorIntervalSeconds ? { cronMonitorIntervalSeconds: args.cronMonitorIntervalSeconds } : {}),
  });
  boss.on('error', (error) => args.log?.error({ err: error }, 'job runner error'));
  let started = false;

  const sendEvery = (name: string, seconds: number, payload: object) =>
    boss
      .send(name, payload, { singletonKey: 'schedule', singletonSeconds: seconds })
      .catch((error: unknown) => args.log?.error({ err: error, job: name }, 'scheduled job not sent'));

  return {
    engine: 'pg-boss',
    register(name, handler, options = {}) {
      definitions.set(name, { handler: handler as JobHandler, options });
    },
    schedule(name, schedule, payload = {}) {
      schedules.push({ name, schedule, payload });
    },
    async enqueue(trx, name, payload, options = {}) {
      return boss.send(name, payload, {
        db: fromKysely(trx),
        singletonKey: options.singletonKey ?? randomUUID(),
        ...(options.runAt ? { startAfter: options.runAt } : {}),
      });
    },
    async failed({ organizationId, limit }) {
      const { rows } = await boss.getDb().executeSql(
        `select id, name, retry_count, output, created_on, completed_on from ${schema}.job
           where state = 'failed' and data->>'organizationId' = $1
           order by completed_on desc, id desc limit $2`,
        [organizationId, limit ?? 100],
      );
      return rows.map((r: Record<string, unknown>) => ({
        id: String(r.id),
        name: String(r.name),
        attempts: Number(r.retry_count) + 1,
        error: errorText(r.output),
        createdAt: new Date(r.created_on as string).toISOString(),
        failedAt: new Date((r.completed_on ?? r.created_on) as string).toISOString(),
      }));
    },
    async start() {
      await boss.start();
      started = true;
      for (const [name, { handler, options }] of definitions) {
        const retry = options.retry ?? DEFAULT_RETRY;
        const queue = {
          retryLimit: retry.retryLimit,
          retryDelay: retry.retryDelaySeconds,
          retryBackoff: true,
          retryDelayMax: retry.retryDelayMaxSeconds,
          expireInSeconds: options.timeoutSeconds ?? 900,
        };
        if (await boss.getQueue(name)) await boss.updateQueue(name, queue);
        else await boss.createQueue(name, { ...queue, policy: 'short' });
        await boss.work<object>(
          name,
          { pollingIntervalSeconds: args.pollingIntervalSeconds ?? 2, includeMetadata: true },
          async ([job]) => {
            if (!job) return;
            await handler(job.data ?? {}, { id: job.id, now: clock(), attempt: job.retryCount + 1 });
          },
        );
      }
      for (const { name, schedule, payload } of schedules) {
        if (!definitions.has(name)) throw new Error(`job ${name}: scheduled, not registered`);
        if ('cron' in schedule) {
          await boss.schedule(name, schedule.cron, payload, { tz: schedule.tz ?? 'UTC' });
        } else {
          // Every server sends one per slot; pg-boss keeps one job per slot of `everySeconds` across them.
          await boss.unschedule(name);
          const timer = setInterval(
            () => void sendEvery(name, schedule.everySeconds, payload),
            schedule.everySeconds * 1000,
          );
          timer.unref();
          timers.push(timer);
        }
      }
    },
    async stop() {
      for (const timer of timers) clearInterval(timer);
      if (started) await boss.stop({ graceful: true, timeout: 8_000 });
      started = false;
    },
  };
}

/** The message of the error pg-boss stored as a failed job's output. */
function errorText(output: unknown): string {
  if (output && typeof output === 'object' && 'message' in output) return String(output.message);
  return output === null || output === undefined ? '' : JSON.stringify(output);
}
