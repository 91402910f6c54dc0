/**
 * The people directory of a stakeholder group: the rules a sync from an HR or CRM file follows, as plain functions
 * (db/src/directory applies them). Dates are calendar days (YYYY-MM-DD); a reporting line is a manager per person, by
 * the person's key (their external id in the file).
 */

/** A sync that would deactivate more than this share of the group's active people asks to be confirmed first. */
export const DEACTIVATION_CONFIRM_SHARE = 0.4;

/** Whether deactivating `deactivated` of `active` people is more than `share` of them: a file cut short, probably. */
export function deactivationNeedsConfirmation(
  active: number,
  deactivated: number,
  share: number = DEACTIVATION_CONFIRM_SHARE,
): boolean {
  return deactivated > 0 && deactivated > active * share;
}

/**
 * Deactivations no person confirms one by one (SCIM) are held to the same share over a sliding window: within this
 * long, no more than `DEACTIVATION_CONFIRM_SHARE` of the people active at its start may leave the group's directory.
 */
export const DEACTIVATION_WINDOW_MS = 60 * 60 * 1000;

/**
 * Whether deactivating `adding` more people now would take the window past the limit: `active` are active now,
 * `recent` left within the window (by any path), so `active + recent` were active at its start.
 */
export function deactivationWindowExceeded(
  active: number,
  recent: number,
  adding = 1,
  share: number = DEACTIVATION_CONFIRM_SHARE,
): boolean {
  return deactivationNeedsConfirmation(active + recent, recent + adding, share);
}

/** What a sync may change on a person already in the directory, in the order a summary lists them. */
export const DIRECTORY_FIELDS = [
  'name',
  'email',
  'externalId',
  'company',
  'language',
  'segments',
  'startDate',
  'endDate',
  'manager',
  'active',
] as const;
export type DirectoryField = (typeof DIRECTORY_FIELDS)[number];

/** Which people a directory list shows: the active ones (default), the deactivated and erased ones, or everyone. */
export const DIRECTORY_STATUSES = ['active', 'inactive', 'all'] as const;
export type DirectoryStatus = (typeof DIRECTORY_STATUSES)[number];

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** 31/01/2026 or 31.01.2026: day first, as French (and most European) files write dates. */
const DAY_FIRST = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/;

/** A file's date as YYYY-MM-DD (ISO or day/month/year), or null when it is not a day of the calendar. */
export function parseDirectoryDate(text: string): string | null {
  const value = text.trim();
  const iso = ISO_DAY.exec(value);
  const dayFirst = DAY_FIRST.exec(value);
  const parts = iso
    ? { y: Number(iso[1]), m: Number(iso[2]), d: Number(iso[3]) }
    : dayFirst
      ? { y: Number(dayFirst[3]), m: Number(dayFirst[2]), d: Number(dayFirst[1]) }
      : null;
  if (!parts || parts.y < 1900 || parts.y > 2200 || parts.m < 1 || parts.m > 12 || parts.d < 1) return null;
  const daysInMonth = new Date(Date.UTC(parts.y, parts.m, 0)).getUTCDate();
  if (parts.d > daysInMonth) return null;
  return `${String(parts.y).padStart(4, '0')}-${String(parts.m).padStart(2, '0')}-${String(parts.d).padStart(2, '0')}`;
}

/**
 * The cycles of a reporting line: every chain of managers that comes back to where it started (someone their own
 * manager, two people managing each other…). Each cycle lists its people's keys from the one that comes first in
 * `links`, in reporting order (person, their manager, theirs…); a person is in one cycle at most.
 */
export function reportingCycles(links: readonly { key: string; manager: string | null }[]): string[][] {
  const managerOf = new Map(links.map((l) => [l.key, l.manager]));
  const done = new Set<string>();
  const cycles: string[][] = [];
  for (const { key } of links) {
    if (done.has(key)) continue;
    const path: string[] = [];
    const onPath = new Map<string, number>();
    let current: string | null | undefined = key;
    while (current != null && !done.has(current) && !onPath.has(current)) {
      onPath.set(current, path.length);
      path.push(current);
      current = managerOf.get(current);
    }
    if (current != null && onPath.has(current)) cycles.push(path.slice(onPath.get(current)));
    for (const k of path) done.add(k);
  }
  return cycles;
}
