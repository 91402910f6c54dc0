import type { OverviewDimension, OverviewGroup } from '@facets/portal-kit';
import { gapWording } from './gaps.ts';

type Outcome = OverviewGroup['outcomes'][number];

/** A dimension among the widest shortfalls: against the intended target where one is set, else against expectations. */
export interface SummaryGap {
  dimension: OverviewDimension;
  against: 'target' | 'expectation';
  value: number;
  /** The n of the lived figure the gap stands on. */
  n: number;
}

export interface GroupSummary {
  /** The group's headline outcome (the first shown, else the first, to say why it is not): null without any. */
  headline: Outcome | null;
  respondents: OverviewGroup['respondents'];
  /** At most `MAX_GAPS` shortfalls below the ±2 band, widest first. */
  gaps: SummaryGap[];
  /** Alerts by how serious they are: drift and shortfall are risks, the coverage alerts are warnings. */
  alerts: { risks: number; warnings: number };
}

export const MAX_GAPS = 3;

const RISKS: ReadonlySet<string> = new Set(['promise_drift', 'target_shortfall']);

/** The group's headline outcome: the first shown, else the first (to say why it is not); null without any. */
export function headlineOutcome(group: Pick<OverviewGroup, 'outcomes'>): Outcome | null {
  return group.outcomes.find((o) => o.value !== null) ?? group.outcomes[0] ?? null;
}

/**
 * What a group's summary band says, from the overview's own figures (nothing the table does not already show):
 * the headline outcome, participation, the widest gaps, and the alerts. A gap is listed only when the lived
 * figure it stands on is shown, so it never rests on n = 0 or on fewer than k.
 */
export function groupSummary(group: OverviewGroup): GroupSummary {
  const headline = headlineOutcome(group);
  const gaps: SummaryGap[] = [];
  for (const d of group.dimensions) {
    if (d.lived.score === null || d.lived.hidden !== null) continue;
    const gap: Omit<SummaryGap, 'dimension' | 'n'> | null =
      d.targetGap !== null
        ? { against: 'target', value: d.targetGap }
        : d.expectationGap !== null
          ? { against: 'expectation', value: d.expectationGap }
          : null;
    if (gap && gapWording(gap.value) === 'below') gaps.push({ dimension: d, ...gap, n: d.lived.n });
  }
  gaps.sort((a, b) => a.value - b.value);
  const risks = group.alerts.filter((a) => RISKS.has(a.kind)).length;
  return {
    headline,
    respondents: group.respondents,
    gaps: gaps.slice(0, MAX_GAPS),
    alerts: { risks, warnings: group.alerts.length - risks },
  };
}
