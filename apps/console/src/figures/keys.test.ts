import { flattenKeys, hasKey } from '@facets/portal-kit';
import { describe, expect, it } from 'vitest';
import { NAV_GROUPS } from '../frame/nav.ts';
import { messages } from '../messages.ts';

/** Keys the pages build at run time from the API's codes (the literal-key check cannot see them). */
const FAMILIES: Record<string, readonly string[]> = {
  'figures.reason': [
    'below_k',
    'complementary',
    'complement_below_k',
    'overlap',
    'comments_below_k',
    'companies_below_k',
    'no_data',
  ],
  'figures.metric': ['lived', 'expected', 'expectationGap', 'favourability'],
  'console.navGroup': NAV_GROUPS,
  'overview.outcome': ['nps', 'nps_employee', 'csat', 'ces', 'favourability'],
  'overview.status': ['planned', 'active', 'delivered', 'cancelled'],
  'overview.coverage': ['covered', 'uncovered', 'no_intent'],
  'compare.explain': ['lived', 'expected', 'expectationGap', 'favourability'],
  'compare.legend': ['score', 'percent', 'gap'],
  'dimension.ipa.quadrant': ['concentrate_here', 'keep_up', 'low_priority', 'possible_overkill'],
  'dimension.ipa.importanceFrom': ['drivers', 'priority'],
  'dimension.ipa.source': ['drivers', 'priority'],
  'dimension.drivers.outcome': ['nps11', 'csat5', 'ces7', 'likert5'],
  'dimension.drivers.sign': ['positive', 'negative'],
  'maturity.kind': ['communication', 'service', 'offer', 'process', 'digital', 'policy', 'training'],
  'maturity.agreement': ['agrees', 'self_higher', 'self_lower', 'no_self_assessment'],
  'maturity.self.question': ['strengths', 'obstacles', 'commitment'],
  ...Object.fromEntries([1, 2, 3, 4, 5].map((s) => [`maturity.stage.${s}`, ['name', 'text']])),
  'dimension.distribution.ends': ['likert5', 'csat5', 'ces7', 'nps11'],
};
const ALERTS = ['promise_drift', 'target_shortfall', 'uncovered_intent', 'unaligned_initiative'];

describe('keys built from codes', () => {
  it.each(['en', 'fr'] as const)('exist for every code, in %s', (lang) => {
    const tree = messages[lang];
    const missing = Object.entries(FAMILIES).flatMap(([family, codes]) =>
      codes.map((code) => `${family}.${code}`).filter((key) => !hasKey(tree, key)),
    );
    for (const kind of ALERTS) {
      for (const part of ['label', 'text']) {
        if (!hasKey(tree, `overview.alert.${kind}.${part}`)) missing.push(`overview.alert.${kind}.${part}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('names every page of the navigation', () => {
    const keys = flattenKeys(messages.en);
    for (const nav of ['overview', 'compare', 'groups', 'maturity', 'inbox'])
      expect(keys).toContain(`console.nav.${nav}`);
  });
});
