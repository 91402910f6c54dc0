import { useRouter } from '@facets/portal-kit';
import type { ReactNode } from 'react';
import { useSetupNeeded } from '../setup/setupNeeded.ts';
import { lazyPage, PageChunk } from './PageChunk.tsx';

const SetPassword = lazyPage(() => import('../settings/SetPassword.tsx').then((m) => m.SetPassword));
const Unsubscribe = lazyPage(() => import('../settings/Notifications.tsx').then((m) => m.Unsubscribe));
const FirstRun = lazyPage(() => import('../setup/FirstRun.tsx').then((m) => m.FirstRun));

/**
 * The console's pages that open without a session: `set-password`, where the link of an invitation leads,
 * `unsubscribe`, where an e-mail's unsubscribe link leads, and the first-run page while the server says it holds no
 * organisation (at any address, `setup` included). Everything else is the signed-in console. Each is its own chunk,
 * fetched only by whoever opens it.
 */
export function PublicPages({ fallback }: { fallback: ReactNode }) {
  const { path } = useRouter();
  const setup = useSetupNeeded();
  let page: ReactNode = null;
  if (path === 'set-password') page = <SetPassword />;
  else if (path === 'unsubscribe') page = <Unsubscribe />;
  else if (setup.loading) return null;
  else if (!setup.needed) return fallback;
  else page = <FirstRun />;
  return <PageChunk key={path}>{page}</PageChunk>;
}
