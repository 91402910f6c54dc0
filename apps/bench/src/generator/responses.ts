import { type AnswerInput, type Database, type SubmitResponseInput, submitBatch } from '@facets/db';
import { createRandom, type Random, SCALE_RANGES, type Scale } from '@facets/domain';
import type { Kysely } from 'kysely';
import { COMMENTS, DIMENSIONS, GROUP_CODES, type GroupCode, groupId, ORG, SEGMENTS, stakeholderId } from './model.ts';
import type { Populations } from './organisation.ts';
import { seededIds, seedOf } from './random.ts';
import {
  DAY,
  questionId,
  SURVEYS,
  type SurveyContent,
  WAVE_DAYS,
  WAVES_PER_SURVEY,
  waveId,
  waveOpensAt,
} from './surveys.ts';

/** One survey wave to fill: how many of the group answer it, and where it sits in the group's series (0–1). */
export interface WavePlan {
  survey: SurveyContent;
  sequence: number;
  respondents: number;
  /** 0 for the group's first wave, 1 for its last: the story's progress. */
  progress: number;
}

/**
 * Shares `total` responses between groups in proportion to their size, then evenly between each group's survey waves
 * (one answer per person and wave, as the product enforces). Throws when the organisation cannot hold that many.
 */
export function planWaves(total: number, populations: Populations): WavePlan[] {
  const sizes = GROUP_CODES.map((g) => populations[g].length);
  const people = sizes.reduce((a, b) => a + b, 0);
  const plans: WavePlan[] = [];
  let assigned = 0;
  GROUP_CODES.forEach((g, gi) => {
    const groupTotal = gi === GROUP_CODES.length - 1 ? total - assigned : Math.round((total * sizes[gi]!) / people);
    assigned += groupTotal;
    const waves = SURVEYS.filter((s) => s.group === g)
      .flatMap((survey) => Array.from({ length: WAVES_PER_SURVEY }, (_, i) => ({ survey, sequence: i + 1 })))
      .sort((a, b) => waveOpensAt(a.survey, a.sequence) - waveOpensAt(b.survey, b.sequence));
    waves.forEach((w, wi) => {
      const respondents = Math.floor(groupTotal / waves.length) + (wi < groupTotal % waves.length ? 1 : 0);
      if (respondents > sizes[gi]!) {
        const most = sizes.reduce((s, n) => s + n * 2 * WAVES_PER_SURVEY, 0);
        throw new RangeError(`${total} responses do not fit this organisation (at most about ${most})`);
      }
      plans.push({ ...w, respondents, progress: waves.length > 1 ? wi / (waves.length - 1) : 0 });
    });
  });
  return plans;
}

/** A segment value's effect on a dimension (index points): a few departments, regions… live things differently. */
function segmentEffects(seed: number): Map<string, number> {
  const random = createRandom(seedOf(seed, 'segment-effects'));
  const effects = new Map<string, number>();
  for (const g of GROUP_CODES) {
    for (const [key, values] of SEGMENTS[g]) {
      for (const [value] of values) {
        for (const d of DIMENSIONS) {
          if (d.groups.includes(g) && random.chance(0.35))
            effects.set(`${g}|${key}=${value}|${d.code}`, random.int(-8, 8));
        }
      }
    }
  }
  return effects;
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

function scalePoint(scale: Scale, index: number): number {
  const { min, max } = SCALE_RANGES[scale];
  return Math.round(min + (clamp(index, 0, 100) / 100) * (max - min));
}

/** Every respondent of a wave is a distinct person: a walk through the group with a step prime to its size. */
function strideOf(size: number, random: Random): number {
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  let stride = Math.max(1, Math.floor(size * 0.618) + random.int(0, 50));
  while (gcd(stride, size) !== 1) stride += 1;
  return stride % size || 1;
}

/** The submissions of one wave, in submission order; each is the input `submitResponse` takes (bar `newId`). */
export function* submissionsOf(
  plan: WavePlan,
  populations: Populations,
  seed: number,
  effects: Map<string, number> = segmentEffects(seed),
): Generator<Omit<SubmitResponseInput, 'newId'> & { at: number }> {
  const { survey, sequence } = plan;
  const g: GroupCode = survey.group;
  const people = populations[g];
  const wave = waveId(survey, sequence);
  const random = createRandom(seedOf(seed, wave));
  const offset = random.int(0, people.length - 1);
  const stride = strideOf(people.length, random);
  const opens = waveOpensAt(survey, sequence);
  const span = (WAVE_DAYS - 1) * DAY;
  for (let i = 0; i < plan.respondents; i++) {
    const n = (offset + i * stride) % people.length;
    const segments = people[n]!;
    const mood = random.normal(0, 9);
    const standards = random.normal(0, 6);
    const lived: number[] = [];
    const answers: AnswerInput[] = [];
    for (const q of survey.questions) {
      if (q.type !== 'rating' || q.facet === 'outcome' || q.scale === null || q.dimension === null) continue;
      const d = DIMENSIONS.find((x) => x.code === q.dimension)!;
      if (q.facet === 'lived') {
        let effect = 0;
        for (const [key, value] of Object.entries(segments))
          effect += effects.get(`${g}|${key}=${value}|${d.code}`) ?? 0;
        const index = d.lived[0] + (d.lived[1] - d.lived[0]) * plan.progress + effect + mood + random.normal(0, 13);
        lived.push(index);
        answers.push({ questionId: questionId(survey, q), value: scalePoint(q.scale, index) });
      } else {
        const index =
          d.expected[0] + (d.expected[1] - d.expected[0]) * plan.progress + standards + random.normal(0, 11);
        answers.push({ questionId: questionId(survey, q), value: scalePoint(q.scale, index) });
      }
    }
    const outcome = survey.questions.find((q) => q.facet === 'outcome');
    if (outcome?.scale) {
      const mean = lived.reduce((a, b) => a + b, 0) / Math.max(1, lived.length);
      answers.push({
        questionId: questionId(survey, outcome),
        value: scalePoint(outcome.scale, 10 + 0.9 * mean + random.normal(0, 12)),
      });
    }
    const comment = survey.questions.find((q) => q.type === 'text');
    if (comment && random.chance(0.1))
      answers.push({ questionId: questionId(survey, comment), text: random.pick(COMMENTS) });
    const at = opens + Math.floor(((i + random.next()) / plan.respondents) * span);
    yield {
      organizationId: ORG.id,
      waveId: wave,
      groupId: groupId(g),
      stakeholderId: stakeholderId(g, n),
      segments,
      idempotencyKey: `bench-${g}-${survey.code}-${sequence}-${i}`,
      answers,
      now: new Date(at).toISOString(),
      at,
    };
  }
}

export interface SubmitAllOptions {
  total: number;
  populations: Populations;
  seed: number;
  /** Submissions per transaction: the bulk mode of set-up (production commits what arrived together, up to 128). */
  batch: number;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Submits every planned response through `submitBatch`, the group commit a portal submission goes through (validation
 * against the survey, idempotency, participation, answers and every aggregate in the same transaction). The bulk mode
 * only makes the batches larger than a server's.
 */
export async function submitAll(db: Kysely<Database>, options: SubmitAllOptions): Promise<number> {
  const plans = planWaves(options.total, options.populations);
  const effects = segmentEffects(options.seed);
  const ids = seededIds(seedOf(options.seed, 'ids'));
  let done = 0;
  options.onProgress?.(0, options.total);
  for (const plan of plans) {
    const pending = [...submissionsOf(plan, options.populations, options.seed, effects)];
    for (let i = 0; i < pending.length; i += options.batch) {
      const chunk = pending.slice(i, i + options.batch);
      const outcomes = await submitBatch(
        db,
        chunk.map(({ at, ...input }) => ({ ...input, newId: () => ids(at) })),
      );
      for (const [j, outcome] of outcomes.entries()) {
        const key = chunk[j]!.idempotencyKey;
        if (!outcome.ok) throw new Error(`generator: ${key} refused: ${String(outcome.error)}`);
        if (outcome.result.duplicate) throw new Error(`generator: ${key} submitted twice`);
      }
      done += chunk.length;
      options.onProgress?.(done, options.total);
      // SQLite answers synchronously: without a turn of the event loop, timers (the progress bar) would never run.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  return done;
}
