import { describe, expect, it } from 'vitest';
import { gapWording } from './gaps.ts';

describe('gapWording', () => {
  it('reads a gap in words so colour is never the only cue', () => {
    expect(gapWording(null)).toBe('none');
    expect(gapWording(7.5)).toBe('above');
    expect(gapWording(2)).toBe('on_par');
    expect(gapWording(-2)).toBe('on_par');
    expect(gapWording(-2.1)).toBe('below');
  });
});
