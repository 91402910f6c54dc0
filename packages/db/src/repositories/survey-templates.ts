import {
  DomainError,
  fillOrganization,
  findTemplate,
  type LocalizedText,
  type QuestionFacet,
  type QuestionType,
  type Scale,
  type SurveyKind,
  type SurveyTemplate,
  TEMPLATE_DIMENSIONS,
  type TemplateCadence,
  templatesFor,
} from '@facets/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { listDimensions, requireActiveGroup } from './groups.ts';
import type { GroupRef } from './organizations.ts';
import type { QuestionInput } from './survey-builder.ts';

/**
 * Templates seen from one group: which of a template's dimension codes the group has, and which it lacks (the user
 * picks one of the group's dimensions for those, or drops their items).
 */

export interface TemplateDimension {
  code: string;
  /** What the code stands for, to name it on screen. */
  label: LocalizedText;
  /** How many of the template's items are about it. */
  items: number;
  /** The group's dimension of that code; null when the group has none. */
  dimension: { id: string; label: LocalizedText } | null;
}

export interface TemplatePreview {
  id: string;
  kind: SurveyKind;
  cadence: TemplateCadence;
  name: LocalizedText;
  description: LocalizedText;
  title: LocalizedText;
  anonymous: boolean;
  dimensions: TemplateDimension[];
  questions: {
    code: string;
    type: QuestionType;
    scale: Scale | null;
    facet: QuestionFacet | null;
    dimensionCode: string | null;
    prompt: LocalizedText;
  }[];
}

async function groupDimensionsByCode(db: Kysely<Database>, args: { organizationId: string; groupId: string }) {
  const dimensions = await listDimensions(db, { ...args, active: true });
  return new Map(dimensions.map((d) => [d.code, { id: d.id, label: d.label }]));
}

function dimensionsOf(template: SurveyTemplate, byCode: Map<string, { id: string; label: LocalizedText }>) {
  const items = new Map<string, number>();
  for (const q of template.questions) if (q.dimension) items.set(q.dimension, (items.get(q.dimension) ?? 0) + 1);
  return [...items].map(([code, count]) => ({
    code,
    label: TEMPLATE_DIMENSIONS[code] ?? { fr: code, en: code },
    items: count,
    dimension: byCode.get(code) ?? null,
  }));
}

export async function listTemplatePreviews(
  db: Kysely<Database>,
  args: { organizationId: string; organizationName: string; groupId: string },
): Promise<TemplatePreview[]> {
  const group = await requireActiveGroup(db, args);
  const byCode = await groupDimensionsByCode(db, args);
  const fill = (text: LocalizedText) => fillOrganization(text, args.organizationName);
  return templatesFor(group.kind).map((template) => ({
    id: template.id,
    kind: template.kind,
    cadence: template.cadence,
    name: template.name,
    description: template.description,
    title: fill(template.title),
    anonymous: template.anonymous,
    dimensions: dimensionsOf(template, byCode),
    questions: template.questions.map((q) => ({
      code: q.code,
      type: q.type,
      scale: q.scale,
      facet: q.facet,
      dimensionCode: q.dimension,
      prompt: fill(q.prompt),
    })),
  }));
}

/**
 * A template's questions for a group. `choices` answers, per dimension code the group lacks, which of its dimensions
 * to use instead (an id) or null to drop the items; a lacking code without an answer is refused, naming it.
 */
export async function instantiateTemplate(
  db: Kysely<Database>,
  args: {
    organizationId: string;
    organizationName: string;
    group: GroupRef;
    templateId: string;
    choices: Readonly<Record<string, string | null>>;
  },
): Promise<{ template: SurveyTemplate; title: LocalizedText; intro: LocalizedText; questions: QuestionInput[] }> {
  const template = findTemplate(args.templateId);
  if (!template) throw new DomainError('invalid', 'templateId: no such template', 'templateId');
  if (template.groupKind !== args.group.kind) {
    throw new DomainError('invalid', `templateId: this template is for ${template.groupKind} groups`, 'templateId');
  }
  const byCode = await groupDimensionsByCode(db, { organizationId: args.organizationId, groupId: args.group.id });
  const groupIds = new Set([...byCode.values()].map((d) => d.id));
  const resolved = new Map<string, string | null>();
  for (const { code, dimension } of dimensionsOf(template, byCode)) {
    if (dimension) {
      resolved.set(code, dimension.id);
      continue;
    }
    const field = `dimensionChoices.${code}`;
    const choice = args.choices[code];
    if (choice === undefined) {
      throw new DomainError(
        'invalid',
        `${field}: this group has no “${code}” dimension: pick one or drop its items`,
        field,
        'required',
      );
    }
    if (choice !== null && !groupIds.has(choice)) {
      throw new DomainError('invalid', `${field}: is not a dimension of this group`, field);
    }
    resolved.set(code, choice);
  }
  const fill = (text: LocalizedText) => fillOrganization(text, args.organizationName);
  const questions: QuestionInput[] = [];
  for (const q of template.questions) {
    const dimensionId = q.dimension === null ? null : (resolved.get(q.dimension) ?? null);
    if (q.dimension !== null && dimensionId === null) continue;
    questions.push({
      code: q.code,
      type: q.type,
      scale: q.scale,
      facet: q.facet,
      dimensionId,
      prompt: fill(q.prompt),
      options: q.options,
      required: q.required,
    });
  }
  return { template, title: fill(template.title), intro: fill(template.intro), questions: dedupeCodes(questions) };
}

/** Two items mapped onto one dimension keep distinct codes: the second `recognition_lived` becomes `…_2`. */
function dedupeCodes(questions: QuestionInput[]): QuestionInput[] {
  const seen = new Set<string>();
  return questions.map((q) => {
    let code = q.code!;
    for (let n = 2; seen.has(code); n++) code = `${q.code}_${n}`;
    seen.add(code);
    return { ...q, code };
  });
}
