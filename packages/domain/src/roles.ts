import { z } from 'zod';

export const STAFF_ROLES = ['admin', 'leadership', 'hr', 'manager', 'analyst'] as const;
export const StaffRole = z.enum(STAFF_ROLES);
export type StaffRole = z.infer<typeof StaffRole>;

export const ROLES = [...STAFF_ROLES, 'stakeholder'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/*
 * Who may do what among the staff. The API enforces these lists (`staffProcedure(...)`); the console reads the same
 * ones to show each role the pages and controls it can use. Every staff role reads the plan (a manager only what
 * concerns employees); the analyst reads and changes nothing but the names of comment themes.
 */

/** The organisation's model (groups, dimensions, segment attributes): read as the settings are, edited by these. */
export const MODEL_EDITORS: readonly StaffRole[] = ['admin', 'leadership'];
export const INTENDED_EDITORS: readonly StaffRole[] = ['admin', 'leadership'];
/** Action plans: managers write their department's, the roles that see the whole organisation any scope's. */
export const ACTION_PLANNERS: readonly StaffRole[] = ['admin', 'leadership', 'hr', 'manager'];
/** Initiatives, promises and the feedback inbox. */
export const PLAN_RUNNERS: readonly StaffRole[] = ['admin', 'leadership', 'hr'];
/** Surveys: building them, their waves and their invitations. */
export const SURVEY_BUILDERS: readonly StaffRole[] = ['admin', 'leadership', 'hr'];
/**
 * The people directory of each group (names, e-mails, reporting lines): kept by admins and HR, who sync it from the HR
 * or CRM file and erase a person on request. Not leadership or analysts, who read results, and never managers.
 */
export const DIRECTORY_KEEPERS: readonly StaffRole[] = ['admin', 'hr'];
/** The leadership self-assessment of maturity. */
export const MATURITY_ASSESSORS: readonly StaffRole[] = ['admin', 'leadership'];
/**
 * Views that cut a group into segments or read it whole (breakdowns, drivers, segments, maturity): not for
 * managers, who see their own department only.
 */
export const WHOLE_ORGANISATION_READERS: readonly StaffRole[] = ['admin', 'leadership', 'hr', 'analyst'];
/**
 * The organisation's comment themes (names, merges, dimension mappings): kept by those who read comments across the
 * organisation, analysts first. A merge changes how comments are counted, never which populations are shown.
 */
export const THEME_EDITORS: readonly StaffRole[] = WHOLE_ORGANISATION_READERS;
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
