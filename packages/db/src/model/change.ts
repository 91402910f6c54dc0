import type { AuditValue, ModelItem } from '@facets/domain';

/**
 * What one change of the model did, for the caller to record (the API writes it to the audit log in the same
 * transaction): the kind of change, the item, its id and what to say about it — codes and labels, never a person.
 */
export interface ModelChange<T = unknown> {
  change: 'create' | 'update' | 'archive' | 'delete';
  item: ModelItem;
  target: string;
  details: Record<string, AuditValue>;
  result: T;
}

/** A bilingual label as the audit log keeps it: the two texts, French first. */
export const labelDetail = (label: { fr: string; en: string }): string => `${label.fr} / ${label.en}`;

export const tenant = (organizationId: string) => ({ organization_id: organizationId });
