import { COMPANY_COUNTED, companyKey, type GroupKind } from '@facets/domain';

/**
 * What a response remembers of its respondent: the segment snapshot. For groups whose anonymity is counted in
 * companies (suppliers), the snapshot also carries the company, so the aggregates can count distinct companies
 * (`aggregate_respondents` and `aggregate_cell` rows under the `company` key) without reading a single answer.
 */

/** The segment key of the company a contact belongs to. */
export const COMPANY_KEY = 'company';

/** Groups whose results must stand on at least k distinct companies, not k contacts (defined in domain). */
export { COMPANY_COUNTED };

/**
 * A company's name reduced to what its spellings share ('Verrerie du Rhône SA' → 'verrerie_du_rhone'). Responses
 * carry the company's id, not this; matching a name to a record is `assignCompanies` in `@facets/domain`.
 */
export const companyValue = companyKey;

/**
 * The segments to snapshot on a response of this respondent. In a group counted in companies, the `company` segment
 * is always the id of the contact's company record (whatever the stakeholder's own segments say), or absent without
 * one, so that spellings of a company never count as several.
 */
export function respondentSegments(respondent: {
  segments: Readonly<Record<string, string>>;
  companyId: string | null;
  groupKind: GroupKind;
}): Record<string, string> {
  const segments = { ...respondent.segments };
  if (!COMPANY_COUNTED.includes(respondent.groupKind)) return segments;
  delete segments[COMPANY_KEY];
  if (respondent.companyId) segments[COMPANY_KEY] = respondent.companyId;
  return segments;
}
