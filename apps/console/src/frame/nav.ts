import { matchPath } from '@facets/portal-kit';

/**
 * The console's navigation sections, in the order the sidebar shows them. A page names its section with `group`;
 * a page that names none is listed under `more`, before the settings.
 */
export const NAV_GROUPS = ['insights', 'plan', 'listen', 'more', 'settings'] as const;
export type NavGroup = (typeof NAV_GROUPS)[number];

/** What the navigation needs of a page (pages.tsx's ConsolePage fits). */
export interface NavPage {
  path: string;
  nav?: string;
  group?: NavGroup;
  roles?: readonly string[];
  section?: string;
}

export interface NavSection {
  group: NavGroup;
  entries: { path: string; nav: string; current: boolean }[];
}

export const pageAllowed = (page: NavPage, role: string) => !page.roles || page.roles.includes(role);

/** Whether a navigation entry is the current page: its own path, or a detail page that names it as its section. */
export function isCurrent(pages: readonly NavPage[], page: NavPage, path: string): boolean {
  return (
    matchPath(page.path, path) !== null ||
    pages.some((p) => p.section === page.path && matchPath(p.path, path) !== null)
  );
}

/** The sections a role sees, each with its entries in the pages' order; empty sections are left out. */
export function navSections(pages: readonly NavPage[], role: string, path: string): NavSection[] {
  const listed = pages.filter((p) => p.nav !== undefined && pageAllowed(p, role));
  return NAV_GROUPS.map((group) => ({
    group,
    entries: listed
      .filter((p) => (p.group ?? 'more') === group)
      .map((p) => ({ path: p.path, nav: p.nav as string, current: isCurrent(pages, p, path) })),
  })).filter((s) => s.entries.length > 0);
}
