import '@facets/ui/styles.css';
import { mountPortal } from '@facets/portal-kit';
import { messages } from './messages.ts';

// One app for every custom group (partners, patients, students…), each at its own code: titled by the group's label.
mountPortal({ messages, mountedAt: import.meta.env.BASE_URL, titleByGroup: true });
