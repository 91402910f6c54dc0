import type { JobSchedule, RetryPolicy } from '@facets/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

/**
 * The one interface of the background jobs, with two engines in the server (`apps/server/src/jobs`): pg-boss on
 * PostgreSQL, where several servers share the work and each job runs once, and an in-process scheduler over the
 * `job` table (store.ts) on SQLite. See docs/architecture.md, "Jobs".
 */

export interface JobContext {
  id: string;
  /** The runner's clock when the attempt started. */
  now: Date;
  /** 1 for the first attempt. */
  attempt: number;
}

/** Does the job's work; throwing fails the attempt (retried per the job's policy, then kept as failed). */
export type JobHandler<P extends object = object> = (payload: P, job: JobContext) => Promise<void>;

export interface JobOptions {
  retry?: RetryPolicy;
  /** An attempt running longer than this is taken to have died with its process, and is tried again. */
  timeoutSeconds?: number;
}

export interface EnqueueOptions {
  /** Not before this time; now when not given. */
  runAt?: Date;
  /** At most one job of this name and key waits at a time: a second enqueue while one waits adds nothing. */
  singletonKey?: string;
}

/** A job that failed its last attempt, as an admin of its organisation reads it. */
export interface FailedJob {
  id: string;
  name: string;
  attempts: number;
  error: string;
  createdAt: string;
  failedAt: string;
}

export interface JobQueue {
  /**
   * Adds a job in the transaction `trx` (or outside any, given the database itself): it exists if and only if that
   * transaction commits. A payload with an `organizationId` names the organisation the job works for. Null when a
   * waiting job of the same singleton key made it unnecessary.
   */
  enqueue(trx: Kysely<Database>, name: string, payload: object, options?: EnqueueOptions): Promise<string | null>;
  /** The organisation's failed jobs, newest first. */
  failed(args: { organizationId: string; limit?: number }): Promise<FailedJob[]>;
}

export interface JobRunner extends JobQueue {
  readonly engine: 'sqlite' | 'pg-boss';
  /** Before `start`: the handler of the jobs called `name`. */
  register<P extends object>(name: string, handler: JobHandler<P>, options?: JobOptions): void;
  /** Before `start`: a job called `name` (registered too) enqueued on a schedule, once across servers. */
  schedule(name: string, schedule: JobSchedule, payload?: object): void;
  start(): Promise<void>;
  /** Takes no new job, waits for those running, then lets go of its connections. */
  stop(): Promise<void>;
}

/** Where no runner runs (tests of the API, the command line): no job has failed. */
export const noJobs: Pick<JobQueue, 'failed'> = { failed: async () => [] };

/** The organisation a payload names, if any. */
export function payloadOrganization(payload: object): string | null {
  const id = (payload as { organizationId?: unknown }).organizationId;
  return typeof id === 'string' ? id : null;
}
