import type { TriggerOutcome } from '@facets/domain';
import type { Kysely } from 'kysely';
import { type Invitee, sendInvitations } from '../repositories/invitation-import.ts';
import { requireWave } from '../repositories/survey-access.ts';
import type { Database } from '../schema.ts';

export interface TriggerClaim {
  /** Unique per survey: the person's id (lifecycle), the interaction's reference (after an interaction). */
  key: string;
  person: Invitee;
}

/**
 * Fires a survey's trigger for some keys, in the caller's transaction: each key is claimed by its
 * `triggered_invitation` row (the primary key makes a second server's or a second run's claim add nothing, and on
 * PostgreSQL makes it wait for the first to commit), and only the keys claimed here are invited, through
 * `sendInvitations` and so under the fatigue rule. A person the rule withholds keeps the claim as `over_limit` when
 * `keepWithheld` (an interaction fires once), else the claim is dropped so that a later run may invite them.
 * Returns each key's outcome; a key claimed before is absent.
 */
export async function fireTrigger(
  trx: Kysely<Database>,
  args: {
    organization: { id: string; name: string; defaultLocale: string };
    surveyId: string;
    waveId: string;
    claims: readonly TriggerClaim[];
    keepWithheld: boolean;
    now: string;
    baseUrl: string;
    newId: () => string;
  },
): Promise<Map<string, TriggerOutcome>> {
  const organizationId = args.organization.id;
  const outcomes = new Map<string, TriggerOutcome>();
  // One order for every server, so that two claiming the same keys wait on each other rather than deadlock.
  const claims = [...args.claims].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const claimed: TriggerClaim[] = [];
  for (let i = 0; i < claims.length; i += 200) {
    const chunk = claims.slice(i, i + 200);
    const rows = await trx
      .insertInto('triggered_invitation')
      .values(
        chunk.map((c) => ({
          organization_id: organizationId,
          survey_id: args.surveyId,
          trigger_key: c.key,
          stakeholder_id: c.person.id,
          outcome: 'invited',
          created_at: args.now,
        })),
      )
      .onConflict((oc) => oc.doNothing())
      .returning('trigger_key')
      .execute();
    const keys = new Set(rows.map((r) => r.trigger_key));
    claimed.push(...chunk.filter((c) => keys.has(c.key)));
  }
  if (claimed.length === 0) return outcomes;
  const { survey, wave } = await requireWave(trx, { organizationId, waveId: args.waveId });
  const invitedAlready = new Set(
    (
      await trx
        .selectFrom('invitation')
        .select('stakeholder_id')
        .where('organization_id', '=', organizationId)
        .where('wave_id', '=', wave.id)
        .execute()
    ).map((r) => r.stakeholder_id),
  );
  const toInvite = new Map<string, Invitee>();
  for (const c of claimed) {
    if (invitedAlready.has(c.person.id) || toInvite.has(c.person.id)) outcomes.set(c.key, 'already_invited');
    else toInvite.set(c.person.id, c.person);
  }
  const sent = await sendInvitations(trx, { ...args, survey, wave, people: [...toInvite.values()] });
  const withheld = new Set(sent.overLimit.map((p) => p.id));
  for (const c of claimed) {
    if (outcomes.has(c.key)) continue;
    outcomes.set(c.key, withheld.has(c.person.id) ? 'over_limit' : 'invited');
  }
  const byOutcome = (o: TriggerOutcome) => claimed.filter((c) => outcomes.get(c.key) === o).map((c) => c.key);
  for (const outcome of ['already_invited', 'over_limit'] as const) {
    const keys = byOutcome(outcome);
    for (let i = 0; i < keys.length; i += 500) {
      if (outcome === 'over_limit' && !args.keepWithheld) {
        await trx
          .deleteFrom('triggered_invitation')
          .where('organization_id', '=', organizationId)
          .where('survey_id', '=', args.surveyId)
          .where('trigger_key', 'in', keys.slice(i, i + 500))
          .execute();
      } else {
        await trx
          .updateTable('triggered_invitation')
          .set({ outcome })
          .where('organization_id', '=', organizationId)
          .where('survey_id', '=', args.surveyId)
          .where('trigger_key', 'in', keys.slice(i, i + 500))
          .execute();
      }
    }
  }
  return outcomes;
}
