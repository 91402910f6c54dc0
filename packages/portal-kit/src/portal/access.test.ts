import { describe, expect, it } from 'vitest';
import type { Me } from '../api.ts';
import { codeOfBase, portalBase } from '../router.tsx';
import { homeOf, portalAccess } from './StakeholderPortal.tsx';

const label = (en: string) => ({ fr: `${en} (fr)`, en });

function person(code: string, kind: 'employee' | 'supplier' | 'custom'): Me {
  return {
    user: { id: 'u1', name: 'Léa', email: 'lea@example.org' },
    organization: { id: 'o1', slug: 'cafe', name: 'Café du Port', kThreshold: 5, languages: ['fr', 'en'] },
    role: 'stakeholder',
    department: null,
    stakeholder: { id: 's1', displayName: 'Léa', group: { id: 'g1', code, kind, label: label(code) } },
  } as Me;
}

const staff = { ...person('crew', 'employee'), role: 'hr', stakeholder: null } as Me;

/** The guard of the portal opened at `pathname`, as mountPortal and StakeholderPortal apply it. */
const accessAt = (me: Me, pathname: string, mountedAt: string) =>
  portalAccess(me, codeOfBase(portalBase(pathname, mountedAt)));

describe('the portal guard, by group code', () => {
  it("lets a group's people into the portal at their code, whichever app serves it", () => {
    expect(accessAt(person('crew', 'employee'), '/crew/', '/employee/')).toEqual({ allowed: true });
    expect(accessAt(person('crew', 'employee'), '/crew/surveys/w1', '/employee/')).toEqual({ allowed: true });
    // Two organisations with a `crew` of different kinds: the generic app serves it, by code too.
    expect(accessAt(person('crew', 'employee'), '/crew/', '/group/')).toEqual({ allowed: true });
    expect(accessAt(person('partners', 'custom'), '/partners/feedback', '/group/')).toEqual({ allowed: true });
    // The demo: codes equal to the kinds, at the apps' own mounts.
    expect(accessAt(person('employee', 'employee'), '/employee/', '/employee/')).toEqual({ allowed: true });
  });

  it("sends a person at another group's path to their own portal, by code, not by kind", () => {
    expect(accessAt(person('vendors', 'supplier'), '/crew/', '/employee/')).toEqual({
      allowed: false,
      home: '/vendors/',
    });
    // Same kind, another group: still not theirs.
    expect(accessAt(person('crew', 'employee'), '/employee/', '/employee/')).toEqual({
      allowed: false,
      home: '/crew/',
    });
    expect(accessAt(person('crew', 'employee'), '/partners/', '/group/')).toEqual({ allowed: false, home: '/crew/' });
  });

  it('sends staff to the console', () => {
    expect(accessAt(staff, '/crew/', '/employee/')).toEqual({ allowed: false, home: '/console/' });
    expect(homeOf(staff)).toBe('/console/');
    expect(homeOf(person('partners', 'custom'))).toBe('/partners/');
  });
});
