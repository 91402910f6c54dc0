import { hasKey } from '@facets/portal-kit';
import { describe, expect, it } from 'vitest';
import { messages } from './messages.ts';
import { PAGES, pageTitleKey } from './pages.tsx';

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
