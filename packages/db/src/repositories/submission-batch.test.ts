import { DomainError } from '@facets/domain';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../create-db.ts';
import { addStakeholder } from '../fixture.ts';
import { newId } from '../ids.ts';
import type { Database } from '../schema.ts';
import { buildFixture, type Fixture, openTestDb, testDialects } from '../testing.ts';
import { diffAggregates, recomputeAggregates } from './aggregate-repair.ts';
import { mergeAggregateRows, readAggregates } from './aggregates.ts';
import type { AnswerInput } from './answers.ts';
import type { SubmitResponseInput } from './responses.ts';
import { createSubmissionBatcher, submitBatch, submitBatched } from './submission-batch.ts';

const dialects = await testDialects();

describe.each(dialects)('group commit of submissions (%s)', (dialect) => {
  let handle: Db;
  let db: Kysely<Database>;
  let fx: Fixture;
  let people: { id: string; groupId: string; segments: Record<string, string> }[];

  beforeAll(async () => {
    handle = await openTestDb(dialect);
    db = handle.db;
  });
  afterAll(() => handle?.close());
  beforeEach(async () => {
    fx = await buildFixture(db);
    people = [];
    for (let i = 0; i < 6; i++) {
      const segments = { department: i % 2 === 0 ? 'it' : 'hr', site: i % 3 === 0 ? 'lyon' : 'paris' };
      people.push(await addStakeholder(db, fx, { groupId: fx.groups.employee, segments }));
    }
  });

  const q = () => fx.surveys.employee.questions;
  function submission(person: number, lived: number, key = newId(), answers?: AnswerInput[]): SubmitResponseInput {
    const s = people[person]!;
    return {
      organizationId: fx.organizationId,
      waveId: fx.surveys.employee.waveId,
      stakeholderId: s.id,
      groupId: s.groupId,
      segments: s.segments,
      idempotencyKey: key,
      answers: answers ?? [
        { questionId: q().recognition_lived!, value: lived },
        { questionId: q().recognition_expected!, value: 5 },
      ],
      now: fx.now,
      newId,
    };
  }

  const stored = () => readAggregates(db, { organizationId: fx.organizationId });
  async function count(table: 'response' | 'answer' | 'wave_participation'): Promise<number> {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('organization_id', '=', fx.organizationId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  it('writes the same aggregates as one transaction per submission', async () => {
    const inputs = [0, 1, 2, 3, 4].map((p) => submission(p, (p % 5) + 1));
    const outcomes = await submitBatch(db, inputs);
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(await count('response')).toBe(5);
    expect(await count('answer')).toBe(10);
    const aggregates = await stored();
    expect(aggregates.respondents.find((r) => r.segmentKey === '')?.n).toBe(5);
    expect(diffAggregates(aggregates, await recomputeAggregates(db, { organizationId: fx.organizationId }))).toEqual(
      [],
    );
  });

  it('refuses one submission of a batch without touching the others', async () => {
    const bad = submission(1, 4, newId(), [{ questionId: q().recognition_lived!, value: 9 }]);
    const outcomes = await submitBatch(db, [submission(0, 4), bad, submission(2, 3)]);
    expect(outcomes.map((o) => o.ok)).toEqual([true, false, true]);
    const refusal = outcomes[1]!.ok ? null : outcomes[1]!.error;
    expect(refusal).toBeInstanceOf(DomainError);
    expect((refusal as DomainError).field).toMatch(/^answers\.0/);
    expect(await count('response')).toBe(2);
    expect(await count('wave_participation')).toBe(2);
    const [whole] = (await stored()).respondents.filter((r) => r.segmentKey === '');
    expect(whole?.n).toBe(2);
    expect(
      diffAggregates(await stored(), await recomputeAggregates(db, { organizationId: fx.organizationId })),
    ).toEqual([]);
  });

  it('counts a key repeated within one batch once, and a second key of the same person not at all', async () => {
    const first = submission(0, 4, 'same-key-0001');
    const outcomes = await submitBatch(db, [first, { ...first }, submission(0, 2, 'other-key-0001')]);
    expect(outcomes[0]).toMatchObject({ ok: true, result: { duplicate: false } });
    const id = outcomes[0]!.ok ? outcomes[0]!.result.responseId : '';
    expect(outcomes[1]).toEqual({ ok: true, result: { responseId: id, duplicate: true } });
    expect(outcomes[2]!.ok).toBe(false);
    expect(await count('response')).toBe(1);
    const [whole] = (await stored()).respondents.filter((r) => r.segmentKey === '');
    expect(whole?.n).toBe(1);
  });

  it('writes nothing of a batch whose transaction fails', async () => {
    const failing = { ...submission(0, 4), organizationId: 'no-such-org-but-valid' };
    const inputs = [submission(1, 4), submission(2, 5)];
    // A commit-time failure stands in for a lost disk: the aggregate write of the batch is made to throw.
    const broken = new Proxy(db, {
      get(target, prop, receiver) {
        if (prop === 'transaction') {
          return () => ({
            execute: (fn: (trx: Kysely<Database>) => Promise<unknown>) =>
              target.transaction().execute(async (trx) => {
                await fn(trx);
                throw new Error('disk full');
              }),
          });
        }
        return Reflect.get(target, prop, receiver);
      },
    });
    await expect(submitBatch(broken, [...inputs, failing])).rejects.toThrow('disk full');
    expect(await count('response')).toBe(0);
    expect(await count('answer')).toBe(0);
    expect((await stored()).cells).toEqual([]);
  });

  it('groups concurrent submissions into few commits and acknowledges each after its commit', async () => {
    const batcher = createSubmissionBatcher(db, 4);
    const results = await Promise.all([0, 1, 2, 3, 4, 5].map((p) => batcher.submit(submission(p, 3))));
    expect(new Set(results.map((r) => r.responseId)).size).toBe(6);
    expect(await count('response')).toBe(6);
    const refused = batcher.submit(submission(0, 3));
    await expect(refused).rejects.toThrow('waveId: you have already answered this survey');
    await batcher.idle();
    expect(
      diffAggregates(await stored(), await recomputeAggregates(db, { organizationId: fx.organizationId })),
    ).toEqual([]);
  });

  it('counts once what two servers receive at the same moment: a retried key, and a second key of that person', async () => {
    // Two servers behind a load balancer: a batcher each, one database. A client retries on the other server.
    const servers = [createSubmissionBatcher(db, 4), createSubmissionBatcher(db, 4)];
    const first = submission(1, 4, 'retried-key-0001');
    const others = [2, 3, 4].map((p) => submission(p, 5));
    const settled = await Promise.allSettled([
      servers[0]!.submit(first),
      servers[1]!.submit({ ...first }),
      servers[1]!.submit(submission(1, 1, 'second-key-0001')),
      ...others.map((s, i) => servers[i % 2]!.submit(s)),
    ]);
    await Promise.all(servers.map((b) => b.idle()));
    // Both copies of the retried key are acknowledged with one response id; the second key is refused.
    expect(
      new Set(settled.slice(0, 2).map((r) => (r.status === 'fulfilled' ? r.value.responseId : 'refused'))).size,
    ).toBe(1);
    expect(settled[2]!.status).toBe('rejected');
    expect(await count('response')).toBe(4);
    expect(await count('wave_participation')).toBe(4);
    const [whole] = (await stored()).respondents.filter((r) => r.segmentKey === '');
    expect(whole?.n).toBe(4);
    expect(
      diffAggregates(await stored(), await recomputeAggregates(db, { organizationId: fx.organizationId })),
    ).toEqual([]);
  });

  it('joins the caller’s transaction instead of batching inside it', async () => {
    await db.transaction().execute(async (trx) => {
      await submitBatched(trx, submission(0, 4));
      expect(
        await trx.selectFrom('response').select('id').where('organization_id', '=', fx.organizationId).execute(),
      ).toHaveLength(1);
    });
    const retried = await submitBatched(db, submission(1, 4, 'k-1'));
    expect(await submitBatched(db, submission(1, 4, 'k-1'))).toEqual({ ...retried, duplicate: true });
  });
});

describe('mergeAggregateRows', () => {
  it('sums the rows of the same key and keeps the others', () => {
    const base = {
      organization_id: 'o',
      wave_id: 'w',
      group_id: 'g',
      dimension_id: 'd',
      facet: 'lived',
      scale: 'likert5',
    };
    const cell = (segment_value: string, sum: number) => ({
      ...base,
      segment_key: segment_value ? 'site' : '',
      segment_value,
      n: 1,
      sum,
      sum_sq: sum * sum,
    });
    const merged = mergeAggregateRows([
      { cells: [cell('', 25), cell('lyon', 25)], bins: [], pairs: [], respondents: [], overlaps: [] },
      { cells: [cell('', 75)], bins: [], pairs: [], respondents: [], overlaps: [] },
    ]);
    expect(merged.cells).toEqual([{ ...cell('', 0), n: 2, sum: 100, sum_sq: 6250 }, cell('lyon', 25)]);
  });
});
