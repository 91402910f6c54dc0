import type { HiddenReason } from '../anonymity.ts';
import { POLARITIES, type Polarity } from '../model.ts';
import {
  type Measure,
  type PopulationId,
  placeMeasure,
  populationId,
  type RespondentPattern,
  type Segment,
  WHOLE,
} from './publication.ts';

/**
 * The themes and sentiment of one comment list (docs/architecture.md, "Comment analytics"). A comment list is a
 * measure of the publication; what is read inside it — how many of its commenters raise a theme, how many of them
 * read negative, neutral or positive — is a count of a subset of its commenters, and is held to the list's own
 * rule: over the populations a theme's figures are shown in, every atom holds 0 or at least the comment threshold of
 * commenters who raise it, and 0 or at least that many who do not (the list's count of commenters is shown, so
 * "6 of 7" would give away the one who did not); a theme's sentiment, and the list's, is shown where each of the
 * three polarities holds 0 or at least that many in every atom. Counted in commenters, never comments. A theme
 * shown nowhere is left out without a reason, so that a reader cannot tell a theme nobody raised from one too few
 * raised.
 */

/** One commenter of the list: their segment snapshot, their polarity and each theme they raise with its polarity. */
export interface ThemeCommenter {
  segments: Readonly<Record<string, string>>;
  polarity: Polarity;
  themes: Readonly<Record<string, Polarity>>;
}

export interface ThemePlacement {
  /** Populations the theme's count is shown in (the whole group first); empty when shown nowhere. */
  shownIn: PopulationId[];
  /** Populations its sentiment shares are shown in: a subset of `shownIn`. */
  sentimentShownIn: PopulationId[];
}

export interface ThemesPlacement {
  /** Where the list's own sentiment shares are shown. */
  sentimentShownIn: PopulationId[];
  themes: Record<string, ThemePlacement>;
}

/**
 * One commenter's reading of several comments: the polarity they share, else neutral (a mixed reading says
 * nothing either way).
 */
export function combinedPolarity(polarities: readonly Polarity[]): Polarity {
  const first = polarities[0];
  return first !== undefined && polarities.every((p) => p === first) ? first : 'neutral';
}

/**
 * Where each theme of a comment list, and the list's sentiment, may be shown: `populations` are the populations the
 * list itself is shown in besides the whole group, in the publication's order; `threshold` the comment threshold.
 */
export function placeThemes(input: {
  commenters: readonly ThemeCommenter[];
  populations: readonly Segment[];
  threshold: number;
  companyKey: string | null;
}): ThemesPlacement {
  const patterns: RespondentPattern[] = input.commenters.map((c) => ({ segments: c.segments, n: 1, measures: {} }));
  const everywhere = [WHOLE, ...input.populations.map(populationId)];
  // Where a count drawn from the commenters may be published: where its measure is placed, or where it is 0.
  const publishable = (has: (c: ThemeCommenter) => boolean): Set<PopulationId> => {
    const counts = input.commenters.map((c) => (has(c) ? 1 : 0));
    if (counts.every((n) => n === 0)) return new Set(everywhere);
    const byPattern = new Map(patterns.map((p, i) => [p, counts[i] ?? 0]));
    const measure: Measure = { id: 'theme', threshold: input.threshold, belowReason: 'comments_below_k' };
    const placed = placeMeasure({
      patterns,
      populations: input.populations,
      count: (p) => byPattern.get(p) ?? 0,
      measure,
      companyKey: input.companyKey,
    });
    return new Set([...placed.shownIn, ...Object.keys(placed.hidden).filter((id) => placed.hidden[id] === 'no_data')]);
  };
  const within = (ids: readonly PopulationId[], ...sets: Set<PopulationId>[]) =>
    ids[0] === WHOLE && sets.every((s) => s.has(WHOLE)) ? ids.filter((id) => sets.every((s) => s.has(id))) : [];
  const sentiment = (of: (c: ThemeCommenter) => Polarity | undefined, ids: readonly PopulationId[]) =>
    within(ids, ...POLARITIES.map((polarity) => publishable((c) => of(c) === polarity)));

  const codes = [...new Set(input.commenters.flatMap((c) => Object.keys(c.themes)))].sort();
  const themes: Record<string, ThemePlacement> = {};
  for (const code of codes) {
    const shownIn = within(
      everywhere,
      publishable((c) => code in c.themes),
      publishable((c) => !(code in c.themes)),
    );
    themes[code] = { shownIn, sentimentShownIn: sentiment((c) => c.themes[code], shownIn) };
  }
  return { sentimentShownIn: sentiment((c) => c.polarity, everywhere), themes };
}

export interface SentimentShares {
  /** Commenters the shares stand on. */
  n: number;
  negative: number;
  neutral: number;
  positive: number;
}

export interface ThemeFigure {
  code: string;
  /** Commenters of the population who raise the theme. */
  commenters: number;
  /** Its share of the population's commenters, 0–1. */
  share: number;
  sentiment: SentimentShares | null;
}

export interface ThemesFigures {
  /** The population's commenters: what the shares are of. */
  commenters: number;
  sentiment: SentimentShares | null;
  /** The themes shown in the population, most raised first (ties by code). */
  themes: ThemeFigure[];
  hidden: HiddenReason | null;
}

const inPopulation = (segment: Segment | null) => (c: ThemeCommenter) =>
  segment === null || c.segments[segment.key] === segment.value;

function sharesOf(polarities: readonly Polarity[]): SentimentShares {
  const count = (p: Polarity) => polarities.filter((x) => x === p).length;
  return { n: polarities.length, negative: count('negative'), neutral: count('neutral'), positive: count('positive') };
}

/** The figures of one population of the list (`segment` null: the whole group), as `placeThemes` allows them. */
export function themesFigures(
  commenters: readonly ThemeCommenter[],
  placement: ThemesPlacement,
  segment: Segment | null,
): ThemesFigures {
  const id = populationId(segment);
  const members = commenters.filter(inPopulation(segment));
  const themes: ThemeFigure[] = [];
  for (const [code, place] of Object.entries(placement.themes)) {
    if (!place.shownIn.includes(id)) continue;
    const raising = members.flatMap((c) => (c.themes[code] === undefined ? [] : [c.themes[code]]));
    if (raising.length === 0) continue;
    themes.push({
      code,
      commenters: raising.length,
      share: raising.length / members.length,
      sentiment: place.sentimentShownIn.includes(id) ? sharesOf(raising) : null,
    });
  }
  themes.sort((a, b) => b.commenters - a.commenters || (a.code < b.code ? -1 : 1));
  return {
    commenters: members.length,
    sentiment:
      placement.sentimentShownIn.includes(id) && members.length > 0 ? sharesOf(members.map((c) => c.polarity)) : null,
    themes,
    hidden: null,
  };
}
