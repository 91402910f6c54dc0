import { createHash } from 'node:crypto';
import { COMPANY_COUNTED, COMPANY_KEY, type CommenterReading, type Database, readCommentReadings } from '@facets/db';
import {
  combinedPolarity,
  commentsKey,
  type HiddenReason,
  type Polarity,
  placeThemes,
  populationId,
  type SentimentShares,
  type ThemeCommenter,
  themesFigures,
  WHOLE,
} from '@facets/domain';
import type { ThemeCatalogue } from '@facets/domain/text';
import type { Kysely } from 'kysely';
import type { GroupOf, Segment } from './cells.ts';
import { round1 } from './figures.ts';
import type { PopulationWave } from './population.ts';
import type { Scope } from './scope.ts';

/** Representative comments shown per theme. */
const EXAMPLES = 3;

export interface ThemeView {
  code: string;
  label: { fr: string; en: string };
  /** The dimension the theme belongs to in this group (the analysts' mapping, else the taxonomy's), if it has it. */
  dimensionId: string | null;
  /** Commenters of the population who raise it, and their share of its commenters (0–100). */
  commenters: number;
  share: number;
  /** Negative, neutral and positive commenters among them; null where fewer than the threshold would stand behind one. */
  sentiment: SentimentShares | null;
  /** Share points since the previous measurement of the dimension; null when it is not shown in both. */
  trend: number | null;
  /** Up to three of the population's comments that raise it, of its most common sentiment when that is shown. */
  examples: string[];
}

export interface ThemesView {
  hidden: HiddenReason | null;
  /** Whether some comments of the wave are not read yet (accepted before the analytics): then nothing is shown. */
  analysing: boolean;
  /** The commenters the shares are of (0 when withheld). */
  commenters: number;
  sentiment: SentimentShares | null;
  /** The themes that may be shown in this population, most raised first; a theme too few raise is not listed. */
  themes: ThemeView[];
}

const withheld = (hidden: HiddenReason, analysing = false): ThemesView => ({
  hidden,
  analysing,
  commenters: 0,
  sentiment: null,
  themes: [],
});

/** A dimension measured in a wave whose themes are read: the wave it is measured in, and the one before. */
export interface ThemesRequest {
  dimensionId: string;
  current: PopulationWave | null;
  previous: PopulationWave | null;
}

/**
 * The themes and sentiment of the comment lists of several dimensions, for one population (docs/architecture.md,
 * "Comment analytics"): read from the stored analyses only where the comment list itself is shown (the list's measure
 * of the publication), and placed by domain `placeThemes` over the populations the list is shown in, so that no theme
 * or sentiment figure stands on fewer commenters than the comment threshold, whichever populations a reader
 * subtracts. Theme names, merges and mappings are the organisation's (`catalogue`).
 */
export async function themesOf(
  db: Kysely<Database>,
  scope: Scope,
  args: {
    group: GroupOf;
    segment: Segment | null;
    catalogue: ThemeCatalogue;
    /** The group's dimensions (id and code), to map a theme to this group's dimension of its code. */
    dimensions: readonly { id: string; code: string }[];
    requests: readonly ThemesRequest[];
  },
): Promise<Map<string, ThemesView>> {
  const companyKey = COMPANY_COUNTED.includes(args.group.kind) ? COMPANY_KEY : null;
  // One read per wave, of every dimension asked in it.
  const byWave = new Map<string, { wave: PopulationWave; dimensionIds: Set<string> }>();
  for (const r of args.requests) {
    for (const w of [r.current, r.previous]) {
      if (!w) continue;
      const entry = byWave.get(w.wave.id) ?? { wave: w, dimensionIds: new Set<string>() };
      entry.dimensionIds.add(r.dimensionId);
      byWave.set(w.wave.id, entry);
    }
  }
  const readings = new Map<string, CommenterReading[]>();
  for (const [waveId, { dimensionIds }] of byWave) {
    const read = await readCommentReadings(db, {
      organizationId: scope.organizationId,
      groupId: args.group.id,
      waveId,
      dimensionIds: [...dimensionIds],
    });
    for (const r of read) {
      const key = `${waveId}|${r.dimensionId}`;
      readings.set(key, [...(readings.get(key) ?? []), r]);
    }
  }
  const dimensionOfTheme = (code: string) => {
    const theme = args.catalogue.get(code as never);
    if (theme.dimensionId) return args.dimensions.some((d) => d.id === theme.dimensionId) ? theme.dimensionId : null;
    return args.dimensions.find((d) => d.code === theme.dimensionCode)?.id ?? null;
  };

  const read = (wave: PopulationWave | null, dimensionId: string) => {
    if (!wave) return { view: withheld('no_data'), shares: new Map<string, number>() };
    const own = readings.get(`${wave.wave.id}|${dimensionId}`) ?? [];
    const figures = figuresIn(wave, dimensionId, own, args.segment, args.catalogue, scope.policy.commentK, companyKey);
    return figures;
  };

  const result = new Map<string, ThemesView>();
  for (const r of args.requests) {
    const now = read(r.current, r.dimensionId);
    if (now.view.hidden !== null) {
      result.set(r.dimensionId, now.view);
      continue;
    }
    const before = r.previous ? read(r.previous, r.dimensionId) : null;
    result.set(r.dimensionId, {
      ...now.view,
      themes: now.view.themes.map((t) => {
        const was = before?.view.hidden === null ? before.shares.get(t.code) : undefined;
        return {
          ...t,
          dimensionId: dimensionOfTheme(t.code),
          trend: was === undefined ? null : round1(t.share - was),
        };
      }),
    });
  }
  return result;
}

/** One wave's figures of one dimension's list for the population, with each shown theme's share (for trends). */
function figuresIn(
  wave: PopulationWave,
  dimensionId: string,
  readings: readonly CommenterReading[],
  segment: Segment | null,
  catalogue: ThemeCatalogue,
  threshold: number,
  companyKey: string | null,
): { view: ThemesView; shares: Map<string, number> } {
  const none = (view: ThemesView) => ({ view, shares: new Map<string, number>() });
  if (wave.row.respondents.hidden) return none(withheld(wave.row.respondents.hidden));
  const measure = wave.published.measures[commentsKey(dimensionId)];
  if (!measure) return none(withheld('no_data'));
  const id = populationId(segment);
  if (!measure.shownIn.includes(id)) return none(withheld(measure.hidden[id] ?? measure.hidden[WHOLE] ?? 'no_data'));
  if (readings.some((r) => r.comments.some((c) => c.polarity === null))) return none(withheld('no_data', true));

  const commenters: ThemeCommenter[] = readings.map((r) => {
    const themes: Record<string, Polarity> = {};
    const polaritiesOf = new Map<string, Polarity[]>();
    for (const c of r.comments) {
      const resolved = new Set(c.themes.flatMap((t) => catalogue.resolve(t) ?? []));
      for (const t of resolved) polaritiesOf.set(t, [...(polaritiesOf.get(t) ?? []), c.polarity!]);
    }
    for (const [t, ps] of polaritiesOf) themes[t] = combinedPolarity(ps);
    return { segments: r.segments, polarity: combinedPolarity(r.comments.map((c) => c.polarity!)), themes };
  });
  const accepted = new Map(wave.published.populations.map((p) => [populationId(p.segment), p.segment]));
  const populations = measure.shownIn.flatMap((p) => (p === WHOLE ? [] : (accepted.get(p) ?? [])));
  const placement = placeThemes({ commenters, populations, threshold, companyKey });
  const figures = themesFigures(commenters, placement, segment);

  const inPopulation = (r: CommenterReading) => segment === null || r.segments[segment.key] === segment.value;
  const order = (text: string) => createHash('sha256').update(`${wave.wave.id}\n${text}`).digest('hex');
  const themes: ThemeView[] = figures.themes.map((t) => {
    const dominant = t.sentiment ? dominantOf(t.sentiment) : null;
    const texts = readings
      .filter(inPopulation)
      .flatMap((r) => r.comments)
      .filter((c) => c.themes.some((x) => catalogue.resolve(x) === t.code) && (!dominant || c.polarity === dominant))
      .map((c) => ({ text: c.text, key: order(c.text) }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const examples = [...new Set(texts.map((x) => x.text))].slice(0, EXAMPLES);
    const theme = catalogue.get(t.code as never);
    return {
      code: t.code,
      label: theme.label,
      dimensionId: null,
      commenters: t.commenters,
      share: round1(t.share * 100),
      sentiment: t.sentiment,
      trend: null,
      examples,
    };
  });
  return {
    view: { hidden: null, analysing: false, commenters: figures.commenters, sentiment: figures.sentiment, themes },
    shares: new Map(themes.map((t) => [t.code, t.share])),
  };
}

function dominantOf(s: SentimentShares): Polarity {
  if (s.negative >= s.positive && s.negative >= s.neutral) return 'negative';
  return s.positive >= s.neutral ? 'positive' : 'neutral';
}
