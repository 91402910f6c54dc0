import { describePortal } from './portal-describe.ts';

describePortal('supplier');
