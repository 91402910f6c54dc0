import type { Kysely, Selectable } from 'kysely';
import type { Database, JobTable } from '../schema.ts';
import type { FailedJob } from './runner.ts';

/**
 * The `job` table of the SQLite engine: what the server's in-process runner stores and claims. Each function is one
 * statement or a compare-and-set, so a claim counts once even if two processes shared the file.
 */

export type StoredJob = Pick<Selectable<JobTable>, 'id' | 'name' | 'payload' | 'attempts' | 'organization_id'>;

export async function insertJob(
  db: Kysely<Database>,
  job: {
    id: string;
    organizationId: string | null;
    name: string;
    payload: object;
    singletonKey: string | null;
    runAt: string;
    now: string;
  },
): Promise<string | null> {
  const result = await db
    .insertInto('job')
    .values({
      id: job.id,
      organization_id: job.organizationId,
      name: job.name,
      payload: JSON.stringify(job.payload),
      singleton_key: job.singletonKey,
      state: 'created',
      run_at: job.runAt,
      created_at: job.now,
    })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1 ? job.id : null;
}

/**
 * Takes up to `limit` due jobs of the given names for one attempt each: waiting ones whose time has come, and active
 * ones whose attempt expired (their process stopped). Oldest due first.
 */
export async function claimDueJobs(
  db: Kysely<Database>,
  args: { names: readonly string[]; now: string; limit: number; expiresAt: (name: string) => string },
): Promise<StoredJob[]> {
  if (args.names.length === 0) return [];
  const due = await db
    .selectFrom('job')
    .select(['id', 'name', 'payload', 'attempts', 'organization_id', 'state'])
    .where('name', 'in', args.names)
    .where((eb) =>
      eb.or([
        eb.and([eb('state', '=', 'created'), eb('run_at', '<=', args.now)]),
        eb.and([eb('state', '=', 'active'), eb('expires_at', '<=', args.now)]),
      ]),
    )
    .orderBy('run_at')
    .orderBy('id')
    .limit(args.limit)
    .execute();
  const claimed: StoredJob[] = [];
  for (const job of due) {
    const result = await db
      .updateTable('job')
      .set({
        state: 'active',
        attempts: job.attempts + 1,
        started_at: args.now,
        expires_at: args.expiresAt(job.name),
      })
      .where('id', '=', job.id)
      .where('state', '=', job.state)
      .where('attempts', '=', job.attempts)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 1) claimed.push({ ...job, attempts: job.attempts + 1 });
  }
  return claimed;
}

export async function completeJob(db: Kysely<Database>, args: { id: string; now: string }): Promise<void> {
  await db
    .updateTable('job')
    .set({ state: 'completed', finished_at: args.now, expires_at: null })
    .where('id', '=', args.id)
    .execute();
}

/** A failed attempt: tried again at `retryAt`, or, null, failed for good with its error. */
export async function failJob(
  db: Kysely<Database>,
  args: { id: string; error: string; retryAt: string | null; now: string },
): Promise<void> {
  const error = args.error.slice(0, 2000);
  await db
    .updateTable('job')
    .set(
      args.retryAt === null
        ? { state: 'failed', last_error: error, finished_at: args.now, expires_at: null }
        : { state: 'created', last_error: error, run_at: args.retryAt, expires_at: null },
    )
    .where('id', '=', args.id)
    .execute();
}

/** Completed jobs finished before `before` are forgotten; failed ones stay until an admin has read them. */
export async function deleteCompletedJobs(db: Kysely<Database>, args: { before: string }): Promise<void> {
  await db.deleteFrom('job').where('state', '=', 'completed').where('finished_at', '<', args.before).execute();
}

export async function listFailedJobs(
  db: Kysely<Database>,
  args: { organizationId: string; limit?: number },
): Promise<FailedJob[]> {
  const rows = await db
    .selectFrom('job')
    .select(['id', 'name', 'attempts', 'last_error', 'created_at', 'finished_at'])
    .where('organization_id', '=', args.organizationId)
    .where('state', '=', 'failed')
    .orderBy('finished_at', 'desc')
    .orderBy('id', 'desc')
    .limit(args.limit ?? 100)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    attempts: r.attempts,
    error: r.last_error ?? '',
    createdAt: r.created_at,
    failedAt: r.finished_at ?? r.created_at,
  }));
}

/** A job as stored (tests and the admin's view of one job). */
export async function getJob(db: Kysely<Database>, id: string) {
  return db.selectFrom('job').selectAll().where('id', '=', id).executeTakeFirst();
}
