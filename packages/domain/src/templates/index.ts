import type { GroupKind } from '../model.ts';
import { EMPLOYEE_TEMPLATES } from './employee.ts';
import { STAKEHOLDER_TEMPLATES } from './stakeholders.ts';
import type { SurveyTemplate } from './types.ts';

export { TEMPLATE_DIMENSIONS } from './dimensions.ts';
export type * from './types.ts';

/** Every survey template, by group kind then in catalogue order. Plain data: the database and the API read it. */
export const SURVEY_TEMPLATES: readonly SurveyTemplate[] = [...EMPLOYEE_TEMPLATES, ...STAKEHOLDER_TEMPLATES];

export function templatesFor(kind: GroupKind): SurveyTemplate[] {
  return SURVEY_TEMPLATES.filter((template) => template.groupKind === kind);
}

export function findTemplate(id: string): SurveyTemplate | undefined {
  return SURVEY_TEMPLATES.find((template) => template.id === id);
}

/** Puts the organisation's name where a template says `{organization}`. */
export function fillOrganization<T extends { fr: string; en: string }>(text: T, organization: string): T {
  return {
    ...text,
    fr: text.fr.replaceAll('{organization}', organization),
    en: text.en.replaceAll('{organization}', organization),
  };
}
