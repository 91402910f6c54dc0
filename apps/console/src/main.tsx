import '@facets/ui/styles.css';
import { FacetsApp, mount } from '@facets/portal-kit';
import { ConsoleApp } from './ConsoleApp.tsx';
import { PublicPages } from './frame/PublicPages.tsx';
import { messages } from './messages.ts';

mount(
  <FacetsApp messages={messages} base={import.meta.env.BASE_URL}>
    <PublicPages fallback={<ConsoleApp />} />
  </FacetsApp>,
);
