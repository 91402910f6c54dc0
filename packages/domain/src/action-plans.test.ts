import { describe, expect, it } from 'vitest';
import { inPlanScope, managerPlanStates } from './action-plans.ts';

describe('inPlanScope', () => {
  it('puts everyone in the whole group, and only the segment’s people in a segment', () => {
    expect(inPlanScope(null, {})).toBe(true);
    expect(inPlanScope({ key: 'department', value: 'it' }, { department: 'it', site: 'paris' })).toBe(true);
    expect(inPlanScope({ key: 'department', value: 'it' }, { department: 'hr' })).toBe(false);
    expect(inPlanScope({ key: 'department', value: 'it' }, { site: 'it' })).toBe(false);
  });
});

describe('managerPlanStates', () => {
  const managers = [
    { memberId: 'm1', name: 'Zoé', department: 'it' },
    { memberId: 'm2', name: 'Alex', department: 'ops' },
    { memberId: 'm3', name: 'Bea', department: 'hr' },
    { memberId: 'm4', name: 'Chris', department: 'legal' },
  ];
  const departments = new Map([
    ['it', { hidden: null, focusAreas: 2, actions: 3, done: 1 }],
    ['ops', { hidden: null, focusAreas: 0, actions: 0, done: 0 }],
    ['hr', { hidden: 'below_k' as const, focusAreas: 1, actions: 1, done: 0 }],
  ]);

  it('names managers with results but no plan first, then the planned, then those without results', () => {
    const states = managerPlanStates(managers, departments);
    expect(states.map((s) => [s.name, s.state])).toEqual([
      ['Alex', 'no_plan'],
      ['Zoé', 'planned'],
      ['Bea', 'no_results'],
      ['Chris', 'no_results'],
    ]);
    expect(states.find((s) => s.name === 'Zoé')).toMatchObject({ focusAreas: 2, actions: 3, actionsDone: 1 });
  });

  it('calls a department absent from the wave withheld for lack of data', () => {
    expect(managerPlanStates([managers[3] as (typeof managers)[number]], new Map())[0]?.hidden).toBe('no_data');
  });
});
