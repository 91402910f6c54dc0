import type { Me } from '@facets/portal-kit';

/**
 * Whether `me` has one of `roles`: the lists are the API's rule (@facets/domain roles.ts); the console uses them to
 * show each role the pages and controls it can use, and the API refuses everything else whatever the screen shows.
 */
export const can = (me: Me, roles: readonly string[]): boolean => roles.includes(me.role);
