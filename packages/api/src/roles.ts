import type { StaffRole } from '@facets/domain';

/**
 * Who may change what in the console (the console mirrors these lists to keep its menus honest; this is the rule).
 * Every staff role reads the plan (a manager only what concerns employees); the analyst reads and changes nothing.
 */
export const INTENDED_EDITORS: readonly StaffRole[] = ['admin', 'leadership'];
/** Action plans: managers write their department's, the roles that see the whole organisation any scope's. */
export const ACTION_PLANNERS: readonly StaffRole[] = ['admin', 'leadership', 'hr', 'manager'];
/** Initiatives, promises and the feedback inbox. */
export const PLAN_RUNNERS: readonly StaffRole[] = ['admin', 'leadership', 'hr'];
/**
 * Feedback is read by everyone but managers: employees write to HR in confidence, often about their own manager,
 * and anonymous feedback carries no department that a manager's view could be narrowed to.
 */
export const FEEDBACK_READERS: readonly StaffRole[] = ['admin', 'leadership', 'hr', 'analyst'];
/** People, roles and settings are read by the roles that see the whole organisation, and changed by admins only. */
export const SETTINGS_READERS: readonly StaffRole[] = ['admin', 'leadership', 'hr', 'analyst'];
export const ADMINS: readonly StaffRole[] = ['admin'];
/** The audit log is read by those who answer for the organisation: its admins and its leadership. */
export const AUDIT_READERS: readonly StaffRole[] = ['admin', 'leadership'];
