import {
  COMPANY_COUNTED,
  COMPANY_KEY,
  type Database,
  listProgrammes,
  listWavesWithData,
  type PublishedWave,
  publishClosedWaves,
  readPublications,
  readRespondents,
  type WaveRef,
  type WaveWithData,
} from '@facets/db';
import { DomainError, defaultProgramme, type HiddenReason, type LocalizedText, waveState } from '@facets/domain';
import type { Kysely } from 'kysely';
import { type GroupOf, rowOf, type Segment, type SegmentRow } from './cells.ts';
import type { Scope } from './scope.ts';

/** One published wave of a population: its row of cells, and the publication it comes from. */
export interface PopulationWave {
  wave: WaveRef;
  row: SegmentRow;
  published: PublishedWave;
}

/**
 * A wave still taking answers: its figures are published when it closes. How many answered so far is said only
 * from k on (a smaller count is never shown, to anyone); the count is the whole wave's, whatever the reader's scope.
 */
export interface PendingWave {
  wave: WaveRef;
  /** The survey it belongs to (any survey of the group: not always the one a view reports on). */
  survey: { id: string; title: LocalizedText };
  respondents: { n: number; hidden: HiddenReason | null };
  /** Whether its results wait for k companies (suppliers) rather than k people. */
  countsCompanies: boolean;
}

/** A published wave in which this population is withheld, and why (a manager's department too small that wave). */
export interface WithheldWave {
  wave: WaveRef;
  hidden: HiddenReason;
}

/** What a reader asks a view to report on: a survey of the group and, optionally, one of its waves. */
export interface Selection {
  surveyId?: string;
  waveId?: string;
}

/** A survey of the group a reader may choose, with its published waves (oldest first). */
export interface Programme {
  surveyId: string;
  title: LocalizedText;
  headline: boolean;
  waves: WaveRef[];
}

/**
 * A population's waves in one programme (a survey of the group), oldest first: `waves` are the published waves it is
 * shown in up to the chosen wave (the last is the current wave), `withheld` the published waves in which it is not,
 * with the reason, and `pending` the group's waves still open, of any of its surveys (none when a past wave is chosen). Figures come
 * from publications only (db `publishClosedWaves`): a reader looking before and after one submission sees nothing
 * move, since an open wave publishes nothing but a count from k on. `programme` is the survey reported on (the
 * reader's choice, else the group's default, domain `defaultProgramme`), `programmes` every survey of the group.
 */
export interface Population {
  waves: PopulationWave[];
  withheld: WithheldWave[];
  pending: PendingWave[];
  programme: { surveyId: string; chosenWave: string | null } | null;
  programmes: Programme[];
}

export async function loadPopulation(
  db: Kysely<Database>,
  scope: Scope,
  args: { group: GroupOf; segment: Segment | null; selection?: Selection | undefined },
): Promise<Population> {
  const organizationId = scope.organizationId;
  const { k, commentK } = scope.policy;
  await publishClosedWaves(db, { organizationId, groupId: args.group.id, k, commentK, now: scope.now });
  const [withData, publications, surveys] = await Promise.all([
    listWavesWithData(db, { organizationId, groupId: args.group.id }),
    readPublications(db, { organizationId, groupId: args.group.id }),
    listProgrammes(db, { organizationId, groupId: args.group.id }),
  ]);
  const ref = (w: WaveRef): WaveRef => ({ id: w.id, label: w.label, sequence: w.sequence });
  const programmes: Programme[] = surveys.map((s) => ({
    surveyId: s.surveyId,
    title: s.title,
    headline: s.headline,
    waves: withData.filter((w) => w.surveyId === s.surveyId && publications.has(w.id)).map(ref),
  }));
  const selection = args.selection ?? {};
  const chosenWave = selection.waveId === undefined ? undefined : withData.find((w) => w.id === selection.waveId);
  if (selection.waveId !== undefined && (!chosenWave || !publications.has(chosenWave.id))) {
    throw new DomainError('not_found', 'waveId: no published results in this wave for this group', 'waveId');
  }
  if (selection.surveyId !== undefined && !programmes.some((p) => p.surveyId === selection.surveyId)) {
    throw new DomainError('not_found', 'surveyId: no such survey in this group', 'surveyId');
  }
  if (chosenWave && selection.surveyId !== undefined && chosenWave.surveyId !== selection.surveyId) {
    // As scope `selectionGroup` says it for the views of several groups.
    throw new DomainError('not_found', 'waveId: no such wave in this survey', 'waveId');
  }
  const surveyId =
    chosenWave?.surveyId ??
    selection.surveyId ??
    defaultProgramme(
      surveys.map((s) => ({
        surveyId: s.surveyId,
        headline: s.headline,
        createdAt: s.createdAt,
        publishedWaves: programmes.find((p) => p.surveyId === s.surveyId)?.waves.length ?? 0,
      })),
    );
  const inProgramme = withData.filter((w) => w.surveyId === surveyId);
  const upTo = chosenWave ? inProgramme.slice(0, inProgramme.indexOf(chosenWave) + 1) : inProgramme;
  const waves: PopulationWave[] = [];
  const withheld: WithheldWave[] = [];
  // Every survey's open waves are named (HR follows them all); none when the reader looks at a past wave.
  const open: WaveWithData[] = chosenWave
    ? []
    : withData.filter((w) => !publications.has(w.id) && waveState(w, scope.now) === 'open');
  let last: PopulationWave | null = null;
  for (const w of upTo) {
    const published = publications.get(w.id);
    if (!published) continue;
    const row = rowOf(published, args.segment);
    if (row.respondents.hidden === null) {
      waves.push({ wave: ref(w), row, published });
      last = null;
    } else {
      withheld.push({ wave: ref(w), hidden: row.respondents.hidden });
      last = { wave: ref(w), row, published };
    }
  }
  // When no published wave may be shown, the latest stays the current one, withheld with its reason; so does a wave
  // the reader chose.
  if ((waves.length === 0 || chosenWave) && last) waves.push(last);
  const counts =
    open.length === 0 ? [] : await readRespondents(db, { organizationId, groupId: args.group.id, segmentKey: '' });
  const countsCompanies = COMPANY_COUNTED.includes(args.group.kind);
  const companies =
    countsCompanies && open.length > 0
      ? await readRespondents(db, { organizationId, groupId: args.group.id, segmentKey: COMPANY_KEY })
      : [];
  const titles = new Map(surveys.map((s) => [s.surveyId, s.title]));
  const pending = open.map((w) => {
    const n = counts.find((c) => c.waveId === w.id && c.segmentValue === '')?.n ?? 0;
    const hidden: HiddenReason | null =
      n === 0
        ? 'no_data'
        : n < k
          ? 'below_k'
          : countsCompanies && !enoughCompanies(companies, w.id, n, k)
            ? 'companies_below_k'
            : null;
    return {
      wave: ref(w),
      // A wave with data always belongs to one of the group's surveys.
      survey: { id: w.surveyId, title: titles.get(w.surveyId) as LocalizedText },
      respondents: hidden === null ? { n, hidden } : { n: 0, hidden },
      countsCompanies,
    };
  });
  return {
    waves,
    withheld,
    pending,
    programme: surveyId === null ? null : { surveyId, chosenWave: chosenWave?.id ?? null },
    programmes,
  };
}

/**
 * The publication's rule for the whole group, applied to an open wave's count: k distinct companies, none with most
 * of the answers (respondents without a company count as one company, as in domain `publish`).
 */
function enoughCompanies(rows: readonly { waveId: string; n: number }[], waveId: string, n: number, k: number) {
  const sizes = rows.filter((r) => r.waveId === waveId && r.n > 0).map((r) => r.n);
  const unattributed = n - sizes.reduce((s, x) => s + x, 0);
  if (unattributed > 0) sizes.push(unattributed);
  return sizes.length >= k && Math.max(...sizes) * 2 <= n;
}
