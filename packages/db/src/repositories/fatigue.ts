import { FatigueRule, fatigueWindowStart, overFatigueLimit } from '@facets/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

/**
 * The fatigue rule's one check (domain fatigue.ts): which of some people an invitation now would take past their
 * organisation's limit. Every invitation passes through it in `sendInvitations` (files, the directory, cadences,
 * lifecycle and interaction triggers), and previews ask it too, so what a preview counts is what is withheld.
 */

/** The organisation's rule; null: none. */
export async function getFatigueRule(db: Kysely<Database>, organizationId: string): Promise<FatigueRule | null> {
  const row = await db
    .selectFrom('organization')
    .select(['fatigue_max_surveys', 'fatigue_period_days'])
    .where('id', '=', organizationId)
    .executeTakeFirst();
  return parseFatigueRule(row?.fatigue_max_surveys ?? null, row?.fatigue_period_days ?? null);
}

export function parseFatigueRule(maxSurveys: number | null, periodDays: number | null): FatigueRule | null {
  if (maxSurveys === null || periodDays === null) return null;
  return FatigueRule.safeParse({ maxSurveys, periodDays }).data ?? null;
}

/**
 * The people among `stakeholderIds` whom one more invitation at `now` would take past the rule. With `lock`, in the
 * caller's transaction, their rows are locked first (a no-op update), so that two invitations of one person to two
 * surveys at once cannot both pass on the same count: the second waits for the first and counts it.
 */
export async function overFatigueLimitAmong(
  trx: Kysely<Database>,
  args: { organizationId: string; stakeholderIds: readonly string[]; now: string; lock: boolean },
): Promise<Set<string>> {
  const over = new Set<string>();
  const rule = await getFatigueRule(trx, args.organizationId);
  if (rule === null || args.stakeholderIds.length === 0) return over;
  const since = fatigueWindowStart(rule, args.now);
  const ids = [...new Set(args.stakeholderIds)].sort();
  // In chunks, within every driver's parameter limit.
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    if (args.lock) {
      await trx
        .updateTable('stakeholder')
        .set((eb) => ({ active: eb.ref('active') }))
        .where('organization_id', '=', args.organizationId)
        .where('id', 'in', chunk)
        .execute();
    }
    const counts = await trx
      .selectFrom('invitation')
      .select((eb) => ['stakeholder_id', eb.fn.countAll<number | string>().as('n')])
      .where('organization_id', '=', args.organizationId)
      .where('stakeholder_id', 'in', chunk)
      .where('created_at', '>', since)
      .groupBy('stakeholder_id')
      .execute();
    for (const c of counts) if (overFatigueLimit(rule, Number(c.n))) over.add(c.stakeholder_id);
  }
  return over;
}
