import type { Me } from '@facets/portal-kit';

/**
 * Who may change what, as the API decides it (packages/api/src/roles.ts). The console uses these lists to show
 * each role the pages and controls it can use; the API refuses everything else whatever the screen shows.
 */
export const STAFF_ROLES = ['admin', 'leadership', 'hr', 'manager', 'analyst'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const INTENDED_EDITORS: readonly string[] = ['admin', 'leadership'];
/** Action plans: managers their department's, the roles that act for the whole organisation any scope's. */
export const ACTION_PLANNERS: readonly string[] = ['admin', 'leadership', 'hr', 'manager'];
/** Initiatives, promises and the feedback inbox. */
export const PLAN_RUNNERS: readonly string[] = ['admin', 'leadership', 'hr'];
/** Everyone but managers: employees write to HR in confidence, often about their manager. */
export const FEEDBACK_READERS: readonly string[] = ['admin', 'leadership', 'hr', 'analyst'];
export const SETTINGS_READERS: readonly string[] = ['admin', 'leadership', 'hr', 'analyst'];
export const ADMINS: readonly string[] = ['admin'];
/** The audit log: admins and leadership. */
export const AUDIT_READERS: readonly string[] = ['admin', 'leadership'];

export const can = (me: Me, roles: readonly string[]): boolean => roles.includes(me.role);
