import {
  type AnchorHTMLAttributes,
  createContext,
  type MouseEvent,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
} from 'react';

/**
 * A very small path router: each app runs under a base ('/console/', a group's '/crew/'), and routes are paths
 * relative to it ('', 'surveys/:waveId'). The server falls back to index.html, so deep links and reloads work.
 */

export type Params = Record<string, string>;

/** Matches 'surveys/:waveId' against 'surveys/w1' → { waveId: 'w1' }; null when it does not match. */
export function matchPath(pattern: string, path: string): Params | null {
  const want = split(pattern);
  const got = split(path);
  if (want.length !== got.length) return null;
  const params: Params = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i] as string;
    const g = got[i] as string;
    if (w.startsWith(':')) params[w.slice(1)] = decodeURIComponent(g);
    else if (w !== g) return null;
  }
  return params;
}

function split(path: string): string[] {
  return path.split('/').filter(Boolean);
}

/**
 * A portal's base is the first segment of the address it was opened at: the group's code ('/crew/i/x' → '/crew/'),
 * whichever app the server chose to serve it with (docs/architecture.md, Portals). `fallback` (the app's own mount,
 * Vite's `base`) when the address has no segment.
 */
export function portalBase(pathname: string, fallback: string): string {
  const first = pathname.split('/').find((segment) => segment !== '');
  return first ? `/${first}/` : fallback;
}

/** The group code a portal's base names: '/crew/' → 'crew'. */
export function codeOfBase(base: string): string {
  const segment = base.split('/').find((s) => s !== '') ?? '';
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The route path of a location under `base`: ('/employee/feedback', '/employee/') → 'feedback'. */
export function relativePath(pathname: string, base: string): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  if (pathname === root.slice(0, -1)) return '';
  return pathname.startsWith(root) ? pathname.slice(root.length).replace(/\/+$/, '') : '';
}

interface RouterValue {
  path: string;
  base: string;
  /** The location's query string ('?survey=s1', or ''): what a page reports on, shareable with its link. */
  search: string;
  href: (to: string) => string;
  /** Goes to a route, which may carry a query string ('groups/g1?wave=w1'). */
  navigate: (to: string) => void;
  /** Changes query parameters of the current page (null removes one), as a new history entry. */
  setSearch: (update: Readonly<Record<string, string | null>>) => void;
}

const RouterContext = createContext<RouterValue | null>(null);

export function RouterProvider({ base, children }: { base: string; children: ReactNode }) {
  const root = base.endsWith('/') ? base : `${base}/`;
  const [path, setPath] = useState(() => relativePath(window.location.pathname, root));
  const [search, setSearchState] = useState(() => window.location.search);

  useEffect(() => {
    const onPop = () => {
      setPath(relativePath(window.location.pathname, root));
      setSearchState(window.location.search);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [root]);

  const href = useCallback((to: string) => root + to.replace(/^\//, ''), [root]);
  const navigate = useCallback(
    (to: string) => {
      const target = href(to);
      const [pathname = '', query = ''] = target.split('?', 2);
      const nextSearch = query ? `?${query}` : '';
      if (pathname !== window.location.pathname || nextSearch !== window.location.search) {
        window.history.pushState(null, '', target);
      }
      setPath(relativePath(pathname, root));
      setSearchState(nextSearch);
      window.scrollTo(0, 0);
      // Move focus to the new page's content, as a full page load would, for keyboard and screen reader users.
      requestAnimationFrame(() => document.getElementById('main')?.focus());
    },
    [href, root],
  );

  const setSearch = useCallback((update: Readonly<Record<string, string | null>>) => {
    const params = new URLSearchParams(window.location.search);
    for (const [name, v] of Object.entries(update)) {
      if (v === null || v === '') params.delete(name);
      else params.set(name, v);
    }
    const query = params.toString();
    const nextSearch = query ? `?${query}` : '';
    if (nextSearch === window.location.search) return;
    window.history.pushState(null, '', `${window.location.pathname}${nextSearch}`);
    setSearchState(nextSearch);
  }, []);

  const value = useMemo(
    () => ({ path, base: root, search, href, navigate, setSearch }),
    [path, root, search, href, navigate, setSearch],
  );
  return <RouterContext.Provider value={value}>{children}</RouterContext.Provider>;
}

export function useRouter(): RouterValue {
  const value = useContext(RouterContext);
  if (!value) throw new Error('useRouter must be used inside <RouterProvider>');
  return value;
}

/** A query parameter of the current location ('survey' of '?survey=s1'), null when absent. */
export function useSearchParam(name: string): string | null {
  const { search } = useRouter();
  return new URLSearchParams(search).get(name);
}

/** Handles a click on a same-app link without reloading; modified clicks (new tab…) keep the browser's behaviour. */
export function useLinkClick(): (href: string, event: MouseEvent<HTMLAnchorElement>) => void {
  const { navigate, base } = useRouter();
  return useCallback(
    (href: string, event: MouseEvent<HTMLAnchorElement>) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
      if (event.altKey || !href.startsWith(base)) return;
      event.preventDefault();
      navigate(href.slice(base.length));
    },
    [navigate, base],
  );
}

export interface LinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> {
  to: string;
  children: ReactNode;
}

export function Link({ to, onClick, ...rest }: LinkProps) {
  const { href } = useRouter();
  const click = useLinkClick();
  const target = href(to);
  return (
    <a
      href={target}
      onClick={(e) => {
        onClick?.(e);
        click(target, e);
      }}
      {...rest}
    />
  );
}
