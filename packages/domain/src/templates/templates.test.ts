import { describe, expect, it } from 'vitest';
import { GroupKind } from '../model.ts';
import { checkQuestionDesigns } from '../survey-design.ts';
import { fillOrganization, findTemplate, SURVEY_TEMPLATES, TEMPLATE_DIMENSIONS, templatesFor } from './index.ts';

describe('survey templates', () => {
  it('cover every kind of stakeholder group but custom ones, which start blank', () => {
    const kinds = new Set(SURVEY_TEMPLATES.map((t) => t.groupKind));
    expect([...kinds].sort()).toEqual(GroupKind.options.filter((k) => k !== 'custom').sort());
    expect(templatesFor('employee').map((t) => t.kind)).toEqual(['pulse', 'pulse', 'onboarding', 'exit']);
    expect(templatesFor('custom')).toEqual([]);
  });

  it.each(SURVEY_TEMPLATES.map((t) => [t.id, t] as const))(
    '%s is a valid survey in both languages',
    (_id, template) => {
      expect(findTemplate(template.id)).toBe(template);
      const codes = template.questions.map((q) => q.code);
      expect(new Set(codes).size).toBe(codes.length);
      // Each dimension code stands for the organisation's dimension it will be mapped to.
      checkQuestionDesigns(template.questions.map((q) => ({ ...q, dimensionId: q.dimension })));
      for (const text of [
        template.name,
        template.description,
        template.title,
        template.intro,
        ...template.questions.map((q) => q.prompt),
      ]) {
        expect(text.fr.trim()).not.toBe('');
        expect(text.en.trim()).not.toBe('');
        expect(text.fr).not.toBe(text.en);
      }
      expect(template.questions.some((q) => q.facet === 'outcome')).toBe(true);
      for (const q of template.questions)
        if (q.dimension) expect(TEMPLATE_DIMENSIONS[q.dimension], q.dimension).toBeDefined();
    },
  );

  it('puts expected before lived on the same dimension, so that the gap can be read', () => {
    const engagement = findTemplate('employee_engagement')!;
    const codes = engagement.questions.map((q) => q.code);
    expect(codes.indexOf('recognition_expected')).toBe(codes.indexOf('recognition_lived') - 1);
    expect(engagement.anonymous).toBe(true);
    expect(engagement.questions[0]).toMatchObject({ code: 'enps', scale: 'nps11', facet: 'outcome' });
  });

  it('names the organisation where the wording says so', () => {
    const title = fillOrganization(findTemplate('supplier_relationship')!.title, 'Maison Lumière');
    expect(title).toEqual({ fr: 'Votre relation avec Maison Lumière', en: 'Your relationship with Maison Lumière' });
  });
});
