import type { Kysely } from 'kysely';

/**
 * Any organisation can adopt Facets: it writes in French, English or both (`organization.languages`, a JSON array;
 * both for the organisations already here), and keeps its own lists of owner departments, initiative kinds and promise
 * channels (`organization_list_entry`), each entry a code, a label in its languages and an archive mark. Every
 * organisation already here gets the built-in entries, written out below as they stood. Frozen once landed.
 */

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and typed against no schema
type Db = Kysely<any>;

const ENTRIES: Record<string, [string, string, string][]> = {
  department: [
    ['leadership', 'Direction', 'Leadership'],
    ['marketing', 'Marketing', 'Marketing'],
    ['hr', 'RH', 'HR'],
    ['it', 'Informatique', 'IT'],
    ['procurement', 'Achats', 'Procurement'],
    ['finance', 'Finance', 'Finance'],
    ['operations', 'Opérations', 'Operations'],
    ['customer_service', 'Service client', 'Customer service'],
    ['investor_relations', 'Relations investisseurs', 'Investor relations'],
  ],
  initiative_kind: [
    ['communication', 'Communication', 'Communication'],
    ['service', 'Service', 'Service'],
    ['offer', 'Offre', 'Offer'],
    ['process', 'Processus', 'Process'],
    ['digital', 'Numérique', 'Digital'],
    ['policy', 'Politique', 'Policy'],
    ['training', 'Formation', 'Training'],
  ],
  promise_channel: [
    ['marketing', 'Marketing', 'Marketing'],
    ['employer_brand', 'Marque employeur', 'Employer brand'],
    ['supplier_charter', 'Charte fournisseurs', 'Supplier charter'],
    ['investor_story', 'Discours investisseurs', 'Investor story'],
    ['other', 'Autre', 'Other'],
  ],
};

export async function up(db: Db): Promise<void> {
  await db.schema
    .alterTable('organization')
    .addColumn('languages', 'text', (c) => c.notNull().defaultTo('["fr","en"]'))
    .execute();
  await db.schema
    .createTable('organization_list_entry')
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('list', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('organization_list_entry_pk', ['organization_id', 'list', 'code'])
    .execute();
  const organizations: { id: string; created_at: string }[] = await db
    .selectFrom('organization')
    .select(['id', 'created_at'])
    .execute();
  for (const o of organizations) {
    const rows = Object.entries(ENTRIES).flatMap(([list, entries]) =>
      entries.map(([code, fr, en], position) => ({
        organization_id: o.id,
        list,
        code,
        label: JSON.stringify({ fr, en }),
        position,
        archived_at: null,
        created_at: o.created_at,
      })),
    );
    await db.insertInto('organization_list_entry').values(rows).execute();
  }
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('organization_list_entry').execute();
  await db.schema.alterTable('organization').dropColumn('languages').execute();
}
