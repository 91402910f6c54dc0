import type { OverviewDimension, OverviewGroup } from '@facets/portal-kit';
import { describe, expect, it } from 'vitest';
import { groupSummary } from './summary.ts';

const dimension = (
  id: string,
  lived: { score: number | null; n: number; hidden?: string | null },
  gaps: { target?: number | null; expectation?: number | null },
) =>
  ({
    id,
    lived: { score: lived.score, n: lived.n, hidden: lived.hidden ?? null },
    targetGap: gaps.target ?? null,
    expectationGap: gaps.expectation ?? null,
  }) as unknown as OverviewDimension;

const group = (parts: Partial<Pick<OverviewGroup, 'dimensions' | 'outcomes' | 'alerts'>>) =>
  ({
    respondents: { n: 19, hidden: null },
    outcomes: [],
    alerts: [],
    dimensions: [],
    ...parts,
  }) as unknown as OverviewGroup;

describe('groupSummary', () => {
  it('lists the widest shortfalls, against the target where set, else against expectations, at most three', () => {
    const s = groupSummary(
      group({
        dimensions: [
          dimension('growth', { score: 52, n: 19 }, { target: -17.6, expectation: -21 }),
          dimension('tools', { score: 55, n: 19 }, { expectation: -9 }),
          dimension('workload', { score: 41, n: 19 }, { target: -23.2 }),
          dimension('management', { score: 68, n: 19 }, { target: -2 }),
          dimension('listening', { score: 62, n: 18 }, { target: -8 }),
          dimension('recognition', { score: 80, n: 19 }, { target: 4 }),
        ],
      }),
    );
    expect(s.gaps.map((g) => [g.dimension.id, g.against, g.value, g.n])).toEqual([
      ['workload', 'target', -23.2, 19],
      ['growth', 'target', -17.6, 19],
      ['tools', 'expectation', -9, 19],
    ]);
  });

  it('never lists a gap whose lived figure is withheld or missing', () => {
    const s = groupSummary(
      group({
        dimensions: [
          dimension('a', { score: null, n: 2, hidden: 'below_k' }, { target: -30 }),
          dimension('b', { score: null, n: 0 }, { target: -30 }),
        ],
      }),
    );
    expect(s.gaps).toEqual([]);
  });

  it('takes the first outcome that is shown as the headline, else the first to say why', () => {
    const nps = { metric: 'nps', value: null, n: 2, hidden: 'below_k' };
    const fav = { metric: 'favourability', value: 61.2, n: 19, hidden: null };
    expect(groupSummary(group({ outcomes: [nps, fav] as never })).headline).toBe(fav);
    expect(groupSummary(group({ outcomes: [nps] as never })).headline).toBe(nps);
    expect(groupSummary(group({})).headline).toBeNull();
  });

  it('counts drift and shortfall as risks, the coverage alerts as warnings', () => {
    const alerts = ['promise_drift', 'target_shortfall', 'target_shortfall', 'uncovered_intent'].map((kind) => ({
      kind,
    }));
    expect(groupSummary(group({ alerts: alerts as never })).alerts).toEqual({ risks: 3, warnings: 1 });
  });
});
