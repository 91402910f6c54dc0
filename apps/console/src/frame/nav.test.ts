import { describe, expect, it } from 'vitest';
import { type NavPage, navSections } from './nav.ts';

const PAGES: NavPage[] = [
  { path: '', nav: 'overview', group: 'insights' },
  { path: 'compare', nav: 'compare', group: 'insights' },
  { path: 'groups', nav: 'groups', group: 'insights' },
  { path: 'groups/:groupId/dimensions/:dimensionId', section: 'groups' },
  { path: 'maturity', nav: 'maturity', group: 'insights', roles: ['admin', 'leadership'] },
  { path: 'settings', nav: 'settings', group: 'settings' },
  { path: 'inbox', nav: 'inbox', group: 'listen' },
  { path: 'initiatives', nav: 'initiatives' },
];

const shape = (role: string, path: string) =>
  navSections(PAGES, role, path).map((s) => [s.group, s.entries.map((e) => (e.current ? `*${e.nav}` : e.nav))]);

describe('navSections', () => {
  it('groups the entries by section in a fixed order, an entry without a section under "more"', () => {
    expect(shape('leadership', 'compare')).toEqual([
      ['insights', ['overview', '*compare', 'groups', 'maturity']],
      ['listen', ['inbox']],
      ['more', ['initiatives']],
      ['settings', ['settings']],
    ]);
  });

  it('lights up a list entry on its detail pages, and leaves out what the role may not open', () => {
    expect(shape('manager', 'groups/g1/dimensions/d1')[0]).toEqual(['insights', ['overview', 'compare', '*groups']]);
  });

  it('marks the overview current only on its own path', () => {
    expect(shape('hr', '')[0]?.[1]).toEqual(['*overview', 'compare', 'groups']);
    expect(shape('hr', 'inbox')[0]?.[1]).toEqual(['overview', 'compare', 'groups']);
  });
});
