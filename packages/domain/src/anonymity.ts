import { z } from 'zod';

/** Why a figure is hidden, so that the UI can say it (docs/architecture.md, The disclosure guarantee). */
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
 * A count of people (responses so far, invitation links used) as it may be shown to anyone: from k on the count is
 * shown; below, null ("fewer than k"), nobody included, so that watching a count move — from 0 to 1 too — never
 * points at the one person who just took part.
 */
export function countFromK(n: number, k: number): number | null {
  return n >= k ? n : null;
}
