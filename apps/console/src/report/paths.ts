import type { Selection } from '../figures/figures.tsx';

/** Where the console shows a group's printable report: for the whole group or one segment, in one selection. */
export function reportPath(
  groupId: string,
  segment?: { key: string; value: string } | null,
  selection?: Selection | null,
): string {
  const params = new URLSearchParams({ group: groupId });
  if (segment) {
    params.set('key', segment.key);
    params.set('value', segment.value);
  }
  if (selection?.surveyId) params.set('survey', selection.surveyId);
  if (selection?.waveId) params.set('wave', selection.waveId);
  return `report?${params.toString()}`;
}
