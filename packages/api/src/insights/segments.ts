import { type Database, listSegmentAttributes } from '@facets/db';
import type { Kysely } from 'kysely';
import { requireGroup, type Scope, wavesOf } from './scope.ts';

/**
 * `insights.segments`: what a group can be cut by and when — its segment keys with their labelled values, and the
 * waves that hold answers (oldest first). Configuration only, no figure: the console fills its pickers with it.
 */
export async function segmentsView(db: Kysely<Database>, scope: Scope, groupId: string) {
  const group = await requireGroup(db, scope, groupId);
  const [attributes, waves] = await Promise.all([
    listSegmentAttributes(db, { organizationId: scope.organizationId, groupId: group.id }),
    wavesOf(db, scope, group.id),
  ]);
  return { groupId: group.id, waves, segments: attributes };
}
