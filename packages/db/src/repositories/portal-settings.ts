import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { bool } from './rows.ts';

/** The organisation settings a stakeholder portal follows, beside the anonymity thresholds of the organisation. */
export interface PortalSettings {
  /** Stakeholders may give feedback without their name (allowed unless the organisation turns it off). */
  allowAnonymousFeedback: boolean;
}

export async function getPortalSettings(db: Kysely<Database>, organizationId: string): Promise<PortalSettings> {
  const row = await db
    .selectFrom('organization')
    .select('allow_anonymous_feedback')
    .where('id', '=', organizationId)
    .executeTakeFirst();
  return { allowAnonymousFeedback: row ? bool(row.allow_anonymous_feedback) : false };
}

/** Turns anonymous feedback on or off; feedback already given keeps its anonymity. */
export async function setPortalSettings(
  db: Kysely<Database>,
  args: { organizationId: string } & PortalSettings,
): Promise<PortalSettings> {
  await db
    .updateTable('organization')
    .set({ allow_anonymous_feedback: args.allowAnonymousFeedback ? 1 : 0 })
    .where('id', '=', args.organizationId)
    .execute();
  return getPortalSettings(db, args.organizationId);
}
