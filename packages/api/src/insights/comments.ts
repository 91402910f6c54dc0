import { type CommentsRead, type Database, readComments, type WaveRef } from '@facets/db';
import { commentsVisible, type HiddenReason, suppressSiblings } from '@facets/domain';
import type { Kysely } from 'kysely';
import type { Segment, WaveData } from './cells.ts';
import { withRest } from './disclosure.ts';
import type { Scope } from './scope.ts';

/** Comments read per population: enough to compare populations exactly; the view shows the first SHOWN of them. */
const READ_LIMIT = 5000;
const SHOWN = 200;

export interface CommentsView {
  hidden: HiddenReason | null;
  /** Distinct respondents who wrote a comment: the comments' n. */
  commenters: number;
  items: string[];
}

/**
 * The comments of one population on one dimension, in one wave. Texts can be compared exactly, so a segment's
 * comments need more than a count of commenters: its siblings (same key) are suppressed by commenters as scores are
 * by respondents, and its comments are hidden when they differ from another segment's (other key) by fewer than the
 * comment threshold — otherwise subtracting one list from the other would give a few people's words away.
 */
export async function commentsOf(
  db: Kysely<Database>,
  scope: Scope,
  args: {
    groupId: string;
    wave: WaveRef | null;
    dimensionId: string;
    segment: Segment | null;
    /** The segment's own disclosure (respondents, siblings, overlaps) as the score views judged it. */
    segmentHidden: HiddenReason | null;
    data: WaveData | null;
  },
): Promise<CommentsView> {
  if (!args.wave) return { hidden: 'no_data', commenters: 0, items: [] };
  const read = (segment?: Segment) =>
    readComments(db, {
      organizationId: scope.organizationId,
      groupId: args.groupId,
      waveId: args.wave!.id,
      dimensionId: args.dimensionId,
      ...(segment ? { segment } : {}),
      limit: READ_LIMIT,
    });
  const policy = scope.policy;
  /** Enough commenters and, for groups counted in companies, enough distinct companies among them. */
  const visible = (r: CommentsRead) =>
    commentsVisible(r.commenters, policy) ??
    (args.data?.countsCompanies && r.commenters > 0 && r.companies < policy.commentK ? 'companies_below_k' : null);
  const whole = await read();
  if (!args.segment) return view(whole, visible(whole));
  const own = await read(args.segment);
  if (own.commenters === 0) return view(own, 'no_data');
  const early = args.segmentHidden ?? visible(own);
  if (early) return view(own, early);

  const valuesByKey = new Map<string, string[]>();
  for (const r of args.data?.respondents ?? []) {
    if (r.segmentKey === '') continue;
    valuesByKey.set(r.segmentKey, [...(valuesByKey.get(r.segmentKey) ?? []), r.segmentValue]);
  }
  const siblings: { value: string; n: number }[] = [];
  for (const value of valuesByKey.get(args.segment.key) ?? []) {
    const n = value === args.segment.value ? own.commenters : (await read({ key: args.segment.key, value })).commenters;
    siblings.push({ value, n });
  }
  const sibling = suppressSiblings(withRest(siblings, whole.commenters), policy.commentK).get(args.segment.value);
  if (sibling) return view(own, sibling === 'below_k' ? 'comments_below_k' : sibling);
  for (const [key, values] of valuesByKey) {
    if (key === args.segment.key) continue;
    for (const value of values) {
      const d = symmetricDifference(own.comments, (await read({ key, value })).comments);
      if (d > 0 && d < policy.commentK) return view(own, 'overlap');
    }
  }
  return view(own, null);
}

function view(read: { commenters: number; comments: string[] }, hidden: HiddenReason | null): CommentsView {
  return { hidden, commenters: read.commenters, items: hidden ? [] : read.comments.slice(0, SHOWN) };
}

/** How many texts are in one list and not the other, counting repeats. */
function symmetricDifference(a: readonly string[], b: readonly string[]): number {
  const counts = new Map<string, number>();
  for (const t of a) counts.set(t, (counts.get(t) ?? 0) + 1);
  for (const t of b) counts.set(t, (counts.get(t) ?? 0) - 1);
  let d = 0;
  for (const c of counts.values()) d += Math.abs(c);
  return d;
}
