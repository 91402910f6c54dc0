import type { HiddenReason } from '../anonymity.ts';
import { compareIds } from '../order.ts';
import { carries, keepSegments, segmentValues } from '../teams.ts';

/**
 * The disclosure guarantee (docs/architecture.md, "The disclosure guarantee"). Per wave of a group, the populations
 * that any figure is ever published over — every view, filter, breakdown, export, comment list and portal page, to
 * any role — are chosen here, once, when the wave's results are published. Respondents who share one pattern of
 * membership in those populations form an *atom*; every nonempty atom holds at least k respondents (k distinct
 * companies, none with most of the atom, for groups counted in companies), and per measure (a cell of a dimension
 * and facet, an outcome item, a comment list) every atom holds 0 or at least the measure's threshold of answers.
 * Every published figure is then a function of atom totals: no sum, difference or integer reasoning over them
 * concerns fewer than k people.
 *
 * The choice is a fixed greedy order over candidate segments that looks at counts only (never at the answers): a
 * candidate is accepted when every atom it splits leaves two parts of 0 or at least k. Refusals are decided here,
 * offline, so that a refusal seen by a reader depends on nothing the reader chose.
 */

export interface Segment {
  key: string;
  value: string;
}

/** The id of a population: '' for the whole group, 'key=value' for a segment. */
export type PopulationId = string;
export const WHOLE: PopulationId = '';
export const populationId = (s: Segment | null): PopulationId => (s === null ? WHOLE : `${s.key}=${s.value}`);

/** Respondents who share one segment snapshot, and how many of them answered each measure. */
export interface RespondentPattern {
  /**
   * Segment key → value; for groups counted in companies, the company under the company key; under `team`, the
   * managers above the respondent (teams.ts): a pattern is in the team of each.
   */
  segments: Readonly<Record<string, string>>;
  n: number;
  /** Measure id → respondents of this pattern who answered it (0 when absent). */
  measures: Readonly<Record<string, number>>;
}

/** Something published per population whose own answers are counted: a cell, an outcome item, a comment list. */
export interface Measure {
  id: string;
  /** Least answers an atom of this measure holds when nonempty: k for scores, the comment threshold for comments. */
  threshold: number;
  /** The reason shown when the whole group has too few answers ('below_k' or 'comments_below_k'). */
  belowReason: HiddenReason;
}

export interface PublicationInput {
  patterns: readonly RespondentPattern[];
  /** Candidate segments in the order they are tried (see `candidateOrder`). */
  candidates: readonly Segment[];
  k: number;
  measures: readonly Measure[];
  /** Set for groups counted in companies (suppliers): the segment key that names a respondent's company. */
  companyKey: string | null;
  /**
   * When republishing under a stricter threshold: per measure, the populations it was shown over before. A measure is
   * then shown over no population it was not shown over already, so that the two publications together still split
   * its answers into the earlier atoms (never finer ones).
   */
  previous?: Readonly<Record<string, readonly PopulationId[]>>;
}

export interface MeasurePublication {
  /** Populations the measure is published over, the whole group first. Empty when the whole group is withheld. */
  shownIn: PopulationId[];
  /** Why it is withheld elsewhere: the whole group ('') or an accepted population. */
  hidden: Record<PopulationId, HiddenReason>;
}

export interface Publication {
  /** The whole group's respondents, and why it is withheld (then nothing else is published). */
  respondents: number;
  whole: HiddenReason | null;
  /** Accepted segments with their respondents, in acceptance order. */
  populations: { segment: Segment; n: number }[];
  /** Candidates refused, with the reason a reader is told. Their n is never published. */
  refused: { segment: Segment; reason: HiddenReason }[];
  measures: Record<string, MeasurePublication>;
  /** Sizes of the atoms of the accepted populations (respondents), for measurement and tests. */
  atoms: number[];
}

type Count = (p: RespondentPattern) => number;

/** Whether a set of patterns may form a nonempty atom: enough people, and for companies enough distinct ones. */
function enough(patterns: readonly RespondentPattern[], count: Count, threshold: number, companyKey: string | null) {
  let total = 0;
  const byCompany = new Map<string, number>();
  for (const p of patterns) {
    const c = count(p);
    if (c <= 0) continue;
    total += c;
    if (companyKey !== null) {
      // Respondents without a company count together as one company: the least they can be.
      const company = p.segments[companyKey] ?? '';
      byCompany.set(company, (byCompany.get(company) ?? 0) + c);
    }
  }
  if (total === 0) return 'empty' as const;
  if (total < threshold) return 'people' as const;
  if (companyKey === null) return 'ok' as const;
  const largest = Math.max(...byCompany.values());
  // k distinct companies, none carrying most of the atom's answers.
  return byCompany.size >= threshold && largest * 2 <= total ? ('ok' as const) : ('companies' as const);
}

// Through `carries`: a respondent is in the team of every manager above them (teams.ts), so teams nest.
const inSegment = (s: Segment) => (p: RespondentPattern) => carries(p.segments, s);

/**
 * Splits every atom by a segment; null when some nonempty part breaks the rule, with which side broke it.
 */
function split(
  atoms: readonly RespondentPattern[][],
  segment: Segment,
  count: Count,
  threshold: number,
  companyKey: string | null,
): { atoms: RespondentPattern[][] } | { broken: 'inside' | 'outside'; companies: boolean } {
  const inside = inSegment(segment);
  const next: RespondentPattern[][] = [];
  let outsideBroken: { companies: boolean } | null = null;
  for (const atom of atoms) {
    const parts = [atom.filter(inside), atom.filter((p) => !inside(p))];
    for (const [i, part] of parts.entries()) {
      const verdict = enough(part, count, threshold, companyKey);
      if (verdict === 'empty') continue;
      if (verdict !== 'ok') {
        if (i === 0) return { broken: 'inside', companies: verdict === 'companies' };
        outsideBroken ??= { companies: verdict === 'companies' };
        continue;
      }
      next.push(part);
    }
  }
  if (outsideBroken) return { broken: 'outside', companies: outsideBroken.companies };
  return { atoms: next };
}

/** The reason a refused candidate is given, from which side of which split broke the rule. */
function refusalReason(
  broken: 'inside' | 'outside',
  companies: boolean,
  ownVerdict: ReturnType<typeof enough>,
): HiddenReason {
  if (ownVerdict === 'people') return 'below_k';
  if (ownVerdict === 'companies') return 'companies_below_k';
  if (broken === 'outside') return companies ? 'companies_below_k' : 'complementary';
  return companies ? 'companies_below_k' : 'overlap';
}

function wholeReason(patterns: readonly RespondentPattern[], count: Count, m: Measure, companyKey: string | null) {
  const verdict = enough(patterns, count, m.threshold, companyKey);
  return verdict === 'empty' ? 'no_data' : verdict === 'companies' ? 'companies_below_k' : m.belowReason;
}

/**
 * Places one measure over accepted populations (the whole group first, then each in order): a population is shown
 * when every atom of the measure it splits leaves two parts of 0 or at least the measure's threshold of answers.
 * `count` says how many of a pattern's respondents answered it. `allowed`, when republishing, keeps it to the
 * populations it was shown over before. Used by `publish` for every measure, and by the readings of a shown measure
 * (comment themes, `themes.ts`) for the figures they derive inside it.
 */
export function placeMeasure(args: {
  patterns: readonly RespondentPattern[];
  populations: readonly Segment[];
  count: (p: RespondentPattern) => number;
  measure: Measure;
  companyKey: string | null;
  allowed?: ReadonlySet<PopulationId> | null;
}): MeasurePublication {
  const { patterns, count, measure: m, companyKey } = args;
  if (enough(patterns, count, m.threshold, companyKey) !== 'ok') {
    return { shownIn: [], hidden: { [WHOLE]: wholeReason(patterns, count, m, companyKey) } };
  }
  const shownIn: PopulationId[] = [WHOLE];
  const hidden: Record<PopulationId, HiddenReason> = {};
  let measureAtoms: RespondentPattern[][] = [patterns.filter((p) => count(p) > 0)];
  for (const segment of args.populations) {
    if (args.allowed && !args.allowed.has(populationId(segment))) {
      hidden[populationId(segment)] = 'overlap';
      continue;
    }
    const members = patterns.filter(inSegment(segment));
    const own = enough(members, count, m.threshold, companyKey);
    if (own === 'empty') {
      hidden[populationId(segment)] = 'no_data';
      continue;
    }
    const result = split(measureAtoms, segment, count, m.threshold, companyKey);
    if ('atoms' in result) {
      measureAtoms = result.atoms;
      shownIn.push(populationId(segment));
    } else {
      const reason = refusalReason(result.broken, result.companies, own);
      hidden[populationId(segment)] = reason === 'below_k' ? m.belowReason : reason;
    }
  }
  return { shownIn, hidden };
}

/**
 * Decides what a wave publishes (see the file's comment). Deterministic: the same counts give the same publication.
 */
export function publish(input: PublicationInput): Publication {
  const { patterns, k, companyKey } = input;
  const people: Count = (p) => p.n;
  const respondents = patterns.reduce((s, p) => s + p.n, 0);
  const wholeVerdict = enough(patterns, people, k, companyKey);
  const whole: HiddenReason | null =
    wholeVerdict === 'empty'
      ? 'no_data'
      : wholeVerdict === 'people'
        ? 'below_k'
        : wholeVerdict === 'companies'
          ? 'companies_below_k'
          : null;
  const populations: Publication['populations'] = [];
  const refused: Publication['refused'] = [];
  let atoms: RespondentPattern[][] = whole === null ? [patterns.filter((p) => p.n > 0)] : [];
  const seen = new Set<string>();
  for (const segment of input.candidates) {
    const id = populationId(segment);
    if (seen.has(id)) continue;
    seen.add(id);
    if (whole !== null) {
      refused.push({ segment, reason: whole });
      continue;
    }
    const members = patterns.filter(inSegment(segment));
    const n = members.reduce((s, p) => s + p.n, 0);
    if (n === 0) continue; // nobody carries it: nothing to publish and nothing to refuse
    if (segment.key === companyKey) {
      // One company is never a population of its own.
      refused.push({ segment, reason: 'companies_below_k' });
      continue;
    }
    const result = split(atoms, segment, people, k, companyKey);
    if ('atoms' in result) {
      atoms = result.atoms;
      populations.push({ segment, n });
    } else {
      const own = enough(members, people, k, companyKey);
      refused.push({ segment, reason: refusalReason(result.broken, result.companies, own) });
    }
  }

  const measures: Record<string, MeasurePublication> = {};
  for (const m of input.measures) {
    const count: Count = (p) => p.measures[m.id] ?? 0;
    const allowed = input.previous ? new Set(input.previous[m.id] ?? []) : null;
    measures[m.id] =
      whole !== null
        ? {
            shownIn: [],
            hidden: { [WHOLE]: whole === 'no_data' ? wholeReason(patterns, count, m, companyKey) : whole },
          }
        : placeMeasure({
            patterns,
            populations: populations.map((p) => p.segment),
            count,
            measure: m,
            companyKey,
            allowed,
          });
  }
  return {
    respondents,
    whole,
    populations,
    refused,
    measures,
    atoms: atoms.map((a) => a.reduce((s, p) => s + p.n, 0)).sort((a, b) => a - b),
  };
}

/** The breakdown published first when a survey names none, if its group has it (managers read their department). */
export const DEFAULT_PRIMARY_KEY = 'department';

/**
 * A survey's primary breakdown as its publication uses it: the key it names, else `department` when that is one of
 * the group's `keys`, else none.
 */
export function primaryKeyOf(named: string | null, keys: readonly string[]): string | null {
  return named ?? (keys.includes(DEFAULT_PRIMARY_KEY) ? DEFAULT_PRIMARY_KEY : null);
}

/**
 * The fixed order candidates are tried in: the values of the survey's primary breakdown first, then the keys in the
 * group's order; within a key, larger segments first (ties by value). From counts only.
 */
export function candidateOrder(input: {
  patterns: readonly RespondentPattern[];
  keys: readonly string[];
  primaryKey: string | null;
}): Segment[] {
  const keys = input.primaryKey
    ? [input.primaryKey, ...input.keys.filter((k) => k !== input.primaryKey)]
    : [...input.keys];
  const result: Segment[] = [];
  for (const key of keys) {
    const sizes = new Map<string, number>();
    for (const p of input.patterns) {
      for (const value of segmentValues(p.segments, key)) sizes.set(value, (sizes.get(value) ?? 0) + p.n);
    }
    const values = [...sizes].sort((a, b) => b[1] - a[1] || compareIds(a[0], b[0]));
    for (const [value] of values) result.push({ key, value });
  }
  return result;
}

/** The atom a pattern falls in: its values of the accepted populations' keys, the others dropped. */
export function atomOf(
  publication: Pick<Publication, 'populations'>,
  keep: readonly string[] = [],
): (segments: Readonly<Record<string, string>>) => Record<string, string> {
  const accepted = new Set(publication.populations.map((p) => populationId(p.segment)));
  return (segments) => keepSegments(segments, (s) => keep.includes(s.key) || accepted.has(populationId(s)));
}
