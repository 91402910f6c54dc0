import { disclosurePolicy } from '@facets/domain';
import type { Kysely } from 'kysely';
import { publishClosedWaves } from '../publication/index.ts';
import { rollPeriodWaves } from '../repositories/periods.ts';
import { getOrganizationSettings } from '../repositories/settings.ts';
import type { Database } from '../schema.ts';

/**
 * What keeps an organisation's programmes current without anyone reading them (the server runs it every minute, a
 * job per organisation): a continuous survey whose period has ended opens the next period's wave, and every wave that
 * has closed is published at the organisation's thresholds, so that a dashboard reads a publication rather than
 * computing one. Both steps are idempotent and safe across servers (`rollPeriodWaves` under the survey's row lock,
 * `publishClosedWaves` once per wave and threshold); a read still does either if it comes first.
 */
export async function keepProgrammesCurrent(
  db: Kysely<Database>,
  args: { organizationId: string; now: string; newId: () => string },
): Promise<{ opened: string[] }> {
  const opened = await rollPeriodWaves(db, args);
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
