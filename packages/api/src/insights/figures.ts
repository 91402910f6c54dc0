import {
  type Bin,
  ces,
  compareWithWhole,
  csat,
  favourability,
  type Gaps,
  gapsOf,
  type HiddenReason,
  type Moments,
  mean,
  mergeBins,
  netPromoterScore,
  type Scale,
} from '@facets/domain';

/**
 * What leaves the server: every number comes with the n it stands on and, when withheld, the reason
 * (docs/architecture.md, The disclosure guarantee).
 * `value` is null whenever `hidden` is set; the figures are computed from cells the disclosure rules let through.
 */
export interface Figure {
  value: number | null;
  n: number;
  hidden: HiddenReason | null;
}

/** The overview's original cell shape (the console reads it): `score` is the mean index. */
export interface Cell {
  n: number;
  score: number | null;
  hidden: HiddenReason | null;
}

export interface FavourabilityFigure extends Figure {
  /** Shares in % of neutral and unfavourable answers (value is the favourable share). */
  neutral: number | null;
  unfavourable: number | null;
}

/** Moments and histogram of one scale within a cell. */
export interface ScaleCell {
  scale: Scale;
  moments: Moments;
  bins: Bin[];
}

/** One facet of one dimension (or one outcome scale) for one population and wave, already judged for disclosure. */
export interface FacetCell {
  /** Respondents in the cell. */
  n: number;
  /** Summed over scales, since every scale maps to the same 0–100 index. */
  moments: Moments;
  scales: ScaleCell[];
  hidden: HiddenReason | null;
}

export const EMPTY_CELL: FacetCell = { n: 0, moments: { n: 0, sum: 0, sumSq: 0 }, scales: [], hidden: 'no_data' };

export const round1 = (x: number) => Math.round(x * 10) / 10;
export const round3 = (x: number) => Math.round(x * 1000) / 1000;

const hiddenFigure = (n: number, hidden: HiddenReason): Figure => ({ value: null, n, hidden });

/** The mean index of a cell, unrounded, or null when the cell may not be shown. */
export function visibleMean(c: FacetCell): number | null {
  return c.hidden === null ? mean(c.moments) : null;
}

export function scoreFigure(c: FacetCell): Figure {
  const m = visibleMean(c);
  return m === null ? hiddenFigure(c.n, c.hidden ?? 'no_data') : { value: round1(m), n: c.n, hidden: null };
}

export function cellOf(c: FacetCell): Cell {
  const f = scoreFigure(c);
  // The console's cell leaves `hidden` null for an empty cell: "no data" is not a withheld figure.
  return { n: f.n, score: f.value, hidden: f.hidden === 'no_data' ? null : f.hidden };
}

/** The three gaps of a dimension (domain `gapsOf`) from the figures that may be shown, 1 decimal. */
export function gapsFrom(args: { target: number | null; expected: FacetCell; lived: FacetCell }): Gaps {
  const g = gapsOf({
    intendedTarget: args.target,
    expected: visibleMean(args.expected),
    lived: visibleMean(args.lived),
  });
  const r = (x: number | null) => (x === null ? null : round1(x));
  return { expectationGap: r(g.expectationGap), targetGap: r(g.targetGap), calibrationGap: r(g.calibrationGap) };
}

/** lived − expected as a figure: n is the smaller side's, the reason the first hidden side's. */
export function expectationGapFigure(expected: FacetCell, lived: FacetCell): Figure {
  const value = gapsFrom({ target: null, expected, lived }).expectationGap;
  const n = Math.min(expected.n, lived.n);
  if (value !== null) return { value, n, hidden: null };
  return hiddenFigure(n, lived.hidden ?? expected.hidden ?? 'no_data');
}

/** Favourable / neutral / unfavourable shares over every scale of the cell, weighted by answers. */
export function favourabilityFigure(c: FacetCell): FavourabilityFigure {
  const none = { ...hiddenFigure(c.n, c.hidden ?? 'no_data'), neutral: null, unfavourable: null };
  if (c.hidden !== null) return none;
  let answers = 0;
  const shares = { favourable: 0, neutral: 0, unfavourable: 0 };
  for (const s of c.scales) {
    const f = favourability(s.scale, s.bins);
    if (!f) continue;
    answers += f.n;
    shares.favourable += f.favourable * f.n;
    shares.neutral += f.neutral * f.n;
    shares.unfavourable += f.unfavourable * f.n;
  }
  if (answers === 0) return none;
  return {
    value: round1(shares.favourable / answers),
    n: c.n,
    hidden: null,
    neutral: round1(shares.neutral / answers),
    unfavourable: round1(shares.unfavourable / answers),
  };
}

/**
 * A segment's score against its whole group's in the same wave (domain `compareWithWhole`): the difference in index
 * points with its 95 % interval, 1 decimal. Null unless both figures may be shown and both have spread.
 */
export interface ComparisonFigure {
  value: number;
  ci95: { low: number; high: number };
  significant: boolean;
  /** The segment's answers and the whole group's. */
  n: number;
  wholeN: number;
}

export function comparisonFigure(segment: FacetCell, whole: FacetCell): ComparisonFigure | null {
  if (segment.hidden !== null || whole.hidden !== null) return null;
  const c = compareWithWhole(segment.moments, whole.moments);
  if (!c) return null;
  return {
    value: round1(c.difference),
    ci95: { low: round1(c.ci95.low), high: round1(c.ci95.high) },
    significant: c.significant,
    n: segment.moments.n,
    wholeN: whole.moments.n,
  };
}

export type OutcomeMetric = 'nps' | 'csat' | 'ces' | 'favourability';

export interface OutcomeFigure extends Figure {
  scale: Scale;
  metric: OutcomeMetric;
  /** For NPS only: the 95 % interval of the score. */
  ci95: { low: number; high: number } | null;
}

/** An overall outcome item: NPS/eNPS on nps11, CSAT on csat5, the CES index on ces7, favourability otherwise. */
export function outcomeFigure(scale: Scale, c: FacetCell): OutcomeFigure {
  const metric: OutcomeMetric =
    scale === 'nps11' ? 'nps' : scale === 'csat5' ? 'csat' : scale === 'ces7' ? 'ces' : 'favourability';
  const base = { scale, metric, ci95: null };
  if (c.hidden !== null) return { ...base, ...hiddenFigure(c.n, c.hidden) };
  const bins = mergeBins(c.scales.filter((s) => s.scale === scale).map((s) => s.bins));
  const visible = (value: number | undefined) =>
    value === undefined ? hiddenFigure(c.n, 'no_data') : { value: round1(value), n: c.n, hidden: null };
  if (scale === 'nps11') {
    const nps = netPromoterScore(bins);
    return {
      ...base,
      ...visible(nps?.score),
      ci95: nps ? { low: round1(nps.ci95.low), high: round1(nps.ci95.high) } : null,
    };
  }
  if (scale === 'csat5') return { ...base, ...visible(csat(bins)?.score) };
  if (scale === 'ces7') return { ...base, ...visible(ces(bins)?.index) };
  return { ...base, ...visible(favourability(scale, bins)?.favourable) };
}
