import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.ts';
import { checkQuestionDesigns, overlappingWave, type QuestionDesign, waveState } from './survey-design.ts';

const prompt = { fr: 'Question', en: 'Question' };
const rating: QuestionDesign = {
  type: 'rating',
  scale: 'likert5',
  facet: 'lived',
  dimensionId: 'd1',
  prompt,
  options: null,
  required: true,
};
const option = (value: string) => ({ value, label: { fr: value, en: value } });

function fieldOf(questions: QuestionDesign[]): string | undefined {
  try {
    checkQuestionDesigns(questions);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return (error as DomainError).field;
  }
}

describe('checkQuestionDesigns', () => {
  it('accepts ratings, choices and texts that follow the rules', () => {
    expect(
      fieldOf([
        rating,
        { ...rating, facet: 'outcome', scale: 'nps11', dimensionId: null },
        {
          ...rating,
          type: 'single_choice',
          scale: null,
          facet: null,
          dimensionId: null,
          options: [option('a'), option('b')],
        },
        { ...rating, type: 'text', scale: null, facet: null, dimensionId: 'd1', required: false },
      ]),
    ).toBeUndefined();
  });

  it('names the field of the first rule broken', () => {
    expect(fieldOf([])).toBe('questions');
    expect(fieldOf([{ ...rating, scale: null }])).toBe('questions.0.scale');
    expect(fieldOf([rating, { ...rating, facet: null }])).toBe('questions.1.facet');
    expect(fieldOf([{ ...rating, dimensionId: null }])).toBe('questions.0.dimensionId');
    expect(fieldOf([{ ...rating, type: 'text', facet: null }])).toBe('questions.0.scale');
    const choice = { ...rating, type: 'multi_choice' as const, scale: null, facet: null, dimensionId: null };
    expect(fieldOf([{ ...choice, options: [option('a')] }])).toBe('questions.0.options');
    expect(fieldOf([{ ...choice, options: [option('a'), option('a')] }])).toBe('questions.0.options.1.value');
    expect(fieldOf([{ ...rating, options: [option('a'), option('b')] }])).toBe('questions.0.options');
    expect(fieldOf(Array.from({ length: 101 }, () => rating))).toBe('questions');
  });
});

describe('wave states', () => {
  const now = '2026-12-10T12:00:00.000Z';
  it('read the status and the dates', () => {
    expect(waveState({ status: 'draft', opensAt: '2026-12-01', closesAt: null }, now)).toBe('draft');
    expect(waveState({ status: 'open', opensAt: '2026-12-20', closesAt: '2026-12-31' }, now)).toBe('scheduled');
    expect(waveState({ status: 'open', opensAt: '2026-12-01', closesAt: '2026-12-31' }, now)).toBe('open');
    expect(waveState({ status: 'open', opensAt: '2026-12-01', closesAt: null }, now)).toBe('open');
    expect(waveState({ status: 'open', opensAt: '2026-11-01', closesAt: '2026-12-01' }, now)).toBe('closed');
    expect(waveState({ status: 'closed', opensAt: '2026-12-01', closesAt: '2026-12-31' }, now)).toBe('closed');
  });

  it('refuse a second wave taking answers at the same time, not one after the other', () => {
    const waves = [
      { id: 'q4', status: 'open', opensAt: '2026-12-01T00:00:00.000Z', closesAt: '2026-12-31T00:00:00.000Z' },
      { id: 'q3', status: 'closed', opensAt: '2026-09-01T00:00:00.000Z', closesAt: '2026-12-15T00:00:00.000Z' },
    ];
    const at = (opensAt: string, closesAt: string | null) => overlappingWave({ opensAt, closesAt }, waves, now)?.id;
    expect(at('2026-12-20T00:00:00.000Z', '2027-01-10T00:00:00.000Z')).toBe('q4');
    expect(at('2026-11-01T00:00:00.000Z', null)).toBe('q4');
    expect(at('2026-12-31T00:00:00.000Z', '2027-01-31T00:00:00.000Z')).toBeUndefined();
    // The closed wave no longer takes answers, whatever its dates said.
    expect(at('2026-12-10T12:00:00.000Z', '2026-12-12T00:00:00.000Z')).toBe('q4');
    expect(
      overlappingWave({ id: 'q4', opensAt: '2026-12-01T00:00:00.000Z', closesAt: null }, waves, now),
    ).toBeUndefined();
  });
});
