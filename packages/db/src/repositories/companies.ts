import type { CompanyAssignment, KnownCompany } from '@facets/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { parseJson } from './rows.ts';

/** Storage of company records; which company a contact belongs to is decided by `assignCompanies` in domain. */

export async function listCompanies(db: Kysely<Database>, organizationId: string): Promise<KnownCompany[]> {
  const rows = await db
    .selectFrom('company')
    .select(['id', 'name', 'domains'])
    .where('organization_id', '=', organizationId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, domains: parseJson<string[]>(r.domains, []) }));
}

/** Writes what an assignment decided: the new companies, and the domains known companies gain. */
export async function saveCompanyAssignment(
  trx: Kysely<Database>,
  args: { organizationId: string; assignment: CompanyAssignment; known: readonly KnownCompany[]; now: string },
): Promise<void> {
  const { organizationId, assignment } = args;
  for (let i = 0; i < assignment.created.length; i += 200) {
    await trx
      .insertInto('company')
      .values(
        assignment.created.slice(i, i + 200).map((c) => ({
          id: c.id,
          organization_id: organizationId,
          name: c.name,
          domains: JSON.stringify(c.domains),
          created_at: args.now,
        })),
      )
      .execute();
  }
  for (const { companyId, domains } of assignment.domainsAdded) {
    const before = args.known.find((c) => c.id === companyId)?.domains ?? [];
    await trx
      .updateTable('company')
      .set({ domains: JSON.stringify([...new Set([...before, ...domains])]) })
      .where('organization_id', '=', organizationId)
      .where('id', '=', companyId)
      .execute();
  }
}
