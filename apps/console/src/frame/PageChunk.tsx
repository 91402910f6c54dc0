import { useLang } from '@facets/portal-kit';
import { Alert, Button, Loading } from '@facets/ui';
import { Component, type ComponentType, type LazyExoticComponent, lazy, type ReactNode, Suspense } from 'react';

/** Loads a page's chunk and gives the component that renders it (pages.tsx's `load`, the public pages'). */
// biome-ignore lint/suspicious/noExplicitAny: a cache of loaders of components of any props
type Loader = () => Promise<ComponentType<any>>;

/** One lazy component per loader, made on first use, so React keeps the chunk it fetched for the tab's lifetime. */
const lazyComponents = new Map<Loader, LazyExoticComponent<ComponentType<unknown>>>();

export function lazyPage<P>(load: () => Promise<ComponentType<P>>): LazyExoticComponent<ComponentType<P>> {
  let found = lazyComponents.get(load);
  if (!found) {
    found = lazy(() =>
      load().then(
        (component) => ({ default: component as ComponentType<unknown> }),
        (cause: unknown) => {
          throw new PageCodeError(cause);
        },
      ),
    );
    lazyComponents.set(load, found);
  }
  return found as LazyExoticComponent<ComponentType<P>>;
}

/**
 * Around a lazy page: a loading line while its chunk arrives, and if the chunk cannot be fetched (the connection
 * dropped, or the console was updated since this tab opened it) a message with a reload. Key it by the page, so
 * that another page starts afresh.
 */
export function PageChunk({ children }: { children: ReactNode }) {
  return (
    <ChunkBoundary fallback={<ChunkFailed />}>
      <Suspense fallback={<PageLoading />}>{children}</Suspense>
    </ChunkBoundary>
  );
}

export function PageLoading() {
  const { t } = useLang();
  return <Loading label={t('console.pageLoading')} />;
}

function ChunkFailed() {
  const { t } = useLang();
  return (
    <Alert tone="error" title={t('console.pageFailed.title')}>
      <p>{t('console.pageFailed.body')}</p>
      <Button variant="secondary" onClick={() => window.location.reload()}>
        {t('console.pageFailed.reload')}
      </Button>
    </Alert>
  );
}

/** A page's chunk could not be fetched. */
class PageCodeError extends Error {
  constructor(cause: unknown) {
    super('the code of the page could not be loaded', { cause });
  }
}

/**
 * Catches a page whose code failed to load (React's lazy keeps the failure, so only a reload tries again); any other
 * error goes on up as it would without this boundary.
 */
class ChunkBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { error: unknown }> {
  override state: { error: unknown } = { error: null };
  static getDerivedStateFromError(error: unknown) {
    return { error };
  }
  override render() {
    const { error } = this.state;
    if (error === null) return this.props.children;
    if (error instanceof PageCodeError) return this.props.fallback;
    throw error;
  }
}
