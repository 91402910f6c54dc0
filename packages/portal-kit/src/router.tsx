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
 * A very small path router: each app is mounted under a base ('/employee/'), and routes are paths relative to it
 * ('', 'surveys/:waveId'). The server falls back to index.html, so deep links and reloads work.
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

/** The route path of a location under `base`: ('/employee/feedback', '/employee/') → 'feedback'. */
export function relativePath(pathname: string, base: string): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  if (pathname === root.slice(0, -1)) return '';
  return pathname.startsWith(root) ? pathname.slice(root.length).replace(/\/+$/, '') : '';
}

interface RouterValue {
  path: string;
  base: string;
  href: (to: string) => string;
  navigate: (to: string) => void;
}

const RouterContext = createContext<RouterValue | null>(null);

export function RouterProvider({ base, children }: { base: string; children: ReactNode }) {
  const root = base.endsWith('/') ? base : `${base}/`;
  const [path, setPath] = useState(() => relativePath(window.location.pathname, root));

  useEffect(() => {
    const onPop = () => setPath(relativePath(window.location.pathname, root));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [root]);

  const href = useCallback((to: string) => root + to.replace(/^\//, ''), [root]);
  const navigate = useCallback(
    (to: string) => {
      const target = href(to);
      if (target !== window.location.pathname) window.history.pushState(null, '', target);
      setPath(relativePath(target, root));
      window.scrollTo(0, 0);
      // Move focus to the new page's content, as a full page load would, for keyboard and screen reader users.
      requestAnimationFrame(() => document.getElementById('main')?.focus());
    },
    [href, root],
  );

  const value = useMemo(() => ({ path, base: root, href, navigate }), [path, root, href, navigate]);
  return <RouterContext.Provider value={value}>{children}</RouterContext.Provider>;
}

export function useRouter(): RouterValue {
  const value = useContext(RouterContext);
  if (!value) throw new Error('useRouter must be used inside <RouterProvider>');
  return value;
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
