import { z } from 'zod';
import { compareIds } from './order.ts';

/** Why a figure is hidden, so that the UI can say it (design.md §2, Anonymity). */
export const HiddenReason = z.enum([
  'no_data',
  'below_k',
  'complementary',
  'complement_below_k',
  'overlap',
  'comments_below_k',
]);
export type HiddenReason = z.infer<typeof HiddenReason>;

export interface DisclosurePolicy {
  /** Least respondents behind a shown score. */
  k: number;
  /** Least distinct commenters behind shown comments. */
  commentK: number;
}

export const DEFAULT_K = 5;
export const MIN_K = 3;

// Rounded up so that a fractional setting never loosens the rule.
const clampK = (k: number | undefined) =>
  k === undefined || !Number.isFinite(k) ? DEFAULT_K : Math.max(MIN_K, Math.ceil(k));

/** k and commentK default to 5 and are never below 3, whatever the organisation's settings say. */
export function disclosurePolicy(k?: number, commentK?: number): DisclosurePolicy {
  return { k: clampK(k), commentK: clampK(commentK) };
}

/**
 * Siblings partition a parent (e.g. the values of one segment key, for one dimension), whose total is shown. n = 0 →
 * 'no_data'; 0 < n < k → 'below_k'. Then, while the hidden cells hold between 1 and k − 1 respondents (the parent total
 * minus the visible cells would reveal them), hide the smallest visible sibling (ties: by id) as 'complementary'.
 * Afterwards the hidden respondents number 0 or at least k, unless no sibling is left to hide.
 */
export function suppressSiblings(
  cells: readonly { id: string; n: number }[],
  k: number,
): Map<string, HiddenReason | null> {
  const result = new Map<string, HiddenReason | null>();
  let hiddenTotal = 0;
  for (const { id, n } of cells) {
    const reason = n <= 0 ? 'no_data' : n < k ? 'below_k' : null;
    result.set(id, reason);
    if (reason === 'below_k') hiddenTotal += n;
  }
  const visible = cells.filter((c) => result.get(c.id) === null).sort((a, b) => a.n - b.n || compareIds(a.id, b.id));
  for (const cell of visible) {
    if (hiddenTotal === 0 || hiddenTotal >= k) break;
    result.set(cell.id, 'complementary');
    hiddenTotal += cell.n;
  }
  return result;
}

/**
 * A filter (a subset of a parent whose figures are shown too): 'below_k' when the filter holds fewer than k
 * respondents; 'complement_below_k' when the parent minus the filter holds 1 to k − 1 (parent − filter would describe
 * them); else null.
 */
export function checkFilter(input: { parentN: number; filterN: number; k: number }): HiddenReason | null {
  const complement = input.parentN - input.filterN;
  if (input.filterN < input.k) return 'below_k';
  if (complement > 0 && complement < input.k) return 'complement_below_k';
  return null;
}

const pairKey = (a: string, b: string) => (a < b ? `${a}\n${b}` : `${b}\n${a}`);

/**
 * Segments of different keys (ids 'key=value') with their respondent counts and pairwise intersections (either order;
 * a missing one counts as 0). Two shown segments whose memberships differ by 1 to k − 1 people (symmetric difference
 * nA + nB − 2·nAB) cannot both be shown, since one minus the other describes those few: hide the smaller (ties: the
 * later id) as 'overlap', and repeat until no conflict is left. Segments below k are left to the caller (they are
 * hidden as 'below_k' anyway). Returns the ids to hide; the answer does not depend on the order of the input.
 */
export function overlapConflicts(
  segments: readonly { id: string; n: number }[],
  intersections: readonly { a: string; b: string; n: number }[],
  k: number,
): Set<string> {
  const common = new Map(intersections.map((i) => [pairKey(i.a, i.b), i.n]));
  const shown = segments.filter((s) => s.n >= k).sort((a, b) => compareIds(a.id, b.id));
  const hidden = new Set<string>();
  for (;;) {
    // The first conflict in id order, so that the result is deterministic.
    let loser: string | undefined;
    search: for (const [i, a] of shown.entries()) {
      if (hidden.has(a.id)) continue;
      for (const b of shown.slice(i + 1)) {
        if (hidden.has(b.id)) continue;
        const difference = a.n + b.n - 2 * (common.get(pairKey(a.id, b.id)) ?? 0);
        if (difference > 0 && difference < k) {
          loser = a.n < b.n ? a.id : b.n < a.n ? b.id : b.id; // equal sizes: b, the later id
          break search;
        }
      }
    }
    if (loser === undefined) return hidden;
    hidden.add(loser);
  }
}

/** Comments are shown only when at least commentK distinct respondents commented. */
export function commentsVisible(commenters: number, policy: DisclosurePolicy): HiddenReason | null {
  if (commenters <= 0) return 'no_data';
  return commenters < policy.commentK ? 'comments_below_k' : null;
}
