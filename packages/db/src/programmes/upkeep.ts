import { disclosurePolicy } from '@facets/domain';
import type { Kysely } from 'kysely';
import { openDueCadenceWaves } from '../cadences/open.ts';
import { publishClosedWaves } from '../publication/index.ts';
import { rollPeriodWaves } from '../repositories/periods.ts';
import { getOrganizationSettings } from '../repositories/settings.ts';
import type { Database } from '../schema.ts';

/**
 * What keeps an organisation's programmes current without anyone reading them (the server runs it every minute, a
 * job per organisation): a continuous survey whose period has ended opens the next period's wave, a recurring survey
 * opens the wave of its cadence that is due and invites its audience from the directory, and every wave that has
 * closed is published at the organisation's thresholds, so that a dashboard reads a publication rather than computing
 * one. Every step is idempotent and safe across servers (`rollPeriodWaves` and `openDueCadenceWaves` under the
 * survey's row lock, `publishClosedWaves` once per wave and threshold); a read still rolls or publishes if it comes
 * first.
 */
export async function keepProgrammesCurrent(
  db: Kysely<Database>,
  args: {
    organizationId: string;
    now: string;
    newId: () => string;
    /** Where the links of the invitations it writes point: the server's public address. */
    baseUrl: string;
  },
): Promise<{ opened: string[] }> {
  const opened = [...(await rollPeriodWaves(db, args)), ...(await openDueCadenceWaves(db, args))];
  const settings = await getOrganizationSettings(db, args.organizationId);
  const { k, commentK } = disclosurePolicy(settings.kThreshold, settings.commentThreshold);
  await publishClosedWaves(db, { organizationId: args.organizationId, k, commentK, now: args.now });
  return { opened };
}

/** Every organisation's id, for the runner to give each its own job. */
export async function listOrganizationIds(db: Kysely<Database>): Promise<string[]> {
  const rows = await db.selectFrom('organization').select('id').orderBy('id').execute();
  return rows.map((r) => r.id);
}
