import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';
import { CELL_KEY, OVERLAP_KEY, PAIR_KEY, RESPONDENTS_KEY } from './aggregate-rows.ts';
import { type AggregateRows, addToAggregates } from './aggregates.ts';
import {
  alreadyAnswered,
  replayOf,
  type SubmitResponseInput,
  type SubmitResult,
  submitInTransaction,
  submitResponse,
} from './responses.ts';
import { isUniqueViolation } from './rows.ts';
import { getWaveSurvey } from './surveys.ts';

/**
 * Group commit of survey submissions. Submissions that arrive while a commit is in flight wait for the next one, and
 * each commit holds all that waited: one durable transaction (one WAL sync on SQLite) for many submissions instead of
 * one each. Every submission runs in its own savepoint, so a refused one leaves the others untouched, and the batch's
 * aggregate rows are summed and written once at the end, in the one global key order. A submission is acknowledged
 * only after the commit that holds it: acknowledged still means durable, and the idempotency key still means once.
 */

export type BatchOutcome = { ok: true; result: SubmitResult } | { ok: false; error: unknown };

/**
 * Submits `inputs` in one transaction, each in a savepoint; the outcome of each, in order. Throws (nothing written)
 * when the transaction itself fails: then no submission of the batch was accepted.
 */
export async function submitBatch(
  db: Kysely<Database>,
  inputs: readonly SubmitResponseInput[],
): Promise<BatchOutcome[]> {
  return db.transaction().execute(async (trx) => {
    const outcomes: BatchOutcome[] = [];
    const accepted: AggregateRows[] = [];
    // Within the transaction a survey cannot change: each wave's is read once for the batch.
    const surveys = new Map<string, ReturnType<typeof getWaveSurvey>>();
    const waveSurvey: typeof getWaveSurvey = (db, args) => {
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
    for (const input of inputs) {
      const rows: AggregateRows[] = [];
      await sql`savepoint submission`.execute(trx);
      try {
        const result = await submitInTransaction(trx, input, {
          waveSurvey,
          addAggregates: async (r) => {
            rows.push(r);
          },
        });
        await sql`release savepoint submission`.execute(trx);
        accepted.push(...rows);
        outcomes.push({ ok: true, result });
      } catch (error) {
        await sql`rollback to savepoint submission`.execute(trx);
        await sql`release savepoint submission`.execute(trx);
        outcomes.push(await afterRefusal(trx, input, error));
      }
    }
    await addToAggregates(trx, mergeAggregateRows(accepted));
    return outcomes;
  });
}

/**
 * A unique violation means another transaction (another server on PostgreSQL) committed the same key or person
 * first; after the savepoint's rollback its row is visible, so a retry gets the first id back.
 */
async function afterRefusal(trx: Kysely<Database>, input: SubmitResponseInput, error: unknown): Promise<BatchOutcome> {
  if (!isUniqueViolation(error)) return { ok: false, error };
  try {
    const replay = await replayOf(trx, input);
    return replay ? { ok: true, result: replay } : { ok: false, error: alreadyAnswered() };
  } catch (replayError) {
    return { ok: false, error: replayError };
  }
}

/** The rows of many responses as one set: rows of the same key summed (counts exactly, sums as floating point). */
export function mergeAggregateRows(all: readonly AggregateRows[]): AggregateRows {
  const cells = new Map<string, AggregateRows['cells'][number]>();
  const bins = new Map<string, AggregateRows['bins'][number]>();
  const pairs = new Map<string, AggregateRows['pairs'][number]>();
  const respondents = new Map<string, AggregateRows['respondents'][number]>();
  const overlaps = new Map<string, AggregateRows['overlaps'][number]>();
  for (const rows of all) {
    for (const r of rows.cells) {
      add(cells, keyOf(r, CELL_KEY), r, (p) => ({
        ...p,
        n: p.n + r.n,
        sum: p.sum + r.sum,
        sum_sq: p.sum_sq + r.sum_sq,
      }));
    }
    for (const r of rows.bins) {
      add(bins, `${keyOf(r, CELL_KEY)}|${r.value}`, r, (p) => ({ ...p, count: p.count + r.count }));
    }
    for (const r of rows.pairs) {
      add(pairs, keyOf(r, PAIR_KEY), r, (p) => ({
        ...p,
        n: p.n + r.n,
        sum_a: p.sum_a + r.sum_a,
        sum_b: p.sum_b + r.sum_b,
        sum_aa: p.sum_aa + r.sum_aa,
        sum_bb: p.sum_bb + r.sum_bb,
        sum_ab: p.sum_ab + r.sum_ab,
      }));
    }
    for (const r of rows.respondents) add(respondents, keyOf(r, RESPONDENTS_KEY), r, (p) => ({ ...p, n: p.n + r.n }));
    for (const r of rows.overlaps) add(overlaps, keyOf(r, OVERLAP_KEY), r, (p) => ({ ...p, n: p.n + r.n }));
  }
  return {
    cells: [...cells.values()],
    bins: [...bins.values()],
    pairs: [...pairs.values()],
    respondents: [...respondents.values()],
    overlaps: [...overlaps.values()],
  };
}

function keyOf<R>(row: R, columns: readonly (keyof R)[]): string {
  return JSON.stringify(columns.map((c) => row[c]));
}

function add<T>(map: Map<string, T>, key: string, row: T, sum: (previous: T) => T): void {
  const previous = map.get(key);
  map.set(key, previous === undefined ? { ...row } : sum(previous));
}

export interface SubmissionBatcher {
  /** Resolves once the submission is committed (or refused); rejects when its commit failed. */
  submit(input: SubmitResponseInput): Promise<SubmitResult>;
  /** Resolves when nothing is waiting or being committed. */
  idle(): Promise<void>;
}

/** The most submissions one commit holds: bounds how long a commit keeps the database to itself. */
export const MAX_BATCH = 128;

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
