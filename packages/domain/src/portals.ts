import type { GroupKind } from './model.ts';

/*
 * Where each group's people are served (docs/architecture.md, Portals). Every group has its portal at
 * `/<group code>/`; the server serves it with the portal app of the group's kind. Each app also has a mount of its
 * own, where its files (and its pages) are: the four kinds' apps at their kind's name, custom groups' generic app at
 * `group`. So a code is the path of a group's portal, and a code that is one of the server's own paths, or the mount
 * of an app that does not serve the group's kind, would put the group's portal where it cannot be.
 */

/** The mount of the portal app that serves each kind of group: `/employee/`, …, `/group/` for custom groups. */
export const PORTAL_MOUNTS: Readonly<Record<GroupKind, string>> = {
  employee: 'employee',
  supplier: 'supplier',
  customer: 'customer',
  shareholder: 'shareholder',
  custom: 'group',
};

/** The server's own first path segments, which no group's portal may take (the console, the API, health). */
export const SERVER_PATHS: readonly string[] = ['console', 'api', 'trpc', 'healthz', 'health', 'assets', 'static'];

/**
 * Why a group of `kind` may not have `code`, or null when it may: the code is a path of the server, or the mount of
 * the portal app of another kind (a supplier group coded `employee` would be served by the employee app's mount).
 */
export function groupCodeRefusal(kind: GroupKind, code: string): string | null {
  if (SERVER_PATHS.includes(code)) return `"${code}" is a path of the server`;
  const mountOf = Object.entries(PORTAL_MOUNTS).find(([, mount]) => mount === code);
  if (mountOf && mountOf[0] !== kind) return `"${code}" is where the ${mountOf[0]} groups' portal app is served`;
  return null;
}

/** The path of a group's portal: `/<code>/`. */
export function portalPath(code: string): string {
  return `/${encodeURIComponent(code)}/`;
}

/**
 * The kind whose portal app serves the path `/<code>/`, from the kinds of the groups that have this code on the
 * server (one organisation's code may be another's too): their kind when they agree, else the generic app of custom
 * groups, which serves any group by its code; null when no group has the code.
 */
export function servingKind(kinds: readonly GroupKind[]): GroupKind | null {
  const distinct = new Set(kinds);
  if (distinct.size === 0) return null;
  return distinct.size === 1 ? ([...distinct][0] as GroupKind) : 'custom';
}
