import { DomainError } from '@facets/domain';
import type { Kysely } from 'kysely';
import { listSegmentAttributes, requireGroup } from '../repositories/groups.ts';
import { inTransaction, parseJson } from '../repositories/rows.ts';
import type { Database } from '../schema.ts';

/**
 * One person of a group's directory written at a time (the REST API's people endpoints, an integration's CRM or HR
 * system): matched by external id, else by e-mail (any case), created when neither matches, updated with the fields
 * sent (the others kept), and active again. Deactivating keeps the row, as a sync does. An erased person is never
 * matched: their identity is gone, and writing it back would undo the erasure.
 */

export interface PersonFields {
  externalId?: string | undefined;
  email?: string | undefined;
  name?: string | undefined;
  locale?: 'fr' | 'en' | undefined;
  /** Segment key → value, each an active attribute of the group and one of its values; merged into the stored ones. */
  segments?: Record<string, string> | undefined;
}

export async function upsertPerson(
  db: Kysely<Database>,
  args: { organizationId: string; groupId: string; person: PersonFields; now: string; newId: () => string },
): Promise<{ personId: string; created: boolean }> {
  const { organizationId, person } = args;
  if (person.externalId === undefined && person.email === undefined) {
    throw new DomainError('invalid', 'person: an external id or an e-mail is required', 'externalId', 'required');
  }
  return inTransaction(db, async (trx) => {
    const group = await requireGroup(trx, { organizationId, groupId: args.groupId });
    const attributes = await listSegmentAttributes(trx, { organizationId, groupId: group.id, active: true });
    for (const [key, value] of Object.entries(person.segments ?? {})) {
      const attribute = attributes.find((a) => a.key === key);
      if (!attribute)
        throw new DomainError('invalid', `segments.${key}: the group has no such attribute`, `segments.${key}`);
      if (!attribute.values.some((v) => v.value === value)) {
        throw new DomainError('invalid', `segments.${key}: ${value} is not one of its values`, `segments.${key}`);
      }
    }
    const email = person.email?.toLowerCase();
    const candidates = await trx
      .selectFrom('stakeholder')
      .select(['id', 'external_ref', 'email', 'segments'])
      .where('organization_id', '=', organizationId)
      .where('group_id', '=', group.id)
      .where('erased_at', 'is', null)
      .where((eb) =>
        eb.or([
          ...(person.externalId !== undefined ? [eb('external_ref', '=', person.externalId)] : []),
          ...(email !== undefined ? [eb(eb.fn('lower', ['email']), '=', email)] : []),
        ]),
      )
      .execute();
    const byRef = candidates.find((c) => person.externalId !== undefined && c.external_ref === person.externalId);
    const byEmail = candidates.find((c) => email !== undefined && c.email?.toLowerCase() === email);
    if (byRef && byEmail && byRef.id !== byEmail.id) {
      throw new DomainError('conflict', 'email: belongs to another person of the group', 'email', 'duplicate');
    }
    const existing = byRef ?? byEmail;
    if (!existing) {
      const id = args.newId();
      await trx
        .insertInto('stakeholder')
        .values({
          id,
          organization_id: organizationId,
          group_id: group.id,
          external_ref: person.externalId ?? null,
          email: person.email ?? null,
          display_name: person.name ?? person.email ?? person.externalId!,
          company: null,
          segments: JSON.stringify(person.segments ?? {}),
          locale: person.locale ?? null,
          created_at: args.now,
        })
        .execute();
      return { personId: id, created: true };
    }
    await trx
      .updateTable('stakeholder')
      .set({
        ...(person.externalId !== undefined ? { external_ref: person.externalId } : {}),
        ...(person.email !== undefined ? { email: person.email } : {}),
        ...(person.name !== undefined ? { display_name: person.name } : {}),
        ...(person.locale !== undefined ? { locale: person.locale } : {}),
        segments: JSON.stringify({ ...parseJson<Record<string, string>>(existing.segments, {}), ...person.segments }),
        active: 1,
      })
      .where('organization_id', '=', organizationId)
      .where('id', '=', existing.id)
      .execute();
    return { personId: existing.id, created: false };
  });
}

/** Takes a person out of the group's active directory; the row stays, as after a sync that no longer lists them. */
export async function deactivatePerson(
  db: Kysely<Database>,
  args: { organizationId: string; groupId: string; personId: string },
): Promise<{ personId: string; active: false }> {
  const result = await db
    .updateTable('stakeholder')
    .set({ active: 0 })
    .where('organization_id', '=', args.organizationId)
    .where('group_id', '=', args.groupId)
    .where('id', '=', args.personId)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) {
    throw new DomainError('not_found', 'personId: no such person in this group', 'personId');
  }
  return { personId: args.personId, active: false };
}
