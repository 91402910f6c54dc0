import { createDb, diffAggregates, readAggregates, recomputeAggregates } from '@facets/db';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED, generate, ORG, POPULATION, planWaves } from './index.ts';
import { buildPopulations } from './organisation.ts';

const SMALL = { employee: 120, supplier: 20, customer: 150, shareholder: 10 };

async function generated(responses: number, seed = DEFAULT_SEED) {
  const db = createDb(':memory:');
  await generate(db.db, { responses, seed, population: SMALL, passwordHash: 'not-a-real-hash', respondentSignIns: 3 });
  return db;
}

/**
 * A digest of the rows a test compares: each response (its idempotency key, wave and snapshot) with its answers, in
 * key order. Not the ids: those of anonymous responses are random by design.
 */
async function rowsOf(db: ReturnType<typeof createDb>) {
  const { rows } = await sql<{ line: string }>`
    select r.idempotency_key || '|' || r.wave_id || '|' || r.segments || '|' || a.question_id || '|' ||
      coalesce(a.value_number, '') || '|' || coalesce(a.value_text, '') as line
    from response r join answer a on a.response_id = r.id order by r.idempotency_key, a.question_id`.execute(db.db);
  return rows.map((r) => r.line);
}

describe('planWaves', () => {
  it('shares the responses between groups by size and between each group’s sixteen waves evenly', () => {
    const plans = planWaves(1_000_000, buildPopulations(DEFAULT_SEED, POPULATION));
    expect(plans.reduce((s, p) => s + p.respondents, 0)).toBe(1_000_000);
    expect(plans).toHaveLength(4 * 16);
    const employees = plans.filter((p) => p.survey.group === 'employee');
    expect(employees.reduce((s, p) => s + p.respondents, 0)).toBe(Math.round((1_000_000 * 20_000) / 72_500));
    // One answer per person and wave: no wave asks more people than the group has.
    for (const p of plans) expect(p.respondents).toBeLessThanOrEqual(POPULATION[p.survey.group]);
  });

  it('refuses a size the organisation cannot hold', () => {
    expect(() => planWaves(2_000_000, buildPopulations(DEFAULT_SEED, POPULATION))).toThrow(/do not fit/);
  });
});

describe('generate', () => {
  it('writes the planned responses through the submission path, aggregates included', async () => {
    const db = await generated(400);
    const count = async (table: 'response' | 'wave_participation') =>
      Number(
        (
          await db.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count('response')).toBe(400);
    expect(await count('wave_participation')).toBe(400);
    const diffs = diffAggregates(
      await readAggregates(db.db, { organizationId: ORG.id }),
      await recomputeAggregates(db.db, { organizationId: ORG.id }),
    );
    expect(diffs).toEqual([]);
    const open = await db.db.selectFrom('wave').select('id').where('status', '!=', 'closed').execute();
    expect(open).toEqual([]);
    await db.close();
  });

  it('is deterministic: the same seed gives the same rows, another seed other answers', async () => {
    const [a, b, c] = await Promise.all([generated(200), generated(200), generated(200, 7)]);
    const rowsA = await rowsOf(a);
    expect(rowsA.length).toBeGreaterThan(1000);
    expect(await rowsOf(b)).toEqual(rowsA);
    expect(await rowsOf(c)).not.toEqual(rowsA);
    await Promise.all([a.close(), b.close(), c.close()]);
  });
});
