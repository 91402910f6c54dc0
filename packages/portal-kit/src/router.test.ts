import { describe, expect, it } from 'vitest';
import { codeOfBase, matchPath, portalBase, relativePath } from './router.tsx';

describe('matchPath', () => {
  it('matches static and parameter segments', () => {
    expect(matchPath('', '')).toEqual({});
    expect(matchPath('feedback', 'feedback')).toEqual({});
    expect(matchPath('surveys/:waveId', 'surveys/w%201')).toEqual({ waveId: 'w 1' });
  });

  it('refuses other paths', () => {
    expect(matchPath('feedback', 'feedback/new')).toBeNull();
    expect(matchPath('surveys/:waveId', 'feedback/x')).toBeNull();
  });
});

describe('relativePath', () => {
  it('strips the mount path', () => {
    expect(relativePath('/employee/', '/employee/')).toBe('');
    expect(relativePath('/employee', '/employee/')).toBe('');
    expect(relativePath('/employee/surveys/w1/', '/employee/')).toBe('surveys/w1');
    expect(relativePath('/elsewhere', '/employee/')).toBe('');
  });
});

describe('portalBase', () => {
  it('is the first segment of the address, the group code, whichever app serves it', () => {
    expect(portalBase('/crew/', '/employee/')).toBe('/crew/');
    expect(portalBase('/crew', '/employee/')).toBe('/crew/');
    expect(portalBase('/crew/i/abc', '/employee/')).toBe('/crew/');
    expect(portalBase('/partners/surveys/w1', '/group/')).toBe('/partners/');
    expect(portalBase('//partners//feedback', '/group/')).toBe('/partners/');
    expect(portalBase('/employee/feedback', '/employee/')).toBe('/employee/');
  });

  it("falls back to the app's own mount when the address has no segment", () => {
    expect(portalBase('/', '/group/')).toBe('/group/');
    expect(portalBase('', '/group/')).toBe('/group/');
  });

  it('gives routes relative to it', () => {
    const base = portalBase('/crew/feedback/new', '/employee/');
    expect(relativePath('/crew/feedback/new', base)).toBe('feedback/new');
  });
});

describe('codeOfBase', () => {
  it('is the code the base names, decoded', () => {
    expect(codeOfBase('/crew/')).toBe('crew');
    expect(codeOfBase('/%63rew/')).toBe('crew');
    expect(codeOfBase('/%E0%A4%A/')).toBe('%E0%A4%A');
  });
});
