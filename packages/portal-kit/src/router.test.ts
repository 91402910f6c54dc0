import { describe, expect, it } from 'vitest';
import { matchPath, relativePath } from './router.tsx';

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
