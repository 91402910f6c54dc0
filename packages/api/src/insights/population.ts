import {
  COMPANY_COUNTED,
  COMPANY_KEY,
  type Database,
  listAskedCells,
  listProgrammes,
  listWavesUnderWay,
  listWavesWithData,
  type PublishedWave,
  publishClosedWaves,
  readPublications,
  readRespondents,
  type WaveRef,
  type WaveWithData,
} from '@facets/db';
import {
  DomainError,
  defaultProgramme,
  type HiddenReason,
  type LocalizedText,
  programmeWaveOrder,
} from '@facets/domain';
import type { Kysely } from 'kysely';
import { type GroupOf, rowOf, type Segment, type SegmentRow } from './cells.ts';
import type { Scope } from './scope.ts';

/**
 * One published wave of a population: its row of cells, the publication it comes from, its survey and the cells that
 * survey asks (`cellKey`s): a wave of a pulse measures only what the pulse asks.
 */
export interface PopulationWave {
  wave: WaveRef;
  surveyId: string;
  asks: ReadonlySet<string>;
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

/**
 * What a reader asks a view to report on: a programme of the group (named by any of its surveys: a member's id
 * selects the programme it is part of) and, optionally, one of its waves.
 */
export interface Selection {
  surveyId?: string;
  waveId?: string;
}

/** A published wave of a programme, naming the survey it belongs to. */
export interface ProgrammeWave extends WaveRef {
  surveyId: string;
}

/**
 * A programme of the group a reader may choose: its lead survey (`surveyId`, `title`), its surveys (the lead first;
 * one for a survey reported on its own) and the published waves of them all, in the order their results came.
 */
export interface Programme {
  surveyId: string;
  title: LocalizedText;
  headline: boolean;
  surveys: { surveyId: string; title: LocalizedText }[];
  waves: ProgrammeWave[];
}

/**
 * A population's waves in one programme (a lead survey and its members), oldest first (domain `programmeWaveOrder`):
 * `waves` are the published waves of the programme's surveys it is shown in up to the chosen wave (the last is the
 * current wave), `withheld` the published waves in which it is not, with the reason, and `pending` the group's waves
 * still open, of any of its surveys (none when a past wave is chosen). Figures come from publications only (db
 * `publishClosedWaves`): a reader looking before and after one submission sees nothing move, since an open wave
 * publishes nothing but a count from k on. `programme` is the programme reported on, by its lead survey's id (the
 * reader's choice, else the group's default, domain `defaultProgramme`), `programmes` every programme of the group.
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
  const [withData, underWay, publications, listed] = await Promise.all([
    listWavesWithData(db, { organizationId, groupId: args.group.id }),
    listWavesUnderWay(db, { organizationId, groupId: args.group.id, now: scope.now }),
    readPublications(db, { organizationId, groupId: args.group.id }),
    listProgrammes(db, { organizationId, groupId: args.group.id }),
  ]);
  const ref = (w: WaveRef): WaveRef => ({ id: w.id, label: w.label, sequence: w.sequence });
  // Every survey of the group, to the lead of the programme it is part of (itself when it leads).
  const leadOf = new Map(listed.flatMap((p) => p.surveys.map((s) => [s.surveyId, p.surveyId] as const)));
  const ofProgramme = (lead: string | undefined) =>
    programmeWaveOrder(withData.filter((w) => leadOf.get(w.surveyId) === lead));
  const programmes: Programme[] = listed.map((p) => ({
    surveyId: p.surveyId,
    title: p.title,
    headline: p.headline,
    surveys: p.surveys.map((s) => ({ surveyId: s.surveyId, title: s.title })),
    waves: ofProgramme(p.surveyId)
      .filter((w) => publications.has(w.id))
      .map((w) => ({ ...ref(w), surveyId: w.surveyId })),
  }));
  const selection = args.selection ?? {};
  const chosenWave = selection.waveId === undefined ? undefined : withData.find((w) => w.id === selection.waveId);
  if (selection.waveId !== undefined && (!chosenWave || !publications.has(chosenWave.id))) {
    throw new DomainError('not_found', 'waveId: no published results in this wave for this group', 'waveId');
  }
  const selected = selection.surveyId === undefined ? undefined : leadOf.get(selection.surveyId);
  if (selection.surveyId !== undefined && selected === undefined) {
    throw new DomainError('not_found', 'surveyId: no such survey in this group', 'surveyId');
  }
  if (chosenWave && selected !== undefined && leadOf.get(chosenWave.surveyId) !== selected) {
    // As scope `selectionGroup` says it for the views of several groups.
    throw new DomainError('not_found', 'waveId: no such wave in this survey', 'waveId');
  }
  const surveyId =
    (chosenWave ? leadOf.get(chosenWave.surveyId) : undefined) ??
    selected ??
    defaultProgramme(
      listed.map((p) => ({
        surveyId: p.surveyId,
        headline: p.headline,
        createdAt: p.createdAt,
        publishedWaves: programmes.find((x) => x.surveyId === p.surveyId)?.waves.length ?? 0,
      })),
    );
  const inProgramme = surveyId === null ? [] : ofProgramme(surveyId);
  const upTo = chosenWave ? inProgramme.slice(0, inProgramme.indexOf(chosenWave) + 1) : inProgramme;
  const asked = await listAskedCells(db, {
    organizationId,
    surveyIds: listed.find((p) => p.surveyId === surveyId)?.surveys.map((s) => s.surveyId) ?? [],
  });
  const waves: PopulationWave[] = [];
  const withheld: WithheldWave[] = [];
  // Every survey's open waves are named (HR follows them all), answered or not, so that the first answer shows
  // nothing; none when the reader looks at a past wave.
  const open: WaveWithData[] = chosenWave ? [] : underWay.filter((w) => !publications.has(w.id));
  let last: PopulationWave | null = null;
  for (const w of upTo) {
    const published = publications.get(w.id);
    if (!published) continue;
    const row = rowOf(published, args.segment);
    const shown: PopulationWave = {
      wave: ref(w),
      surveyId: w.surveyId,
      asks: asked.get(w.surveyId) ?? NONE,
      row,
      published,
    };
    if (row.respondents.hidden === null) {
      waves.push(shown);
      last = null;
    } else {
      withheld.push({ wave: ref(w), hidden: row.respondents.hidden });
      last = shown;
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
  const titles = new Map(listed.flatMap((p) => p.surveys.map((s) => [s.surveyId, s.title] as const)));
  const pending = open.map((w) => {
    const n = counts.find((c) => c.waveId === w.id && c.segmentValue === '')?.n ?? 0;
    // Nobody yet reads as fewer than k too: the count says nothing until it reaches k (domain countFromK).
    const hidden: HiddenReason | null =
      n < k ? 'below_k' : countsCompanies && !enoughCompanies(companies, w.id, n, k) ? 'companies_below_k' : null;
    return {
      wave: ref(w),
      // A wave under way always belongs to one of the group's surveys.
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

const NONE: ReadonlySet<string> = new Set();

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
