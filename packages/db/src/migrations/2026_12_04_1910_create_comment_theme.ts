import type { Kysely } from 'kysely';

/**
 * An organisation's changes to the built-in comment themes (domain `text/catalogue.ts`): a theme's own name, the
 * theme it is merged into, the dimension it is mapped to. One row per theme changed; applied when comments are read,
 * never to the stored analyses. Holds nothing about a respondent. Frozen once landed.
 */

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and typed against no schema
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('comment_theme')
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    // JSON { fr?, en? }, null: the built-in name.
    .addColumn('label', 'text')
    .addColumn('merged_into', 'text')
    .addColumn('dimension_id', 'text', (c) => c.references('dimension.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('comment_theme_pk', ['organization_id', 'code'])
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('comment_theme').execute();
}
