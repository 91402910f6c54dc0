/**
 * The three calls the front-ends make to better-auth (/api/auth on this origin), as plain fetches: its client library
 * would add its own fetch wrapper and stores to every portal's bundle for what three POSTs do.
 */

const AUTH = '/api/auth';

async function post(path: string, body: unknown): Promise<Response> {
  return fetch(`${window.location.origin}${AUTH}${path}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/**
 * Why a sign-in failed. `wrong_address`: the page is not at an address the server trusts (the server's Origin check),
 * with the public address it is configured for (BASE_URL) when it said.
 */
export type SignInFailure =
  | { reason: 'invalid_credentials' | 'too_many_attempts' | 'failed' | 'sso_required' | 'sso_not_configured' }
  | { reason: 'wrong_address'; baseUrl: string | null };

const FAILED: SignInFailure = { reason: 'failed' };

async function failureOf(response: Response): Promise<SignInFailure> {
  if (response.status === 429) return { reason: 'too_many_attempts' };
  const error = (await response.json().catch(() => null)) as {
    code?: unknown;
    error?: unknown;
    baseUrl?: unknown;
  } | null;
  if (response.status === 403 && (error?.error === 'forbidden_origin' || error?.code === 'INVALID_ORIGIN')) {
    const baseUrl = typeof error.baseUrl === 'string' && /^https?:\/\//.test(error.baseUrl) ? error.baseUrl : null;
    return { reason: 'wrong_address', baseUrl };
  }
  if (response.status === 401 || error?.code === 'INVALID_EMAIL_OR_PASSWORD') return { reason: 'invalid_credentials' };
  // The organisation requires its own sign-in (server sso.ts); no provider for this address or organisation.
  if (error?.code === 'SSO_REQUIRED') return { reason: 'sso_required' };
  if (response.status === 404) return { reason: 'sso_not_configured' };
  return FAILED;
}

/** Signs in with email and password; null on success, otherwise why it failed. */
export async function signInWithEmail(email: string, password: string): Promise<SignInFailure | null> {
  try {
    const response = await post('/sign-in/email', { email, password });
    return response.ok ? null : await failureOf(response);
  } catch {
    return FAILED;
  }
}

/**
 * Asks for a one-time sign-in link by e-mail, to come back to `callbackURL` (a path of this site). The server answers
 * the same whether or not it knows the address; null when the request was taken.
 */
export async function requestSignInLink(
  email: string,
  args: { callbackURL: string; lang: string },
): Promise<SignInFailure | null> {
  try {
    const response = await post('/sign-in/magic-link', {
      email,
      callbackURL: args.callbackURL,
      errorCallbackURL: `${args.callbackURL}?signin=expired`,
      metadata: { lang: args.lang },
    });
    if (response.ok) return null;
    const failure = await failureOf(response);
    return failure.reason === 'invalid_credentials' ? FAILED : failure;
  } catch {
    return FAILED;
  }
}

/**
 * Starts a sign-in through the organisation's own provider, found by the address's domain or the organisation's
 * slug: the browser goes to the provider, which sends it back through the server to `callbackURL`, or to
 * `callbackURL?sso=failed&error=<reason>` when the server refuses the person. Resolves only when it fails here.
 */
export async function startSingleSignOn(
  who: { email: string } | { organizationSlug: string },
  args: { callbackURL: string },
): Promise<SignInFailure> {
  try {
    const response = await post('/sign-in/sso', {
      ...who,
      callbackURL: args.callbackURL,
      errorCallbackURL: `${args.callbackURL}?sso=failed`,
    });
    if (!response.ok) return await failureOf(response);
    const { url } = (await response.json()) as { url?: unknown };
    if (typeof url !== 'string' || !/^https?:\/\//.test(url)) return FAILED;
    window.location.assign(url);
    return await new Promise<never>(() => {});
  } catch {
    return FAILED;
  }
}

export async function signOut(): Promise<void> {
  await post('/sign-out', {});
}

export type PasswordFailure = 'invalid_token' | 'failed';

/** Chooses a password with the single-use token of a set-password link; null on success. */
export async function resetPassword(newPassword: string, token: string): Promise<PasswordFailure | null> {
  try {
    const response = await post('/reset-password', { newPassword, token });
    if (response.ok) return null;
    const error = (await response.json().catch(() => null)) as { code?: unknown } | null;
    return error?.code === 'INVALID_TOKEN' ? 'invalid_token' : 'failed';
  } catch {
    return 'failed';
  }
}
