import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { bool } from './rows.ts';

/**
 * The organisation settings a stakeholder portal follows, beside the anonymity thresholds of the organisation; admins
 * change them with `updateOrganizationSettings` (settings.ts).
 */
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
