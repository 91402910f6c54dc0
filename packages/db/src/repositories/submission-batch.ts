import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';
import { shuffled } from './participation-cover.ts';
import {
  alreadyAnswered,
  keyReused,
  type SubmissionRows,
  type SubmitResponseInput,
  type SubmitResult,
  submitInTransaction,
  submitResponse,
  writeSubmissions,
} from './responses.ts';
import { isUniqueViolation } from './rows.ts';
import { getWaveSurvey } from './surveys.ts';

export { shuffled };

/**
 * Group commit of survey submissions. Submissions that arrive while a commit is in flight wait for the next one, and
 * each commit holds all that waited: one durable transaction (one WAL sync on SQLite) for many submissions instead of
 * one each. Each submission is checked on its own (a refused one leaves the others untouched); then the rows of the
 * accepted ones are written together, every table in its own random order, so that neither the order of rows, nor
 * their transaction id (PostgreSQL's `xmin`; savepoints would give each submission its own), pairs a response with
 * its author's participation marker within the batch (a batch holding fewer than k of a wave's markers takes earlier
 * ones with it: participation-cover.ts); the aggregate rows are summed and written once, in the one
 * global key order. A submission is acknowledged only after the commit that holds it: acknowledged still means
 * durable, and the idempotency key still means once.
 */

export type BatchOutcome = { ok: true; result: SubmitResult } | { ok: false; error: unknown };

/** How many times a batch is checked again after another server committed one of its keys or people first. */
const WRITE_ATTEMPTS = 3;

/**
 * Submits `inputs` in one transaction; the outcome of each, in order. Throws (nothing written) when the transaction
 * itself fails: then no submission of the batch was accepted.
 */
export async function submitBatch(
  db: Kysely<Database>,
  inputs: readonly SubmitResponseInput[],
): Promise<BatchOutcome[]> {
  return db.transaction().execute(async (trx) => {
    const waveSurvey = surveysReadOnce();
    for (let attempt = 1; ; attempt++) {
      const { outcomes, accepted } = await checkBatch(trx, inputs, waveSurvey);
      await sql`savepoint batch_rows`.execute(trx);
      try {
        await writeSubmissions(trx, accepted, shuffled);
        await sql`release savepoint batch_rows`.execute(trx);
        return outcomes;
      } catch (error) {
        await sql`rollback to savepoint batch_rows`.execute(trx);
        await sql`release savepoint batch_rows`.execute(trx);
        // On PostgreSQL another transaction committed one of these keys or people since they were checked; checked
        // again, that submission reads the committed row (a retry gets the first id back, a second answer a refusal).
        if (!isUniqueViolation(error) || attempt === WRITE_ATTEMPTS) throw error;
      }
    }
  });
}

/** Within the transaction a survey cannot change: each wave's is read once for the batch. */
function surveysReadOnce(): typeof getWaveSurvey {
  const surveys = new Map<string, ReturnType<typeof getWaveSurvey>>();
  return (db, args) => {
    const key = JSON.stringify([args.organizationId, args.waveId, args.groupId ?? null]);
    let survey = surveys.get(key);
    if (!survey) {
      survey = getWaveSurvey(db, args);
      // A refusal (no such wave) is not kept: the next submission asks again and gets its own.
      survey.catch(() => surveys.delete(key));
      surveys.set(key, survey);
    }
    return survey;
  };
}

/**
 * Checks every submission of the batch, writing nothing: the outcome of each, and the rows of those accepted. A key
 * or a person met earlier in the batch is judged as the database would once that earlier submission is written.
 */
async function checkBatch(
  trx: Kysely<Database>,
  inputs: readonly SubmitResponseInput[],
  waveSurvey: typeof getWaveSurvey,
): Promise<{ outcomes: BatchOutcome[]; accepted: SubmissionRows[] }> {
  const outcomes: BatchOutcome[] = [];
  const accepted: SubmissionRows[] = [];
  const keys = new Map<string, { waveId: string; stakeholderId: string; responseId: string }>();
  const people = new Set<string>();
  for (const input of inputs) {
    const key = JSON.stringify([input.organizationId, input.idempotencyKey]);
    const person = JSON.stringify([input.organizationId, input.waveId, input.stakeholderId]);
    const earlier = keys.get(key);
    if (earlier) {
      outcomes.push(
        earlier.waveId === input.waveId && earlier.stakeholderId === input.stakeholderId
          ? { ok: true, result: { responseId: earlier.responseId, duplicate: true } }
          : { ok: false, error: keyReused() },
      );
      continue;
    }
    if (people.has(person)) {
      outcomes.push({ ok: false, error: alreadyAnswered() });
      continue;
    }
    let rows: SubmissionRows | undefined;
    try {
      const result = await submitInTransaction(trx, input, { waveSurvey, collect: (r) => (rows = r) });
      if (rows) {
        accepted.push(rows);
        keys.set(key, { waveId: input.waveId, stakeholderId: input.stakeholderId, responseId: result.responseId });
        people.add(person);
      }
      outcomes.push({ ok: true, result });
    } catch (error) {
      outcomes.push({ ok: false, error });
    }
  }
  return { outcomes, accepted };
}

export interface SubmissionBatcher {
  /** Resolves once the submission is committed (or refused); rejects when its commit failed. */
  submit(input: SubmitResponseInput): Promise<SubmitResult>;
  /** Resolves when nothing is waiting or being committed. */
  idle(): Promise<void>;
}

/** The most submissions one commit holds: bounds how long a commit keeps the database to itself. */
const MAX_BATCH = 128;

export function createSubmissionBatcher(db: Kysely<Database>, maxBatch = MAX_BATCH): SubmissionBatcher {
  type Waiting = { input: SubmitResponseInput; resolve: (r: SubmitResult) => void; reject: (e: unknown) => void };
  const queue: Waiting[] = [];
  let running: Promise<void> | null = null;

  async function drain(): Promise<void> {
    while (queue.length > 0) {
      const batch = queue.splice(0, maxBatch);
      try {
        const outcomes = await submitBatch(
          db,
          batch.map((w) => w.input),
        );
        for (const [i, o] of outcomes.entries()) {
          if (o.ok) batch[i]!.resolve(o.result);
          else batch[i]!.reject(o.error);
        }
      } catch (error) {
        for (const w of batch) w.reject(error);
      }
    }
  }

  function schedule(): void {
    if (running) return;
    // A turn of the event loop first, so that the submissions of concurrent requests join the same commit.
    running = new Promise<void>((start) => setImmediate(start)).then(drain).finally(() => {
      running = null;
      // Whatever arrived after the last look at the queue.
      if (queue.length > 0) schedule();
    });
  }

  return {
    submit(input) {
      return new Promise<SubmitResult>((resolve, reject) => {
        queue.push({ input, resolve, reject });
        schedule();
      });
    },
    idle: async () => {
      while (running) await running;
    },
  };
}

const batchers = new WeakMap<Kysely<Database>, SubmissionBatcher>();

/**
 * `submitResponse` through the group commit of this database handle (one batcher per handle). Inside a caller's
 * transaction there is nothing to group: the submission joins that transaction.
 */
export function submitBatched(db: Kysely<Database>, input: SubmitResponseInput): Promise<SubmitResult> {
  if (db.isTransaction) return submitResponse(db, input);
  let batcher = batchers.get(db);
  if (!batcher) {
    batcher = createSubmissionBatcher(db);
    batchers.set(db, batcher);
  }
  return batcher.submit(input);
}
