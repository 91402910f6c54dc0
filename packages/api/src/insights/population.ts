import {
  type Database,
  publishClosedWaves,
  type PublishedWave,
  readPublications,
  COMPANY_COUNTED,
  COMPANY_KEY,
  listWavesWithData,
  readRespondents,
  type WaveRef,
} from '@facets/db';
import { type HiddenReason, waveState } from '@facets/domain';
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
 * A population's waves, oldest first: `waves` are the published waves it is shown in (the last is the current wave),
 * `withheld` the published waves in which it is not, with the reason, and `pending` the waves still open. Figures
 * come from publications only (db `publishClosedWaves`): a reader looking before and after one submission sees
 * nothing move, since an open wave publishes nothing but a count from k on.
 */
export interface Population {
  waves: PopulationWave[];
  withheld: WithheldWave[];
  pending: PendingWave[];
}

export async function loadPopulation(
  db: Kysely<Database>,
  scope: Scope,
  args: { group: GroupOf; segment: Segment | null },
): Promise<Population> {
  const organizationId = scope.organizationId;
  const { k, commentK } = scope.policy;
  await publishClosedWaves(db, { organizationId, groupId: args.group.id, k, commentK, now: scope.now });
  const [all, publications] = await Promise.all([
    listWavesWithData(db, { organizationId, groupId: args.group.id }),
    readPublications(db, { organizationId, groupId: args.group.id }),
  ]);
  const waves: PopulationWave[] = [];
  const withheld: WithheldWave[] = [];
  const open: WaveRef[] = [];
  let last: PopulationWave | null = null;
  for (const w of all) {
    const published = publications.get(w.id);
    if (!published) {
      if (waveState(w, scope.now) === 'open') open.push(w);
      continue;
    }
    const row = rowOf(published, args.segment);
    const ref = { id: w.id, label: w.label, sequence: w.sequence };
    if (row.respondents.hidden === null) waves.push({ wave: ref, row, published });
    else {
      withheld.push({ wave: ref, hidden: row.respondents.hidden });
      last = { wave: ref, row, published };
    }
  }
  // When no published wave may be shown, the latest stays the current one, withheld with its reason.
  if (waves.length === 0 && last) waves.push(last);
  const counts =
    open.length === 0 ? [] : await readRespondents(db, { organizationId, groupId: args.group.id, segmentKey: '' });
  const countsCompanies = COMPANY_COUNTED.includes(args.group.kind);
  const companies =
    countsCompanies && open.length > 0
      ? await readRespondents(db, { organizationId, groupId: args.group.id, segmentKey: COMPANY_KEY })
      : [];
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
      wave: { id: w.id, label: w.label, sequence: w.sequence },
      respondents: hidden === null ? { n, hidden } : { n: 0, hidden },
      countsCompanies,
    };
  });
  return { waves, withheld, pending };
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
