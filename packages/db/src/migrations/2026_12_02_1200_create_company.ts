import { assignCompanies, companyDomain, companyKey } from '@facets/domain';
import type { Kysely } from 'kysely';
import { newId } from '../ids.ts';

/**
 * Companies as records: a tenant `company` table (name, the e-mail domains of its contacts as a JSON array) and
 * `stakeholder.company_id`. Suppliers are counted by company, and a free-text company let three spellings of one
 * supplier pass for three companies. Existing data moves over in the same migration:
 * - one company per organisation and normalised name (`companyKey`), named by its most frequent spelling, with the
 *   domains of its contacts that no other company's contacts share (never a public mail provider's);
 * - every stakeholder with a company points at its record;
 * - in supplier groups, the `company` segment of responses and aggregates becomes the company's id, the rows of
 *   spellings of one company summed into one, so a wave under way counts each company once before and after.
 * Frozen once landed.
 */

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and typed against no schema
type Db = Kysely<any>;

const COMPANY = 'company';

export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('company')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('domains', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('company_organization_idx').on('company').column('organization_id').execute();
  await db.schema
    .alterTable('stakeholder')
    .addColumn('company_id', 'text', (c) => c.references('company.id'))
    .execute();
  await db.schema
    .createIndex('stakeholder_company_idx')
    .on('stakeholder')
    .columns(['organization_id', 'company_id'])
    .execute();
  await moveData(db);
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropIndex('stakeholder_company_idx').execute();
  await db.schema.alterTable('stakeholder').dropColumn('company_id').execute();
  await db.schema.dropIndex('company_organization_idx').execute();
  await db.schema.dropTable('company').execute();
}

interface Company {
  id: string;
  name: string;
  domains: string[];
}

async function moveData(db: Db): Promise<void> {
  const now = new Date().toISOString();
  const organizations: { id: string }[] = await db.selectFrom('organization').select('id').execute();
  for (const { id: organizationId } of organizations) {
    const people: { id: string; company: string; email: string | null }[] = await db
      .selectFrom('stakeholder')
      .select(['id', 'company', 'email'])
      .where('organization_id', '=', organizationId)
      .where('company', 'is not', null)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    const named = people.filter((p) => companyKey(p.company) !== '');
    const byKey = companiesOf(named);
    const supplierGroups: string[] = (
      await db
        .selectFrom('stakeholder_group')
        .select('id')
        .where('organization_id', '=', organizationId)
        .where('kind', '=', 'supplier')
        .execute()
    ).map((g: { id: string }) => g.id);
    // Responses and aggregates may name companies no stakeholder holds any more: they become records too.
    const values = supplierGroups.length > 0 ? await companyValues(db, organizationId, supplierGroups) : [];
    const orphans = assignCompanies(
      [...byKey.values()],
      values.filter((v) => companyKey(v) !== '' && !byKey.has(companyKey(v))).map((v) => ({ company: v, email: null })),
      { newId: () => newId(), byDomain: false },
    ).created;
    for (const c of orphans) byKey.set(companyKey(c.name), { ...c, domains: [] });
    const companies = [...byKey.values()];
    for (let i = 0; i < companies.length; i += 200) {
      await db
        .insertInto('company')
        .values(
          companies.slice(i, i + 200).map((c) => ({
            id: c.id,
            organization_id: organizationId,
            name: c.name,
            domains: JSON.stringify(c.domains),
            created_at: now,
          })),
        )
        .execute();
    }
    for (const company of companies) {
      const members = named.filter((p) => companyKey(p.company) === companyKey(company.name)).map((p) => p.id);
      for (let i = 0; i < members.length; i += 500) {
        await db
          .updateTable('stakeholder')
          .set({ company_id: company.id })
          .where('organization_id', '=', organizationId)
          .where('id', 'in', members.slice(i, i + 500))
          .execute();
      }
    }
    if (supplierGroups.length > 0) {
      const idOf = (value: string) => byKey.get(companyKey(value))?.id ?? value;
      await rewriteResponses(db, organizationId, supplierGroups, idOf);
      await rewriteAggregates(db, organizationId, supplierGroups, idOf);
    }
  }
}

/** One company per normalised name, named by its most frequent spelling (the earliest on a tie). */
function companiesOf(people: readonly { company: string; email: string | null }[]): Map<string, Company> {
  const spellings = new Map<string, Map<string, number>>();
  const domainKeys = new Map<string, Set<string>>();
  for (const p of people) {
    const key = companyKey(p.company);
    const counts = spellings.get(key) ?? new Map<string, number>();
    counts.set(p.company.trim(), (counts.get(p.company.trim()) ?? 0) + 1);
    spellings.set(key, counts);
    const domain = companyDomain(p.email);
    if (domain !== null) domainKeys.set(domain, (domainKeys.get(domain) ?? new Set()).add(key));
  }
  const companies = new Map<string, Company>();
  for (const [key, counts] of spellings) {
    let best = '';
    let most = 0;
    for (const [spelling, n] of counts) if (n > most) [best, most] = [spelling, n];
    const domains = [...domainKeys].filter(([, keys]) => keys.size === 1 && keys.has(key)).map(([d]) => d);
    companies.set(key, { id: newId(), name: best, domains: domains.sort() });
  }
  return companies;
}

async function companyValues(db: Db, organizationId: string, groups: string[]): Promise<string[]> {
  const rows: { segment_value: string }[] = await db
    .selectFrom('aggregate_respondents')
    .select('segment_value')
    .distinct()
    .where('organization_id', '=', organizationId)
    .where('group_id', 'in', groups)
    .where('segment_key', '=', COMPANY)
    .execute();
  const responses = await db
    .selectFrom('response')
    .select('segments')
    .where('organization_id', '=', organizationId)
    .where('group_id', 'in', groups)
    .where('segments', 'like', '%"company"%')
    .execute();
  const values = new Set(rows.map((r) => r.segment_value));
  for (const r of responses) {
    const value = parseSegments(r.segments)[COMPANY];
    if (value) values.add(value);
  }
  return [...values].sort();
}

async function rewriteResponses(
  db: Db,
  organizationId: string,
  groups: string[],
  idOf: (value: string) => string,
): Promise<void> {
  const responses: { id: string; segments: string }[] = await db
    .selectFrom('response')
    .select(['id', 'segments'])
    .where('organization_id', '=', organizationId)
    .where('group_id', 'in', groups)
    .where('segments', 'like', '%"company"%')
    .execute();
  for (const r of responses) {
    const segments = parseSegments(r.segments);
    const value = segments[COMPANY];
    if (!value || idOf(value) === value) continue;
    segments[COMPANY] = idOf(value);
    await db
      .updateTable('response')
      .set({ segments: JSON.stringify(segments) })
      .where('organization_id', '=', organizationId)
      .where('id', '=', r.id)
      .execute();
  }
}

/** Aggregate rows under the company key, their values mapped to ids and the rows that then share a key summed. */
async function rewriteAggregates(
  db: Db,
  organizationId: string,
  groups: string[],
  idOf: (value: string) => string,
): Promise<void> {
  const tables = [
    { table: 'aggregate_cell', measures: ['n', 'sum', 'sum_sq'], values: [['segment_key', 'segment_value']] },
    { table: 'aggregate_bin', measures: ['count'], values: [['segment_key', 'segment_value']] },
    { table: 'aggregate_respondents', measures: ['n'], values: [['segment_key', 'segment_value']] },
    {
      table: 'aggregate_segment_overlap',
      measures: ['n'],
      values: [
        ['key_a', 'value_a'],
        ['key_b', 'value_b'],
      ],
    },
  ] as const;
  for (const { table, measures, values } of tables) {
    const rows: Record<string, string | number>[] = await db
      .selectFrom(table)
      .selectAll()
      .where('organization_id', '=', organizationId)
      .where('group_id', 'in', groups)
      .where((eb) => eb.or(values.map(([key]) => eb(key, '=', COMPANY))))
      .execute();
    if (rows.length === 0) continue;
    const merged = new Map<string, Record<string, string | number>>();
    for (const row of rows) {
      const next = { ...row };
      for (const [key, value] of values) if (next[key] === COMPANY) next[value] = idOf(String(next[value]));
      const identity = JSON.stringify(
        Object.keys(next)
          .filter((c) => !(measures as readonly string[]).includes(c))
          .sort()
          .map((c) => next[c]),
      );
      const previous = merged.get(identity);
      if (previous) for (const m of measures) previous[m] = Number(previous[m]) + Number(next[m]);
      else merged.set(identity, next);
    }
    await db
      .deleteFrom(table)
      .where('organization_id', '=', organizationId)
      .where('group_id', 'in', groups)
      .where((eb) => eb.or(values.map(([key]) => eb(key, '=', COMPANY))))
      .execute();
    const list = [...merged.values()];
    for (let i = 0; i < list.length; i += 100) {
      await db
        .insertInto(table)
        .values(list.slice(i, i + 100))
        .execute();
    }
  }
}

function parseSegments(text: string): Record<string, string> {
  try {
    const value = JSON.parse(text);
    return value !== null && typeof value === 'object' ? value : {};
  } catch {
    return {};
  }
}
