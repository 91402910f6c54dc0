import { createRandom, type Random, SCALE_RANGES, type Scale } from '@facets/domain';
import type { GroupCode } from './content.ts';
import type { StakeholderContent } from './people.ts';
import {
  COMMENT_RATE,
  COMMENTS,
  IMPROVEMENT_RATE,
  IMPROVEMENTS,
  OUTCOMES,
  RESPONSE_RATES,
  SEGMENT_EFFECTS,
  TRAJECTORIES,
} from './story.ts';
import type { SurveyContent } from './surveys.ts';

const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;
const WAVE_COUNT = 5;

export interface WaveWindow {
  sequence: number;
  label: string;
  opensAt: Date;
  closesAt: Date;
  status: 'open' | 'closed';
}

/**
 * Quarterly waves: four closed ones, the latest closing ten weeks before `now`, and the current wave, opened a week
 * ago and closing in three weeks. Labels name the quarter counted back from now's, so they never collide.
 */
export function waveWindows(now: Date): WaveWindow[] {
  const quarter = Math.floor(now.getUTCMonth() / 3);
  return Array.from({ length: WAVE_COUNT }, (_, i) => {
    const sequence = i + 1;
    const back = WAVE_COUNT - sequence;
    const opensAt = new Date(now.getTime() - 7 * DAY - back * 91 * DAY);
    const closesAt = new Date(opensAt.getTime() + 28 * DAY);
    const q = now.getUTCFullYear() * 4 + quarter - back;
    return {
      sequence,
      label: `${Math.floor(q / 4)}-Q${(q % 4) + 1}`,
      opensAt,
      closesAt,
      status: back === 0 ? 'open' : 'closed',
    };
  });
}

export interface PlannedAnswer {
  code: string;
  value?: number;
  text?: string;
}

export interface PlannedResponse {
  group: GroupCode;
  sequence: number;
  stakeholder: StakeholderContent;
  submittedAt: string;
  /** Made from a counter, never from the person, so an anonymous response's key gives nobody away. */
  idempotencyKey: string;
  answers: PlannedAnswer[];
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** The scale point nearest to a 0–100 index. */
function scalePointOf(scale: Scale, index: number): number {
  const { min, max } = SCALE_RANGES[scale];
  return Math.round(min + (clamp(index, 0, 100) / 100) * (max - min));
}

/** Stable per-group seeds: editing one group's story leaves the others' data untouched. */
const SEEDS: Readonly<Record<GroupCode, number>> = {
  employee: 1101,
  customer: 2203,
  supplier: 3307,
  shareholder: 4409,
};

/** One respondent's random draws for a wave, taken before anything is decided so draws never shift each other. */
interface Draws {
  stakeholder: StakeholderContent;
  at: number;
  responds: boolean;
  /** A respondent's mood colours all their lived answers (halo), their standards all their expectations. */
  mood: number;
  standards: number;
  /** Per question, in survey order. */
  noise: number[];
  comment: string | undefined;
  /** The answer to the "what would most improve …?" question on a dimension. */
  improvement: string | undefined;
}

/**
 * Every response of the demo, in submission order within each group and wave. Sign-in stakeholders answer past waves
 * like anyone else but never the open one, so the e2e story (and a visitor) can answer it.
 */
export function planResponses(args: {
  now: Date;
  surveys: readonly SurveyContent[];
  stakeholders: readonly StakeholderContent[];
}): PlannedResponse[] {
  const windows = waveWindows(args.now);
  const planned: PlannedResponse[] = [];
  let key = 0;
  for (const survey of args.surveys) {
    const random = createRandom(SEEDS[survey.group]);
    const people = args.stakeholders.filter((s) => s.group === survey.group);
    for (const wave of windows) {
      const rate = RESPONSE_RATES[survey.group][wave.sequence - 1]!;
      const draws = people
        .map((stakeholder) => drawsOf(random, survey, stakeholder, rate))
        .filter((d) => d.responds && !(wave.status === 'open' && d.stakeholder.signIn));
      centre(draws);
      const end = wave.status === 'open' ? args.now.getTime() - HOUR : wave.closesAt.getTime() - HOUR;
      const start = wave.opensAt.getTime() + HOUR;
      const inWave = draws.map((d) => ({
        group: survey.group,
        sequence: wave.sequence,
        stakeholder: d.stakeholder,
        submittedAt: new Date(Math.floor(start + d.at * (end - start))).toISOString(),
        idempotencyKey: '',
        answers: answersOf(survey, d, wave.sequence),
      }));
      inWave.sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
      for (const r of inWave) {
        key += 1;
        r.idempotencyKey = `demo-response-${String(key).padStart(5, '0')}`;
        planned.push(r);
      }
    }
  }
  return planned;
}

function drawsOf(random: Random, survey: SurveyContent, stakeholder: StakeholderContent, rate: number): Draws {
  const outcomes = OUTCOMES[survey.group];
  return {
    stakeholder,
    at: random.next(),
    responds: random.chance(rate),
    mood: random.normal(0, 9),
    standards: random.normal(0, 6),
    noise: survey.questions.map((q) =>
      random.normal(0, q.facet === 'lived' ? 13 : q.facet === 'expected' ? 11 : (outcomes[q.code]?.sd ?? 0)),
    ),
    comment: random.chance(COMMENT_RATE) ? random.pick(COMMENTS[survey.group]) : undefined,
    improvement: random.chance(IMPROVEMENT_RATE) ? random.pick(IMPROVEMENTS[survey.group]) : undefined,
  };
}

/**
 * Re-centres every draw on zero across a wave's respondents: a wave of 12 shareholders then shows the story's trend
 * instead of sampling noise, while each person's answers keep their spread.
 */
function centre(draws: Draws[]): void {
  if (draws.length === 0) return;
  const avg = (f: (d: Draws) => number) => draws.reduce((s, d) => s + f(d), 0) / draws.length;
  const mood = avg((d) => d.mood);
  const standards = avg((d) => d.standards);
  const noise = draws[0]!.noise.map((_, i) => avg((d) => d.noise[i]!));
  for (const d of draws) {
    d.mood -= mood;
    d.standards -= standards;
    d.noise = d.noise.map((x, i) => x - noise[i]!);
  }
}

function answersOf(survey: SurveyContent, draws: Draws, sequence: number): PlannedAnswer[] {
  const story = TRAJECTORIES[survey.group];
  const segments = draws.stakeholder.segments;
  const effects = SEGMENT_EFFECTS[survey.group].filter((e) => segments[e.key] === e.value);
  const livedIndex = new Map<string, number>();
  const answers: PlannedAnswer[] = [];
  survey.questions.forEach((q, i) => {
    if (q.type !== 'rating' || q.facet === 'outcome' || q.dimension === null || q.scale === null) return;
    const trajectory = story[q.dimension];
    if (!trajectory) throw new Error(`No story for ${survey.group} × ${q.dimension}`);
    if (q.facet === 'lived') {
      const delta = effects.filter((e) => e.dimension === q.dimension).reduce((s, e) => s + e.delta, 0);
      const index = trajectory.lived[sequence - 1]! + delta + draws.mood + draws.noise[i]!;
      livedIndex.set(q.dimension, index);
      answers.push({ code: q.code, value: scalePointOf(q.scale, index) });
    } else {
      const mean = trajectory.expected?.[sequence - 1];
      if (mean === undefined) throw new Error(`No expected story for ${survey.group} × ${q.dimension}`);
      answers.push({ code: q.code, value: scalePointOf(q.scale, mean + draws.standards + draws.noise[i]!) });
    }
  });
  survey.questions.forEach((q, i) => {
    if (q.facet !== 'outcome' || q.scale === null) return;
    const model = OUTCOMES[survey.group][q.code];
    if (!model) throw new Error(`No outcome model for ${survey.group} × ${q.code}`);
    const drivers = model.drivers.length > 0 ? model.drivers : [...livedIndex.keys()];
    const lived = drivers.reduce((s, d) => s + (livedIndex.get(d) ?? 0), 0) / drivers.length;
    answers.push({ code: q.code, value: scalePointOf(q.scale, model.base + model.slope * lived + draws.noise[i]!) });
  });
  for (const q of survey.questions) {
    if (q.type !== 'text') continue;
    const text = q.dimension === null ? draws.comment : draws.improvement;
    if (text) answers.push({ code: q.code, text });
  }
  return answers;
}
