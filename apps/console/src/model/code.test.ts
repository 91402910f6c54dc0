import { describe, expect, it } from 'vitest';
import { isCode, suggestCode } from './code.ts';

describe('model codes', () => {
  it('suggests a code the API accepts from a name', () => {
    expect(suggestCode('Business partners')).toBe('business_partners');
    expect(suggestCode('Équipe de Montréal ')).toBe('equipe_de_montreal');
    expect(suggestCode('2nd site')).toBe('g_2nd_site');
    expect(isCode(suggestCode('Reconnaissance & équité'))).toBe(true);
  });

  it('accepts lower-case codes only', () => {
    expect(isCode('site')).toBe(true);
    expect(isCode('Site')).toBe(false);
    expect(isCode('_site')).toBe(false);
    expect(isCode('')).toBe(false);
  });
});
