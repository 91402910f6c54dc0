import { COMPANY_COUNTED, type GroupRef, type MemberContext, type PortalSettings } from '@facets/db';
import { disclosurePolicy } from '@facets/domain';

/** The rules a stakeholder's answers and feedback are reported under, as the portal explains them. */
export function rulesView(member: MemberContext, group: GroupRef, settings: PortalSettings) {
  const policy = disclosurePolicy(member.organization.kThreshold, member.organization.commentThreshold);
  return {
    organizationName: member.organization.name,
    kThreshold: policy.k,
    commentThreshold: policy.commentK,
    /** Suppliers: k counts distinct companies, not contacts. */
    countsCompanies: COMPANY_COUNTED.includes(group.kind),
    allowAnonymousFeedback: settings.allowAnonymousFeedback,
  };
}
