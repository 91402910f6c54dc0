import type { Kysely } from 'kysely';

/**
 * An organisation's OpenID Connect provider for staff sign-in, in the table better-auth's SSO plugin reads
 * (`ssoProvider`, mapped to snake_case in the server's auth.ts): issuer, `oidc_config` (JSON: client id and secret,
 * scopes, endpoints once discovered), the e-mail domains it speaks for (comma-separated, as the plugin reads them).
 * Ours besides: the role a first sign-in is given and whether staff must sign in through it. One provider per
 * organisation. `saml_config` and `user_id` are the plugin's and stay empty. Frozen once landed.
 */

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and typed against no schema
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('sso_provider')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('provider_id', 'text', (c) => c.notNull().unique())
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('oidc_config', 'text')
    .addColumn('saml_config', 'text')
    .addColumn('user_id', 'text', (c) => c.references('auth_user.id'))
    .addColumn('domain', 'text', (c) => c.notNull())
    .addColumn('domain_verified', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('staff_role', 'text', (c) => c.notNull())
    .addColumn('require_sso', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('sso_provider_organization')
    .unique()
    .on('sso_provider')
    .column('organization_id')
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('sso_provider').execute();
}
