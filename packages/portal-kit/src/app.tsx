import { QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createClients, TRPCProvider } from './api.ts';
import { createI18n } from './i18n/i18n.ts';
import type { AppMessages } from './i18n/keys.ts';
import { RouterProvider } from './router.tsx';
import { browserStore } from './storage.ts';

export interface FacetsAppProps {
  /** The app's own messages, laid over the shared ones. */
  messages: AppMessages;
  /** The app's mount path, `import.meta.env.BASE_URL` ('/employee/'). */
  base: string;
  children: ReactNode;
}

/** Everything an app needs around its pages: translations, the query and tRPC clients, and the router. */
export function FacetsApp({ messages, base, children }: FacetsAppProps) {
  const [env] = useState(() => ({ i18n: createI18n(messages, browserStore()), ...createClients() }));
  return (
    <I18nextProvider i18n={env.i18n}>
      <QueryClientProvider client={env.queryClient}>
        <TRPCProvider trpcClient={env.trpcClient} queryClient={env.queryClient}>
          <RouterProvider base={base}>{children}</RouterProvider>
        </TRPCProvider>
      </QueryClientProvider>
    </I18nextProvider>
  );
}

/** Renders an app into #root. */
export function mount(element: ReactNode): void {
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html needs a <div id="root">');
  createRoot(root).render(<StrictMode>{element}</StrictMode>);
}
