import { describe, expect, it } from 'vitest';
import { groupAlerts, type OrgContext } from './alerts.ts';
import { facetKey, type SegmentRow } from './cells.ts';
import { EMPTY_CELL, type FacetCell } from './figures.ts';
import type { PopulationWave } from './population.ts';

/** groupAlerts on hand-made rows: which alerts a group's series raises, and the n each stands on. */

const GROUP = 'g1';
const DIM = 'd1';

const cell = (score: number, n: number): FacetCell => ({
  n,
  moments: { n, sum: score * n, sumSq: score * score * n },
  scales: [],
  hidden: null,
});

function wave(sequence: number, facets: { expected?: FacetCell; lived?: FacetCell }): PopulationWave {
  const cells = new Map<string, FacetCell>([
    [facetKey(DIM, 'expected'), facets.expected ?? EMPTY_CELL],
    [facetKey(DIM, 'lived'), facets.lived ?? EMPTY_CELL],
  ]);
  const row: SegmentRow = { value: '', respondents: { n: 10, hidden: null }, cells };
  // Every wave is of one survey asking both facets.
  const asks = new Set(cells.keys());
  return {
    wave: { id: `w${sequence}`, label: `W${sequence}`, sequence },
    surveyId: 's1',
    asks,
    row,
    published: {} as never,
  };
}

const org: OrgContext = {
  dimensions: [{ id: DIM, code: 'd', label: { fr: 'd', en: 'd' }, shared: false, groupIds: [GROUP] }] as never,
  intended: [],
  initiatives: [],
  coverage: { uncovered: [], unaligned: [] } as never,
};

describe('promise drift', () => {
  it('is raised on the current wave, with the n of the current wave', () => {
    const series = [
      wave(1, { expected: cell(50, 10), lived: cell(70, 10) }),
      wave(2, { expected: cell(80, 8), lived: cell(60, 9) }),
    ];
    expect(groupAlerts(org, GROUP, series)).toEqual([
      { kind: 'promise_drift', groupId: GROUP, dimensionId: DIM, initiativeId: null, value: 40, n: 8 },
    ]);
  });

  it('is not raised when the current wave does not measure the dimension, rather than stand on n = 0', () => {
    const series = [
      wave(1, { expected: cell(50, 10), lived: cell(70, 10) }),
      wave(2, { expected: cell(80, 8), lived: cell(60, 9) }),
      wave(3, {}),
    ];
    expect(groupAlerts(org, GROUP, series)).toEqual([]);
    const hiddenNow = [
      ...series.slice(0, 2),
      wave(3, { expected: { ...EMPTY_CELL, hidden: 'below_k' }, lived: cell(50, 9) }),
    ];
    expect(groupAlerts(org, GROUP, hiddenNow)).toEqual([]);
  });
});

describe('alerts across the surveys of one programme', () => {
  // A pulse asks lived recognition only: its wave measures nothing else.
  const pulse = (sequence: number, lived: FacetCell): PopulationWave => {
    const livedKey = facetKey(DIM, 'lived');
    const row: SegmentRow = { value: '', respondents: { n: 4, hidden: null }, cells: new Map([[livedKey, lived]]) };
    const wave = { id: `p${sequence}`, label: `Pulse ${sequence}`, sequence };
    return { wave, surveyId: 'pulse', asks: new Set([livedKey]), row, published: {} as never };
  };
  const targeted: OrgContext = { ...org, intended: [{ groupId: GROUP, dimensionId: DIM, target: 90 }] as never };

  it('raises drift on the waves that ask both facets, and a shortfall on the latest that asks the dimension', () => {
    const series = [
      wave(1, { expected: cell(50, 10), lived: cell(70, 10) }),
      wave(2, { expected: cell(80, 8), lived: cell(60, 9) }),
      pulse(1, cell(40, 4)),
    ];
    expect(groupAlerts(targeted, GROUP, series)).toEqual([
      { kind: 'promise_drift', groupId: GROUP, dimensionId: DIM, initiativeId: null, value: 40, n: 8 },
      { kind: 'target_shortfall', groupId: GROUP, dimensionId: DIM, initiativeId: null, value: -50, n: 4 },
    ]);
  });

  it('raises nothing from a pulse whose figure is withheld, rather than stand on n = 0', () => {
    const series = [
      wave(1, { expected: cell(50, 10), lived: cell(88, 10) }),
      pulse(1, { ...EMPTY_CELL, hidden: 'below_k' }),
    ];
    expect(groupAlerts(targeted, GROUP, series)).toEqual([]);
  });
});
