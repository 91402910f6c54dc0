import { createHash } from 'node:crypto';
import { type Database, readComments } from '@facets/db';
import { commentsKey, type HiddenReason, populationId, WHOLE } from '@facets/domain';
import type { Kysely } from 'kysely';
import type { Segment } from './cells.ts';
import type { PopulationWave } from './population.ts';
import type { Scope } from './scope.ts';

/** Texts read per population (the whole list, to sample from); the view shows SHOWN of them. */
const READ_LIMIT = 100_000;
const SHOWN = 200;

export interface CommentsView {
  hidden: HiddenReason | null;
  /** Distinct respondents who wrote a comment: the comments' n (0 when withheld). */
  commenters: number;
  items: string[];
}

/**
 * The comments of one population on one dimension, in one published wave. A comment is a record: a comment list is
 * a measure of the publication like a score (threshold: the comment threshold), so that the populations it is shown
 * over split the commenters into atoms of 0 or at least that many, and no subtraction of two lists isolates a few
 * people's words. Texts come alone — no rating, segment or time — in an order that depends only on the wave and the
 * text (a shuffle that stays the same on every visit, so that two visits compare nothing).
 */
export async function commentsOf(
  db: Kysely<Database>,
  scope: Scope,
  args: { groupId: string; current: PopulationWave | null; dimensionId: string; segment: Segment | null },
): Promise<CommentsView> {
  const withheld = (hidden: HiddenReason): CommentsView => ({ hidden, commenters: 0, items: [] });
  const current = args.current;
  if (!current) return withheld('no_data');
  if (current.row.respondents.hidden) return withheld(current.row.respondents.hidden);
  const measure = current.published.measures[commentsKey(args.dimensionId)];
  if (!measure) return withheld('no_data');
  const id = populationId(args.segment);
  if (!measure.shownIn.includes(id)) return withheld(measure.hidden[id] ?? measure.hidden[WHOLE] ?? 'no_data');
  const read = await readComments(db, {
    organizationId: scope.organizationId,
    groupId: args.groupId,
    waveId: current.wave.id,
    dimensionId: args.dimensionId,
    ...(args.segment ? { segment: args.segment } : {}),
    limit: READ_LIMIT,
  });
  const order = (text: string) => createHash('sha256').update(`${current.wave.id}\n${text}`).digest('hex');
  const items = read.comments
    .map((text) => ({ text, key: order(text) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .slice(0, SHOWN)
    .map((c) => c.text);
  return { hidden: null, commenters: read.commenters, items };
}
