import { describe, expect, it } from 'vitest';
import { measuredEarlier, waveSurvey } from './programme-waves.ts';

const quarterly = { surveyId: 'q', title: { fr: 'Trimestrielle', en: 'Quarterly' } };
const pulse = { surveyId: 'p', title: { fr: 'Pulse', en: 'Pulse' } };

describe('waveSurvey', () => {
  it('names a wave’s survey only in a programme of several surveys', () => {
    expect(waveSurvey({ surveys: [quarterly, pulse] }, { surveyId: 'p' })).toEqual(pulse.title);
    expect(waveSurvey({ surveys: [quarterly, pulse] }, { surveyId: 'q' })).toEqual(quarterly.title);
    expect(waveSurvey({ surveys: [quarterly] }, { surveyId: 'q' })).toBeNull();
    expect(waveSurvey(undefined, { surveyId: 'q' })).toBeNull();
  });
});

describe('measuredEarlier', () => {
  it('is true only for a figure from another wave than the current one', () => {
    expect(measuredEarlier({ id: 'q4' }, { id: 'pulse2' })).toBe(true);
    expect(measuredEarlier({ id: 'pulse2' }, { id: 'pulse2' })).toBe(false);
    // A dimension no wave asks has no measurement to name.
    expect(measuredEarlier(null, { id: 'pulse2' })).toBe(false);
    expect(measuredEarlier({ id: 'q4' }, null)).toBe(false);
  });
});
