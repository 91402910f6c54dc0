import type { createCaller } from '@facets/api';

/** What the people.* procedures return, as the console receives it (plain JSON, no transformer). */
type Api = ReturnType<typeof createCaller>['people'];

export type DirectoryPage = Awaited<ReturnType<Api['list']>>;
export type DirectoryPerson = DirectoryPage['people'][number];
export type SyncOutcome = Awaited<ReturnType<Api['sync']['commit']>>;
export type SyncSummary = Extract<SyncOutcome, { status: 'needs_confirmation' }>['summary'];
