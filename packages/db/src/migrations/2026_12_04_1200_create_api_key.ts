import type { Kysely } from 'kysely';

/**
 * Keys of the public REST API (`/api/v1`), created by an organisation's admins: a name, scopes (JSON list of domain
 * `API_SCOPES`), the public lookup part of the key (unique: a key is found by it in one indexed read, whatever its
 * organisation) and the SHA-256 of its secret part, never the secret itself. `created_by_member_id` is the admin it
 * acts for; `last_used_at` is written at most once a minute; `revoked_at` ends it. Frozen once landed.
 */

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and typed against no schema
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('api_key')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('scopes', 'text', (c) => c.notNull())
    .addColumn('lookup', 'text', (c) => c.notNull().unique())
    .addColumn('secret_hash', 'text', (c) => c.notNull())
    .addColumn('created_by_member_id', 'text', (c) => c.notNull().references('member.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema
    .createIndex('api_key_organization')
    .on('api_key')
    .columns(['organization_id', 'created_at'])
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('api_key').execute();
}
