import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb } from '@facets/db';
import { hashPassword } from 'better-auth/crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { crashTest } from './crash.ts';
import { generate, PASSWORD } from './generator/index.ts';

/** The short version of the crash harness (`pnpm bench` runs the long one): two kills during load. */
describe('kill -9 during load', () => {
  const dir = mkdtempSync(join(tmpdir(), 'facets-crash-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps every acknowledged submission exactly once, and aggregates equal to a recomputation', async () => {
    const file = join(dir, 'crash.sqlite');
    const db = createDb(file);
    await generate(db.db, {
      responses: 600,
      population: { employee: 300, supplier: 30, customer: 300, shareholder: 20 },
      passwordHash: await hashPassword(PASSWORD),
      respondentSignIns: 12,
      batch: 200,
    });
    await db.close();

    const report = await crashTest({ file, cycles: 2, clients: 12, killAfterMs: [600, 1200] });

    expect(report.problems).toEqual([]);
    expect(report.cycles).toBe(2);
    expect(report.acknowledged).toBeGreaterThan(0);
    // The kills did land mid-load: some submissions were cut and had to be retried.
    expect(report.retried).toBeGreaterThan(0);
    expect(report.lostOrDuplicated).toBe(0);
    expect(report.unacknowledgedStored).toBe(0);
    expect(report.refused).toBe(0);
    expect(report.aggregateDifferences).toBe(0);
  });
});
