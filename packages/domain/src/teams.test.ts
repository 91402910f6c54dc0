import { describe, expect, it } from 'vitest';
import { segmentCellsOf } from './aggregates.ts';
import { carries, keepSegments, segmentsCarried, segmentValues, TEAM_KEY, teamPath } from './teams.ts';

describe('teams in a segment snapshot', () => {
  const snapshot = { department: 'it', [TEAM_KEY]: teamPath(['m2', 'm1']) };

  it('carries the team of every manager above, and one value of any other key', () => {
    expect(segmentValues(snapshot, TEAM_KEY)).toEqual(['m2', 'm1']);
    expect(segmentValues(snapshot, 'department')).toEqual(['it']);
    expect(segmentValues({ site: '' }, 'site')).toEqual([]);
    expect(carries(snapshot, { key: TEAM_KEY, value: 'm1' })).toBe(true);
    expect(carries(snapshot, { key: TEAM_KEY, value: 'm2 m1' })).toBe(false);
    expect(segmentsCarried(snapshot)).toEqual([
      { key: 'department', value: 'it' },
      { key: TEAM_KEY, value: 'm2' },
      { key: TEAM_KEY, value: 'm1' },
    ]);
  });

  it('counts a response in one aggregate cell per manager above', () => {
    expect(segmentCellsOf(snapshot)).toEqual([
      { key: '', value: '' },
      { key: 'department', value: 'it' },
      { key: TEAM_KEY, value: 'm2' },
      { key: TEAM_KEY, value: 'm1' },
    ]);
  });

  it('keeps only the accepted managers of a path, dropping a key left empty', () => {
    expect(keepSegments(snapshot, (s) => s.value !== 'm2')).toEqual({ department: 'it', [TEAM_KEY]: 'm1' });
    expect(keepSegments(snapshot, (s) => s.key === 'department')).toEqual({ department: 'it' });
  });
});
