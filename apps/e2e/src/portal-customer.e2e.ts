import { describePortal } from './portal-describe.ts';

describePortal('customer');
