import { describe, expect, it } from 'vitest';
import type { DomainError } from './errors.ts';
import { checkProgrammeLead, defaultProgramme, type ProgrammeCandidate, programmeWaveOrder } from './reporting.ts';

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

describe('checkProgrammeLead', () => {
  const quarterly = { id: 'quarterly', groupId: 'employees', programmeSurveyId: null };
  const pulse = { id: 'pulse', groupId: 'employees', programmeSurveyId: null };
  const refusal = (args: Parameters<typeof checkProgrammeLead>[0]) => {
    try {
      checkProgrammeLead(args);
      return null;
    } catch (e) {
      const { kind, field, reason, message } = e as DomainError;
      return { kind, field, reason, message };
    }
  };

  it('lets a survey join another survey of its group that leads its own programme', () => {
    expect(refusal({ survey: pulse, lead: quarterly, members: 0 })).toBeNull();
  });

  it('refuses itself, another group, a chain and a lead with members, naming the field', () => {
    expect(refusal({ survey: pulse, lead: pulse, members: 0 })).toMatchObject({
      kind: 'invalid',
      field: 'programmeSurveyId',
      reason: 'invalid_value',
      message: expect.stringMatching(/^programmeSurveyId: a survey cannot be part of its own programme/),
    });
    expect(refusal({ survey: pulse, lead: { ...quarterly, groupId: 'suppliers' }, members: 0 })).toMatchObject({
      kind: 'invalid',
      field: 'programmeSurveyId',
      reason: 'not_allowed',
    });
    expect(refusal({ survey: pulse, lead: { ...quarterly, programmeSurveyId: 'annual' }, members: 0 })).toMatchObject({
      kind: 'invalid',
      field: 'programmeSurveyId',
      reason: 'wrong_state',
    });
    expect(refusal({ survey: quarterly, lead: pulse, members: 1 })).toMatchObject({
      kind: 'conflict',
      field: 'programmeSurveyId',
    });
    expect(refusal({ survey: pulse, lead: null, members: 0 })).toMatchObject({
      kind: 'not_found',
      field: 'programmeSurveyId',
    });
  });
});

describe('programmeWaveOrder', () => {
  const wave = (id: string, sequence: number, opensAt: string, closesAt: string | null) => ({
    id,
    sequence,
    opensAt,
    closesAt,
  });

  it('orders the waves of several surveys by the date their results came, a wave without one by its opening', () => {
    const q3 = wave('q3', 1, '2026-07-01', '2026-08-01');
    const q4 = wave('q4', 2, '2026-11-01', null);
    const pulseSeptember = wave('p1', 1, '2026-09-01', '2026-09-08');
    const pulseNovember = wave('p2', 2, '2026-11-20', '2026-11-28');
    expect(programmeWaveOrder([pulseNovember, q4, pulseSeptember, q3]).map((w) => w.id)).toEqual([
      'q3',
      'p1',
      'q4',
      'p2',
    ]);
  });

  it('keeps one survey in its own order, and breaks ties by opening, sequence and id', () => {
    const a = wave('a', 1, '2026-01-01', '2026-02-01');
    const b = wave('b', 2, '2026-02-01', '2026-03-01');
    expect(programmeWaveOrder([b, a]).map((w) => w.id)).toEqual(['a', 'b']);
    const x = wave('x', 1, '2026-01-01', '2026-02-01');
    const y = wave('y', 1, '2026-01-01', '2026-02-01');
    expect(programmeWaveOrder([y, x]).map((w) => w.id)).toEqual(['x', 'y']);
  });
});
