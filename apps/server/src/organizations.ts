import { createOrganization, type Database } from '@facets/db';
import type { NewOrganization } from '@facets/domain';
import type { Kysely } from 'kysely';
import { newPasswordToken } from './accounts.ts';

export interface CreatedWithAdmin {
  organizationId: string;
  slug: string;
  /** The admin's single-use link token, when no password was given. */
  passwordToken: { token: string; expiresAt: string } | null;
}

/**
 * An organisation and its first admin from checked input (`facets init`, the first-run page): with the password
 * given, hashed the way better-auth hashes it; without, a password link's token, stored hashed with the rest in
 * one transaction.
 */
export async function createOrganizationFor(
  db: Kysely<Database>,
  input: NewOrganization,
  options: {
    onlyIfEmpty?: boolean;
    now: Date;
    hashPassword: (password: string) => Promise<string>;
    newId: () => string;
  },
): Promise<CreatedWithAdmin> {
  const token = input.adminPassword === null ? await newPasswordToken(options.now) : null;
  const created = await createOrganization(db, {
    organization: { name: input.name, slug: input.slug, defaultLocale: input.language },
    admin: { email: input.adminEmail, name: input.adminName },
    credential: token
      ? { passwordToken: { identifier: token.identifier, expiresAt: token.expiresAt } }
      : { passwordHash: await options.hashPassword(input.adminPassword!) },
    onlyIfEmpty: options.onlyIfEmpty,
    now: options.now.toISOString(),
    newId: options.newId,
  });
  return {
    organizationId: created.organizationId,
    slug: input.slug,
    passwordToken: token && { token: token.token, expiresAt: token.expiresAt },
  };
}
