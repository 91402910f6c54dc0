import { createHmac } from 'node:crypto';
import type { Database } from '@facets/db';
import { CompiledQuery, type Kysely } from 'kysely';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';

/**
 * Where the abuse limits count (limits.ts, the sign-in limit of auth.ts, the first-run page): in the process on the
 * embedded SQLite default, which one server serves; in PostgreSQL's `rate_limit` table when several servers share a
 * database, so that a limit holds across all of them rather than per server. The table's keys are keyed hashes
 * (HMAC-SHA-256 under the server's secret) of what is counted: a copy of the database tells nobody which address,
 * account or user was counted, nor when.
 */
export type LimitStore = { kind: 'memory' } | { kind: 'postgres'; db: Kysely<Database>; secret: string };

export const MEMORY_STORE: LimitStore = { kind: 'memory' };

/** The database's counters on PostgreSQL, the process's on SQLite. */
export const limitStoreFor = (args: {
  db: Kysely<Database>;
  dialect: 'sqlite' | 'postgres';
  secret: string;
}): LimitStore => (args.dialect === 'postgres' ? { kind: 'postgres', db: args.db, secret: args.secret } : MEMORY_STORE);

/** One limit: `points` per `seconds` for each key, under a prefix of its own. */
export interface Counter {
  /** Uses `points` of the key's allowance; rejects with a RateLimiterRes past it. */
  consume(key: string, points: number): Promise<RateLimiterRes>;
  /** What the key has used in its current window; null when nothing. */
  get(key: string): Promise<RateLimiterRes | null>;
  /** Gives `points` back. */
  reward(key: string, points: number): Promise<RateLimiterRes>;
}

/**
 * rate-limiter-flexible's PostgreSQL store speaks to a `pg` client: this one sends its statements through Kysely's
 * pool, so the counters use the database connection Facets already holds (and its schema).
 */
const throughKysely = (db: Kysely<Database>) => ({
  query: async (q: { text: string; values?: unknown[] }) => {
    const result = await db.executeQuery(CompiledQuery.raw(q.text, q.values ?? []));
    return { rows: result.rows, rowCount: result.rows.length };
  },
});

/** A counter of `points` per `seconds`; null when the limit is off (0 points). */
export function counter(store: LimitStore, args: { prefix: string; points: number; seconds?: number }): Counter | null {
  if (args.points <= 0) return null;
  const duration = args.seconds ?? 60;
  if (store.kind === 'memory') return new RateLimiterMemory({ points: args.points, duration, keyPrefix: args.prefix });
  const limiter = new RateLimiterPostgres({
    storeClient: throughKysely(store.db),
    storeType: 'pool',
    tableName: 'rate_limit',
    tableCreated: true,
    points: args.points,
    duration,
    keyPrefix: args.prefix,
  });
  const hashed = (key: string) =>
    createHmac('sha256', store.secret).update(`${args.prefix}\0${key}`).digest('base64url');
  return {
    consume: (key, points) => limiter.consume(hashed(key), points),
    get: (key) => limiter.get(hashed(key)),
    reward: (key, points) => limiter.reward(hashed(key), points),
  };
}

/** Whole seconds to wait (at least 1) after a refusal. */
export const secondsOf = (refusal: RateLimiterRes) => Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));

/** Uses one point; the refusal when the allowance is spent, null otherwise (errors of the store itself are thrown). */
export async function take(c: Counter | null, key: string, points = 1): Promise<RateLimiterRes | null> {
  if (!c || points === 0) return null;
  try {
    await c.consume(key, points);
    return null;
  } catch (error) {
    if (error instanceof RateLimiterRes) return error;
    throw error;
  }
}

/**
 * better-auth's rate limit storage (auth.ts) on the same counters: one counter per rule (window and maximum), each
 * consumed atomically, so that the sign-in limit per address holds across servers too.
 */
export function authRateLimitStorage(store: LimitStore) {
  const counters = new Map<string, Counter | null>();
  return {
    async consume(key: string, rule: { window: number; max: number }) {
      const name = `auth:${rule.window}:${rule.max}`;
      if (!counters.has(name))
        counters.set(name, counter(store, { prefix: name, points: rule.max, seconds: rule.window }));
      const refusal = await take(counters.get(name) ?? null, key);
      return refusal ? { allowed: false, retryAfter: secondsOf(refusal) } : { allowed: true, retryAfter: null };
    },
  };
}
