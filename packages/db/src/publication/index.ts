import {
  atomOf,
  candidateOrder,
  DEFAULT_PRIMARY_KEY,
  populationId,
  primaryKeyOf,
  publish,
  type Scale,
  type Segment,
  TEAM_KEY,
  waveState,
} from '@facets/domain';
import type { Kysely } from 'kysely';
import { newId } from '../ids.ts';
import { readBins, readCells } from '../repositories/aggregates.ts';
import { listSegmentAttributes } from '../repositories/groups.ts';
import { COMPANY_COUNTED, COMPANY_KEY } from '../repositories/respondents.ts';
import { inTransaction, parseJson } from '../repositories/rows.ts';
import type { Database, WavePublicationTable } from '../schema.ts';
import { emitWebhookEvent } from '../webhooks/events.ts';
import {
  type AnsweredRow,
  contentOf,
  measuresOf,
  measuresOfAnswer,
  type PublishedContent,
  type PublishedWave,
  patternsOf,
} from './content.ts';
import { rewriteInKeyOrder } from './rewrite.ts';

export type { PublishedCell, PublishedContent, PublishedScale, PublishedWave } from './content.ts';

/**
 * Publication of a wave's results (docs/architecture.md, "The disclosure guarantee"): when a wave has closed, the
 * populations its figures may be shown over are chosen once from counts (domain `publish`), and the figures of those
 * populations written to `wave_publication`. Views read publications only, so a reader never sees an open wave's
 * figures change with one submission. A publication is immutable, except that a stricter threshold set later
 * republishes it over the populations it already had (never more), so that no two publications together tell more.
 */

/** Responses of a wave with what each answered (never the values), for the publication to count. */
async function readAnswered(
  db: Kysely<Database>,
  args: { organizationId: string; waveId: string; groupId: string },
): Promise<AnsweredRow[]> {
  const responses = await db
    .selectFrom('response')
    .select(['id', 'segments'])
    .where('organization_id', '=', args.organizationId)
    .where('wave_id', '=', args.waveId)
    .where('group_id', '=', args.groupId)
    .execute();
  const answers = await db
    .selectFrom('answer as a')
    .innerJoin('response as r', 'r.id', 'a.response_id')
    .innerJoin('question as q', 'q.id', 'a.question_id')
    .select([
      'a.response_id',
      'a.question_id',
      'q.type',
      'q.facet',
      'q.scale',
      'q.dimension_id',
      'a.value_number',
      'a.value_text',
    ])
    .where('a.organization_id', '=', args.organizationId)
    .where('r.organization_id', '=', args.organizationId)
    .where('r.wave_id', '=', args.waveId)
    .where('r.group_id', '=', args.groupId)
    .execute();
  const measures = new Map<string, string[]>();
  const ratings = new Map<string, NonNullable<AnsweredRow['ratings']>>();
  for (const a of answers) {
    const ids = measuresOfAnswer({
      questionId: a.question_id,
      type: a.type,
      facet: a.facet,
      scale: a.scale,
      dimensionId: a.dimension_id,
      valueNumber: a.value_number,
      valueText: a.value_text,
    });
    if (ids.length === 0) continue;
    measures.set(a.response_id, [...(measures.get(a.response_id) ?? []), ...ids]);
    if (a.type === 'rating' && a.value_number !== null && a.scale) {
      const own = ratings.get(a.response_id) ?? [];
      own.push({ questionId: a.question_id, scale: a.scale as Scale, value: a.value_number });
      ratings.set(a.response_id, own);
    }
  }
  return responses.map((r) => ({
    responseId: r.id,
    segments: parseJson<Record<string, string>>(r.segments, {}),
    measures: measures.get(r.id) ?? [],
    ratings: ratings.get(r.id) ?? [],
  }));
}

interface PublishArgs {
  organizationId: string;
  waveId: string;
  k: number;
  commentK: number;
  now: string;
  /** Ids of the webhook deliveries a first publication writes; db `newId` when not given. */
  newId?: () => string;
}

/** Computes a wave's publication; `only` restricts the candidates to those of an earlier publication. */
async function compute(db: Kysely<Database>, args: PublishArgs & { before?: PublishedContent }) {
  const wave = await db
    .selectFrom('wave as w')
    .innerJoin('survey as s', 's.id', 'w.survey_id')
    .innerJoin('stakeholder_group as g', 'g.id', 's.group_id')
    .select(['s.group_id', 's.primary_segment_key', 'g.kind'])
    .where('w.organization_id', '=', args.organizationId)
    .where('w.id', '=', args.waveId)
    .executeTakeFirstOrThrow();
  const groupId = wave.group_id;
  const rows = await readAnswered(db, { organizationId: args.organizationId, waveId: args.waveId, groupId });
  const patterns = patternsOf(rows);
  const attributes = await listSegmentAttributes(db, { organizationId: args.organizationId, groupId });
  const carried = new Set(patterns.flatMap((p) => Object.keys(p.segments)));
  const keys = [
    ...attributes.map((a) => a.key).filter((k) => carried.has(k)),
    ...[...carried].filter((k) => !attributes.some((a) => a.key === k)).sort(),
  ].filter((k) => k !== COMPANY_KEY);
  // The primary breakdown: the survey's (surveys.update), else `department` when respondents carry it.
  const primaryKey = primaryKeyOf(wave.primary_segment_key, keys);
  // Managers read their department and their team: they come right after the primary breakdown, departments first.
  const first = [DEFAULT_PRIMARY_KEY, TEAM_KEY].filter((k) => keys.includes(k));
  const ordered = [...first, ...keys.filter((k) => !first.includes(k))];
  const countsCompanies = COMPANY_COUNTED.includes(wave.kind as never);
  let candidates = candidateOrder({ patterns, keys: ordered, primaryKey });
  if (args.before) {
    const allowed = new Set(args.before.populations.map((p) => populationId(p.segment)));
    candidates = candidates.filter((s) => allowed.has(populationId(s)));
  }
  const publication = publish({
    patterns,
    candidates,
    k: args.k,
    measures: measuresOf(patterns, args.k, args.commentK),
    companyKey: countsCompanies ? COMPANY_KEY : null,
    ...(args.before
      ? { previous: Object.fromEntries(Object.entries(args.before.measures).map(([id, m]) => [id, m.shownIn])) }
      : {}),
  });
  if (args.before) {
    // A segment refused before stays refused, with its reason: its readers are still told why it is not shown
    // (its values may be gone from the responses' snapshots, so it is no longer a candidate).
    const decided = new Set([...publication.populations, ...publication.refused].map((p) => populationId(p.segment)));
    publication.refused.push(...args.before.refused.filter((r) => !decided.has(populationId(r.segment))));
  }
  const filter = { organizationId: args.organizationId, groupId, waveId: args.waveId };
  const [cells, bins] = await Promise.all([readCells(db, filter), readBins(db, filter)]);
  return { groupId, content: contentOf(publication, { cells, bins }, rows), publication };
}

/**
 * After publication, every response of the wave keeps only its atom: the values of the populations published (and,
 * for suppliers, the company, which the company rule counts), so that the database file holds no finer snapshot
 * than reporting needs. The aggregate rows of segments no longer carried go too, so that the aggregates still equal
 * a recomputation from the responses.
 */
async function coarsen(
  trx: Kysely<Database>,
  args: { organizationId: string; waveId: string; accepted: readonly Segment[] },
): Promise<void> {
  const toAtom = atomOf({ populations: args.accepted.map((segment) => ({ segment, n: 0 })) }, [COMPANY_KEY]);
  const responses = await trx
    .selectFrom('response')
    .select(['id', 'segments'])
    .where('organization_id', '=', args.organizationId)
    .where('wave_id', '=', args.waveId)
    .execute();
  for (const r of responses) {
    const before = parseJson<Record<string, string>>(r.segments, {});
    const atom = toAtom(before);
    // Keys dropped, or managers dropped from a team path.
    if (JSON.stringify(atom) === JSON.stringify(before)) continue;
    await trx
      .updateTable('response')
      .set({ segments: JSON.stringify(atom) })
      .where('organization_id', '=', args.organizationId)
      .where('id', '=', r.id)
      .execute();
  }
  const kept = new Set(args.accepted.map(populationId));
  const keep = (key: string, value: string) =>
    key === '' || key === COMPANY_KEY || kept.has(populationId({ key, value }));
  const where = { organizationId: args.organizationId, waveId: args.waveId };
  for (const table of ['aggregate_cell', 'aggregate_bin', 'aggregate_respondents'] as const) {
    const rows = await trx
      .selectFrom(table)
      .select(['segment_key', 'segment_value'])
      .distinct()
      .where('organization_id', '=', where.organizationId)
      .where('wave_id', '=', where.waveId)
      .execute();
    for (const row of rows.filter((x) => !keep(x.segment_key, x.segment_value))) {
      await trx
        .deleteFrom(table)
        .where('organization_id', '=', where.organizationId)
        .where('wave_id', '=', where.waveId)
        .where('segment_key', '=', row.segment_key)
        .where('segment_value', '=', row.segment_value)
        .execute();
    }
  }
  const overlaps = await trx
    .selectFrom('aggregate_segment_overlap')
    .select(['key_a', 'value_a', 'key_b', 'value_b'])
    .where('organization_id', '=', where.organizationId)
    .where('wave_id', '=', where.waveId)
    .execute();
  for (const o of overlaps.filter((x) => !keep(x.key_a, x.value_a) || !keep(x.key_b, x.value_b))) {
    await trx
      .deleteFrom('aggregate_segment_overlap')
      .where('organization_id', '=', where.organizationId)
      .where('wave_id', '=', where.waveId)
      .where('key_a', '=', o.key_a)
      .where('value_a', '=', o.value_a)
      .where('key_b', '=', o.key_b)
      .where('value_b', '=', o.value_b)
      .execute();
  }
}

async function readRow(db: Kysely<Database>, organizationId: string, waveId: string) {
  return db
    .selectFrom('wave_publication')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('wave_id', '=', waveId)
    .executeTakeFirst();
}

/**
 * Publishes a closed wave (or returns its publication). Idempotent and safe across servers: the row is keyed by the
 * wave, a second writer's insert changes nothing. With a stricter threshold than the stored one, it republishes over
 * the populations already published.
 */
export async function publishWave(db: Kysely<Database>, args: PublishArgs): Promise<PublishedWave> {
  return inTransaction(db, async (trx) => {
    const existing = await readRow(trx, args.organizationId, args.waveId);
    if (existing && existing.k >= args.k && existing.comment_k >= args.commentK) return toPublished(existing);
    const before = existing ? parseJson<PublishedContent>(existing.content, null as never) : null;
    const k = Math.max(args.k, existing?.k ?? 0);
    const commentK = Math.max(args.commentK, existing?.comment_k ?? 0);
    const { groupId, content, publication } = await compute(trx, {
      ...args,
      k,
      commentK,
      ...(before ? { before } : {}),
    });
    const row = {
      organization_id: args.organizationId,
      wave_id: args.waveId,
      group_id: groupId,
      k,
      comment_k: commentK,
      published_at: args.now,
      content: JSON.stringify(content),
    };
    await coarsen(trx, {
      organizationId: args.organizationId,
      waveId: args.waveId,
      accepted: publication.populations.map((p) => p.segment),
    });
    // Published once: from now on the wave's rows sit in key order, not in the order they were written.
    if (!existing) await rewriteInKeyOrder(trx, { organizationId: args.organizationId, waveId: args.waveId });
    // Told to webhooks once, on the first publication: the wave, and its respondents only when the publication shows them.
    if (!existing) {
      const wave = await trx
        .selectFrom('wave')
        .select('survey_id')
        .where('organization_id', '=', args.organizationId)
        .where('id', '=', args.waveId)
        .executeTakeFirstOrThrow();
      await emitWebhookEvent(trx, {
        organizationId: args.organizationId,
        event: 'wave.published',
        data: { waveId: args.waveId, surveyId: wave.survey_id, groupId, respondents: content.respondents },
        now: args.now,
        newId: args.newId ?? newId,
      });
    }
    if (existing) {
      await trx
        .updateTable('wave_publication')
        .set({ k, comment_k: commentK, published_at: args.now, content: row.content })
        .where('organization_id', '=', args.organizationId)
        .where('wave_id', '=', args.waveId)
        .execute();
    } else {
      await trx
        .insertInto('wave_publication')
        .values(row)
        .onConflict((oc) => oc.columns(['organization_id', 'wave_id']).doNothing())
        .execute();
    }
    return toPublished((await readRow(trx, args.organizationId, args.waveId))!);
  });
}

function toPublished(row: WavePublicationTable): PublishedWave {
  const content = JSON.parse(row.content) as PublishedContent;
  return {
    ...content,
    waveId: row.wave_id,
    groupId: row.group_id,
    k: row.k,
    commentK: row.comment_k,
    publishedAt: row.published_at,
  };
}

/**
 * Publishes every closed wave of a group (or of the organisation) that holds answers and has no publication at the
 * current thresholds yet, then returns the group's publications. A wave closes by its date or by hand.
 */
export async function publishClosedWaves(
  db: Kysely<Database>,
  args: { organizationId: string; groupId?: string; k: number; commentK: number; now: string },
): Promise<void> {
  let query = db
    .selectFrom('wave as w')
    .innerJoin('survey as s', 's.id', 'w.survey_id')
    .leftJoin('wave_publication as p', (j) =>
      j.onRef('p.wave_id', '=', 'w.id').on('p.organization_id', '=', args.organizationId),
    )
    .select(['w.id', 'w.status', 'w.opens_at', 'w.closes_at', 'p.k', 'p.comment_k'])
    .where('w.organization_id', '=', args.organizationId)
    .where('s.organization_id', '=', args.organizationId)
    .where('w.status', '<>', 'draft');
  if (args.groupId) query = query.where('s.group_id', '=', args.groupId);
  const waves = await query.execute();
  for (const w of waves) {
    const state = waveState({ status: w.status, opensAt: w.opens_at, closesAt: w.closes_at }, args.now);
    if (state !== 'closed') continue;
    if (w.k !== null && w.k >= args.k && (w.comment_k ?? 0) >= args.commentK) continue;
    await publishWave(db, {
      organizationId: args.organizationId,
      waveId: w.id,
      k: args.k,
      commentK: args.commentK,
      now: args.now,
    });
  }
}

/** The publications of a group's waves (every wave that has one), keyed by wave id. */
export async function readPublications(
  db: Kysely<Database>,
  args: { organizationId: string; groupId: string },
): Promise<Map<string, PublishedWave>> {
  const rows = await db
    .selectFrom('wave_publication')
    .selectAll()
    .where('organization_id', '=', args.organizationId)
    .where('group_id', '=', args.groupId)
    .execute();
  return new Map(rows.map((r) => [r.wave_id, toPublished(r)]));
}
