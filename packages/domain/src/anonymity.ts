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
  /** Groups counted in companies (suppliers): fewer than k distinct companies stand behind the figure. */
  'companies_below_k',
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

/** How many subsets `disjointUnionConflicts` may look at before it stops looking and hides conservatively. */
export const DISJOINT_SEARCH_BUDGET = 50_000;

/**
 * Shown segments that share nobody add up: the parent minus their union describes the people left. Values of one key
 * never share anyone (suppressSiblings already keeps their leftover at 0 or >= k); segments of different keys may not
 * either, when `disjoint` says so (no respondent carries both). While some pairwise disjoint set of shown segments
 * leaves 1 to k − 1 of the parent's `parentN` people, hide that set's smallest member (ties: the later id) — e.g. a
 * group of 8, HR (3, all at Lyon) and Paris (3): 8 − 3 − 3 = 2 people. Returns the ids to hide; deterministic.
 * Should the search exceed its budget, the smallest segment still shown is hidden and the search starts again, so
 * the answer errs on the side of hiding.
 */
export function disjointUnionConflicts(
  segments: readonly { id: string; n: number }[],
  disjoint: (a: string, b: string) => boolean,
  parentN: number,
  k: number,
  searchBudget = DISJOINT_SEARCH_BUDGET,
): Set<string> {
  const hidden = new Set<string>();
  const floor = parentN - k + 1; // a union this large (but not the whole parent) leaves 1 to k − 1 people
  for (;;) {
    const shown = segments
      .filter((s) => s.n > 0 && !hidden.has(s.id))
      .sort((a, b) => b.n - a.n || compareIds(a.id, b.id));
    let budget = searchBudget;
    const search = (
      from: number,
      chosen: { id: string; n: number }[],
      sum: number,
    ): typeof chosen | 'budget' | null => {
      if (chosen.length > 0 && sum >= floor && sum < parentN) return chosen;
      if (--budget < 0) return 'budget';
      const open = shown.slice(from).filter((s) => chosen.every((c) => disjoint(c.id, s.id)));
      if (sum + open.reduce((t, s) => t + s.n, 0) < floor) return null;
      for (const [i, next] of open.entries()) {
        const found = search(shown.indexOf(next) + 1, [...chosen, next], sum + next.n);
        if (found !== null) return found;
        if (sum + open.slice(i + 1).reduce((t, s) => t + s.n, 0) < floor) return null;
      }
      return null;
    };
    const found = search(0, [], 0);
    if (found === null) return hidden;
    const pool = found === 'budget' ? shown : found;
    const smallest = pool.reduce((a, b) => (b.n < a.n || (b.n === a.n && compareIds(b.id, a.id) > 0) ? b : a));
    hidden.add(smallest.id);
  }
}

/** Comments are shown only when at least commentK distinct respondents commented. */
export function commentsVisible(commenters: number, policy: DisclosurePolicy): HiddenReason | null {
  if (commenters <= 0) return 'no_data';
  return commenters < policy.commentK ? 'comments_below_k' : null;
}
