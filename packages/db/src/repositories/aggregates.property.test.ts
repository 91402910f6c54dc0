import { DomainError, type Scale, toIndex } from '@facets/domain';
import fc from 'fast-check';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../create-db.ts';
import { newId } from '../ids.ts';
import type { Database } from '../schema.ts';
import { addStakeholder, buildFixture, type Fixture, openTestDb, testDialects } from '../testing.ts';
import { diffAggregates, recomputeAggregates } from './aggregate-repair.ts';
import { readAggregates } from './aggregates.ts';
import type { AnswerInput } from './answers.ts';
import { type SubmitResponseInput, type SubmitResult, submitResponse } from './responses.ts';

/**
 * Random histories of submissions — several at once, each sent once or more concurrently (a client retrying), some
 * sent again later, some refused — must leave every aggregate equal to a recomputation from the raw answers, and
 * equal to what a plain model of the accepted responses says.
 */

const dialects = await testDialects();

type Group = 'employee' | 'supplier';
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const likert = fc.integer({ min: 1, max: 5 });

const submission = fc.record({
  group: fc.constantFrom<Group>('employee', 'supplier'),
  person: fc.nat(4),
  /** Segments of the person, fixed when the person first appears ('' = not carried). */
  department: fc.constantFrom('it', 'hr', ''),
  site: fc.constantFrom('lyon', 'paris', ''),
  tenure: fc.constantFrom('new', 'old', ''),
  /** Employee: recognition lived/expected, transparency lived, eNPS; supplier: payment, transparency. */
  recognitionLived: maybe(likert),
  recognitionExpected: maybe(likert),
  transparency: maybe(likert),
  enps: maybe(fc.integer({ min: 0, max: 10 })),
  payment: maybe(likert),
  comment: maybe(fc.constantFrom('Merci', 'Trop de réunions', '  ')),
  mood: fc.boolean(),
  /** Off the scale: the whole submission must be refused. */
  invalid: fc.boolean(),
  /** Extra concurrent sends of the same submission. */
  retries: fc.nat(2),
  /** Sent once more, alone, after its batch. */
  replayLater: fc.boolean(),
});
type Submission = typeof submission extends fc.Arbitrary<infer T> ? T : never;
/** Submissions sent at the same time (different people, or the same person twice under different keys). */
const history = fc.array(fc.array(submission, { minLength: 1, maxLength: 3 }), { maxLength: 6 });

interface Accepted {
  group: Group;
  waveId: string;
  groupId: string;
  segments: Record<string, string>;
  ratings: { variable: string | null; scale: Scale; value: number }[];
}

describe.each(dialects)('aggregates under random histories (%s)', (dialect) => {
  let handle: Db;
  let db: Kysely<Database>;

  beforeAll(async () => {
    handle = await openTestDb(dialect);
    db = handle.db;
  });
  afterAll(() => handle?.close());

  it('equal a recomputation and a model of the accepted responses, however often each was sent', async () => {
    await fc.assert(
      fc.asyncProperty(history, async (batches) => {
        const fx = await buildFixture(db);
        // Every question optional, so that a response may carry only a comment, or ratings of one group of items.
        await db
          .updateTable('question')
          .set({ required: 0 })
          .where('organization_id', '=', fx.organizationId)
          .execute();
        const people = new Map<string, { id: string; groupId: string; segments: Record<string, string> }>();
        const answered = new Set<string>();
        const accepted: Accepted[] = [];

        for (const batch of batches) {
          const sends: { s: Submission; who: string; input: SubmitResponseInput }[] = [];
          for (const s of batch) {
            const who = `${s.group}-${s.person}`;
            let person = people.get(who);
            if (!person) {
              const segments = Object.fromEntries(
                Object.entries({ department: s.department, site: s.site, tenure: s.tenure }).filter(([, v]) => v),
              );
              person = await addStakeholder(db, fx, { groupId: fx.groups[s.group], segments });
              people.set(who, person);
            }
            sends.push({ s, who, input: inputOf(fx, s, person) });
          }
          const outcomes = await Promise.all(
            sends.map(async ({ s, input }) =>
              Promise.allSettled(Array.from({ length: 1 + s.retries }, () => submitResponse(db, input))),
            ),
          );

          const winners = new Map<string, number>();
          sends.forEach(({ s, who, input }, i) => {
            const results = outcomes[i]!;
            for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(DomainError);
            const ok = results.filter((r) => r.status === 'fulfilled').map((r) => r.value);
            if (ok.length === 0) return;
            // Every send of one submission gives one id, recorded once.
            expect(new Set(ok.map((r) => r.responseId)).size).toBe(1);
            expect(ok.filter((r) => !r.duplicate)).toHaveLength(1);
            expect(s.invalid || answered.has(who) || isEmpty(input)).toBe(false);
            expect(winners.has(who), `${who} answered twice in one batch`).toBe(false);
            winners.set(who, i);
          });
          // A valid submission of someone who had not answered is accepted (one of theirs, if sent twice at once).
          for (const { s, who, input } of sends) {
            const valid = !s.invalid && !isEmpty(input);
            if (valid && !answered.has(who)) expect(winners.has(who), who).toBe(true);
          }
          for (const [who, i] of winners) {
            answered.add(who);
            accepted.push(acceptedOf(fx, sends[i]!.s, people.get(who)!.segments));
          }

          // Sent again later: the same answer (same id, a duplicate) or the same refusal; never counted twice.
          for (const [i, { s, input }] of sends.entries()) {
            if (!s.replayLater) continue;
            const first = outcomes[i]!.find((r) => r.status === 'fulfilled')?.value as SubmitResult | undefined;
            const again = await submitResponse(db, input).catch((e: unknown) => e);
            if (first) expect(again).toEqual({ responseId: first.responseId, duplicate: true });
            else expect(again).toBeInstanceOf(DomainError);
          }
        }

        const filter = { organizationId: fx.organizationId };
        const stored = await readAggregates(db, filter);
        expect(diffAggregates(stored, await recomputeAggregates(db, filter))).toEqual([]);
        expectModel(stored, accepted);
      }),
      { numRuns: dialect === 'sqlite' ? 25 : 10 },
    );
  });
});

/** Nothing to store: no rating, no choice, no text but blanks. */
const isEmpty = (input: SubmitResponseInput) =>
  input.answers.every((a) => a.value === undefined && a.choices === undefined && (a.text ?? '').trim() === '');

function inputOf(
  fx: Fixture,
  s: Submission,
  person: { id: string; groupId: string; segments: Record<string, string> },
): SubmitResponseInput {
  const q = fx.surveys[s.group].questions;
  const answers: AnswerInput[] = [];
  const rate = (questionId: string | undefined, value: number | undefined) => {
    if (value !== undefined) answers.push({ questionId: questionId!, value });
  };
  if (s.group === 'employee') {
    rate(q.recognition_lived, s.recognitionLived === undefined ? undefined : s.invalid ? 9 : s.recognitionLived);
    rate(q.recognition_expected, s.recognitionExpected);
    rate(q.transparency_lived, s.transparency);
    rate(q.enps, s.enps);
    if (s.mood) answers.push({ questionId: q.mood!, choices: ['ok'] });
  } else {
    rate(q.payment_lived, s.payment === undefined ? undefined : s.invalid ? 0 : s.payment);
    rate(q.transparency_lived, s.transparency);
  }
  if (s.comment !== undefined) answers.push({ questionId: q.comment!, text: s.comment });
  const offScale = s.group === 'employee' ? s.recognitionLived : s.payment;
  if (s.invalid && offScale === undefined)
    answers.push({ questionId: (q.recognition_lived ?? q.payment_lived)!, value: 9 });
  return {
    organizationId: fx.organizationId,
    waveId: fx.surveys[s.group].waveId,
    stakeholderId: person.id,
    groupId: person.groupId,
    segments: person.segments,
    idempotencyKey: newId(),
    answers,
    now: fx.now,
    newId,
  };
}

/** What an accepted submission counts for, written out by hand from the fixture's questions. */
function acceptedOf(fx: Fixture, s: Submission, segments: Record<string, string>): Accepted {
  const d = fx.dimensions;
  const ratings: Accepted['ratings'] = [];
  const add = (variable: string | null, scale: Scale, value: number | undefined) => {
    if (value !== undefined) ratings.push({ variable, scale, value });
  };
  if (s.group === 'employee') {
    add(`lived:${d.recognition}`, 'likert5', s.recognitionLived);
    add(null, 'likert5', s.recognitionExpected);
    add(`lived:${d.transparency}`, 'likert5', s.transparency);
    add('outcome:nps11', 'nps11', s.enps);
  } else {
    add(`lived:${d.payment}`, 'csat5', s.payment);
    add(`lived:${d.transparency}`, 'likert5', s.transparency);
  }
  return { group: s.group, waveId: fx.surveys[s.group].waveId, groupId: fx.groups[s.group], segments, ratings };
}

function expectModel(stored: Awaited<ReturnType<typeof readAggregates>>, accepted: readonly Accepted[]): void {
  const respondents = new Map<string, number>();
  const overlaps = new Map<string, number>();
  const pairs = new Map<
    string,
    { n: number; sumA: number; sumB: number; sumAA: number; sumBB: number; sumAB: number }
  >();
  const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  for (const r of accepted) {
    const carried = Object.entries(r.segments).sort(([a], [b]) => (a < b ? -1 : 1));
    bump(respondents, [r.waveId, r.groupId, '', ''].join('/'));
    for (const [k, v] of carried) bump(respondents, [r.waveId, r.groupId, k, v].join('/'));
    for (const [i, [ka, va]] of carried.entries()) {
      for (const [kb, vb] of carried.slice(i + 1)) bump(overlaps, [r.waveId, r.groupId, ka, va, kb, vb].join('/'));
    }
    const variables = r.ratings
      .filter((x) => x.variable !== null)
      .map((x) => ({ name: x.variable!, value: toIndex(x.scale, x.value) }))
      .sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const [i, a] of variables.entries()) {
      for (const b of variables.slice(i + 1)) {
        const key = [r.waveId, r.groupId, a.name, b.name].join('/');
        const p = pairs.get(key) ?? { n: 0, sumA: 0, sumB: 0, sumAA: 0, sumBB: 0, sumAB: 0 };
        pairs.set(key, {
          n: p.n + 1,
          sumA: p.sumA + a.value,
          sumB: p.sumB + b.value,
          sumAA: p.sumAA + a.value * a.value,
          sumBB: p.sumBB + b.value * b.value,
          sumAB: p.sumAB + a.value * b.value,
        });
      }
    }
  }
  expect(
    new Map(stored.respondents.map((r) => [[r.waveId, r.groupId, r.segmentKey, r.segmentValue].join('/'), r.n])),
  ).toEqual(respondents);
  expect(
    new Map(stored.overlaps.map((o) => [[o.waveId, o.groupId, o.keyA, o.valueA, o.keyB, o.valueB].join('/'), o.n])),
  ).toEqual(overlaps);
  expect(
    new Map(
      stored.pairs.map(({ waveId, groupId, a, b, ...sums }) => [
        [waveId, groupId, a, b].join('/'),
        { n: sums.n, sumA: sums.sumA, sumB: sums.sumB, sumAA: sums.sumAA, sumBB: sums.sumBB, sumAB: sums.sumAB },
      ]),
    ),
  ).toEqual(pairs);
}
