import { describePortal } from './portal-describe.ts';

describePortal('shareholder');
