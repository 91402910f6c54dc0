import type { Kysely } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../create-db.ts';
import { addStakeholder } from '../fixture.ts';
import { newId } from '../ids.ts';
import type { Database } from '../schema.ts';
import { buildFixture, type Fixture, openTestDb, testDialects } from '../testing.ts';
import { diffAggregates, recomputeAggregates } from './aggregate-repair.ts';
import { readAggregates } from './aggregates.ts';
import { coarsenResponseSegments } from './coarsen.ts';
import { submitResponse } from './responses.ts';
import { uniqueSnapshots } from './unique-snapshots.ts';

const dialects = await testDialects();

/** Three departments, two sites; `it` and `hr` merge into `support`, sites go. */
const PEOPLE = [
  { department: 'it', site: 'lyon' },
  { department: 'it', site: 'paris' },
  { department: 'it', site: 'paris' },
  { department: 'hr', site: 'lyon' },
  { department: 'hr', site: 'paris' },
  { department: 'sales', site: 'paris' },
  { department: 'sales', site: 'paris' },
  { department: 'sales', site: 'lyon' },
];
const atomOf = (s: Record<string, string>) => ({
  department: s.department === 'sales' ? 'sales' : 'support',
});

describe.each(dialects)('coarsening response snapshots (%s)', (dialect) => {
  let handle: Db;
  let db: Kysely<Database>;
  let fx: Fixture;

  beforeAll(async () => {
    handle = await openTestDb(dialect);
    db = handle.db;
  });
  afterAll(() => handle?.close());
  beforeEach(async () => {
    fx = await buildFixture(db);
    const q = fx.surveys.employee.questions;
    for (const [i, segments] of PEOPLE.entries()) {
      const person = await addStakeholder(db, fx, { groupId: fx.groups.employee, segments });
      await submitResponse(db, {
        organizationId: fx.organizationId,
        waveId: fx.surveys.employee.waveId,
        stakeholderId: person.id,
        groupId: fx.groups.employee,
        segments,
        idempotencyKey: `coarsen-${i}-${newId()}`,
        answers: [
          { questionId: q.recognition_lived!, value: (i % 5) + 1 },
          { questionId: q.recognition_expected!, value: ((i + 3) % 5) + 1 },
        ],
        now: fx.now,
        newId,
      });
    }
  });

  const wave = () => ({ organizationId: fx.organizationId, waveId: fx.surveys.employee.waveId });
  const stored = (segmentKey?: string) =>
    readAggregates(db, { ...wave(), ...(segmentKey === undefined ? {} : { segmentKey }) });
  const snapshots = async () =>
    (await db.selectFrom('response').select('segments').where('wave_id', '=', wave().waveId).execute())
      .map((r) => r.segments)
      .sort();

  it('rewrites every snapshot and leaves aggregates equal to a recomputation, the whole group unchanged', async () => {
    const whole = await stored('');
    expect(whole.respondents).toEqual([expect.objectContaining({ segmentValue: '', n: 8 })]);
    expect(await coarsenResponseSegments(db, { ...wave(), atomOf })).toEqual({ responses: 8, changed: 8 });

    expect(await snapshots()).toEqual([
      ...Array(3).fill('{"department":"sales"}'),
      ...Array(5).fill('{"department":"support"}'),
    ]);
    expect(diffAggregates(await stored(), await recomputeAggregates(db, wave()))).toEqual([]);
    expect(await stored('')).toEqual(whole);
    const after = await stored();
    // The sites and the small departments are gone; the merged department counts its five people.
    expect(after.respondents.map((r) => [r.segmentKey, r.segmentValue, r.n])).toEqual([
      ['', '', 8],
      ['department', 'sales', 3],
      ['department', 'support', 5],
    ]);
    expect(after.cells.some((c) => c.segmentKey === 'site' || ['it', 'hr'].includes(c.segmentValue))).toBe(false);
    expect(after.overlaps).toEqual([]);
    // Lived recognition of the five in support: 1, 2, 3, 4, 5 on likert5 → indices 0, 25, 50, 75, 100.
    const support = after.cells.find((c) => c.segmentValue === 'support' && c.facet === 'lived');
    expect(support).toMatchObject({ n: 5, sum: 250, sumSq: 0 + 625 + 2500 + 5625 + 10000 });
    // Once coarsened, every stored snapshot fits several of the participants (mapped the same way).
    expect(await uniqueSnapshots(db, { ...wave(), atomOf })).toEqual({ responses: 8, unique: 0 });
    // Coarsening again to the same atoms changes no snapshot.
    expect(await coarsenResponseSegments(db, { ...wave(), atomOf })).toEqual({ responses: 8, changed: 0 });
  });

  it('refuses a mapping that is not a coarsening, writing nothing', async () => {
    const before = await snapshots();
    const aggregates = await stored();
    await expect(
      coarsenResponseSegments(db, { ...wave(), atomOf: (s) => ({ ...s, tenure: 'under_1y' }) }),
    ).rejects.toMatchObject({ kind: 'invalid', field: 'atomOf', message: expect.stringMatching(/^atomOf: .*tenure/) });
    await expect(
      coarsenResponseSegments(db, { ...wave(), atomOf: (s) => ({ department: s.department === 'it' ? '' : 'x' }) }),
    ).rejects.toMatchObject({ kind: 'invalid', field: 'atomOf' });
    expect(await snapshots()).toEqual(before);
    expect(await stored()).toEqual(aggregates);
  });
});
