import { describe, expect, it } from 'vitest';
import { firstInvalidStep, type StepQuestion, stepsOf } from './steps.ts';

const q = (id: string, facet: string | null, dimension: string | null, type = 'rating', required = true) =>
  ({ id, type, required, facet, dimension: dimension ? { id: dimension } : null }) satisfies StepQuestion;

describe('stepsOf', () => {
  it('puts an expected and a lived question on the same dimension on one screen, in either order', () => {
    const questions = [
      q('enps', 'outcome', null),
      q('rec_exp', 'expected', 'recognition'),
      q('rec_liv', 'lived', 'recognition'),
      q('tools', 'lived', 'tools'),
      q('load_liv', 'lived', 'workload'),
      q('load_exp', 'expected', 'workload'),
      q('comment', null, null, 'text', false),
    ];
    expect(stepsOf(questions).map((s) => s.map((x) => x.id))).toEqual([
      ['enps'],
      ['rec_exp', 'rec_liv'],
      ['tools'],
      ['load_liv', 'load_exp'],
      ['comment'],
    ]);
  });

  it('keeps apart questions of different dimensions, of the same facet, or that are not ratings', () => {
    const questions = [
      q('a', 'expected', 'recognition'),
      q('b', 'lived', 'workload'),
      q('c', 'lived', 'workload'),
      q('d', 'expected', 'workload', 'text'),
    ];
    expect(stepsOf(questions).map((s) => s.length)).toEqual([1, 1, 1, 1]);
  });
});

describe('firstInvalidStep', () => {
  it('finds the screen of the first required question left unanswered', () => {
    const steps = stepsOf([q('enps', 'outcome', null), q('e', 'expected', 'x'), q('l', 'lived', 'x')]);
    expect(firstInvalidStep(steps, { enps: { value: 9 }, e: { value: 4 } })).toBe(1);
    expect(firstInvalidStep(steps, { enps: { value: 9 }, e: { value: 4 }, l: { value: 3 } })).toBe(-1);
  });
});
