import { randomBytes } from 'node:crypto';
import { type Db, inTransaction, type JobRunner, newId } from '@facets/db';
import { buildFixture, openTestDb, TEST_DATABASE_URL, testDialects, underSchemaLock } from '@facets/db/testing';
import type { RetryPolicy } from '@facets/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgBossRunner } from './pg-boss-runner.ts';
import { createSqliteRunner, type SqliteRunner } from './sqlite-runner.ts';

/**
 * The runner's promises on both engines. On SQLite time is the test's: each step moves the clock a second and ticks.
 * On PostgreSQL real pg-boss runs with half-second polling and one-second retry delays, and a step waits 100 ms.
 */

const dialects = await testDialects();
const QUICK: RetryPolicy = { retryLimit: 2, retryDelaySeconds: 1, retryDelayMaxSeconds: 1 };

describe.each(dialects)('the job runner (%s)', (dialect) => {
  let db: Db;
  let organizationId: string;
  const bossSchema = `facets_jobs_test_${randomBytes(4).toString('hex')}`;
  let now = new Date('2026-12-03T10:00:00.000Z');
  const running: JobRunner[] = [];

  beforeAll(async () => {
    db = await openTestDb(dialect);
    organizationId = (await buildFixture(db.db)).organizationId;
  });
  afterAll(async () => {
    for (const r of running) await r.stop();
    // Under the test run's schema lock: another file's migration must not look at a schema while it goes.
    if (dialect === 'postgres') {
      await underSchemaLock('exclusive', () => sql`drop schema if exists ${sql.id(bossSchema)} cascade`.execute(db.db));
    }
    await db.close();
  });

  const runner = (): JobRunner => {
    const r =
      dialect === 'sqlite'
        ? createSqliteRunner({ db: db.db, newId, clock: () => now, pollMs: 0 })
        : createPgBossRunner({
            connectionString: TEST_DATABASE_URL,
            schema: bossSchema,
            clock: () => now,
            pollingIntervalSeconds: 0.5,
            max: 3,
          });
    running.push(r);
    return r;
  };
  /** Moves time on (SQLite: a second a step, ticking every runner) until `done` holds; false if it never does. */
  const until = async (done: () => boolean, steps = 150): Promise<boolean> => {
    for (let i = 0; i < steps && !done(); i++) {
      if (dialect === 'sqlite') {
        now = new Date(now.getTime() + 1000);
        for (const r of running) await (r as SqliteRunner).tick(now);
      } else await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return done();
  };
  const unique = (name: string) => `${name}.${randomBytes(3).toString('hex')}`;

  it('runs a job enqueued in a committed transaction once, and never one whose transaction rolled back', async () => {
    const name = unique('tx');
    const seen: string[] = [];
    const r = runner();
    r.register<{ label: string }>(name, async ({ label }) => {
      seen.push(label);
    });
    await r.start();
    await inTransaction(db.db, (trx) => r.enqueue(trx, name, { label: 'committed' }));
    await expect(
      inTransaction(db.db, async (trx) => {
        await r.enqueue(trx, name, { label: 'rolled back' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await until(() => seen.length > 0)).toBe(true);
    await until(() => false, 10);
    expect(seen).toEqual(['committed']);
  });

  it('retries a failed job with backoff, and keeps one that fails past its limit with its error', async () => {
    const flaky = unique('flaky');
    const broken = unique('broken');
    const attempts: Record<string, number[]> = { [flaky]: [], [broken]: [] };
    const r = runner();
    r.register(
      flaky,
      async (_, job) => {
        attempts[flaky]!.push(job.attempt);
        if (job.attempt === 1) throw new Error('451 try again later');
      },
      { retry: QUICK },
    );
    r.register(
      broken,
      async (_, job) => {
        attempts[broken]!.push(job.attempt);
        throw new Error('550 no such mailbox');
      },
      { retry: QUICK },
    );
    await r.start();
    await r.enqueue(db.db, flaky, { organizationId });
    const id = await r.enqueue(db.db, broken, { organizationId });
    expect(await until(() => attempts[flaky]!.length === 2 && attempts[broken]!.length === 3)).toBe(true);
    expect(attempts[flaky]).toEqual([1, 2]);
    expect(attempts[broken]).toEqual([1, 2, 3]);
    let failed: Awaited<ReturnType<JobRunner['failed']>> = [];
    await until(() => false, 5);
    failed = (await r.failed({ organizationId })).filter((j) => j.name === broken);
    expect(failed).toMatchObject([{ id, name: broken, attempts: 3, error: '550 no such mailbox' }]);
    const other = await buildFixture(db.db);
    expect(await r.failed({ organizationId: other.organizationId })).toEqual([]);
  });

  it('adds no second waiting job of the same singleton key', async () => {
    const name = unique('single');
    const r = runner();
    r.register(name, async () => {});
    await r.start();
    // An hour ahead of both clocks: pg-boss reads the real one, the SQLite runner the test's.
    const runAt = new Date(Math.max(now.getTime(), Date.now()) + 3600_000);
    expect(await r.enqueue(db.db, name, {}, { singletonKey: 'org-1', runAt })).not.toBeNull();
    expect(await r.enqueue(db.db, name, {}, { singletonKey: 'org-1', runAt })).toBeNull();
    expect(await r.enqueue(db.db, name, {}, { singletonKey: 'org-2', runAt })).not.toBeNull();
  });

  it('runs each job once when two runners share the database', async () => {
    const name = unique('shared');
    const seen: number[] = [];
    const [a, b] = [runner(), runner()];
    for (const r of [a, b])
      r.register<{ n: number }>(name, async ({ n }) => {
        seen.push(n);
      });
    await Promise.all([a.start(), b.start()]);
    for (let n = 0; n < 12; n++) await (n % 2 ? a : b).enqueue(db.db, name, { n });
    expect(await until(() => seen.length >= 12)).toBe(true);
    await until(() => false, 10);
    expect(seen.sort((x, y) => x - y)).toEqual([...Array(12).keys()]);
  });

  it('lets a running job finish before it stops', async () => {
    const name = unique('slow');
    let running = false;
    const finished: string[] = [];
    const r = runner();
    r.register(name, async () => {
      running = true;
      await new Promise((resolve) => setTimeout(resolve, 300));
      finished.push('done');
    });
    await r.start();
    await r.enqueue(db.db, name, {});
    // On SQLite the tick that runs the job is still under way when stop is called.
    const tick = dialect === 'sqlite' ? (r as SqliteRunner).tick(now) : null;
    expect(await until(() => running)).toBe(true);
    await r.stop();
    expect(finished).toEqual(['done']);
    await tick;
  });
});

describe('schedules on the SQLite engine', () => {
  it('enqueues a cron schedule at each occurrence and an every-N one each N seconds, once each', async () => {
    const db = await openTestDb('sqlite');
    let now = new Date('2026-12-03T10:59:30.000Z');
    const r = createSqliteRunner({ db: db.db, newId, clock: () => now, pollMs: 0 });
    const runs: string[] = [];
    r.register('hourly', async (_, job) => {
      runs.push(`hourly ${job.now.toISOString()}`);
    });
    r.register('every', async (_, job) => {
      runs.push(`every ${job.now.toISOString()}`);
    });
    r.schedule('hourly', { cron: '0 * * * *' });
    r.schedule('every', { everySeconds: 60 });
    await r.start();
    for (const at of ['10:59:30', '10:59:59', '11:00:00', '11:00:20', '11:00:30', '11:00:31', '11:01:29', '11:01:30']) {
      now = new Date(`2026-12-03T${at}.000Z`);
      await r.tick(now);
    }
    expect(runs).toEqual([
      'hourly 2026-12-03T11:00:00.000Z',
      'every 2026-12-03T11:00:30.000Z',
      'every 2026-12-03T11:01:30.000Z',
    ]);
    await r.stop();
    await db.close();
  });

  it('waits out the backoff before retrying', async () => {
    const db = await openTestDb('sqlite');
    let now = new Date('2026-12-03T10:00:00.000Z');
    const r = createSqliteRunner({ db: db.db, newId, clock: () => now, pollMs: 0 });
    const attempts: string[] = [];
    r.register(
      'flaky',
      async (_, job) => {
        attempts.push(job.now.toISOString().slice(11, 19));
        throw new Error('not yet');
      },
      { retry: { retryLimit: 2, retryDelaySeconds: 10, retryDelayMaxSeconds: 60 } },
    );
    await r.start();
    await r.enqueue(db.db, 'flaky', {});
    for (const s of [0, 9, 10, 29, 30, 100]) {
      now = new Date(Date.parse('2026-12-03T10:00:00.000Z') + s * 1000);
      await r.tick(now);
    }
    expect(attempts).toEqual(['10:00:00', '10:00:10', '10:00:30']);
    await r.stop();
    await db.close();
  });
});
