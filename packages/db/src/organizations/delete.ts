import type { Kysely } from 'kysely';
import { inTransaction } from '../repositories/rows.ts';
import type { Database } from '../schema.ts';
import { TENANT_TABLES, type TenantTable } from './tenant-tables.ts';

export interface OrganizationSummary {
  id: string;
  slug: string;
  name: string;
  /** Current memberships: staff and stakeholders who sign in. */
  members: number;
  groups: number;
  responses: number;
}

/** Every organisation with a few counts, by slug (`facets org list`). */
export async function listOrganizationSummaries(db: Kysely<Database>): Promise<OrganizationSummary[]> {
  const rows = await db
    .selectFrom('organization as o')
    .select((eb) => [
      'o.id',
      'o.slug',
      'o.name',
      eb
        .selectFrom('member as m')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('m.organization_id', '=', 'o.id')
        .where('m.removed_at', 'is', null)
        .as('members'),
      eb
        .selectFrom('stakeholder_group as g')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('g.organization_id', '=', 'o.id')
        .as('groups'),
      eb
        .selectFrom('response as r')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('r.organization_id', '=', 'o.id')
        .as('responses'),
    ])
    .orderBy('o.slug')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    name: r.name,
    members: Number(r.members),
    groups: Number(r.groups),
    responses: Number(r.responses),
  }));
}

export interface DeletedOrganization {
  /** Rows deleted per tenant table. */
  rows: Record<TenantTable, number>;
  /** Accounts deleted with it: those with no membership in any other organisation. */
  accounts: number;
}

/** Ids per statement, well under both dialects' limits on bound parameters. */
const CHUNK = 500;

/**
 * Deletes an organisation: every row of every tenant table (TENANT_TABLES, in an order the foreign keys allow), the
 * organisation, and the accounts (users, their sessions, credentials and password links) that belong to no other
 * organisation. One transaction: all of it or nothing. Other organisations' rows are not touched.
 */
export async function deleteOrganization(
  db: Kysely<Database>,
  args: { organizationId: string },
): Promise<DeletedOrganization> {
  const { organizationId } = args;
  return inTransaction(db, async (trx) => {
    const users = await trx
      .selectFrom('member')
      .select('user_id')
      .distinct()
      .where('organization_id', '=', organizationId)
      .where((eb) =>
        eb(
          'user_id',
          'not in',
          eb.selectFrom('member as other').select('other.user_id').where('other.organization_id', '<>', organizationId),
        ),
      )
      .execute();
    const rows = {} as Record<TenantTable, number>;
    for (const table of TENANT_TABLES) {
      const result = await trx.deleteFrom(table).where('organization_id', '=', organizationId).executeTakeFirst();
      rows[table] = Number(result.numDeletedRows);
    }
    await trx.deleteFrom('organization').where('id', '=', organizationId).execute();
    const ids = users.map((u) => u.user_id);
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK);
      // A password link's verification row holds its user's id as value.
      await trx.deleteFrom('auth_verification').where('value', 'in', chunk).execute();
      await trx.deleteFrom('auth_session').where('user_id', 'in', chunk).execute();
      await trx.deleteFrom('auth_account').where('user_id', 'in', chunk).execute();
      await trx.deleteFrom('auth_user').where('id', 'in', chunk).execute();
    }
    return { rows, accounts: ids.length };
  });
}
