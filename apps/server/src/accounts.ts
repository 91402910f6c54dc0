import { createHash, randomBytes } from 'node:crypto';
import { type Accounts, PASSWORD_LINK_DAYS } from '@facets/api';
import type { Auth } from './auth.ts';

/**
 * The API's accounts service on better-auth: invited staff get a user without a password and a link that goes
 * through better-auth's own reset flow (`POST /api/auth/reset-password { token, newPassword }`), which hashes the
 * password, creates the credential account when there is none and consumes the token once. The token is recorded
 * the way better-auth's request-password-reset endpoint records it, under a hash (`passwordTokenIdentifier`, which
 * auth.ts gives better-auth); the round trip is tested in accounts.test.ts.
 */
export function createAccounts(auth: Auth): Accounts {
  return {
    async ensureUser({ email, name }) {
      const ctx = await auth.$context;
      const found = await ctx.internalAdapter.findUserByEmail(email);
      if (found) return { userId: found.user.id };
      // The admin vouches for the address; choosing a password through the link sent to it proves it.
      const created = await ctx.internalAdapter.createUser({ email, name, emailVerified: true }, { method: 'admin' });
      return { userId: created.id };
    },
    async issuePasswordToken(userId) {
      const ctx = await auth.$context;
      const token = randomBytes(24).toString('base64url');
      // Real time, not the app's injected clock: better-auth checks the expiry against the real time.
      const expiresAt = new Date(Date.now() + PASSWORD_LINK_DAYS * 24 * 60 * 60 * 1000);
      await ctx.internalAdapter.createVerificationValue({
        identifier: `${PASSWORD_TOKEN_PREFIX}${token}`,
        value: userId,
        expiresAt,
      });
      return { token, expiresAt: expiresAt.toISOString() };
    },
  };
}

/** The prefix better-auth gives the verification row of a password-reset token. */
export const PASSWORD_TOKEN_PREFIX = 'reset-password:';

/**
 * How a password token's verification row is stored: the SHA-256 of `reset-password:<token>`, so that whoever reads
 * the database holds no usable link. better-auth hashes with it on every read and write (auth.ts); `facets init`
 * writes the row itself, in the transaction that creates the admin.
 */
export async function passwordTokenIdentifier(identifier: string): Promise<string> {
  return createHash('sha256').update(identifier).digest('base64url');
}

/** A new password token (24 random bytes) and the verification row that lets it be used once before `expiresAt`. */
export async function newPasswordToken(now: Date): Promise<{ token: string; identifier: string; expiresAt: string }> {
  const token = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + PASSWORD_LINK_DAYS * 24 * 60 * 60 * 1000).toISOString();
  return { token, identifier: await passwordTokenIdentifier(`${PASSWORD_TOKEN_PREFIX}${token}`), expiresAt };
}
