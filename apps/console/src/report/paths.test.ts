import { describe, expect, it } from 'vitest';
import { reportPath } from './paths.ts';

describe('reportPath', () => {
  it('carries the group, the segment and the selection the report is of', () => {
    expect(reportPath('g1')).toBe('report?group=g1');
    expect(reportPath('g 1', { key: 'department', value: 'r&d' }, { surveyId: 's', waveId: 'w' })).toBe(
      'report?group=g+1&key=department&value=r%26d&survey=s&wave=w',
    );
    expect(reportPath('g1', null, { surveyId: 's' })).toBe('report?group=g1&survey=s');
  });
});
