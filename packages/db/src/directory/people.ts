import { type DirectoryStatus, DomainError } from '@facets/domain';
import { type Kysely, sql } from 'kysely';
import { requireGroup } from '../repositories/groups.ts';
import { containsPattern, inTransaction, parseJson } from '../repositories/rows.ts';
import type { Database } from '../schema.ts';

/** Reading a group's people directory, and erasing a person's identity on request. */

export interface DirectoryPerson {
  id: string;
  externalId: string | null;
  email: string | null;
  name: string;
  locale: string | null;
  company: string | null;
  segments: Record<string, string>;
  startDate: string | null;
  endDate: string | null;
  active: boolean;
  /** Set when the person's identity was erased: name, e-mail, external id and company are gone. */
  erasedAt: string | null;
  manager: { id: string; name: string } | null;
}

export interface DirectoryPage {
  total: number;
  /** Active people of the group, whatever the filter. */
  active: number;
  people: DirectoryPerson[];
}

/** One page of a group's people, by name, searched in name, e-mail and external id (any case). */
export async function listDirectory(
  db: Kysely<Database>,
  args: {
    organizationId: string;
    groupId: string;
    search?: string;
    status?: DirectoryStatus;
    /** Exact matches (a provisioning client's filter): e-mail in any case, external id, id. */
    match?: { email?: string; externalId?: string; id?: string };
    /** Leaves erased people out, whatever the status (a provisioning client never sees them). */
    withoutErased?: boolean;
    page: number;
    pageSize: number;
    /** Rows skipped, instead of `page` pages. */
    offset?: number;
  },
): Promise<DirectoryPage> {
  const group = await requireGroup(db, args);
  const status = args.status ?? 'active';
  const search = args.search?.trim() ?? '';
  let query = db
    .selectFrom('stakeholder as s')
    .where('s.organization_id', '=', args.organizationId)
    .where('s.group_id', '=', group.id);
  if (status === 'active') query = query.where('s.active', '=', 1).where('s.erased_at', 'is', null);
  if (status === 'inactive')
    query = query.where((eb) => eb.or([eb('s.active', '=', 0), eb('s.erased_at', 'is not', null)]));
  if (args.withoutErased) query = query.where('s.erased_at', 'is', null);
  const { match } = args;
  if (match?.email !== undefined)
    query = query.where((eb) => eb(eb.fn('lower', ['s.email']), '=', match.email!.toLowerCase()));
  if (match?.externalId !== undefined) query = query.where('s.external_ref', '=', match.externalId);
  if (match?.id !== undefined) query = query.where('s.id', '=', match.id);
  if (search !== '') {
    const pattern = containsPattern(search);
    query = query.where((eb) =>
      eb.or(
        (['s.display_name', 's.email', 's.external_ref'] as const).map(
          (column) => sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`,
        ),
      ),
    );
  }
  const [{ total }] = (await query.select((eb) => eb.fn.countAll<number | string>().as('total')).execute()) as [
    { total: number | string },
  ];
  const active = await db
    .selectFrom('stakeholder')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('organization_id', '=', args.organizationId)
    .where('group_id', '=', group.id)
    .where('active', '=', 1)
    .where('erased_at', 'is', null)
    .executeTakeFirstOrThrow();
  const rows = await query
    .leftJoin('stakeholder as m', (join) =>
      join.onRef('m.id', '=', 's.manager_id').onRef('m.organization_id', '=', 's.organization_id'),
    )
    .select([
      's.id',
      's.external_ref',
      's.email',
      's.display_name',
      's.locale',
      's.company',
      's.segments',
      's.start_date',
      's.end_date',
      's.active',
      's.erased_at',
      'm.id as manager_id',
      'm.display_name as manager_name',
    ])
    .orderBy('s.erased_at', (o) => o.nullsFirst())
    .orderBy('s.display_name')
    .orderBy('s.id')
    .limit(args.pageSize)
    .offset(args.offset ?? args.page * args.pageSize)
    .execute();
  return {
    total: Number(total),
    active: Number(active.n),
    people: rows.map((r) => ({
      id: r.id,
      externalId: r.external_ref,
      email: r.email,
      name: r.display_name,
      locale: r.locale,
      company: r.company,
      segments: parseJson<Record<string, string>>(r.segments, {}),
      startDate: r.start_date,
      endDate: r.end_date,
      active: r.active === 1 && r.erased_at === null,
      erasedAt: r.erased_at,
      manager: r.manager_id ? { id: r.manager_id, name: r.manager_name ?? '' } : null,
    })),
  };
}

/**
 * Erases a person's identity on request (the right to erasure): name, e-mail, external id, company, language and
 * reporting line go, the row stays — marked erased and inactive — with its segments, so that the aggregates, the
 * anonymous answers and the confidential ones it counts in stay as they were, now attached to nobody nameable. The
 * person's sign-in for this organisation is removed (and their account's name and address, when it serves no other
 * organisation), their unused invitation links stop working, and the e-mails written to them leave the outbox.
 */
export async function eraseStakeholder(
  db: Kysely<Database>,
  args: { organizationId: string; stakeholderId: string; now: string },
): Promise<{ stakeholderId: string; groupId: string; groupCode: string }> {
  return inTransaction(db, async (trx) => {
    const { organizationId } = args;
    const person = await trx
      .selectFrom('stakeholder as s')
      .innerJoin('stakeholder_group as g', 'g.id', 's.group_id')
      .select(['s.id', 's.email', 's.erased_at', 'g.id as group_id', 'g.code as group_code'])
      .where('s.organization_id', '=', organizationId)
      .where('s.id', '=', args.stakeholderId)
      .executeTakeFirst();
    if (!person) throw new DomainError('not_found', 'stakeholderId: no such person', 'stakeholderId');
    if (person.erased_at !== null) {
      throw new DomainError(
        'conflict',
        'stakeholderId: this person was erased already',
        'stakeholderId',
        'wrong_state',
      );
    }
    await trx
      .updateTable('stakeholder')
      .set({
        display_name: '',
        email: null,
        external_ref: null,
        company: null,
        company_id: null,
        locale: null,
        manager_id: null,
        active: 0,
        deactivated_at: null,
        erased_at: args.now,
      })
      .where('organization_id', '=', organizationId)
      .where('id', '=', person.id)
      .execute();
    // A manager linked to this person reads by department again: the link named them.
    await trx
      .updateTable('member')
      .set({ person_id: null })
      .where('organization_id', '=', organizationId)
      .where('person_id', '=', person.id)
      .execute();
    // Nobody reports to a person who can no longer be named; the next sync sets their new manager.
    await trx
      .updateTable('stakeholder')
      .set({ manager_id: null })
      .where('organization_id', '=', organizationId)
      .where('manager_id', '=', person.id)
      .execute();
    await trx
      .updateTable('invitation')
      .set({ expires_at: args.now })
      .where('organization_id', '=', organizationId)
      .where('stakeholder_id', '=', person.id)
      .where('used_at', 'is', null)
      .where('expires_at', '>', args.now)
      .execute();
    if (person.email !== null) {
      // A person who is also an admin may have had notices of undelivered e-mail: their records go with the messages.
      const email = person.email;
      await trx
        .deleteFrom('delivery_notice')
        .where('organization_id', '=', organizationId)
        .where('outbox_id', 'in', (eb) =>
          eb
            .selectFrom('outbox')
            .select('id')
            .where('organization_id', '=', organizationId)
            .where('to_address', '=', email),
        )
        .execute();
      await trx
        .deleteFrom('outbox')
        .where('organization_id', '=', organizationId)
        .where('to_address', '=', person.email)
        .execute();
    }
    // Their in-app notifications go as their e-mails do.
    await trx
      .deleteFrom('notification')
      .where('organization_id', '=', organizationId)
      .where('recipient_kind', '=', 'stakeholder')
      .where('recipient_id', '=', person.id)
      .execute();
    await eraseSignIn(trx, { organizationId, stakeholderId: person.id, now: args.now });
    return { stakeholderId: person.id, groupId: person.group_id, groupCode: person.group_code };
  });
}

/** The person's membership ends; an account that then belongs to no organisation loses its name, address and sessions. */
async function eraseSignIn(
  trx: Kysely<Database>,
  args: { organizationId: string; stakeholderId: string; now: string },
): Promise<void> {
  const members = await trx
    .selectFrom('member')
    .select(['id', 'user_id'])
    .where('organization_id', '=', args.organizationId)
    .where('stakeholder_id', '=', args.stakeholderId)
    .execute();
  for (const member of members) {
    await trx
      .updateTable('member')
      .set({ removed_at: args.now })
      .where('organization_id', '=', args.organizationId)
      .where('id', '=', member.id)
      .where('removed_at', 'is', null)
      .execute();
    const elsewhere = await trx
      .selectFrom('member')
      .select('id')
      .where('user_id', '=', member.user_id)
      .where('removed_at', 'is', null)
      .executeTakeFirst();
    if (elsewhere) continue;
    await trx.deleteFrom('auth_session').where('user_id', '=', member.user_id).execute();
    await trx.deleteFrom('auth_account').where('user_id', '=', member.user_id).execute();
    await trx
      .updateTable('auth_user')
      .set({ name: '', email: `erased-${member.user_id}@erased.invalid`, image: null, updated_at: args.now })
      .where('id', '=', member.user_id)
      .execute();
  }
}
