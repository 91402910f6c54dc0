/**
 * The seam between the API and the authentication library: the API decides who becomes a staff member, the server
 * (which owns better-auth) creates the user and the password link. Tests inject a fake; the API never sees a password.
 */
export interface Accounts {
  /** The user with this email (lower-cased), created without a password when there is none; `name` names a new one. */
  ensureUser(user: { email: string; name: string }): Promise<{ userId: string }>;
  /**
   * A single-use token with which the user chooses a password (console page `set-password?token=…`), valid until
   * `expiresAt`. Issuing one does not touch a password the user may already have until the token is used.
   */
  issuePasswordToken(userId: string): Promise<{ token: string; expiresAt: string }>;
}

/** Where no accounts service was wired (scripts, read-only tools): inviting fails loudly instead of half-working. */
export const noAccounts: Accounts = {
  ensureUser: () => Promise.reject(new Error('No accounts service is configured: staff cannot be invited here.')),
  issuePasswordToken: () =>
    Promise.reject(new Error('No accounts service is configured: password links cannot be issued here.')),
};

/** How long an invitation's password link stays valid. */
export const PASSWORD_LINK_DAYS = 7;
