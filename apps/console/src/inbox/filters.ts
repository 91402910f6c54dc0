import type { FeedbackCategory, FeedbackStatus } from '@facets/domain';

/** What the inbox shows: its filters as the page keeps them (empty strings for "all"). */
export interface InboxView {
  status: FeedbackStatus | '';
  groupId: string;
  category: string;
  dimensionId: string;
  /** '' (anyone), 'me', 'unassigned' or a member id. */
  assignee: string;
  search: string;
  sort: 'activity' | 'newest' | 'oldest';
}

export const EMPTY_VIEW: InboxView = {
  status: '',
  groupId: '',
  category: '',
  dimensionId: '',
  assignee: '',
  search: '',
  sort: 'activity',
};

/** How many messages a page asks for, and the most the API gives at once. */
export const PAGE_SIZE = 50;
export const MAX_LIMIT = 200;

/** The API's input for a view: only the filters set, words trimmed. */
export function inboxInput(view: InboxView, limit: number) {
  const search = view.search.trim();
  return {
    ...(view.status ? { status: view.status } : {}),
    ...(view.groupId ? { groupId: view.groupId } : {}),
    ...(view.category ? { category: view.category as FeedbackCategory } : {}),
    ...(view.dimensionId ? { dimensionId: view.dimensionId } : {}),
    ...(view.assignee ? { assignee: view.assignee } : {}),
    ...(search ? { search } : {}),
    ...(view.sort === 'activity' ? {} : { sort: view.sort }),
    limit,
  };
}

export const isFiltered = (view: InboxView) =>
  (Object.keys(EMPTY_VIEW) as (keyof InboxView)[]).some((k) => k !== 'sort' && view[k] !== EMPTY_VIEW[k]);
