import { DomainError } from '@facets/domain';
import fc from 'fast-check';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../create-db.ts';
import { newId } from '../ids.ts';
import type { Database } from '../schema.ts';
import { addStakeholder, buildFixture, openTestDb, testDialects } from '../testing.ts';
import { diffAggregates, readAggregates, readCells, rebuildAggregates, recomputeAggregates } from './aggregates.ts';
import type { AnswerInput } from './answers.ts';
import { submitResponse } from './responses.ts';

const dialects = await testDialects();

const rating = (min: number, max: number) => fc.integer({ min, max });
const submission = fc.record({
  person: fc.nat(5),
  lived: rating(1, 5),
  expected: rating(1, 5),
  transparency: fc.option(rating(1, 5), { nil: undefined }),
  enps: fc.option(rating(0, 10), { nil: undefined }),
  /** Extra sends of the same submission (a client retrying), run concurrently with the first. */
  retries: fc.nat(2),
  /** Off the scale: the whole submission must be refused. */
  invalid: fc.boolean(),
  department: fc.constantFrom('it', 'hr', 'ops'),
  site: fc.constantFrom('lyon', 'paris', ''),
});

describe.each(dialects)('aggregates (%s)', (dialect) => {
  let handle: Db;
  let db: Kysely<Database>;

  beforeAll(async () => {
    handle = await openTestDb(dialect);
    db = handle.db;
  });
  afterAll(() => handle?.close());

  it('stays equal to aggregates recomputed from raw answers, whatever the retries and refusals', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(submission, { maxLength: 10 }), async (subs) => {
        const fx = await buildFixture(db);
        const q = fx.surveys.employee.questions;
        const people = new Map<number, { id: string; groupId: string; segments: Record<string, string> }>();
        const answeredBy = new Set<number>();
        const acceptedLived: number[] = [];
        for (const s of subs) {
          let person = people.get(s.person);
          if (!person) {
            const segments: Record<string, string> =
              s.site === '' ? { department: s.department } : { department: s.department, site: s.site };
            person = await addStakeholder(db, fx, { groupId: fx.groups.employee, segments });
            people.set(s.person, person);
          }
          const answers: AnswerInput[] = [
            { questionId: q.recognition_lived!, value: s.invalid ? 9 : s.lived },
            { questionId: q.recognition_expected!, value: s.expected },
            { questionId: q.transparency_lived!, value: s.transparency ?? null },
            { questionId: q.enps!, value: s.enps ?? null },
          ];
          const input = {
            organizationId: fx.organizationId,
            waveId: fx.surveys.employee.waveId,
            stakeholderId: person.id,
            groupId: person.groupId,
            segments: person.segments,
            idempotencyKey: newId(),
            answers,
            now: fx.now,
            newId,
          };
          const outcomes = await Promise.allSettled(
            Array.from({ length: 1 + s.retries }, () => submitResponse(db, input)),
          );
          const accepted = outcomes.filter((o) => o.status === 'fulfilled').map((o) => o.value);
          const refused = outcomes.filter((o) => o.status === 'rejected').map((o) => o.reason);
          for (const r of refused) expect(r).toBeInstanceOf(DomainError);
          if (s.invalid || answeredBy.has(s.person)) {
            expect(accepted).toEqual([]);
          } else {
            expect(refused).toEqual([]);
            expect(new Set(accepted.map((a) => a.responseId)).size).toBe(1);
            expect(accepted.filter((a) => !a.duplicate)).toHaveLength(1);
            answeredBy.add(s.person);
            acceptedLived.push(s.lived);
          }
        }

        const filter = { organizationId: fx.organizationId };
        const stored = await readAggregates(db, filter);
        expect(diffAggregates(stored, await recomputeAggregates(db, filter))).toEqual([]);
        const whole = stored.cells.find(
          (c) => c.segmentKey === '' && c.facet === 'lived' && c.dimensionId === fx.dimensions.recognition,
        );
        const indices = acceptedLived.map((v) => (v - 1) * 25);
        expect(whole?.n ?? 0).toBe(acceptedLived.length);
        expect(whole?.sum ?? 0).toBeCloseTo(
          indices.reduce((a, b) => a + b, 0),
          9,
        );
      }),
      { numRuns: 15 },
    );
  });

  it('rebuilds stored aggregates from raw answers', async () => {
    const fx = await buildFixture(db);
    const q = fx.surveys.employee.questions;
    for (const [who, lived] of [
      ['alice', 4],
      ['bob', 2],
      ['carol', 5],
    ] as const) {
      const s = fx.stakeholders[who];
      await submitResponse(db, {
        organizationId: fx.organizationId,
        waveId: fx.surveys.employee.waveId,
        stakeholderId: s.id,
        groupId: s.groupId,
        segments: s.segments,
        idempotencyKey: newId(),
        answers: [
          { questionId: q.recognition_lived!, value: lived },
          { questionId: q.recognition_expected!, value: 3 },
        ],
        now: fx.now,
        newId,
      });
    }
    const before = await readAggregates(db, { organizationId: fx.organizationId });
    // Damage a cell, as a bug or a manual edit would.
    await db.updateTable('aggregate_cell').set({ n: 99 }).where('organization_id', '=', fx.organizationId).execute();
    expect(diffAggregates(await readAggregates(db, { organizationId: fx.organizationId }), before)).not.toEqual([]);
    await db.transaction().execute((trx) => rebuildAggregates(trx, fx.organizationId));
    expect(diffAggregates(await readAggregates(db, { organizationId: fx.organizationId }), before)).toEqual([]);
    const [lived] = await readCells(db, { organizationId: fx.organizationId, segmentKey: '' });
    expect(lived).toBeDefined();
  });
});
