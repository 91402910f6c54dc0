import { DEFAULT_K, DomainError, fieldError, type Locale } from '@facets/domain';
import { type Kysely, sql } from 'kysely';
import { seedListEntries } from '../model/lists.ts';
import { inTransaction, isUniqueViolation } from '../repositories/rows.ts';
import type { Database } from '../schema.ts';

export interface CreateOrganizationArgs {
  organization: { name: string; slug: string; defaultLocale: Locale };
  admin: { email: string; name: string };
  /**
   * How the admin signs in: a password hash (better-auth's, for its credential account), or a password link's
   * verification row, its identifier as better-auth stores it (hashed); the row's value is the new user's id.
   */
  credential: { passwordHash: string } | { passwordToken: { identifier: string; expiresAt: string } };
  /** Refused unless the database holds no organisation yet (the console's first-run page). */
  onlyIfEmpty?: boolean;
  now: string;
  newId: () => string;
}

export interface CreatedOrganization {
  organizationId: string;
  userId: string;
  memberId: string;
}

const slugTaken = (slug: string) =>
  fieldError('conflict', 'slug', `an organisation with the slug ${slug} already exists`, 'duplicate');

/**
 * A new organisation and its first admin — the user, their credential or password link, their membership — in one
 * transaction: on any refusal nothing is written. The thresholds start at the defaults (k = 5 for scores and
 * comments), the languages at both and the lists (departments, initiative kinds, channels) at the built-in entries;
 * the admin changes them in Settings and the Organisation model.
 */
export async function createOrganization(
  db: Kysely<Database>,
  args: CreateOrganizationArgs,
): Promise<CreatedOrganization> {
  const organizationId = args.newId();
  const userId = args.newId();
  const memberId = args.newId();
  try {
    await inTransaction(db, async (trx) => {
      if (args.onlyIfEmpty) {
        const any = await trx.selectFrom('organization').select('id').limit(1).executeTakeFirst();
        if (any) throw new DomainError('conflict', 'Facets is already set up: sign in instead', undefined, 'conflict');
      }
      const { slug } = args.organization;
      if (await trx.selectFrom('organization').select('id').where('slug', '=', slug).executeTakeFirst()) {
        throw slugTaken(slug);
      }
      const email = args.admin.email.trim().toLowerCase();
      const existing = await trx
        .selectFrom('auth_user')
        .select('id')
        .where(sql<string>`lower(email)`, '=', email)
        .executeTakeFirst();
      if (existing) throw fieldError('conflict', 'adminEmail', 'already belongs to an account', 'duplicate');

      await trx
        .insertInto('organization')
        .values({
          id: organizationId,
          slug,
          name: args.organization.name,
          default_locale: args.organization.defaultLocale,
          k_threshold: DEFAULT_K,
          comment_threshold: DEFAULT_K,
          created_at: args.now,
        })
        .execute();
      await seedListEntries(trx, { organizationId, now: args.now });
      await trx
        .insertInto('auth_user')
        .values({
          id: userId,
          name: args.admin.name,
          email,
          // Whoever runs the command or holds the setup code vouches for the address, as an admin does when inviting.
          email_verified: 1,
          image: null,
          created_at: args.now,
          updated_at: args.now,
        })
        .execute();
      if ('passwordHash' in args.credential) {
        await trx
          .insertInto('auth_account')
          .values({
            id: args.newId(),
            user_id: userId,
            account_id: userId,
            provider_id: 'credential',
            access_token: null,
            refresh_token: null,
            id_token: null,
            access_token_expires_at: null,
            refresh_token_expires_at: null,
            scope: null,
            password: args.credential.passwordHash,
            created_at: args.now,
            updated_at: args.now,
          })
          .execute();
      } else {
        await trx
          .insertInto('auth_verification')
          .values({
            id: args.newId(),
            identifier: args.credential.passwordToken.identifier,
            value: userId,
            expires_at: args.credential.passwordToken.expiresAt,
            created_at: args.now,
            updated_at: args.now,
          })
          .execute();
      }
      await trx
        .insertInto('member')
        .values({
          id: memberId,
          organization_id: organizationId,
          user_id: userId,
          role: 'admin',
          department: null,
          stakeholder_id: null,
          created_at: args.now,
          removed_at: null,
        })
        .execute();
    });
  } catch (error) {
    // Two creations at once: the unique indexes decide, and the loser wrote nothing.
    if (!isUniqueViolation(error)) throw error;
    const slug = args.organization.slug;
    if (await db.selectFrom('organization').select('id').where('slug', '=', slug).executeTakeFirst()) {
      throw slugTaken(slug);
    }
    throw fieldError('conflict', 'adminEmail', 'already belongs to an account', 'duplicate');
  }
  return { organizationId, userId, memberId };
}
