import { hasKey, type Me } from '@facets/portal-kit';
import type { ReactElement } from 'react';
import { describe, expect, it } from 'vitest';
import { messages } from './messages.ts';
import { PAGES, type PageProps, pageAt, pageTitleKey } from './pages.tsx';

describe('page titles', () => {
  it('name every page of the console in both languages, its detail pages by their list', () => {
    for (const page of PAGES) {
      const key = pageTitleKey(page);
      expect(key, page.path).not.toBeNull();
      expect(hasKey(messages.en, key as string) && hasKey(messages.fr, key as string), `${page.path}: ${key}`).toBe(
        true,
      );
    }
    const of = (path: string) => pageTitleKey(PAGES.find((p) => p.path === path)!);
    expect(of('surveys/:surveyId/waves/:waveId')).toBe('console.nav.surveys');
    expect(of('groups/:groupId/dimensions/:dimensionId')).toBe('console.nav.groups');
    expect(of('report')).toBe('report.pageTitle');
  });
});

describe('page loaders', () => {
  it('give every route of the console its component', async () => {
    for (const page of PAGES) {
      const component = await page.load();
      expect(typeof component, page.path || '(overview)').toBe('function');
    }
    // Imports every page of the console: slow when the whole suite shares two cores.
  }, 120_000);

  it('find the page of an address, a fixed path before a parameter', () => {
    expect(pageAt('')?.page.path).toBe('');
    expect(pageAt('surveys/new')?.page.path).toBe('surveys/new');
    expect(pageAt('surveys/s1')).toMatchObject({ page: { path: 'surveys/:surveyId' }, params: { surveyId: 's1' } });
    expect(pageAt('surveys/s1/nothing')).toBeNull();
  });

  it('hand a detail page the parameters of its address, keyed so that another one starts afresh', async () => {
    const me = { role: 'leadership' } as Me;
    const element = async (path: string) => {
      const route = pageAt(path);
      if (!route) throw new Error(`no page at ${path}`);
      const component = (await route.page.load()) as (props: PageProps) => ReactElement<Record<string, unknown>>;
      return component({ me, params: route.params });
    };
    const dimension = await element('groups/g1/dimensions/d%201/segment/department/it');
    expect(dimension.key).toBe('g1/d 1/department/it');
    expect(dimension.props).toMatchObject({
      me,
      groupId: 'g1',
      dimensionId: 'd 1',
      segment: { key: 'department', value: 'it' },
    });
    expect((await element('groups/g2')).props).toMatchObject({ me, groupId: 'g2' });
    expect((await element('surveys/s1/waves/w1')).props).toMatchObject({ me, surveyId: 's1', waveId: 'w1' });
    expect((await element('directory/g3')).key).toBe('g3');
  });
});
