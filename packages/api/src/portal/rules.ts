import {
  COMPANY_COUNTED,
  type Database,
  findInvitation,
  getOrganization,
  getPortalSettings,
  type Organization,
  type PortalSettings,
} from '@facets/db';
import { DomainError, disclosurePolicy, type GroupKind } from '@facets/domain';
import type { Kysely } from 'kysely';

/** The rules a stakeholder's answers and feedback are reported under, as the portal explains them. */
export function rulesView(organization: Organization, groupKind: GroupKind, settings: PortalSettings) {
  const policy = disclosurePolicy(organization.kThreshold, organization.commentThreshold);
  return {
    organizationName: organization.name,
    kThreshold: policy.k,
    commentThreshold: policy.commentK,
    /** Suppliers: k counts distinct companies, not contacts. */
    countsCompanies: COMPANY_COUNTED.includes(groupKind),
    allowAnonymousFeedback: settings.allowAnonymousFeedback,
  };
}

/**
 * The same rules for someone who holds an invitation link and no account. Any link that exists opens them, used or
 * expired too: they say nothing the invitation page does not already show but the thresholds.
 */
export async function invitationRulesView(db: Kysely<Database>, token: string) {
  const invitation = await findInvitation(db, token);
  const organization = invitation && (await getOrganization(db, invitation.organizationId));
  if (!invitation || !organization) {
    throw new DomainError('not_found', 'token: this invitation link is not valid', 'token');
  }
  return rulesView(organization, invitation.group.kind, await getPortalSettings(db, organization.id));
}
