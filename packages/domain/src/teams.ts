/**
 * Managers' teams (docs/architecture.md, "Teams"). The team of a manager M is everyone under M in the reporting line,
 * directly or not, at the time of their answer. A response records it as one segment of its snapshot, `team`, whose
 * value lists the managers above the respondent, nearest first: the response counts in the team of each of them.
 * Unlike other segment keys, `team` is carried with several values at once, so every reader of a snapshot asks here
 * which segments it carries (`segmentValues`, `carries`) instead of comparing `segments[key]` with a value.
 */

/** The segment key of managers' teams; its values are the managers' person ids (the directory's stakeholder ids). */
export const TEAM_KEY = 'team';

/**
 * How many managers above a person a reporting line may hold. A response counts in one team per manager above its
 * respondent, so its aggregate rows grow with the depth: a directory deeper than this is refused (db `directory`).
 */
export const MAX_REPORTING_DEPTH = 12;

/** Ids never hold a space (ULIDs, hex): the path of managers is their ids joined by one. */
const SEPARATOR = ' ';

/** The `team` value of a snapshot from the managers above the respondent, nearest first (none: no value). */
export function teamPath(managers: readonly string[]): string {
  return managers.join(SEPARATOR);
}

/** The values a snapshot carries for a key: the managers above for `team`, else its one value (none when empty). */
export function segmentValues(segments: Readonly<Record<string, string>>, key: string): string[] {
  const value = segments[key];
  if (value === undefined || value === '') return [];
  return key === TEAM_KEY ? value.split(SEPARATOR).filter((v) => v !== '') : [value];
}

/** Whether a snapshot is a member of a segment (for `team`: the respondent is under that manager). */
export function carries(segments: Readonly<Record<string, string>>, segment: { key: string; value: string }): boolean {
  return segmentValues(segments, segment.key).includes(segment.value);
}

/** Every segment a snapshot is a member of, keys in code-unit order, a team's managers nearest first. */
export function segmentsCarried(segments: Readonly<Record<string, string>>): { key: string; value: string }[] {
  return Object.keys(segments)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .flatMap((key) => segmentValues(segments, key).map((value) => ({ key, value })));
}

/**
 * A snapshot keeping, of each key, only the values `keep` accepts (the team path keeps its accepted managers in
 * order); a key left with no value is dropped.
 */
export function keepSegments(
  segments: Readonly<Record<string, string>>,
  keep: (segment: { key: string; value: string }) => boolean,
): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const key of Object.keys(segments)) {
    const values = segmentValues(segments, key).filter((value) => keep({ key, value }));
    if (values.length > 0) kept[key] = key === TEAM_KEY ? teamPath(values) : values[0]!;
  }
  return kept;
}
