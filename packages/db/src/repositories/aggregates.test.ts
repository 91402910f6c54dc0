import { DomainError } from '@facets/domain';
import fc from 'fast-check';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../create-db.ts';
import { newId } from '../ids.ts';
import type { Database } from '../schema.ts';
import { addStakeholder, buildFixture, type Fixture, openTestDb, testDialects } from '../testing.ts';
import { diffAggregates, rebuildAggregates, recomputeAggregates } from './aggregate-repair.ts';
import {
  livedVariable,
  outcomeVariable,
  pairVariablesOf,
  readAggregates,
  readCells,
  readPairs,
  readRespondents,
  readSegmentOverlaps,
} from './aggregates.ts';
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

  it('rebuilds every stored aggregate from raw answers, and only the organisation’s own', async () => {
    const [fx, other] = [await buildFixture(db), await buildFixture(db)];
    for (const f of [fx, other]) {
      const q = f.surveys.employee.questions;
      for (const [who, lived, enps] of [
        ['alice', 4, 9],
        ['bob', 2, 6],
        ['carol', 5, 10],
      ] as const) {
        const s = f.stakeholders[who];
        await submitResponse(db, {
          organizationId: f.organizationId,
          waveId: f.surveys.employee.waveId,
          stakeholderId: s.id,
          groupId: s.groupId,
          segments: s.segments,
          idempotencyKey: newId(),
          answers: [
            { questionId: q.recognition_lived!, value: lived },
            { questionId: q.recognition_expected!, value: 3 },
            { questionId: q.enps!, value: enps },
          ],
          now: f.now,
          newId,
        });
      }
    }
    const read = (f: Fixture) => readAggregates(db, { organizationId: f.organizationId });
    const [before, otherBefore] = [await read(fx), await read(other)];
    expect(before.pairs).toHaveLength(1);
    expect(before.overlaps).toHaveLength(3);
    // Damage every kind of aggregate, as a bug or a manual edit would.
    const org = fx.organizationId;
    await db.updateTable('aggregate_cell').set({ n: 99 }).where('organization_id', '=', org).execute();
    await db.deleteFrom('aggregate_bin').where('organization_id', '=', org).execute();
    await db.updateTable('aggregate_pair').set({ sum_ab: 1 }).where('organization_id', '=', org).execute();
    await db.updateTable('aggregate_respondents').set({ n: 7 }).where('organization_id', '=', org).execute();
    await db.deleteFrom('aggregate_segment_overlap').where('organization_id', '=', org).execute();
    const damaged = diffAggregates(await read(fx), before);
    for (const kind of ['cell', 'bin', 'pair', 'respondents', 'overlap']) {
      expect(damaged.some((d) => d.startsWith(`${kind} `))).toBe(true);
    }
    await db.transaction().execute((trx) => rebuildAggregates(trx, org));
    expect(diffAggregates(await read(fx), before)).toEqual([]);
    expect(diffAggregates(await read(other), otherBefore)).toEqual([]);
    const [lived] = await readCells(db, { organizationId: org, segmentKey: '' });
    expect(lived).toBeDefined();
  });
});

describe.each(dialects)('engine aggregates (%s)', (dialect) => {
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
  });

  async function answer(
    f: Fixture,
    who: 'alice' | 'bob' | 'carol',
    values: { recognition: number; transparency?: number; enps?: number },
    wave: 'open' | 'closed' = 'open',
  ) {
    const q = f.surveys.employee.questions;
    const s = f.stakeholders[who];
    const closed = wave === 'closed';
    const waveId = closed ? f.surveys.employee.closedWaveId : f.surveys.employee.waveId;
    // A past wave takes answers only while it is open: opened for the time of the submission, as a seed would.
    if (closed) await db.updateTable('wave').set({ status: 'open' }).where('id', '=', waveId).execute();
    await submitResponse(db, {
      organizationId: f.organizationId,
      waveId,
      stakeholderId: s.id,
      groupId: s.groupId,
      segments: s.segments,
      idempotencyKey: newId(),
      answers: [
        { questionId: q.recognition_lived!, value: values.recognition },
        { questionId: q.recognition_expected!, value: 3 },
        ...(values.transparency === undefined
          ? []
          : [{ questionId: q.transparency_lived!, value: values.transparency }]),
        ...(values.enps === undefined ? [] : [{ questionId: q.enps!, value: values.enps }]),
      ],
      now: closed ? '2026-07-15T09:00:00.000Z' : f.now,
      newId,
    });
    if (closed) await db.updateTable('wave').set({ status: 'closed' }).where('id', '=', waveId).execute();
  }

  /** The three fixture employees; hand-computed below. */
  async function answerAll(f: Fixture) {
    await answer(f, 'alice', { recognition: 4, transparency: 5, enps: 9 }); // 75, 100, 90 — it, lyon
    await answer(f, 'bob', { recognition: 2, enps: 6 }); // 25, –, 60 — hr, lyon
    await answer(f, 'carol', { recognition: 3, transparency: 2 }); // 50, 25, – — it, paris
  }

  it('keeps the co-moments of every pair of lived dimensions and outcome items, whole group', async () => {
    await answerAll(fx);
    const pairs = await readPairs(db, {
      organizationId: fx.organizationId,
      groupId: fx.groups.employee,
      waveId: fx.surveys.employee.waveId,
    });
    const [rec, trans, enps] = [
      livedVariable(fx.dimensions.recognition),
      livedVariable(fx.dimensions.transparency),
      outcomeVariable('nps11'),
    ];
    expect(enps).toBe('outcome:nps11');
    expect(pairs.map((p) => [p.a, p.b])).toEqual([[rec, trans].sort(), [rec, enps], [trans, enps]].sort());
    for (const p of pairs) expect(p.a < p.b).toBe(true);
    // Oriented as asked, whichever of the two ids sorts first.
    const pair = (x: string, y: string) => {
      const p = pairs.find((q) => (q.a === x && q.b === y) || (q.a === y && q.b === x))!;
      return p.a === x
        ? { n: p.n, sumX: p.sumA, sumY: p.sumB, sumXX: p.sumAA, sumYY: p.sumBB, sumXY: p.sumAB }
        : { n: p.n, sumX: p.sumB, sumY: p.sumA, sumXX: p.sumBB, sumYY: p.sumAA, sumXY: p.sumAB };
    };
    // recognition × transparency: alice (75, 100) and carol (50, 25).
    expect(pair(rec, trans)).toEqual({ n: 2, sumX: 125, sumY: 125, sumXX: 8125, sumYY: 10625, sumXY: 8750 });
    // recognition × eNPS: alice (75, 90) and bob (25, 60).
    expect(pair(rec, enps)).toEqual({ n: 2, sumX: 100, sumY: 150, sumXX: 6250, sumYY: 11700, sumXY: 8250 });
    // transparency × eNPS: alice only.
    expect(pair(trans, enps)).toEqual({ n: 1, sumX: 100, sumY: 90, sumXX: 10000, sumYY: 8100, sumXY: 9000 });
    // Nothing for another wave or group; nothing of another organisation.
    const none = (groupId: string, waveId: string) =>
      readPairs(db, { organizationId: fx.organizationId, groupId, waveId });
    expect(await none(fx.groups.employee, fx.surveys.employee.closedWaveId)).toEqual([]);
    expect(await none(fx.groups.supplier, fx.surveys.employee.waveId)).toEqual([]);
    const other = await buildFixture(db);
    expect(
      await readPairs(db, {
        organizationId: other.organizationId,
        groupId: fx.groups.employee,
        waveId: fx.surveys.employee.waveId,
      }),
    ).toEqual([]);
  });

  it('folds a dimension measured by several lived items into one variable, their mean index', () => {
    const vars = pairVariablesOf([
      { dimensionId: 'd1', facet: 'lived', scale: 'likert5', value: 5 }, // 100
      { dimensionId: 'd1', facet: 'lived', scale: 'likert5', value: 2 }, // 25
      { dimensionId: 'd1', facet: 'lived', scale: 'csat5', value: 4 }, // 75
      { dimensionId: 'd1', facet: 'expected', scale: 'likert5', value: 1 },
      { dimensionId: null, facet: 'lived', scale: 'likert5', value: 1 },
      { dimensionId: null, facet: 'outcome', scale: 'ces7', value: 4 }, // 50
    ]);
    expect(vars).toEqual([
      { name: 'lived:d1', value: (100 + 25 + 75) / 3 },
      { name: 'outcome:ces7', value: 50 },
    ]);
  });

  it('counts respondents per segment cell, every wave or one, every key or one', async () => {
    await answerAll(fx);
    await answer(fx, 'alice', { recognition: 1 }, 'closed');
    const { organizationId } = fx;
    const groupId = fx.groups.employee;
    const [open, closed] = [fx.surveys.employee.waveId, fx.surveys.employee.closedWaveId];
    const cells = (rows: { waveId: string; segmentKey: string; segmentValue: string; n: number }[]) =>
      rows.map((r) => [r.waveId === open ? 'open' : 'closed', r.segmentKey, r.segmentValue, r.n]);
    expect(cells(await readRespondents(db, { organizationId, groupId, waveId: open }))).toEqual([
      ['open', '', '', 3],
      ['open', 'department', 'hr', 1],
      ['open', 'department', 'it', 2],
      ['open', 'site', 'lyon', 2],
      ['open', 'site', 'paris', 1],
    ]);
    const whole = await readRespondents(db, { organizationId, groupId, segmentKey: '' });
    expect(cells(whole).sort()).toEqual([
      ['closed', '', '', 1],
      ['open', '', '', 3],
    ]);
    expect(whole.every((r) => r.groupId === groupId && [open, closed].includes(r.waveId))).toBe(true);
    expect(cells(await readRespondents(db, { organizationId, groupId, waveId: closed, segmentKey: 'site' }))).toEqual([
      ['closed', 'site', 'lyon', 1],
    ]);
    expect(await readRespondents(db, { organizationId, groupId: fx.groups.supplier })).toEqual([]);
    expect(await readRespondents(db, { organizationId: (await buildFixture(db)).organizationId, groupId })).toEqual([]);
  });

  it('counts the respondents carrying two segment values of different keys', async () => {
    await answerAll(fx);
    const overlaps = await readSegmentOverlaps(db, {
      organizationId: fx.organizationId,
      groupId: fx.groups.employee,
      waveId: fx.surveys.employee.waveId,
    });
    expect(overlaps.map(({ keyA, valueA, keyB, valueB, n }) => [keyA, valueA, keyB, valueB, n])).toEqual([
      ['department', 'hr', 'site', 'lyon', 1],
      ['department', 'it', 'site', 'lyon', 1],
      ['department', 'it', 'site', 'paris', 1],
    ]);
    expect(
      await readSegmentOverlaps(db, {
        organizationId: fx.organizationId,
        groupId: fx.groups.employee,
        waveId: fx.surveys.employee.closedWaveId,
      }),
    ).toEqual([]);
  });
});
