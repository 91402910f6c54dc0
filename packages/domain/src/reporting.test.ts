import { describe, expect, it } from 'vitest';
import { defaultProgramme, type ProgrammeCandidate } from './reporting.ts';

const survey = (surveyId: string, createdAt: string, publishedWaves: number, headline = false): ProgrammeCandidate => ({
  surveyId,
  createdAt,
  publishedWaves,
  headline,
});

describe('defaultProgramme', () => {
  it('keeps the oldest survey with results, whatever pulses came after it', () => {
    const quarterly = survey('quarterly', '2026-01-05', 3);
    const pulse = survey('pulse', '2026-05-01', 1);
    expect(defaultProgramme([pulse, quarterly])).toBe('quarterly');
  });

  it('prefers the headline survey once it has results, and not before', () => {
    const onboarding = survey('onboarding', '2025-11-01', 4);
    const engagement = survey('engagement', '2026-01-05', 0, true);
    expect(defaultProgramme([onboarding, engagement])).toBe('onboarding');
    expect(defaultProgramme([onboarding, { ...engagement, publishedWaves: 1 }])).toBe('engagement');
  });

  it('falls back to the headline, then the oldest survey, when nothing is published; null without surveys', () => {
    expect(defaultProgramme([survey('a', '2026-01-01', 0), survey('b', '2026-02-01', 0, true)])).toBe('b');
    expect(defaultProgramme([survey('b', '2026-02-01', 0), survey('a', '2026-01-01', 0)])).toBe('a');
    expect(defaultProgramme([])).toBeNull();
  });

  it('orders surveys created at the same time by id, so the choice never depends on the order given', () => {
    const one = survey('s1', '2026-01-01', 1);
    const two = survey('s2', '2026-01-01', 1);
    expect(defaultProgramme([two, one])).toBe('s1');
    expect(defaultProgramme([one, two])).toBe('s1');
  });
});
