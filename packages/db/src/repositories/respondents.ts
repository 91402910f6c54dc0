import type { GroupKind } from '@facets/domain';

/**
 * What a response remembers of its respondent: the segment snapshot. For groups whose anonymity is counted in
 * companies (suppliers), the snapshot also carries the company, so the aggregates can count distinct companies
 * (`aggregate_respondents` and `aggregate_cell` rows under the `company` key) without reading a single answer.
 */

/** The segment key of the company a contact belongs to. */
export const COMPANY_KEY = 'company';

/** Groups whose results must stand on at least k distinct companies, not k contacts. */
export const COMPANY_COUNTED: readonly GroupKind[] = ['supplier'];

/** A company's segment value: its name without accents, case or spaces ('Verrerie du Rhône' → 'verrerie_du_rhone'). */
export function companyValue(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}

/** The segments to snapshot on a response of this respondent (a set `company` segment is kept as it is). */
export function respondentSegments(respondent: {
  segments: Readonly<Record<string, string>>;
  company: string | null;
  groupKind: GroupKind;
}): Record<string, string> {
  const segments = { ...respondent.segments };
  const company = respondent.company?.trim() ? companyValue(respondent.company) : '';
  if (COMPANY_COUNTED.includes(respondent.groupKind) && company !== '' && segments[COMPANY_KEY] === undefined) {
    segments[COMPANY_KEY] = company;
  }
  return segments;
}
