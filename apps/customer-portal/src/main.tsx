import '@facets/ui/styles.css';
import { mountPortal } from '@facets/portal-kit';
import { messages } from './messages.ts';

mountPortal({ messages, mountedAt: import.meta.env.BASE_URL });
