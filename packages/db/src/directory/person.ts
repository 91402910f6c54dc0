import {
  DEACTIVATION_CONFIRM_SHARE,
  DEACTIVATION_WINDOW_MS,
  DomainError,
  deactivationWindowExceeded,
} from '@facets/domain';
import type { Kysely } from 'kysely';
import { listSegmentAttributes, requireGroup, type SegmentAttribute } from '../repositories/groups.ts';
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
    checkSegments(await activeAttributes(trx, organizationId, group.id), person.segments ?? {});
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
        deactivated_at: null,
      })
      .where('organization_id', '=', organizationId)
      .where('id', '=', existing.id)
      .execute();
    return { personId: existing.id, created: false };
  });
}

const activeAttributes = (db: Kysely<Database>, organizationId: string, groupId: string) =>
  listSegmentAttributes(db, { organizationId, groupId, active: true });

/** Each segment an active attribute of the group and one of its values; refused naming `segments.<key>` otherwise. */
function checkSegments(attributes: readonly SegmentAttribute[], segments: Record<string, string>): void {
  for (const [key, value] of Object.entries(segments)) {
    const attribute = attributes.find((a) => a.key === key);
    if (!attribute)
      throw new DomainError('invalid', `segments.${key}: the group has no such attribute`, `segments.${key}`);
    if (!attribute.values.some((v) => v.value === value)) {
      throw new DomainError('invalid', `segments.${key}: ${value} is not one of its values`, `segments.${key}`);
    }
  }
}

/** The limit a deactivation no person confirms is held to (domain `deactivationWindowExceeded`). */
export interface DeactivationLimit {
  share?: number;
  windowMs?: number;
}

/**
 * Refuses a deactivation that would take the group past the deactivation limit within its window: the same share a
 * sync asks to confirm, counted over the people who left by any path within the window. On PostgreSQL the no-op
 * update holds the group's row until commit, so that two deactivations at once count each other.
 */
async function checkDeactivationLimit(
  trx: Kysely<Database>,
  args: { organizationId: string; groupId: string; now: string; limit: DeactivationLimit },
): Promise<void> {
  await trx
    .updateTable('stakeholder_group')
    .set((eb) => ({ code: eb.ref('code') }))
    .where('organization_id', '=', args.organizationId)
    .where('id', '=', args.groupId)
    .execute();
  const since = new Date(Date.parse(args.now) - (args.limit.windowMs ?? DEACTIVATION_WINDOW_MS)).toISOString();
  const row = await trx
    .selectFrom('stakeholder')
    .select((eb) => [
      eb.fn.sum<number | string | null>(eb.case().when('active', '=', 1).then(1).else(0).end()).as('active'),
      eb.fn
        .sum<number | string | null>(
          eb
            .case()
            .when(eb.and([eb('active', '=', 0), eb('deactivated_at', '>', since)]))
            .then(1)
            .else(0)
            .end(),
        )
        .as('recent'),
    ])
    .where('organization_id', '=', args.organizationId)
    .where('group_id', '=', args.groupId)
    .where('erased_at', 'is', null)
    .executeTakeFirstOrThrow();
  const active = Number(row.active ?? 0);
  const recent = Number(row.recent ?? 0);
  const share = args.limit.share ?? DEACTIVATION_CONFIRM_SHARE;
  if (deactivationWindowExceeded(active, recent, 1, share)) {
    throw new DomainError(
      'conflict',
      `active: ${recent} of the ${active + recent} people of the group active an hour ago were deactivated since; ` +
        `one more would be more than ${Math.round(share * 100)} %: an admin must check the directory first`,
      'active',
      'deactivation_limit',
    );
  }
}

/**
 * Takes a person out of the group's active directory; the row stays, as after a sync that no longer lists them.
 * With `limit`, refused past the deactivation limit (an integration: nobody confirms it).
 */
export async function deactivatePerson(
  db: Kysely<Database>,
  args: { organizationId: string; groupId: string; personId: string; now: string; limit?: DeactivationLimit },
): Promise<{ personId: string; active: false }> {
  return inTransaction(db, async (trx) => {
    const person = await trx
      .selectFrom('stakeholder')
      .select(['id', 'active'])
      .where('organization_id', '=', args.organizationId)
      .where('group_id', '=', args.groupId)
      .where('id', '=', args.personId)
      .executeTakeFirst();
    if (!person) throw new DomainError('not_found', 'personId: no such person in this group', 'personId');
    // Deactivating someone inactive changes nothing, and is not counted again.
    if (person.active === 0) return { personId: person.id, active: false as const };
    if (args.limit) await checkDeactivationLimit(trx, { ...args, limit: args.limit });
    await trx
      .updateTable('stakeholder')
      .set({ active: 0, deactivated_at: args.now })
      .where('organization_id', '=', args.organizationId)
      .where('id', '=', person.id)
      .execute();
    return { personId: person.id, active: false as const };
  });
}

/** A person as a provisioning client states them whole (SCIM): every field given, a missing one cleared. */
export interface PersonRecord {
  externalId: string | null;
  email: string;
  name: string;
  locale: 'fr' | 'en' | null;
  /** Every segment of the group's active attributes (a key left out is cleared); archived ones are kept. */
  segments: Record<string, string>;
  /** Another person of the group. */
  managerId: string | null;
  active: boolean;
}

/**
 * Refuses an e-mail (any case) or external id that another person of the group holds, naming the field; erased
 * people hold neither any more.
 */
async function checkUnique(
  trx: Kysely<Database>,
  args: { organizationId: string; groupId: string; record: PersonRecord; personId?: string },
): Promise<void> {
  const { record } = args;
  const email = record.email.toLowerCase();
  let query = trx
    .selectFrom('stakeholder')
    .select(['id', 'email', 'external_ref'])
    .where('organization_id', '=', args.organizationId)
    .where('group_id', '=', args.groupId)
    .where('erased_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['email']), '=', email),
        ...(record.externalId !== null ? [eb('external_ref', '=', record.externalId)] : []),
      ]),
    );
  if (args.personId !== undefined) query = query.where('id', '<>', args.personId);
  const clashes = await query.execute();
  if (clashes.some((c) => c.email?.toLowerCase() === email)) {
    throw new DomainError('conflict', 'email: belongs to another person of the group', 'email', 'duplicate');
  }
  if (clashes.length > 0) {
    throw new DomainError('conflict', 'externalId: belongs to another person of the group', 'externalId', 'duplicate');
  }
}

/** The manager must be another person of the group, and the reporting line must not come back to the person. */
async function checkManager(
  trx: Kysely<Database>,
  args: { organizationId: string; groupId: string; managerId: string | null; personId: string | null },
): Promise<void> {
  if (args.managerId === null) return;
  if (args.managerId === args.personId) {
    throw new DomainError('invalid', 'manager: a person cannot be their own manager', 'manager', 'invalid_value');
  }
  const line = new Set<string>();
  let current: string | null = args.managerId;
  while (current !== null && !line.has(current)) {
    line.add(current);
    const row = await trx
      .selectFrom('stakeholder')
      .select(['id', 'manager_id'])
      .where('organization_id', '=', args.organizationId)
      .where('group_id', '=', args.groupId)
      .where('id', '=', current)
      .where('erased_at', 'is', null)
      .executeTakeFirst();
    if (!row) {
      if (current === args.managerId)
        throw new DomainError('invalid', 'manager: no such person in this group', 'manager', 'not_found');
      break;
    }
    if (row.manager_id !== null && row.manager_id === args.personId) {
      throw new DomainError(
        'invalid',
        'manager: the reporting line would come back to this person',
        'manager',
        'invalid_value',
      );
    }
    current = row.manager_id;
  }
}

/** Creates a person exactly as stated; an e-mail or external id another person of the group holds is refused. */
export async function createPerson(
  db: Kysely<Database>,
  args: { organizationId: string; groupId: string; record: PersonRecord; now: string; newId: () => string },
): Promise<{ personId: string }> {
  const { organizationId, record } = args;
  return inTransaction(db, async (trx) => {
    const group = await requireGroup(trx, { organizationId, groupId: args.groupId });
    checkSegments(await activeAttributes(trx, organizationId, group.id), record.segments);
    await checkUnique(trx, { organizationId, groupId: group.id, record });
    await checkManager(trx, { organizationId, groupId: group.id, managerId: record.managerId, personId: null });
    const id = args.newId();
    await trx
      .insertInto('stakeholder')
      .values({
        id,
        organization_id: organizationId,
        group_id: group.id,
        external_ref: record.externalId,
        email: record.email,
        display_name: record.name,
        company: null,
        segments: JSON.stringify(record.segments),
        locale: record.locale,
        manager_id: record.managerId,
        active: record.active ? 1 : 0,
        created_at: args.now,
      })
      .execute();
    return { personId: id };
  });
}

/**
 * Replaces a person of the group with the record: segments of the group's active attributes as stated (archived
 * ones kept), the rest as given. Deactivating someone through it is held to `limit` when given.
 */
export async function replacePerson(
  db: Kysely<Database>,
  args: {
    organizationId: string;
    groupId: string;
    personId: string;
    record: PersonRecord;
    now: string;
    limit?: DeactivationLimit;
  },
): Promise<{ personId: string; changed: boolean; deactivated: boolean }> {
  const { organizationId, record } = args;
  return inTransaction(db, async (trx) => {
    const existing = await trx
      .selectFrom('stakeholder')
      .select(['id', 'external_ref', 'email', 'display_name', 'locale', 'segments', 'manager_id', 'active'])
      .where('organization_id', '=', organizationId)
      .where('group_id', '=', args.groupId)
      .where('id', '=', args.personId)
      .where('erased_at', 'is', null)
      .executeTakeFirst();
    if (!existing) throw new DomainError('not_found', 'personId: no such person in this group', 'personId');
    const attributes = await activeAttributes(trx, organizationId, args.groupId);
    checkSegments(attributes, record.segments);
    await checkUnique(trx, { organizationId, groupId: args.groupId, record, personId: existing.id });
    if (record.managerId !== existing.manager_id) {
      await checkManager(trx, {
        organizationId,
        groupId: args.groupId,
        managerId: record.managerId,
        personId: existing.id,
      });
    }
    const active = new Set(attributes.map((a) => a.key));
    const kept = Object.entries(parseJson<Record<string, string>>(existing.segments, {})).filter(
      ([key]) => !active.has(key),
    );
    const segments = JSON.stringify(Object.fromEntries([...kept, ...Object.entries(record.segments)].sort()));
    const deactivated = existing.active === 1 && !record.active;
    if (deactivated && args.limit) await checkDeactivationLimit(trx, { ...args, limit: args.limit });
    const next = {
      external_ref: record.externalId,
      email: record.email,
      display_name: record.name,
      locale: record.locale,
      segments,
      manager_id: record.managerId,
      active: record.active ? 1 : 0,
    };
    const before = {
      external_ref: existing.external_ref,
      email: existing.email,
      display_name: existing.display_name,
      locale: existing.locale,
      segments: JSON.stringify(Object.fromEntries(Object.entries(parseJson(existing.segments, {})).sort())),
      manager_id: existing.manager_id,
      active: existing.active,
    };
    const changed = (Object.keys(next) as (keyof typeof next)[]).some((k) => next[k] !== before[k]);
    if (!changed) return { personId: existing.id, changed: false, deactivated: false };
    await trx
      .updateTable('stakeholder')
      .set({
        ...next,
        ...(deactivated ? { deactivated_at: args.now } : {}),
        ...(record.active ? { deactivated_at: null } : {}),
      })
      .where('organization_id', '=', organizationId)
      .where('id', '=', existing.id)
      .execute();
    return { personId: existing.id, changed: true, deactivated };
  });
}
