import { createAuthClient } from 'better-auth/react';

type AuthClient = ReturnType<typeof makeClient>;

function makeClient() {
  return createAuthClient({ baseURL: `${window.location.origin}/api/auth` });
}

let client: AuthClient | undefined;

/** better-auth's client on this origin's /api/auth, made on first use (the module also loads in tests). */
export function authClient(): AuthClient {
  client ??= makeClient();
  return client;
}

export type SignInFailure = 'invalid_credentials' | 'too_many_attempts' | 'failed';

/** Signs in with email and password; null on success, otherwise why it failed. */
export async function signInWithEmail(email: string, password: string): Promise<SignInFailure | null> {
  try {
    const { error } = await authClient().signIn.email({ email, password });
    if (!error) return null;
    if (error.status === 401 || error.code === 'INVALID_EMAIL_OR_PASSWORD') return 'invalid_credentials';
    if (error.status === 429) return 'too_many_attempts';
    return 'failed';
  } catch {
    return 'failed';
  }
}

export async function signOut(): Promise<void> {
  await authClient().signOut();
}
