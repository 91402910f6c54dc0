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

/** A label as the audit log keeps it: its texts, French first (one when the organisation writes in one language). */
export const labelDetail = (label: { fr?: string | undefined; en?: string | undefined }): string =>
  [label.fr, label.en].filter((t) => t !== undefined && t !== '').join(' / ');

export const tenant = (organizationId: string) => ({ organization_id: organizationId });
